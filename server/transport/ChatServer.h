#pragma once

#include "ConnectionAcceptor.h"
#include "ConnectionLimits.h"
#include "DeliveryBatch.h"
#include "RoomMembership.h"
#include "SessionOutbox.h"
#include "dispatch/CallCaps.h"
#include "dispatch/CallDispatcher.h"
#include "dispatch/CallLimits.h"
#include "metrics/ServerMetrics.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>
#include <QWebSocketProtocol>

#include <functional>
#include <optional>

namespace chat::server {

class Connection;
class EventRelay;
class Session;
class Store;

// The WebSocket front: admits the connections ConnectionAcceptor hands over, keeps them alive, turns their
// frames into calls for the dispatcher (in the group-commit batch, DeliveryBatch) and shuts down. What the
// dispatcher sends goes through its Outbox, SessionOutbox, which picks the recipients (RoomMembership).
class ChatServer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 9000;
        ConnectionLimits limits;
        CallCaps caps;
        std::optional<QSslConfiguration> tls; // set: wss:// only
        QStringList allowedOrigins; // empty: any Origin header, as the original
    };

    ChatServer(Store &store, Options options, QObject *parent = nullptr);
    ~ChatServer() override;

    // Starts listening; false with errorString() set when the address cannot be used.
    bool listen();
    QString errorString() const { return m_errorString; }
    quint16 port() const;
    QHostAddress address() const;
    int sessionCount() const { return m_rooms.count(); }
    // Count updates held back for those outside a room (--count-update-budget), not yet sent.
    int heldCountUpdates() const { return m_batch.heldCountUpdates(); }
    // What the server counts for /metrics (MetricsEndpoint); the cluster node adds its own.
    ServerMetrics &metrics() { return m_metrics; }
    const ServerMetrics &metrics() const { return m_metrics; }

    // Stops accepting, closes every connection with 1001 and emits shutDown() once all are gone
    // (or after a grace period).
    void shutdown();

    // Several nodes: broadcasts are relayed to the other nodes, and theirs come in through the relay.
    void setEventRelay(EventRelay *relay) { m_batch.setRelay(relay); }
    bool inBatch() const { return m_batch.isOpen(); }
    // A statement another node broadcast: to this node's clients, everyone (empty room) or a room's members.
    void deliverFromOtherNode(const QString &roomUuid, const QByteArray &text)
    {
        m_outbox.deliverFromOtherNode(roomUuid, text);
    }
    // A live statement another node relayed (docs/EXTENSIONS.md): to this node's socketchat.v1 members of
    // the room, droppable.
    void deliverLiveFromOtherNode(const QString &roomUuid, const QByteArray &text)
    {
        m_outbox.deliverLiveFromOtherNode(roomUuid, text);
    }
    // Runs a change in the current batch and tells everyone of the rooms it returns (users that left them).
    void changeRooms(const std::function<QVector<Room>()> &change);
    // Closes every connection with 1012 so that the clients come back to a fresh state.
    void restartSessions(const QString &reason);
    QSet<QString> liveUserUuids() const;
    // Commits the open batch now and sends what it held.
    void commitBatch();
    // Runs an operator's change (chat-server admin) in a batch of its own, after the calls already waiting,
    // and sends what it announced once that batch is committed. False, with the reason, when the store
    // failed: then nothing of it was stored or sent.
    bool runAlone(const std::function<void(Store &, CallDispatcher &)> &change, QString *error);

signals:
    void shutDown();

private:
    void accept(Connection *connection, const ConnectionAcceptor::Peer &from);
    // Listens to the frames of the session's connection itself: a frame enters the Session only for its
    // token (admitCall).
    void listenToFrames(Session *session);
    void refuse(Connection *connection, QWebSocketProtocol::CloseCode code, const QString &reason);
    void handleText(Session *session, const QByteArray &utf8);
    void handleBinary(Session *session, const QByteArray &data);
    void handleParsed(Session *session, const ParsedCall &parsed);
    // draw_live and set_typing of a socketchat.v1 client: run outside the group-commit batch (nothing to
    // store).
    void handleLive(Session *session, const CallStatement &call);
    bool admitCall(Session *session, const ParsedCall &parsed);
    bool admitConnection(Connection *connection, const QHostAddress &address);
    bool isFloodBanned(const QHostAddress &address);
    void removeSession(Session *session);
    void pingAll();
    void finishShutdownWhenEmpty();

    // To one session: held for the open batch's commit, or sent now (DeliveryBatch::deliver).
    void deliver(Session *session, const QByteArray &text) { m_batch.deliver(session, text); }

    Options m_options;
    ServerMetrics m_metrics;
    ConnectionAcceptor m_acceptor;
    Store &m_store;
    CallDispatcher m_dispatcher;
    RoomMembership m_rooms;
    DeliveryBatch m_batch;
    SessionOutbox m_outbox; // the dispatcher's and the batch's Outbox
    CallLimits m_callLimits;
    QElapsedTimer m_clock; // monotonic time for the rate limits
    QHash<QHostAddress, int> m_connectionsPerAddress;
    QHash<QHostAddress, qint64> m_floodBannedUntil; // m_clock time until which an address is refused
    quint64 m_nextSessionId = 1;
    QTimer m_pingTimer;
    QTimer m_shutdownGrace;
    bool m_shuttingDown = false;
    QString m_errorString;
};

} // namespace chat::server
