#include "Session.h"

#include "protocol/Limits.h"

namespace chat::server {

Session::Session(quint64 id, QWebSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_peer.id = id;
    m_socket->setParent(this);
    // Qt's default limit is about 2 GiB; a bigger message closes the connection with 1009.
    m_socket->setMaxAllowedIncomingMessageSize(limits::maxMessageBytes);
    m_socket->setMaxAllowedIncomingFrameSize(limits::maxMessageBytes);

    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { emit textReceived(this, text); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) { emit binaryReceived(this, data); });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    connect(m_socket, &QWebSocket::disconnected, this, [this] { emit disconnected(this); });
}

Session::~Session() = default;

QString Session::peerAddress() const
{
    return QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort());
}

void Session::send(const QString &text)
{
    // A peer that is going away simply misses the frame; it never affects the sender (PROTOCOL.md Q3).
    if (!m_closing && m_socket->isValid())
        m_socket->sendTextMessage(text);
}

void Session::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->close(code, reason);
}

void Session::keepAlive()
{
    if (m_closing)
        return;
    if (m_awaitingPong) {
        close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("keepalive ping timeout"));
        return;
    }
    m_awaitingPong = true;
    m_socket->ping();
}

} // namespace chat::server
