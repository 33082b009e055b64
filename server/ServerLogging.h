#pragma once

#include <QLoggingCategory>

// One category per area; `--log-level` and QT_LOGGING_RULES select what is printed.
Q_DECLARE_LOGGING_CATEGORY(lcServer) // chat.server: start, stop, listening address
Q_DECLARE_LOGGING_CATEGORY(lcSession) // chat.session: connections and disconnections
Q_DECLARE_LOGGING_CATEGORY(lcDispatch) // chat.dispatch: calls and their outcome
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // chat.storage: the database
