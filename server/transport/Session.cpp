#include "Session.h"

#include "Connection.h"
#include "ServerLogging.h"
#include "metrics/ServerMetrics.h"

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
// Gathered statements of one commit: a list of up to this many stays with the session (a few hundred bytes).
constexpr qsizetype keptGatheredCapacity = 8;
} // namespace

Session::Session(quint64 id, Connection *connection, const QHostAddress &address, quint16 port,
                 const ConnectionLimits &limits, qint64 nowMs, ServerMetrics &metrics, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_peerPort(port)
    , m_address(address)
    , m_limits(limits)
    , m_calls(limits.callsPerSecond, limits.callBurst, nowMs)
    , m_strikes(limits.floodCloseAfter > 0 ? limits.floodCloseAfter / floodWindowSeconds : 0,
                limits.floodCloseAfter, nowMs)
    , m_metrics(metrics)
{
    m_peer.id = id;
    m_connection->setParent(this);
    m_pongDeadline.setSingleShot(true);
    m_closeDeadline.setSingleShot(true);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("keepalive ping timeout"));
    });
    connect(&m_closeDeadline, &QTimer::timeout, this, &Session::forceClosed);
    listenToConnection();
}

void Session::listenToConnection()
{
    connect(m_connection, &Connection::pong, this, [this] { m_pongDeadline.stop(); });
    connect(m_connection, &Connection::bytesWritten, this, [this] {
        if (m_connection->bytesToWrite() <= m_limits.maxUnsentBytes)
            m_overUnsentLimit.invalidate(); // it reads again
    });
    connect(m_connection, &Connection::disconnected, this, [this] {
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
    if (m_closing || !m_connection->isOpen())
        return false;
    if (isSlowConsumer()) {
        dropSlowConsumer();
        return false;
    }
    return true;
}

void Session::writeGathered()
{
    if (m_gatheredTexts.isEmpty())
        return;
    // Sending never comes back into gather(): the transport reports a lost peer later (queued).
    if (canSend())
        m_connection->sendTexts(m_gatheredTexts); // one system call for all, where the transport can
    // A commit or two give a few statements to each member: the list is kept for the next one instead of
    // being allocated again for every commit; a big one (a join storm) is given back.
    if (m_gatheredTexts.capacity() > keptGatheredCapacity)
        m_gatheredTexts = {};
    else
        m_gatheredTexts.clear();
}

void Session::send(const QByteArray &utf8)
{
    if (canSend())
        m_connection->sendText(utf8);
}

bool Session::sendDroppable(const QByteArray &utf8)
{
    if (!m_gatheredTexts.isEmpty() || m_connection->bytesToWrite() > 0)
        return false;
    send(utf8);
    return true;
}

bool Session::isSlowConsumer()
{
    const qint64 limit = m_limits.maxUnsentBytes;
    const qint64 unsent = m_connection->bytesToWrite();
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
    qCWarning(lcSession) << "connection" << m_peer.id << "dropped: it does not read,"
                         << m_connection->bytesToWrite() << "bytes unsent";
    m_closing = true;
    m_metrics.slowConsumerDropped();
    m_pongDeadline.stop();
    // A close frame would only queue behind what the peer does not read. The abort is queued because this
    // runs inside a delivery loop over the sessions, which the disconnection changes.
    QMetaObject::invokeMethod(this, &Session::forceClosed, Qt::QueuedConnection);
}

void Session::forceClosed()
{
    m_connection->abort();
}

void Session::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_pongDeadline.stop();
    m_connection->close(quint16(code), reason);
    m_closeDeadline.start(closeHandshakeMs);
}

void Session::keepAlive()
{
    // A ping still unanswered keeps its deadline; a new one must not push that deadline back.
    if (m_closing || m_pongDeadline.isActive())
        return;
    if (m_limits.pongTimeoutMs > 0)
        m_pongDeadline.start(m_limits.pongTimeoutMs);
    m_connection->ping();
}

} // namespace chat::server
