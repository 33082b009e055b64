#include "TestServer.h"

#include "storage/PostgresConnection.h"
#include "storage/StorageError.h"

#include <QTest>
#include <QUuid>

using namespace chat::server;

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

bool TestServer::usesPostgres()
{
    return qEnvironmentVariable("CHAT_TEST_DATABASE") == QLatin1String("postgres");
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
    if (!usesPostgres()) {
        m_database = DatabaseUrl {};
        m_database.sqlitePath = databasePath();
        return true;
    }
    const QString base = qEnvironmentVariable("CHAT_TEST_POSTGRES_URL");
    if (base.isEmpty()) {
        qWarning(
            "TestServer: CHAT_TEST_POSTGRES_URL is not set (run the tests through scripts/with-postgres.sh)");
        return false;
    }
    const QString schema = QStringLiteral("test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    QString error;
    const auto url = DatabaseUrl::parse(QStringLiteral("%1?schema=%2").arg(base, schema), &error);
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
    QTest::qWait(20); // let deleteLater'd sessions go before their store does
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
