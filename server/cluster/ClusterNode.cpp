#include "ClusterNode.h"

#include "ServerLogging.h"
#include "metrics/ServerMetrics.h"
#include "storage/ClusterStore.h"
#include "storage/PostgresConnection.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "transport/ChatServer.h"

#include <QSqlError>
#include <QSqlQuery>

namespace chat::server {

namespace {
const QString channel = QStringLiteral("chat_events");
// Live statements (docs/EXTENSIONS.md, "Several nodes"): the statements themselves are in the payloads.
const QString liveChannel = QStringLiteral("chat_live");
constexpr qint64 liveSenderRetryMs = 1000;
constexpr qint64 pruneEveryMs = 60 * 1000;
} // namespace

ClusterNode::ClusterNode(ChatServer &server, Store &store, ClusterStore &cluster, DatabaseUrl url,
                         QObject *parent)
    : ClusterNode(server, store, cluster, std::move(url), Timing {}, parent)
{ }

ClusterNode::ClusterNode(ChatServer &server, Store &store, ClusterStore &cluster, DatabaseUrl url,
                         Timing timing, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_store(store)
    , m_cluster(cluster)
    , m_url(std::move(url))
    , m_timing(timing)
    , m_listenerName(QStringLiteral("chat-listener-%1").arg(reinterpret_cast<quintptr>(this)))
    , m_liveSenderName(QStringLiteral("chat-live-%1").arg(reinterpret_cast<quintptr>(this)))
{
    m_heartbeat.setInterval(m_timing.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &ClusterNode::beat);
}

ClusterNode::~ClusterNode()
{
    m_server.setEventRelay(nullptr);
    if (m_listener.isValid()) {
        m_listener.close();
        m_listener = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_listenerName);
    }
    m_liveNotify.reset();
    if (m_liveSender.isValid()) {
        m_liveSender.close();
        m_liveSender = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_liveSenderName);
    }
}

void ClusterNode::start()
{
    m_server.setEventRelay(this);
    m_server.metrics().setClustered();
    m_generation = m_cluster.connectionGeneration();
    m_liveNodeLine = liveNodeLine(m_cluster.nodeId());
    m_lastSeenEventId = m_cluster.lastEventId();
    m_cluster.registerNode();
    // A node that restarts under the same id: the users its last run left in rooms leave them now.
    m_server.changeRooms([this] { return m_cluster.removeNodeUsers(m_cluster.nodeId()); });
    m_server.commitBatch();
    listen();
    m_healthySince.start();
    m_sincePrune.start();
    m_heartbeat.start();
    m_started = true;
    qCInfo(lcServer).noquote() << "node" << m_cluster.nodeId() << "joined the nodes on" << m_url.display();
}

void ClusterNode::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_heartbeat.stop();
    m_server.changeRooms([this] { return removeNode(m_cluster.nodeId()); });
    m_server.commitBatch();
}

void ClusterNode::listen()
{
    if (!m_listener.isValid()) {
        m_listener = addPostgresConnection(m_url, m_listenerName, QStringLiteral("chat-server-listener"));
        connect(m_listener.driver(), &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                    if (name == channel && payload.toString() != m_cluster.nodeId())
                        onNotification(name);
                    else if (name == liveChannel)
                        onLiveNotification(payload.toString());
                });
    }
    if (!m_listener.open())
        throw StorageError(QStringLiteral("cannot open the notification connection: %1")
                               .arg(m_listener.lastError().text().trimmed()));
    for (const QString &name : {channel, liveChannel}) {
        if (!m_listener.driver()->subscribeToNotification(name))
            throw StorageError(
                QStringLiteral("cannot LISTEN %1: %2").arg(name, m_listener.lastError().text()));
    }
}

void ClusterNode::checkListener()
{
    QSqlQuery probe(m_listener);
    if (m_listener.isOpen() && probe.exec(QStringLiteral("SELECT 1")))
        return;
    qCWarning(lcServer) << "lost the notification connection, listening again";
    if (m_listener.isOpen()) {
        m_listener.driver()->unsubscribeFromNotification(channel);
        m_listener.driver()->unsubscribeFromNotification(liveChannel);
    }
    m_listener.close();
    listen();
    qCInfo(lcServer) << "listening for the other nodes again";
    deliverNewEvents(); // what was notified meanwhile
}

