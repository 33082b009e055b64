#pragma once

#include "ConnectionLimits.h"
#include "TokenBucket.h"
#include "dispatch/Peer.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QWebSocketProtocol>

namespace chat::server {

class Connection;
class ServerMetrics;

// One client connection: owns its Connection (whichever transport carries it), knows its Peer state, keeps it
// alive with pings, rations the peer's calls and bounds what waits to be sent to it.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class Admission {
        Accepted, // run the call
        Refused, // over the rate: answer rate_limited and drop the call
        Flooding, // refused too often: the session is being closed
    };

    // Takes the connection.
    Session(quint64 id, Connection *connection, const QHostAddress &address, quint16 port,
            const ConnectionLimits &limits, qint64 nowMs, ServerMetrics &metrics, QObject *parent = nullptr);
    ~Session() override;

    Peer &peer() { return m_peer; }
    const Peer &peer() const { return m_peer; }
    QString peerAddress() const;
    QHostAddress address() const { return m_address; }
    // Its frames (textMessageReceived, binaryMessageReceived) go to ChatServer directly, not through here.
    Connection *connection() const { return m_connection; }

    // Takes one call (cost 1) or a part of one (a draw_live costs 0.5, TokenBucket::spend) from the bucket.
    Admission admitCall(qint64 nowMs, double cost = 1.0);
    // Sends one text message, already UTF-8 (docs/PROTOCOL.md section 1: every statement is a text frame).
    void send(const QByteArray &utf8);
    // A statement the peer may miss (docs/EXTENSIONS.md, live extensions): skipped while anything waits to be
    // sent to it, so a slow consumer loses these first. False when it was skipped.
    bool sendDroppable(const QByteArray &utf8);
    // Gathers this session's share of a commit's deliveries while DeliveryBatch::sendHeldDeliveries() runs,
    // so that writeGathered() writes them all in one go (one system call where the transport can). Not a
    // hold: the batch's one hold is DeliveryBatch::m_held, and this is empty again once that commit is sent.
    void gather(const QByteArray &utf8) { m_gatheredTexts.append(utf8); }
    bool gathersAny() const { return !m_gatheredTexts.isEmpty(); }
    void writeGathered();
    void close(QWebSocketProtocol::CloseCode code, const QString &reason = {});
    // Pings the peer; an answer must come within the pong timeout or the connection is closed.
    void keepAlive();
    bool isClosing() const { return m_closing; }

signals:
    void disconnected(chat::server::Session *session);

private:
    void listenToConnection();
    bool canSend(); // false: the peer misses what would be sent
    bool isSlowConsumer();
    void dropSlowConsumer();
    void forceClosed();

    Connection *m_connection;
    quint16 m_peerPort = 0;
    QVector<QByteArray> m_gatheredTexts; // see gather()
    Peer m_peer;
    QHostAddress m_address;
    ConnectionLimits m_limits;
    TokenBucket m_calls;
    TokenBucket m_strikes; // refused calls; when it runs dry the peer is flooding
    ServerMetrics &m_metrics;
    QTimer m_pongDeadline;
    QTimer m_closeDeadline;
    QElapsedTimer m_overUnsentLimit; // valid while more than maxUnsentBytes wait to be sent
    bool m_closing = false;
};

} // namespace chat::server
