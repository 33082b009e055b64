#include "AdminTool.h"

#include "AdminActions.h"
#include "AdminOutbox.h"
#include "ControlClient.h"
#include "ControlServer.h"
#include "dispatch/CallDispatcher.h"
#include "storage/DatabaseUrl.h"
#include "storage/SqlStore.h"
#include "storage/StorageError.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>
#include <QSysInfo>

#include <cstdio>

namespace chat::server {

namespace {
using Command = AdminRequest::Command;
} // namespace

int AdminTool::run(const QStringList &arguments)
{
    const auto parsed = AdminCommandLine::parse(arguments);
    if (!parsed.commandLine) {
        std::fprintf(parsed.exitCode == 0 ? stdout : stderr, "%s\n", qUtf8Printable(parsed.output));
        return parsed.exitCode;
    }
    AdminTool tool(*parsed.commandLine);
    return finish(tool.execute());
}

AdminTool::AdminTool(AdminCommandLine commandLine)
    : m_commandLine(std::move(commandLine))
{ }

int AdminTool::finish(const AdminReply &reply)
{
    std::fwrite(reply.output.constData(), 1, size_t(reply.output.size()), stdout);
    std::fflush(stdout);
    if (!reply.error.isEmpty())
        std::fprintf(stderr, "chat-server admin: %s\n", qUtf8Printable(reply.error.simplified()));
    return reply.exitCode;
}

AdminReply AdminTool::execute()
{
    QString urlError;
    const auto url = DatabaseUrl::parse(m_commandLine.database, &urlError);
    if (!url)
        return AdminReply::failure(QStringLiteral("--db: %1").arg(urlError), 2);
    const AdminRequest &request = m_commandLine.request;
    if (url->isPostgres() && request.command == Command::Backup)
        return AdminReply::failure(QStringLiteral("back up a PostgreSQL database with pg_dump, for example: "
                                                  "pg_dump --format=custom --file=chat.dump DBNAME"));
    if (!url->isPostgres() && !QFileInfo(url->sqlitePath).isFile())
        return AdminReply::failure(QStringLiteral("no database file at %1").arg(url->sqlitePath));
    if (!url->isPostgres() && request.changesData()) {
        const QString socket = m_commandLine.controlSocket.isEmpty() ? ControlServer::defaultPath(*url)
                                                                     : m_commandLine.controlSocket;
        ControlClient server(socket);
        switch (server.presence()) {
        case ControlClient::Presence::Running:
            return server.send(request);
        case ControlClient::Presence::Inaccessible:
            return AdminReply::failure(server.errorString());
        case ControlClient::Presence::Absent:
            break;
        }
    }
    return executeOnDatabase(*url);
}

AdminReply AdminTool::executeOnDatabase(const DatabaseUrl &url)
{
    // Its own node id on PostgreSQL: the nodes read the events it writes as another node's.
    const QString nodeId = QStringLiteral("admin:%1:%2")
                               .arg(QSysInfo::machineHostName())
                               .arg(QCoreApplication::applicationPid());
    try {
        const std::unique_ptr<SqlStore> store = SqlStore::open(url, nodeId);
        switch (m_commandLine.request.command) {
        case Command::Backup:
            return backup(*store);
        case Command::Check:
            return check(*store);
        default:
            return writeOutputFile(runActions(*store, url.isPostgres()));
        }
    } catch (const StorageError &error) {
        const QString reason = QString::fromUtf8(error.what());
        if (reason.contains(QLatin1String("database is locked")))
            return AdminReply::failure(
                QStringLiteral("database %1 is locked by another process: try again later")
                    .arg(url.display()));
        return AdminReply::failure(QStringLiteral("database %1: %2").arg(url.display(), reason));
    }
}

AdminReply AdminTool::runActions(SqlStore &store, bool postgres)
{
    const AdminRequest &request = m_commandLine.request;
    AdminOutbox outbox(postgres ? &store : nullptr);
    CallDispatcher dispatcher(store, outbox);
    AdminActions actions(store, dispatcher);
    if (!request.changesData())
        return actions.run(request);
    // One transaction (on PostgreSQL under the nodes' write lock): the change and its events, or nothing.
    store.beginWritingBatch();
    try {
        const AdminReply reply = actions.run(request);
        if (!reply.ok()) {
            store.rollbackBatch();
            return reply;
        }
        store.notifyNodes();
        store.commitBatch();
        return reply;
    } catch (const StorageError &) {
        store.rollbackBatch();
        throw;
    }
}

AdminReply AdminTool::backup(SqlStore &store)
{
    const QString &file = m_commandLine.request.file;
    if (QFileInfo::exists(file))
        return AdminReply::failure(
            QStringLiteral("%1 exists already: the backup goes into a new file").arg(file));
    store.backupTo(file);
    return AdminReply::success(
        QStringLiteral("backed up %1 into %2\n").arg(store.description(), file).toUtf8());
}

AdminReply AdminTool::check(SqlStore &store)
{
    const QStringList problems = store.consistencyProblems();
    if (problems.isEmpty())
        return AdminReply::success(QStringLiteral("%1: ok\n").arg(store.description()).toUtf8());
    AdminReply reply = AdminReply::failure(
        QStringLiteral("%1: %2 problems found").arg(store.description()).arg(problems.size()));
    reply.output = (problems.join(u'\n') + u'\n').toUtf8();
    return reply;
}

AdminReply AdminTool::writeOutputFile(AdminReply reply)
{
    const QString &file = m_commandLine.request.file;
    if (!reply.ok() || m_commandLine.request.command != Command::Export || file.isEmpty())
        return reply;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(reply.output) != reply.output.size() || !out.commit())
        return AdminReply::failure(QStringLiteral("cannot write %1: %2").arg(file, out.errorString()));
    return AdminReply::success({});
}

} // namespace chat::server
