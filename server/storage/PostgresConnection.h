#pragma once

#include "DatabaseUrl.h"

#include <QSqlDatabase>

namespace chat::server {

// Adds a QPSQL connection named connectionName for url, configured but not opened. Every connection of a
// node waits at most a few seconds: to connect, for the write lock of a node that hangs; and a node that
// stops in the middle of a transaction loses it instead of holding everyone up.
// The application name shows the connection's role in pg_stat_activity ("chat-server",
// "chat-server-listener").
QSqlDatabase addPostgresConnection(const DatabaseUrl &url, const QString &connectionName,
                                   const QString &applicationName = QStringLiteral("chat-server"));

} // namespace chat::server
