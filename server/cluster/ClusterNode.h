#pragma once

#include "EventRelay.h"
#include "LivePayloads.h"
#include "model/Room.h"
#include "storage/DatabaseUrl.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>
#include <QVector>

#include <optional>

namespace chat::server {

class ChatServer;
class ClusterStore;
class Store;

// One of several server nodes on one PostgreSQL database. It relays this node's broadcasts to the others
// through the "events" table (a NOTIFY wakes them; the payload stays tiny, whatever the statement's size),
// delivers theirs to its own clients in commit order, beats its heart, and removes the users of nodes that
// went silent. A lost database or notification connection is made again, with a catch-up from the table.
class ClusterNode : public QObject, public EventRelay
{
    Q_OBJECT

public:
    struct Timing
    {
        int heartbeatMs = 2000;
        int silentAfterMs = 8000; // a node this long without a heartbeat is taken for dead
        int eventRetentionMs = 10 * 60 * 1000;
    };

    ClusterNode(ChatServer &server, Store &store, ClusterStore &cluster, DatabaseUrl url, Timing timing,
                QObject *parent = nullptr);
    ClusterNode(ChatServer &server, Store &store, ClusterStore &cluster, DatabaseUrl url,
                QObject *parent = nullptr);
    ~ClusterNode() override;

    // Registers the node, removes what an earlier run of the same node id left behind and starts listening.
    // Throws StorageError.
    void start();
    // A clean stop: the node's row goes, so that the others need not wait to notice.
    void stop();

    void catchUp() override;
    void record(const QString &roomUuid, const QByteArray &text) override;
    void flush() override;
    void committed() override;
    void discard() override;
    // docs/EXTENSIONS.md, "Several nodes": gathered for this event-loop pass, then NOTIFYed on chat_live.
    void relayLive(const QString &roomUuid, const QByteArray &text) override;

private:
    struct Recorded
    {
        QString roomUuid;
        QByteArray text;
    };

    void beat();
    void listen();
    void checkListener();
    void onNotification(const QString &name);
    void onLiveNotification(const QString &payload);
    // NOTIFYs what relayLive() gathered, on a connection of its own that is never in a batch transaction.
    void sendLive();
    bool openLiveSender();
    void closeLiveSender();
    void deliverNewEvents();
    void afterReconnect();
    void rejoinAfterBeingTakenForDead();
    void removeSilentNodes();
    // The node's users leave their rooms and its row goes; returns the rooms they left.
    QVector<Room> removeNode(const QString &node);
    void removeUsersWithoutConnection();

    ChatServer &m_server;
    Store &m_store;
    ClusterStore &m_cluster;
    DatabaseUrl m_url;
    Timing m_timing;
    QString m_listenerName;
    QSqlDatabase m_listener;
    QString m_liveSenderName;
    QSqlDatabase m_liveSender;
    std::optional<QSqlQuery> m_liveNotify; // SELECT pg_notify(?, ?), prepared once per connection
    QElapsedTimer m_liveSenderFailed; // valid after the live sender failed: wait a little before trying again
    QByteArray m_liveNodeLine; // the first line of this node's live payloads (LivePayloads.h)
    QVector<LiveEvent> m_live; // gathered in this event-loop pass
    QTimer m_heartbeat;
    QElapsedTimer m_healthySince; // invalid while the database is away
    QElapsedTimer m_sincePrune;
    QVector<Recorded> m_recorded;
    qint64 m_lastSeenEventId = 0;
    qint64 m_lastOwnEventId = 0;
    quint64 m_flushedCount = 0; // events of the batch being committed, counted once it is
    quint64 m_generation = 0;
    bool m_catchUpPending = false;
    bool m_caughtUp = false; // the last read of the other nodes' events succeeded
    bool m_started = false;
};

} // namespace chat::server
