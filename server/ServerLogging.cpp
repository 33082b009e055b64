#include "ServerLogging.h"

Q_LOGGING_CATEGORY(lcServer, "chat.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "chat.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDispatch, "chat.dispatch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "chat.storage", QtInfoMsg)
