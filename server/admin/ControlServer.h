#pragma once

#include "AdminReply.h"
#include "AdminRequest.h"

#include <QObject>
#include <QString>

#include <functional>

class QLocalServer;
class QLocalSocket;

namespace chat::server {

struct DatabaseUrl;

// The running server's control socket (a Unix domain socket, never on the network): "chat-server admin"
// hands it the commands that change data, so that the server carries them out with its own store, keeps its
// caches right and tells its clients. One request per connection: a JSON object on one line (AdminRequest),
// answered with one line {"exit": N, "output": "...", "error": "..."}. A request that is too long, malformed
// or not finished in time gets an error and changes nothing.
class ControlServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<AdminReply(const AdminRequest &)>;
    static constexpr qsizetype maxRequestBytes = 64 * 1024;
    static constexpr int requestTimeoutMs = 5000;
    static constexpr int maxConnections = 8;

    ControlServer(Handler handler, QObject *parent = nullptr);
    ~ControlServer() override;

    // <database file>.control for a SQLite file; empty for PostgreSQL and SQLite's :memory:.
    static QString defaultPath(const DatabaseUrl &url);
    // Listens at the path, readable and writable by this user only (0600). A socket file left by a server
    // that is gone is replaced; one where a server answers is left alone. False with errorString() set.
    bool listen(const QString &path);
    QString errorString() const { return m_error; }
    // How long a connection may take to send its request (requestTimeoutMs unless set); for connections
    // accepted from then on. Tests set it long, so that a slow machine cannot drop a connection they hold.
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    // Stops listening and removes the socket file.
    void close();

    // The one-line reply for a request line, as sent back.
    static QByteArray replyLine(const AdminReply &reply);

private:
    void acceptConnections();
    void serve(QLocalSocket *socket);
    void readRequest(QLocalSocket *socket);
    void answer(QLocalSocket *socket, const AdminReply &reply);
    AdminReply handle(const QByteArray &line);

    Handler m_handler;
    QLocalServer *m_server;
    QString m_error;
    int m_connections = 0;
    int m_requestTimeoutMs = requestTimeoutMs;
};

} // namespace chat::server
