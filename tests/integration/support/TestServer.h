#pragma once

#include "storage/SqlStore.h"
#include "transport/ChatServer.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// A real chat server inside the test process: SQLite in a temporary folder, 127.0.0.1 on a port the OS picks.
class TestServer
{
public:
    TestServer();
    ~TestServer();

    bool start(int pingIntervalMs = 0); // a new, empty database each time
    // The same with these options (address and port are always 127.0.0.1 and a free port).
    bool start(const chat::server::ChatServer::Options &options);
    static chat::server::ChatServer::Options defaultOptions(int pingIntervalMs = 0);
    void stop(); // closes the store and the listening socket, keeps the database file
    bool restart();
    QUrl url() const;
    QString databasePath() const;
    chat::server::ChatServer *server() { return m_server.get(); }
    chat::server::SqlStore *store() { return m_store.get(); }

private:
    QTemporaryDir m_folder;
    std::unique_ptr<chat::server::SqlStore> m_store;
    std::unique_ptr<chat::server::ChatServer> m_server;
    chat::server::ChatServer::Options m_options;
    int m_databaseNumber = 0;

    bool open();
};
