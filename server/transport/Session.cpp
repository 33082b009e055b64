#include "Session.h"

#include "ServerLogging.h"
#include "TextFrameWriter.h"
#include "WireConnection.h"
#include "metrics/ServerMetrics.h"
#include "protocol/Limits.h"

#include <fcntl.h>

namespace chat::server {

namespace {
// After a close frame, how long the peer has to answer it before the TCP connection is dropped. A peer that
// never reads would otherwise hold its socket (and everything queued for it) forever.
constexpr int closeHandshakeMs = 2000;
// The flood budget refills over this long: floodCloseAfter refusals within it close the connection.
constexpr double floodWindowSeconds = 10.0;
// A peer may stay above maxUnsentBytes this long (a big history on entering a room, a burst in a busy room)
// before it counts as not reading; above hardUnsentFactor times the limit it is dropped at once.
constexpr qint64 unsentGraceMs = 1000;
constexpr qint64 hardUnsentFactor = 4;
} // namespace

Session::Session(quint64 id, QWebSocket *socket, const ConnectionLimits &limits, qint64 nowMs,
                 ServerMetrics &metrics, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_peerPort(socket->peerPort())
    , m_address(socket->peerAddress())
    , m_limits(limits)
    , m_calls(limits.callsPerSecond, limits.callBurst, nowMs)
    , m_strikes(limits.floodCloseAfter > 0 ? limits.floodCloseAfter / floodWindowSeconds : 0,
                limits.floodCloseAfter, nowMs)
    , m_metrics(metrics)
{
    m_peer.id = id;
    m_socket->setParent(this);
    // Qt's default limit is about 2 GiB; a bigger message closes the connection with 1009.
    m_socket->setMaxAllowedIncomingMessageSize(limits::maxMessageBytes);
    m_socket->setMaxAllowedIncomingFrameSize(limits::maxMessageBytes);

    m_pongDeadline.setSingleShot(true);
    m_closeDeadline.setSingleShot(true);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("keepalive ping timeout"));
    });
    connect(&m_closeDeadline, &QTimer::timeout, this, &Session::forceClosed);
    listenTo(m_socket);
}

// QWebSocket and WireConnection have signals of the same names for the same events.
template<typename Transport>
void Session::listenTo(Transport *transport)
{
    connect(transport, &Transport::textMessageReceived, this,
            [this](const QString &text) { emit textReceived(this, text); });
    connect(transport, &Transport::binaryMessageReceived, this,
            [this](const QByteArray &data) { emit binaryReceived(this, data); });
    connect(transport, &Transport::pong, this, [this] { m_pongDeadline.stop(); });
    connect(transport, &Transport::bytesWritten, this, [this] {
        if (unsentBytes() <= m_limits.maxUnsentBytes)
            m_overUnsentLimit.invalidate(); // it reads again
    });
    connect(transport, &Transport::disconnected, this, [this] {
        m_pongDeadline.stop();
        m_closeDeadline.stop();
        emit disconnected(this);
    });
}

Session::~Session() = default;

QString Session::peerAddress() const
{
    return QStringLiteral("%1:%2").arg(m_address.toString()).arg(m_peerPort);
}

Session::Admission Session::admitCall(qint64 nowMs, double cost)
{
    if (cost == 1.0 ? m_calls.take(nowMs) : m_calls.spend(cost, nowMs))
        return Admission::Accepted;
    if (m_limits.floodCloseAfter <= 0 || m_strikes.take(nowMs))
        return Admission::Refused;
    close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("rate limit exceeded"));
    return Admission::Flooding;
}

bool Session::canSend()
{
    // A peer that is going away simply misses the frame; it never affects the sender (docs/PROTOCOL.md Q3).
    if (m_closing || !(m_direct ? m_direct->isOpen() : m_socket->isValid()))
        return false;
    if (isSlowConsumer()) {
        dropSlowConsumer();
        return false;
    }
    return true;
}

void Session::sendHeld()
{
    const QVector<QByteArray> held = std::exchange(m_held, {});
    if (held.isEmpty() || !canSend())
        return;
    if (m_direct) {
        m_direct->sendTexts(held); // one system call for all
        return;
    }
    for (const QByteArray &utf8 : held)
        send(utf8);
}

