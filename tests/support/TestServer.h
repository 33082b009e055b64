#pragma once

#include "cluster/ClusterNode.h"
#include "storage/DatabaseUrl.h"
#include "storage/SqlStore.h"
#include "transport/ChatServer.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// A real chat server inside the test process on 127.0.0.1 and a port the OS picks. Its database is SQLite in
// a temporary folder, or with CHAT_TEST_DATABASE=postgres a fresh schema on the PostgreSQL at
// CHAT_TEST_POSTGRES_URL (scripts/with-postgres.sh starts one), run by a cluster node as in production.
class TestServer
{
public:
    TestServer();
    ~TestServer();

    // Whether this run uses PostgreSQL; start() fails with a message naming CHAT_TEST_POSTGRES_URL when it
    // should and none is given (ctest then counts the test as skipped).
    static bool usesPostgres();

    bool start(int pingIntervalMs = 0); // a new, empty database each time
    // The same with these options (address and port are always 127.0.0.1 and a free port).
    bool start(const chat::server::ChatServer::Options &options);
    static chat::server::ChatServer::Options defaultOptions(int pingIntervalMs = 0);
    void stop(); // closes the store and the listening socket, keeps the database
    bool restart();
    QUrl url() const;
    QString databasePath() const; // SQLite only
    // A second, independent connection to the same database (to check what is committed).
    QSqlDatabase openReader(const QString &connectionName) const;
    chat::server::ChatServer *server() { return m_server.get(); }
    chat::server::SqlStore *store() { return m_store.get(); }
    chat::server::ClusterNode *cluster() { return m_cluster.get(); } // PostgreSQL only, else null

private:
    QTemporaryDir m_folder;
    std::unique_ptr<chat::server::SqlStore> m_store;
    std::unique_ptr<chat::server::ChatServer> m_server;
    std::unique_ptr<chat::server::ClusterNode> m_cluster;
    chat::server::ChatServer::Options m_options;
    chat::server::DatabaseUrl m_database;
    int m_databaseNumber = 0;

    bool chooseDatabase();
    bool open();
};
