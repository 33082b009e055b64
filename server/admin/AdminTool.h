#pragma once

#include "AdminCommandLine.h"
#include "AdminReply.h"

#include <QStringList>

#include <memory>

namespace chat::server {

class SqlStore;
struct DatabaseUrl;

// "chat-server admin": runs one operator command and returns the exit code. Commands that change data go to
// the running server's control socket when one answers there (SQLite); otherwise the tool changes the
// database itself, on PostgreSQL with events for every node's clients in the same transaction.
class AdminTool
{
public:
    // arguments: the program name, then what follows "admin".
    static int run(const QStringList &arguments);

private:
    explicit AdminTool(AdminCommandLine commandLine);
    AdminReply execute();
    AdminReply executeOnDatabase(const DatabaseUrl &url);
    AdminReply runActions(SqlStore &store, bool postgres);
    AdminReply backup(SqlStore &store);
    AdminReply check(SqlStore &store);
    // export --output FILE: the output goes there instead of standard output.
    AdminReply writeOutputFile(AdminReply reply);
    static int finish(const AdminReply &reply);

    AdminCommandLine m_commandLine;
};

} // namespace chat::server
