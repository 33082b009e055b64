#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>

#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketCorsAuthenticator;
class QWebSocketServer;

namespace chat::server {

class Connection;

// Accepts TCP (or, with TLS, QSslServer's encrypted) connections on our own listening socket, lets
// QWebSocketServer do the opening handshake on them (handleConnection: origins, subprotocols, its timeout)
// and hands each upgraded connection on as a Connection: a WireConnection on the descriptor for ws://, a
// QtWebSocketConnection for wss://. Only public Qt API: we own the sockets we give QWebSocketServer, so
// nothing is looked for inside it.
class ConnectionAcceptor : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::optional<QSslConfiguration> tls; // set: wss:// only
        QStringList allowedOrigins; // empty: any Origin header, as the original
        QStringList subprotocols; // offered to clients that ask for one
        int listenBacklog = 0; // 0: Qt's default
        int handshakeTimeoutMs = 0; // 0: Qt's default
        qint64 maxMessageBytes = 0;
    };
    // Who is on the other end of a new connection, and what it agreed to.
    struct Peer
    {
        QHostAddress address;
        quint16 port = 0;
        QString subprotocol; // empty: none
    };

    explicit ConnectionAcceptor(Options options, QObject *parent = nullptr);
    ~ConnectionAcceptor() override;

    // False, with errorString(), when the address cannot be used.
    bool listen(const QHostAddress &address, quint16 port);
    void close(); // stops accepting; handshakes in flight still finish
    QString errorString() const;
    quint16 port() const;
    QHostAddress address() const;

signals:
    // A connection passed its handshake. The receiver owns `connection` (it has no parent).
    void accepted(chat::server::Connection *connection, const chat::server::ConnectionAcceptor::Peer &peer);

private:
    void takeTcpConnections();
    void takeUpgradedConnections();
    Connection *connectionFor(QWebSocket *socket);
    void checkOrigin(QWebSocketCorsAuthenticator *authenticator) const;

    Options m_options;
    QTcpServer *m_listener;
    QWebSocketServer *m_handshakes;
    // Sockets in the opening handshake, by their peer's port and address (unique while connected).
    QHash<QPair<quint16, QHostAddress>, QTcpSocket *> m_upgrading;
};

} // namespace chat::server
