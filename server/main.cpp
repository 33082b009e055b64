#include "HealthCheck.h"
#include "ServerConfig.h"
#include "ServerLogging.h"
#include "SignalWatcher.h"
#include "admin/AdminActions.h"
#include "admin/AdminTool.h"
#include "admin/ControlServer.h"
#include "cluster/ClusterNode.h"
#include "metrics/MetricsEndpoint.h"
#include "storage/DatabaseUrl.h"
#include "storage/SqlStore.h"
#include "storage/StorageError.h"
#include "transport/ChatServer.h"
#include "transport/EpollEventDispatcher.h"
#include "transport/TlsFiles.h"

#include <QCoreApplication>

#include <cstdio>
#include <sys/resource.h>

using namespace chat::server;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "chat-server: %s\n", qUtf8Printable(message));
    return 1;
}

// Every connection is a file descriptor; a soft limit of 1024 (a common default) would refuse connections
// long before the connection limit. Raising the soft limit to the hard one needs no privilege.
void raiseOpenFilesLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == limit.rlim_max)
        return;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        std::fprintf(stderr, "chat-server: cannot raise the open-files limit\n");
}

// The event loop: ours on epoll unless CHAT_EVENT_LOOP=qt asks for Qt's own (glib's or Qt's poll loop).
void installEventLoop()
{
    if (qEnvironmentVariable("CHAT_EVENT_LOOP") == QLatin1String("qt"))
        return;
    auto dispatcher = std::make_unique<EpollEventDispatcher>();
    if (!dispatcher->isValid()) {
        std::fprintf(stderr, "chat-server: epoll is not available, using Qt's event loop\n");
        return;
    }
    QCoreApplication::setEventDispatcher(dispatcher.release()); // the application takes it
}

// The commands of "chat-server admin" that arrive on the control socket: the server carries them out in a
// batch of its own and tells its clients.
ControlServer::Handler operatorCommands(ChatServer &server)
{
    return [&server](const AdminRequest &request) {
        AdminReply reply;
        QString error;
        const bool stored = server.runAlone(
            [&](Store &store, CallDispatcher &dispatcher) {
                reply = AdminActions(store, dispatcher).run(request);
            },
            &error);
        return stored ? reply : AdminReply::failure(error);
    };
}

// SQLite only: with several nodes on PostgreSQL the tool writes events instead.
void listenForOperator(ControlServer &control, const ServerConfig &config, const DatabaseUrl &url)
{
    const QString path =
        config.controlSocket.isEmpty() ? ControlServer::defaultPath(url) : config.controlSocket;
    if (path.isEmpty() || url.isPostgres())
        return;
    if (control.listen(path))
        qCInfo(lcServer).noquote() << "control socket" << path;
    else
        qCWarning(lcServer).noquote() << "no control socket at" << path << ":" << control.errorString();
}

} // namespace

int main(int argc, char *argv[])
{
    raiseOpenFilesLimit();
    installEventLoop();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chat-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("socket-chat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    qSetMessagePattern(
        QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
                       "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif}"
                       " %{category}: %{message}"));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("admin")) {
        arguments.removeAt(1);
        return AdminTool::run(arguments);
    }
    const auto parsed = ServerConfig::parse(arguments);
    if (!parsed.config) {
        std::fprintf(parsed.exitCode == 0 ? stdout : stderr, "%s\n", qUtf8Printable(parsed.output));
        return parsed.exitCode;
    }
    const ServerConfig &config = *parsed.config;
    ServerConfig::applyLogLevel(config.logLevel);

    SignalWatcher signalWatcher;
    QString urlError;
    const DatabaseUrl databaseUrl = *DatabaseUrl::parse(config.database, &urlError); // checked by the parse
    std::unique_ptr<SqlStore> store;
    try {
        store = SqlStore::open(databaseUrl, config.nodeId);
        if (config.check)
            return runHealthCheck(*store, databaseUrl, config.nodeIdGiven ? config.nodeId : QString());
        // Alone on its database, nobody is in a room before anyone has connected. With several nodes, only
        // this node's users leave (the cluster node does it), and those of nodes that are gone.
        if (!databaseUrl.isPostgres())
            store->clearMemberships();
    } catch (const StorageError &error) {
        return fail(
            QStringLiteral("database %1: %2").arg(databaseUrl.display(), QString::fromUtf8(error.what())));
    }

    ChatServer::Options options;
    options.address = config.address;
    options.port = config.port;
    options.limits = config.limits;
    options.caps = config.caps;
    options.allowedOrigins = config.allowedOrigins;
    if (!config.tlsCertificate.isEmpty()) {
        auto tls = TlsFiles::load(config.tlsCertificate, config.tlsKey);
        if (const auto *error = std::get_if<QString>(&tls))
            return fail(*error);
        options.tls = std::get<QSslConfiguration>(tls);
    }
    ChatServer server(*store, options);
    // Bound first, so that a bad metrics address ends the server before it joins other nodes or anyone
    // connects.
    std::unique_ptr<MetricsEndpoint> metrics;
    if (config.metrics) {
        metrics = std::make_unique<MetricsEndpoint>(server.metrics());
        if (!metrics->listen(config.metricsAddress, config.metricsPort))
            return fail(QStringLiteral("cannot serve metrics on %1:%2: %3")
                            .arg(config.metricsHost)
                            .arg(config.metricsPort)
                            .arg(metrics->errorString()));
    }
    std::unique_ptr<ClusterNode> cluster;
    if (databaseUrl.isPostgres()) {
        cluster = std::make_unique<ClusterNode>(server, *store, *store, databaseUrl);
        try {
            cluster->start();
        } catch (const StorageError &error) {
            return fail(QStringLiteral("database %1: %2")
                            .arg(databaseUrl.display(), QString::fromUtf8(error.what())));
        }
    }
    if (!server.listen())
        return fail(QStringLiteral("cannot listen on %1:%2: %3")
                        .arg(config.host)
                        .arg(config.port)
                        .arg(server.errorString()));

    ControlServer control(operatorCommands(server));
    listenForOperator(control, config, databaseUrl);
    qCInfo(lcServer).noquote() << "listening on"
                               << QStringLiteral("%1://%2:%3")
                                      .arg(options.tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                                      .arg(config.host)
                                      .arg(server.port())
                               << "with database" << store->description() << "as node" << config.nodeId;

    if (metrics)
        qCInfo(lcServer).noquote()
            << "metrics on"
            << QStringLiteral("http://%1:%2/metrics").arg(config.metricsHost).arg(metrics->port());

    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &server, [&](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received";
        server.shutdown();
    });
    QObject::connect(&server, &ChatServer::shutDown, &app, &QCoreApplication::quit);
    const int code = app.exec();
    control.close();
    if (cluster)
        cluster->stop();
    qCInfo(lcServer) << "stopped";
    return code;
}
