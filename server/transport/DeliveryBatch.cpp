#include "DeliveryBatch.h"

#include "RoomMembership.h"
#include "ServerLogging.h"
#include "Session.h"
#include "cluster/EventRelay.h"
#include "dispatch/CallDispatcher.h"
#include "dispatch/Outbox.h"
#include "metrics/ServerMetrics.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QElapsedTimer>

namespace chat::server {

namespace {
// A batch this large is committed at once, so a flood cannot hold answers back for long.
constexpr int maxBatchCalls = 512;
// Taking the users of ended connections out of their rooms once more, when that could not be stored.
constexpr int firstLingerRetryMs = 1000;
constexpr int maxLingerRetryMs = 16000;
} // namespace

DeliveryBatch::DeliveryBatch(Store &store, CallDispatcher &dispatcher, RoomMembership &rooms, Outbox &outbox,
                             ServerMetrics &metrics, double countUpdateBudget, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_dispatcher(dispatcher)
    , m_rooms(rooms)
    , m_outbox(outbox)
    , m_metrics(metrics)
    , m_countUpdates(
          countUpdateBudget, [this](const QString &room) { return m_rooms.outsidersOf(room); },
          [this](const QString &room, const CountUpdateMerger::Update &update) {
              sendToOutsiders(room, update);
          },
          &metrics)
{
    m_commitTimer.setSingleShot(true);
    connect(&m_commitTimer, &QTimer::timeout, this, [this] { commit(); });
    m_lingerTimer.setSingleShot(true);
    connect(&m_lingerTimer, &QTimer::timeout, this, &DeliveryBatch::removeLingeringUsers);
}

void DeliveryBatch::join(const Peer &caller, Arrival arrival)
{
    if (!m_open) {
        try {
            m_store.beginBatch();
        } catch (const StorageError &error) {
            qCWarning(lcStorage) << "cannot begin a batch, committing call by call:" << error.what();
            return;
        }
        m_open = true;
        m_commitTimer.start(0); // once the events already waiting have been handled
        if (m_relay)
            m_relay->catchUp();
    }
    m_callers.append(caller.id);
    if (!m_roomsBefore.contains(caller.id))
        m_roomsBefore.insert(caller.id, caller.roomUuid);
    if (arrival == Arrival::NewConnection)
        m_connectedInBatch.insert(caller.id);
    if (m_callers.size() >= maxBatchCalls)
        QMetaObject::invokeMethod(
            this, [this] { commit(); }, Qt::QueuedConnection);
}

void DeliveryBatch::deliver(Session *session, const QByteArray &text)
{
    if (m_open)
        m_held.append({session->peer().id, text, {}});
    else
        session->send(text);
}

void DeliveryBatch::deliverLive(Session *session, const QByteArray &text)
{
    // A member whose room_entered still waits for the batch gets it after that (and its drawing_got).
    if (m_open && m_enteredInBatch.contains(session->peer().id))
        m_held.append({session->peer().id, text, {}});
    else if (!session->sendDroppable(text))
        m_metrics.liveSkipped();
}

void DeliveryBatch::entered(const Peer &peer)
{
    if (m_open)
        m_enteredInBatch.insert(peer.id);
}

void DeliveryBatch::relay(const QString &roomUuid, const QByteArray &text)
{
    if (!m_relay)
        return;
    if (m_open)
        m_relay->record(roomUuid, text);
    else // only when no batch could begin, that is without a database: then nothing changed either
        qCWarning(lcServer) << "a broadcast outside a batch was not relayed to the other nodes";
}

void DeliveryBatch::afterCommit(const std::function<void()> &step)
{
    if (m_open)
        m_held.append({0, {}, step});
    else
        step();
}

void DeliveryBatch::offerCountUpdate(const QString &roomUuid, const CountUpdateMerger::Update &update)
{
    afterCommit([this, roomUuid, update] { m_countUpdates.offer(roomUuid, update); });
}

void DeliveryBatch::countUpdateSuperseded(const QString &roomUuid)
{
    afterCommit([this, roomUuid] { m_countUpdates.superseded(roomUuid); });
}

void DeliveryBatch::sendToOutsiders(const QString &roomUuid, const CountUpdateMerger::Update &update)
{
    // Straight to the sockets, even in an open batch: the update was committed before it got here.
    for (const auto &[id, session] : m_rooms.all()) {
        if (session->peer().roomUuid != roomUuid)
            send(session, session->peer().extended ? update.compact : update.full);
    }
}

bool DeliveryBatch::runAlone(const std::function<void(Store &, CallDispatcher &)> &change, QString *error)
{
    commit(); // the calls already waiting go first, in a batch of their own
    join(Peer {});
    if (!m_open) {
        *error = QStringLiteral("the database is unavailable");
        return false;
    }
    try {
        change(m_store, m_dispatcher);
    } catch (const StorageError &storageError) {
        *error = QString::fromUtf8(storageError.what());
        m_store.rollbackBatch(); // then the commit below fails, and nothing held is sent
    }
    if (!commit()) {
        if (error->isEmpty())
            *error = QStringLiteral("the change could not be stored");
        return false;
    }
    return error->isEmpty();
}

bool DeliveryBatch::commit()
{
    m_commitTimer.stop();
    if (!m_open)
        return true;
    m_open = false;
    const QVector<quint64> callers = std::exchange(m_callers, {});
    const QVector<HeldDelivery> held = std::exchange(m_held, {});
    const QHash<quint64, QString> roomsBefore = std::exchange(m_roomsBefore, {});
    const QSet<quint64> connected = std::exchange(m_connectedInBatch, {});
    const QSet<QString> left = std::exchange(m_leftInBatch, {});
    m_enteredInBatch.clear();
    QElapsedTimer commitClock;
    commitClock.start();
    try {
        if (!m_store.inBatch())
            throw StorageError(QStringLiteral("the batch was lost with the database connection"));
        if (m_relay)
            m_relay->flush();
        m_store.commitBatch();
        m_metrics.commitSucceeded(commitClock.nsecsElapsed());
    } catch (const StorageError &error) {
        m_metrics.commitFailed();
        qCWarning(lcStorage) << "a batch of" << callers.size() << "calls was not stored:" << error.what();
        m_store.rollbackBatch();
        if (m_relay)
            m_relay->discard();
        recoverFromFailedBatch(callers, roomsBefore, connected);
        leaveLater(left);
        return false;
    }
    if (m_relay)
        m_relay->committed();
    sendHeldDeliveries(held);
    return true;
}

void DeliveryBatch::sendHeldDeliveries(const QVector<HeldDelivery> &held)
{
    m_gathering = true;
    for (const HeldDelivery &delivery : held) {
        if (delivery.step) {
            delivery.step();
            continue;
        }
        if (Session *session = m_rooms.find(delivery.sessionId))
            send(session, delivery.text);
    }
    m_gathering = false;
    for (Session *session : std::exchange(m_gathered, {}))
        session->writeGathered();
}

void DeliveryBatch::send(Session *session, const QByteArray &text)
{
    if (!m_gathering) {
        session->send(text);
        return;
    }
    if (!session->gathersAny())
        m_gathered.append(session);
    session->gather(text);
}

void DeliveryBatch::recoverFromFailedBatch(const QVector<quint64> &callers,
                                           const QHash<quint64, QString> &roomsBefore,
                                           const QSet<quint64> &newConnections)
{
    // Nothing of the batch was stored and nothing was told: each caller hears that its calls failed and is
    // back in the room it was in before the batch. A connection whose user was never stored cannot go on.
    m_dispatcher.forgetCachedState();
    QSet<quint64> told;
    for (const quint64 id : callers) {
        Session *session = m_rooms.find(id);
        if (!session || told.contains(id))
            continue;
        told.insert(id);
        if (newConnections.contains(id)) {
            session->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("server unavailable"));
            continue;
        }
        m_outbox.setRoom(session->peer(), roomsBefore.value(id));
        session->send(ServerStatement::error(ErrorName::InternalError).toUtf8());
    }
}

void DeliveryBatch::leave(Peer &peer)
{
    const QString user = peer.userUuid;
    if (!m_dispatcher.disconnected(peer))
        leaveLater({user});
    else if (m_open && !user.isEmpty())
        m_leftInBatch.insert(user);
}

void DeliveryBatch::stopRetryingLeaves()
{
    m_retryLeaves = false;
    m_lingerTimer.stop();
}

void DeliveryBatch::leaveLater(const QSet<QString> &userUuids)
{
    if (userUuids.isEmpty())
        return;
    m_lingeringUsers.unite(userUuids);
    if (!m_retryLeaves || m_lingerTimer.isActive())
        return;
    m_lingerDelayMs = qBound(firstLingerRetryMs, m_lingerDelayMs * 2, maxLingerRetryMs);
    m_lingerTimer.start(m_lingerDelayMs);
}

void DeliveryBatch::removeLingeringUsers()
{
    if (!m_retryLeaves || m_lingeringUsers.isEmpty())
        return;
    commit(); // the calls already waiting go first, in a batch of their own
    const QSet<QString> users = std::exchange(m_lingeringUsers, {});
    join(Peer {});
    for (const QString &user : users) {
        Peer gone;
        gone.userUuid = user;
        leave(gone);
    }
    commit(); // a failure puts them back, and the timer runs again with a longer delay
    if (!m_lingeringUsers.isEmpty())
        return;
    m_lingerDelayMs = 0;
    qCInfo(lcServer)
        << users.size()
        << "users whose connections ended while their leaving could not be stored left their rooms";
}

} // namespace chat::server
