#include "TestServer.h"

#include "TestDatabase.h"
#include "storage/PostgresConnection.h"
#include "storage/StorageError.h"

#include <QCoreApplication>
#include <QTest>

using namespace chat::server;

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

bool TestServer::usesPostgres()
{
    return TestDatabase::usesPostgres();
}

QString TestServer::databasePath() const
{
    return m_folder.filePath(QStringLiteral("chat-%1.db").arg(m_databaseNumber));
}

ChatServer::Options TestServer::defaultOptions(int pingIntervalMs)
{
    ChatServer::Options options;
    options.limits.pingIntervalMs = pingIntervalMs;
    return options;
}

bool TestServer::start(int pingIntervalMs)
{
    return start(defaultOptions(pingIntervalMs));
}

bool TestServer::start(const ChatServer::Options &options)
{
    m_options = options;
    ++m_databaseNumber;
    return chooseDatabase() && open();
}

bool TestServer::chooseDatabase()
{
    const auto database = TestDatabase::freshDatabase(databasePath());
    if (!database)
        return false;
    QString error;
    const auto url = DatabaseUrl::parse(*database, &error);
    if (!url) {
        qWarning("TestServer: %s", qPrintable(error));
        return false;
    }
    m_database = *url;
    return true;
}

bool TestServer::open()
{
    try {
        m_store = SqlStore::open(m_database, QStringLiteral("test-node"));
        if (!m_database.isPostgres())
            m_store->clearMemberships();
    } catch (const StorageError &error) {
        qWarning("TestServer: %s", error.what());
        return false;
    }
    ChatServer::Options options = m_options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    m_server = std::make_unique<ChatServer>(*m_store, options);
    if (m_database.isPostgres()) {
        m_cluster = std::make_unique<ClusterNode>(*m_server, *m_store, *m_store, m_database);
        try {
            m_cluster->start();
        } catch (const StorageError &error) {
            qWarning("TestServer: %s", error.what());
            return false;
        }
    }
    return m_server->listen();
}

void TestServer::stop()
{
    if (m_cluster)
        m_cluster->stop();
    m_cluster.reset();
    m_server.reset();
    // The deleteLater'd sessions go before their store does: deleted now, not after some time.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_store.reset();
}

bool TestServer::restart()
{
    stop();
    return open();
}

QSqlDatabase TestServer::openReader(const QString &connectionName) const
{
    QSqlDatabase reader;
    if (m_database.isPostgres()) {
        reader = addPostgresConnection(m_database, connectionName);
    } else {
        reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        reader.setDatabaseName(m_database.sqlitePath);
        reader.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    }
    reader.open();
    return reader;
}

QUrl TestServer::url() const
{
    const QString scheme = m_options.tls ? QStringLiteral("wss") : QStringLiteral("ws");
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_server ? m_server->port() : 0));
}
