#include "QtWebSocketConnection.h"

#include "TextFrameWriter.h"

#include <QTcpSocket>
#include <QWebSocket>

namespace chat::server {

QtWebSocketConnection::QtWebSocketConnection(QWebSocket *socket, QTcpSocket *tcp, qint64 maxMessageBytes,
                                             QObject *parent)
    : Connection(parent)
    , m_socket(socket)
    , m_tcp(tcp)
    , m_plainTcp(tcp && !tcp->inherits("QSslSocket"))
{
    m_socket->setParent(this);
    // Qt's default limit is about 2 GiB; a bigger message closes the connection with 1009.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(maxMessageBytes));
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { emit textMessageReceived(text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Connection::binaryMessageReceived);
    connect(m_socket, &QWebSocket::pong, this, [this] { emit pong(); });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] { emit bytesWritten(); });
    // Queued, as WireConnection's: the end may come while the caller is inside a delivery loop.
    connect(m_socket, &QWebSocket::disconnected, this, &Connection::disconnected, Qt::QueuedConnection);
}

bool QtWebSocketConnection::isOpen() const
{
    return !m_closing && m_socket->isValid();
}

void QtWebSocketConnection::sendTexts(const QByteArray *messages, qsizetype count)
{
    for (qsizetype m = 0; m < count; ++m) {
        const QByteArray &utf8 = messages[m];
        if (m_tcp && m_plainTcp)
            TextFrameWriter::writeDirect(*m_tcp, utf8);
        else if (m_tcp)
            TextFrameWriter::write(*m_tcp, utf8);
        else // a statement starts with "{", so fromUtf8 cannot take a byte-order mark off it
            m_socket->sendTextMessage(QString::fromUtf8(utf8));
    }
}

qint64 QtWebSocketConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void QtWebSocketConnection::ping()
{
    m_socket->ping();
}

void QtWebSocketConnection::close(quint16 code, const QString &reason)
{
    m_closing = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void QtWebSocketConnection::abort()
{
    m_socket->abort();
}

} // namespace chat::server
