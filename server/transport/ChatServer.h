#pragma once

#include "ConnectionAcceptor.h"
#include "ConnectionLimits.h"
#include "DeliveryBatch.h"
#include "RoomMembership.h"
#include "dispatch/CallCaps.h"
#include "dispatch/CallDispatcher.h"
#include "dispatch/CallLimits.h"
#include "dispatch/Outbox.h"
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
// frames into calls for the dispatcher and shuts down. As the dispatcher's Outbox it picks the recipients
// (RoomMembership) of each statement and hands it to the group-commit batch (DeliveryBatch), which sends it
// once the batch is stored.
class ChatServer : public QObject, public Outbox
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
    void deliverFromOtherNode(const QString &roomUuid, const QByteArray &text);
    // A live statement another node relayed (docs/EXTENSIONS.md): to this node's socketchat.v1 members of
    // the room, droppable.
    void deliverLiveFromOtherNode(const QString &roomUuid, const QByteArray &text);
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

    void toCaller(const Peer &caller, const ServerStatement &statement) override;
    void toAll(const QString &roomUuid, const ServerStatement &statement) override;
    void toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                          const ServerStatement &compact) override;
    void toAllUsersChanged(const QString &roomUuid, const ServerStatement &statement) override;
    void toRoom(const QString &roomUuid, const ServerStatement &statement) override;
    void toRoomByKind(const QString &roomUuid, const ServerStatement &plain,
                      const ServerStatement &extended) override;
    void toRoomLive(const Peer &sender, const QByteArray &text) override;
    void setRoom(Peer &peer, const QString &roomUuid) override;
    void emptyRoom(const QString &roomUuid) override;
    bool mayHaveMembers(const QString &roomUuid) const override;

signals:
    void shutDown();

private:
    void accept(Connection *connection, const ConnectionAcceptor::Peer &from);
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
    // To the socketchat.v1 members of a room here, but the connection exceptId (0: none), droppable.
    void deliverLive(const QString &roomUuid, quint64 exceptId, const QByteArray &text);
    // A connection that was typing leaves its room: the others hear it stopped.
    void stopTyping(Peer &peer);
    // After another node's room_deleted: this node's connections are no longer in that room.
    void forgetDeletedRoom(const QByteArray &text);

    Options m_options;
    ServerMetrics m_metrics;
    ConnectionAcceptor m_acceptor;
    Store &m_store;
    CallDispatcher m_dispatcher;
    RoomMembership m_rooms;
    DeliveryBatch m_batch;
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
