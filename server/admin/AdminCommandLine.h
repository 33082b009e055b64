#pragma once

#include "AdminRequest.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace chat::server {

// The arguments of "chat-server admin [OPTIONS] COMMAND ...": the request, the database and the control
// socket, with the same defaults and environment variables as the server.
struct AdminCommandLine
{
    AdminRequest request;
    QString database; // --db, CHAT_DB, or the server's default
    QString controlSocket; // --control-socket, CHAT_CONTROL_SOCKET; empty: next to the SQLite file

    struct Parse;
    // arguments: the program name, then what follows "admin".
    static Parse parse(const QStringList &arguments);
};

struct AdminCommandLine::Parse
{
    std::optional<AdminCommandLine> commandLine; // nullopt: exit with exitCode after printing output
    int exitCode = 0;
    QString output; // --help text (standard output) or a one-line error (standard error)
};

} // namespace chat::server