void ClusterNode::onNotification(const QString &)
{
    if (m_server.inBatch())
        m_catchUpPending = true; // read once the batch is committed: its own events come first
    else
        deliverNewEvents();
}

void ClusterNode::deliverNewEvents()
{
    m_catchUpPending = false;
    try {
        for (;;) {
            const QVector<ClusterStore::Event> events = m_cluster.eventsAfter(m_lastSeenEventId);
            for (const ClusterStore::Event &event : events) {
                m_server.deliverFromOtherNode(event.roomUuid, event.text.toUtf8());
                m_server.metrics().eventRelayedIn();
                m_lastSeenEventId = event.id;
            }
            if (events.size() < ClusterStore::eventsPerRead)
                break;
        }
    } catch (const StorageError &error) {
        m_caughtUp = false;
        qCWarning(lcServer) << "cannot read the other nodes' events:" << error.what();
        return;
    }
    m_caughtUp = true;
}

void ClusterNode::catchUp()
{
    deliverNewEvents();
}

void ClusterNode::record(const QString &roomUuid, const QByteArray &text)
{
    m_recorded.append({roomUuid, text});
}

void ClusterNode::flush()
{
    if (m_recorded.isEmpty())
        return;
    for (const Recorded &recorded : std::as_const(m_recorded))
        m_lastOwnEventId = m_cluster.appendEvent(recorded.roomUuid, QString::fromUtf8(recorded.text));
    m_cluster.notifyNodes();
    m_flushedCount = quint64(m_recorded.size());
    m_recorded.clear();
}

void ClusterNode::committed()
{
    // The batch held the write lock from its catch-up to its commit, so no other node's event lies between
    // the last one read and this node's own.
    if (m_caughtUp && m_lastOwnEventId > m_lastSeenEventId)
        m_lastSeenEventId = m_lastOwnEventId;
    m_lastOwnEventId = 0;
    m_server.metrics().eventsRelayedOut(std::exchange(m_flushedCount, 0));
    if (m_catchUpPending)
        deliverNewEvents();
}

void ClusterNode::discard()
{
    m_recorded.clear();
    m_lastOwnEventId = 0;
    m_flushedCount = 0;
}

void ClusterNode::relayLive(const QString &roomUuid, const QByteArray &text)
{
    if (!m_started)
        return;
    if (m_live.isEmpty()) // once this pass's events are handled
        QMetaObject::invokeMethod(this, &ClusterNode::sendLive, Qt::QueuedConnection);
    m_live.append({roomUuid, text});
}

bool ClusterNode::openLiveSender()
{
    if (m_liveNotify)
        return true;
    // While the database is known to be away (or just failed here), live events are dropped rather than
    // wait for a connection attempt on every event-loop pass.
    if (!m_healthySince.isValid()
        || (m_liveSenderFailed.isValid() && !m_liveSenderFailed.hasExpired(liveSenderRetryMs)))
        return false;
    if (!m_liveSender.isValid())
        m_liveSender = addPostgresConnection(m_url, m_liveSenderName, QStringLiteral("chat-server-live"));
    if (m_liveSender.open()) {
        m_liveNotify.emplace(m_liveSender);
        if (m_liveNotify->prepare(QStringLiteral("SELECT pg_notify(?, ?)"))) {
            m_liveSenderFailed.invalidate();
            return true;
        }
    }
    qCWarning(lcServer) << "cannot open the connection for live events:"
                        << m_liveSender.lastError().text().trimmed();
    closeLiveSender();
    return false;
}

void ClusterNode::closeLiveSender()
{
    m_liveNotify.reset();
    m_liveSender.close(); // opened again for later events
    m_liveSenderFailed.start();
}