void Session::send(const QByteArray &utf8)
{
    if (!canSend())
        return;
    if (m_direct)
        m_direct->sendTexts({utf8});
    else if (m_wire && m_plainTcp)
        TextFrameWriter::writeDirect(*m_wire, utf8);
    else if (m_wire)
        TextFrameWriter::write(*m_wire, utf8);
    else
        m_socket->sendTextMessage(QString::fromUtf8(utf8));
}

bool Session::sendDroppable(const QByteArray &utf8)
{
    if (!m_held.isEmpty() || unsentBytes() > 0)
        return false;
    send(utf8);
    return true;
}

void Session::setWire(QTcpSocket *wire)
{
    m_wire = wire;
    m_plainTcp = !wire->inherits("QSslSocket");
    // Without TCP_NODELAY a frame sent while the previous one is unacknowledged waits for the peer's delayed
    // ACK (up to 40 ms); QWebSocket sets it on the sockets it opens, but not on those a server accepts.
    m_wire->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // The handshake response still waits in the socket's buffer for the event loop; the statements of this
    // connection wait for a commit (an fsync) first, which would otherwise hold the response back too.
    m_wire->flush();
    if (m_plainTcp && switchToDescriptor(*m_wire))
        m_wire = nullptr;
}

bool Session::switchToDescriptor(QTcpSocket &wire)
{
    if (wire.bytesToWrite() > 0 || wire.state() != QAbstractSocket::ConnectedState)
        return false; // the handshake response is not out yet: stay with QWebSocket
    // A second descriptor for the same connection: closing QWebSocket's own then ends nothing (TCP ends with
    // the last descriptor), and the QTcpSocket with its buffers goes away.
    const int descriptor = ::fcntl(int(wire.socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (descriptor < 0)
        return false;
    const QByteArray alreadyRead = wire.readAll(); // frames that arrived with the handshake
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    m_direct = new WireConnection(descriptor, alreadyRead, limits::maxMessageBytes, this);
    listenTo(m_direct);
    return true;
}

qint64 Session::unsentBytes() const
{
    return m_direct ? m_direct->bytesToWrite() : m_socket->bytesToWrite();
}

bool Session::isSlowConsumer()
{
    const qint64 limit = m_limits.maxUnsentBytes;
    const qint64 unsent = unsentBytes();
    if (limit <= 0)
        return false;
    if (unsent <= limit) {
        m_overUnsentLimit.invalidate(); // it reads again (even if no write progress was signalled yet)
        return false;
    }
    if (unsent > hardUnsentFactor * limit)
        return true;
    if (!m_overUnsentLimit.isValid())
        m_overUnsentLimit.start();
    return m_overUnsentLimit.hasExpired(unsentGraceMs);
}

void Session::dropSlowConsumer()
{
    qCWarning(lcSession) << "connection" << m_peer.id << "dropped: it does not read," << unsentBytes()
                         << "bytes unsent";
    m_closing = true;
    m_metrics.slowConsumerDropped();
    m_pongDeadline.stop();
    // A close frame would only queue behind what the peer does not read. The abort is queued because this
    // runs inside a delivery loop over the sessions, which the disconnection changes.
    QMetaObject::invokeMethod(this, &Session::forceClosed, Qt::QueuedConnection);
}

void Session::forceClosed()
{
    if (m_direct)
        m_direct->abort();
    else
        m_socket->abort();
}

void Session::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_pongDeadline.stop();
    if (m_direct) {
        m_direct->close(quint16(code), reason);
        m_closeDeadline.start(closeHandshakeMs);
        return;
    }
    m_socket->close(code, reason);
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_closeDeadline.start(closeHandshakeMs);
}

void Session::keepAlive()
{
    // A ping still unanswered keeps its deadline; a new one must not push that deadline back.
    if (m_closing || m_pongDeadline.isActive())
        return;
    if (m_limits.pongTimeoutMs > 0)
        m_pongDeadline.start(m_limits.pongTimeoutMs);
    if (m_direct)
        m_direct->ping();
    else
        m_socket->ping();
}

} // namespace chat::server
