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

bool TestServer::start(int pingIntervalMs)
{
    m_pingIntervalMs = pingIntervalMs;
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
    ChatServer::Options options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.pingIntervalMs = m_pingIntervalMs;
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
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server ? m_server->port() : 0));
}