void ClusterNode::sendLive()
{
    const QVector<LiveEvent> live = std::exchange(m_live, {});
    if (live.isEmpty() || !openLiveSender())
        return; // live events may be lost: the next previews, or the users list, make up for them
    int leftOut = 0;
    const QVector<QByteArray> payloads =
        packLivePayloads(m_liveNodeLine, live, maxLivePayloadBytes, &leftOut);
    if (leftOut > 0)
        qCDebug(lcServer) << leftOut << "live events too long for a notification were not relayed";
    for (const QByteArray &payload : payloads) {
        m_liveNotify->bindValue(0, liveChannel);
        m_liveNotify->bindValue(1, QString::fromUtf8(payload));
        if (!m_liveNotify->exec()) {
            qCWarning(lcServer) << "cannot relay live events:" << m_liveNotify->lastError().text().trimmed();
            closeLiveSender();
            return;
        }
        m_liveNotify->finish();
    }
    m_server.metrics().liveRelayedOut(quint64(payloads.size()));
}

void ClusterNode::onLiveNotification(const QString &payload)
{
    const QByteArray utf8 = payload.toUtf8();
    if (utf8.startsWith(m_liveNodeLine))
        return; // our own
    const auto unpacked = unpackLivePayload(utf8);
    if (!unpacked)
        return;
    for (const LiveEvent &event : unpacked->events)
        m_server.deliverLiveFromOtherNode(event.roomUuid, event.text);
    m_server.metrics().liveRelayedIn(quint64(unpacked->events.size()));
}

void ClusterNode::beat()
{
    if (!m_cluster.ensureConnected()) {
        m_healthySince.invalidate();
        return;
    }
    try {
        if (m_cluster.connectionGeneration() != m_generation) {
            m_generation = m_cluster.connectionGeneration();
            afterReconnect();
        }
        if (m_cluster.beatHeart())
            m_server.metrics().heartbeatWritten();
        else
            rejoinAfterBeingTakenForDead();
        if (!m_healthySince.isValid())
            m_healthySince.start();
        checkListener();
        if (!m_server.inBatch())
            deliverNewEvents(); // in case a notification was lost
        // Just back from an outage, the others' heartbeats may look old only because this node could not
        // read them: wait a full period before judging anyone.
        if (m_healthySince.elapsed() >= m_timing.silentAfterMs)
            removeSilentNodes();
        if (m_sincePrune.elapsed() >= pruneEveryMs) {
            m_cluster.pruneEvents(m_timing.eventRetentionMs);
            m_sincePrune.restart();
        }
    } catch (const StorageError &error) {
        m_healthySince.invalidate();
        qCDebug(lcServer) << "heartbeat failed:" << error.what();
    }
}

void ClusterNode::afterReconnect()
{
    // Connections that ended while the database was away could not leave their rooms then.
    removeUsersWithoutConnection();
    if (!m_server.inBatch())
        deliverNewEvents();
}

void ClusterNode::rejoinAfterBeingTakenForDead()
{
    m_server.restartSessions(
        QStringLiteral("the other nodes took this node for dead while it could not reach "
                       "the database, and removed its users"));
    m_cluster.registerNode();
    m_lastSeenEventId = m_cluster.lastEventId(); // the clients come back to a fresh state
}

void ClusterNode::removeSilentNodes()
{
    const QStringList silent = m_cluster.silentNodes(m_timing.silentAfterMs);
    for (const QString &node : silent) {
        qCWarning(lcServer).noquote() << "node" << node << "has been silent for over"
                                      << m_timing.silentAfterMs / 1000 << "s: its users leave their rooms";
        m_server.changeRooms([this, node] { return removeNode(node); });
    }
}

QVector<Room> ClusterNode::removeNode(const QString &node)
{
    QVector<Room> rooms = m_cluster.removeNodeUsers(node);
    m_cluster.forgetNode(node);
    return rooms;
}

void ClusterNode::removeUsersWithoutConnection()
{
    const QSet<QString> live = m_server.liveUserUuids();
    QStringList gone;
    for (const QString &user : m_cluster.usersOfNode(m_cluster.nodeId())) {
        if (!live.contains(user))
            gone.append(user);
    }
    if (gone.isEmpty())
        return;
    qCInfo(lcServer) << gone.size()
                     << "users whose connections ended while the database was away leave their rooms";
    m_server.changeRooms([this, gone] {
        QVector<Room> rooms;
        for (const QString &user : gone) {
            if (const auto room = m_store.disconnectUser(user))
                rooms.append(*room);
        }
        return rooms;
    });
}

} // namespace chat::server
