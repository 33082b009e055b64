#pragma once

#include "CountUpdateMerger.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QVector>

#include <functional>

namespace chat::server {

class CallDispatcher;
class EventRelay;
class Outbox;
class RoomMembership;
class ServerMetrics;
class Session;
class Store;
struct Peer;

// Group commit and what waits for it. The calls that arrive together share one store transaction (a batch),
// and what they send is held here, in the order it was sent, until the batch is committed: recipients are
// chosen when a call runs; only the sending waits. Around each batch it drives the cluster relay
// (EventRelay) and the count-update merger (CountUpdateMerger), whose steps must see only committed state.
// When a batch fails, nothing it held is sent: each caller gets internal_error and goes back to the room it
// was in before. Users whose leaving could not be stored are taken out of their rooms again later.
class DeliveryBatch : public QObject
{
    Q_OBJECT

public:
    enum class Arrival { Call, NewConnection };

    // rooms finds the recipients, outbox.setRoom() puts the callers of a failed batch back in their rooms,
    // dispatcher tells the others of users that left. countUpdateBudget: CountUpdateMerger's frames a second.
    DeliveryBatch(Store &store, CallDispatcher &dispatcher, RoomMembership &rooms, Outbox &outbox,
                  ServerMetrics &metrics, double countUpdateBudget, QObject *parent = nullptr);

    // Several nodes: the broadcasts of each batch are relayed to the other nodes (nullptr: one node).
    void setRelay(EventRelay *relay) { m_relay = relay; }
    EventRelay *relay() const { return m_relay; }

    bool isOpen() const { return m_open; }
    // The caller's call (or new connection) runs in the open batch, opening one if needed. Without a
    // database to begin one, calls run (and commit) one by one and what they send goes at once.
    void join(const Peer &caller, Arrival arrival = Arrival::Call);
    // Commits the open batch (if any) and sends what it held; false when it was not stored.
    bool commit();
    // Runs an operator's change in a batch of its own, after the calls already waiting, and sends what it
    // announced once that batch is committed. False, with the reason, when the store failed: then nothing of
    // it was stored or sent.
    bool runAlone(const std::function<void(Store &, CallDispatcher &)> &change, QString *error);

    // A statement for one session: held while a batch is open, else sent now.
    void deliver(Session *session, const QByteArray &text);
    // A live statement (droppable, docs/EXTENSIONS.md): now, unless the session entered its room in the
    // open batch (its room_entered is still held), then after that.
    void deliverLive(Session *session, const QByteArray &text);
    // The connection entered a room in the open batch (if one is open).
    void entered(const Peer &peer);
    // A broadcast of the open batch for the other nodes: everyone (empty room) or a room's members.
    void relay(const QString &roomUuid, const QByteArray &text);
    // Runs step once the open batch is committed (now if none is open), in its place among the deliveries.
    void afterCommit(const std::function<void()> &step);

    // Count updates (CountUpdateMerger) for those outside the room, once committed.
    void offerCountUpdate(const QString &roomUuid, const CountUpdateMerger::Update &update);
    void countUpdateSuperseded(const QString &roomUuid);
    void flushCountUpdates() { m_countUpdates.flushAll(); }
    int heldCountUpdates() const { return m_countUpdates.heldCount(); }

    // The user of a connection that ended leaves its room. When that is not stored (the database refused the
    // write, or its batch failed), it stays in its room in the database, and everyone's room list would show
    // it until a restart: it is tried again with backoff until it is stored.
    void leave(Peer &peer);
    // Shutting down: no more retries (a restart clears every room's members anyway).
    void stopRetryingLeaves();
    int lingeringUsers() const { return int(m_lingeringUsers.size()); }

private:
    struct HeldDelivery
    {
        quint64 sessionId; // 0: not a frame but a step (below)
        QByteArray text; // UTF-8, shared by all recipients of one statement
        std::function<void()> step; // run in its place at the commit (the count-update merger's part)
    };

    void sendHeldDeliveries(const QVector<HeldDelivery> &held);
    // While a commit sends what it held, each session's messages are gathered and written together.
    void send(Session *session, const QByteArray &text);
    void sendToOutsiders(const QString &roomUuid, const CountUpdateMerger::Update &update);
    void recoverFromFailedBatch(const QVector<quint64> &callers, const QHash<quint64, QString> &roomsBefore,
                                const QSet<quint64> &newConnections);
    void leaveLater(const QSet<QString> &userUuids);
    void removeLingeringUsers();

    Store &m_store;
    CallDispatcher &m_dispatcher;
    RoomMembership &m_rooms;
    Outbox &m_outbox;
    ServerMetrics &m_metrics;
    EventRelay *m_relay = nullptr;
    CountUpdateMerger m_countUpdates;
    bool m_open = false;
    QTimer m_commitTimer;
    // The one hold of what a batch sends, in order, with the steps in their place. Session::gather() is not
    // a second one: it only gathers a session's share while sendHeldDeliveries() runs (one write per session)
    // and is empty again when it returns. Holding in the sessions for the whole batch instead would break
    // three things: a step must run after the commit, between the deliveries held before and after it; a
    // failed batch must drop what every session held; and Session::sendDroppable skips a live statement
    // while the session has anything gathered.
    QVector<HeldDelivery> m_held;
    bool m_gathering = false;
    QVector<Session *> m_gathered; // sessions with gathered messages while m_gathering
    QVector<quint64> m_callers;
    QHash<quint64, QString> m_roomsBefore; // each caller's room when the batch began, to undo it
    QSet<quint64> m_connectedInBatch; // their users exist only if the batch commits
    QSet<QString> m_leftInBatch; // users whose leaving is stored only if the batch commits
    // Connections that entered a room in the open batch: its live statements wait for their room_entered.
    QSet<quint64> m_enteredInBatch;
    QSet<QString> m_lingeringUsers; // users of ended connections still in a room in the database
    QTimer m_lingerTimer;
    int m_lingerDelayMs = 0;
    bool m_retryLeaves = true;
};

} // namespace chat::server
