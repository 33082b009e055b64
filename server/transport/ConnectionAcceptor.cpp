#include "ConnectionAcceptor.h"

#include "QtWebSocketConnection.h"
#include "ServerLogging.h"
#include "WireConnection.h"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

#include <fcntl.h>

namespace chat::server {

namespace {
constexpr int defaultHandshakeTimeoutMs = 10000; // Qt's own default
QTcpServer *makeListener(const ConnectionAcceptor::Options &options, QObject *parent)
{
    if (!options.tls)
        return new QTcpServer(parent);
    auto *server = new QSslServer(parent);
    server->setSslConfiguration(*options.tls);
    if (options.handshakeTimeoutMs > 0)
        server->setHandshakeTimeout(options.handshakeTimeoutMs);
    QObject::connect(server, &QSslServer::peerVerifyError, parent, [](QSslSocket *, const QSslError &error) {
        qCDebug(lcSession) << "TLS peer verification:" << error.errorString();
    });
    QObject::connect(
        server, &QSslServer::sslErrors, parent,
        [](QSslSocket *, const QList<QSslError> &errors) { qCDebug(lcSession) << "TLS errors:" << errors; });
    return server;
}
} // namespace

ConnectionAcceptor::ConnectionAcceptor(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_listener(makeListener(m_options, this))
    // TLS, when asked for, is the listener's (QSslServer): the handshake runs on sockets already encrypted.
    , m_handshakes(new QWebSocketServer(QStringLiteral("chat-server"), QWebSocketServer::NonSecureMode, this))
{
    if (m_options.listenBacklog > 0)
        m_listener->setListenBacklogSize(m_options.listenBacklog);
    if (m_options.handshakeTimeoutMs > 0)
        m_handshakes->setHandshakeTimeout(m_options.handshakeTimeoutMs);
    m_handshakes->setSupportedSubprotocols(m_options.subprotocols);
    // QSslServer queues a connection only once it is encrypted; a QTcpServer at once.
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this,
            &ConnectionAcceptor::takeTcpConnections);
    connect(m_listener, &QTcpServer::acceptError, this, [](QAbstractSocket::SocketError error) {
        qCWarning(lcServer) << "cannot accept a connection:" << error;
    });
    connect(m_handshakes, &QWebSocketServer::originAuthenticationRequired, this,
            &ConnectionAcceptor::checkOrigin);
    connect(m_handshakes, &QWebSocketServer::newConnection, this,
            &ConnectionAcceptor::takeUpgradedConnections);
}

ConnectionAcceptor::~ConnectionAcceptor() = default;

bool ConnectionAcceptor::listen(const QHostAddress &address, quint16 port)
{
    return m_listener->listen(address, port);
}

void ConnectionAcceptor::close()
{
    m_listener->close();
}

QString ConnectionAcceptor::errorString() const
{
    return m_listener->errorString();
}

quint16 ConnectionAcceptor::port() const
{
    return m_listener->serverPort();
}

QHostAddress ConnectionAcceptor::address() const
{
    return m_listener->serverAddress();
}

void ConnectionAcceptor::takeTcpConnections()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        const auto key = qMakePair(socket->peerPort(), socket->peerAddress());
        m_upgrading.insert(key, socket);
        // Gone before or during the handshake (QWebSocketServer drops a failed one): forgotten.
        connect(socket, &QObject::destroyed, this, [this, key, socket] {
            if (m_upgrading.value(key) == socket)
                m_upgrading.remove(key);
        });
        // Without TCP_NODELAY a frame sent while the previous one is unacknowledged waits for the peer's
        // delayed ACK (up to 40 ms); Qt sets it on the sockets it opens, not on those a server accepts.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // QWebSocketServer times out only the handshakes of connections it accepted itself.
        const int timeoutMs =
            m_options.handshakeTimeoutMs > 0 ? m_options.handshakeTimeoutMs : defaultHandshakeTimeoutMs;
        QTimer::singleShot(timeoutMs, socket, [this, key, socket] {
            if (m_upgrading.value(key) == socket)
                socket->close(); // QWebSocketServer then lets go of it
        });
        m_handshakes->handleConnection(socket);
    }
}

void ConnectionAcceptor::takeUpgradedConnections()
{
    while (QWebSocket *socket = m_handshakes->nextPendingConnection()) {
        const Peer peer {socket->peerAddress(), socket->peerPort(), socket->subprotocol()};
        emit accepted(connectionFor(socket), peer);
    }
}

Connection *ConnectionAcceptor::connectionFor(QWebSocket *socket)
{
    QTcpSocket *tcp = m_upgrading.take(qMakePair(socket->peerPort(), socket->peerAddress()));
    if (!tcp) { // cannot happen with the Qt we know; QWebSocket still works, only slower
        qCWarning(lcServer) << "no TCP socket known for a QWebSocket: statements go through its QString API";
        return new QtWebSocketConnection(socket, nullptr, m_options.maxMessageBytes);
    }
    disconnect(tcp, &QObject::destroyed, this, nullptr);
    tcp->setParent(socket); // it goes with its QWebSocket
    // The handshake response still waits in the socket's buffer for the event loop; this connection's
    // statements wait for a commit (an fsync) first, which would otherwise hold the response back too.
    tcp->flush();
    const bool plain = !tcp->inherits("QSslSocket");
    if (!plain || tcp->bytesToWrite() > 0 || tcp->state() != QAbstractSocket::ConnectedState)
        return new QtWebSocketConnection(socket, tcp, m_options.maxMessageBytes);
    // A second descriptor for the same connection: closing QWebSocket's own then ends nothing (TCP ends with
    // the last descriptor), and the QTcpSocket with its buffers goes away.
    const int descriptor = ::fcntl(int(tcp->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (descriptor < 0)
        return new QtWebSocketConnection(socket, tcp, m_options.maxMessageBytes);
    const QByteArray alreadyRead = tcp->readAll(); // frames that arrived with the handshake
    socket->abort();
    socket->deleteLater();
    return new WireConnection(descriptor, alreadyRead, m_options.maxMessageBytes);
}

void ConnectionAcceptor::checkOrigin(QWebSocketCorsAuthenticator *authenticator) const
{
    // Browsers always send Origin; other clients may not, and could send any value anyway. The list is
    // there to keep other web pages from using a visitor's browser against this server.
    const QString origin = authenticator->origin();
    const bool allowed =
        m_options.allowedOrigins.isEmpty() || origin.isEmpty() || m_options.allowedOrigins.contains(origin);
    authenticator->setAllowed(allowed);
    if (!allowed)
        qCWarning(lcSession) << "refused a connection from origin" << origin;
}

} // namespace chat::server
