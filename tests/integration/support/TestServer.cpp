#include "TestServer.h"

#include "storage/StorageError.h"

#include <QTest>

using namespace chat::server;

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
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
    return open();
}

bool TestServer::open()
{
    try {
        m_store = SqlStore::openSqlite(databasePath());
        m_store->clearMemberships();
    } catch (const StorageError &error) {
        qWarning("TestServer: %s", error.what());
        return false;
    }
    ChatServer::Options options = m_options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    m_server = std::make_unique<ChatServer>(*m_store, options);
    return m_server->listen();
}

void TestServer::stop()
{
    m_server.reset();
    QTest::qWait(20); // let deleteLater'd sessions go before their store does
    m_store.reset();
}

bool TestServer::restart()
{
    stop();
    return open();
}

QUrl TestServer::url() const
{
    const QString scheme = m_options.tls ? QStringLiteral("wss") : QStringLiteral("ws");
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_server ? m_server->port() : 0));
}
