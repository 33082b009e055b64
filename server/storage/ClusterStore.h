#pragma once

#include "model/Room.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace chat::server {

// What several nodes on one database need from storage, beside the calls' Store. Every method throws
// StorageError when the database cannot answer.
class ClusterStore
{
public:
    // A statement one node broadcast, for the clients of the others.
    struct Event
    {
        qint64 id = 0;
        QString roomUuid; // empty: to everyone
        QString text; // the statement's JSON
    };

    struct NodeStatus
    {
        QString id;
        qint64 silentForMs = 0; // since its last heartbeat, by the database's clock
        qint64 users = 0;
    };

    static constexpr int eventsPerRead = 2000; // see sql::eventsAfter

    virtual ~ClusterStore() = default;

    virtual QString nodeId() const = 0;
    // Bumped whenever the database connection was lost and made again: what was live may be stale.
    virtual quint64 connectionGeneration() const = 0;
    // Tries to reconnect if the connection is lost and the backoff allows; true when connected.
    virtual bool ensureConnected() = 0;

    virtual void registerNode() = 0;
    // False when this node's row is gone: another node took it for dead and removed its users.
    virtual bool beatHeart() = 0;
    // Other nodes whose last heartbeat is older than silentForMs by the database's clock.
    virtual QStringList silentNodes(int silentForMs) = 0;
    virtual void forgetNode(const QString &nodeId) = 0;
    // The node's users leave their rooms; those no message names are forgotten. Returns the rooms they left,
    // as they are afterwards.
    virtual QVector<Room> removeNodeUsers(const QString &nodeId) = 0;
    virtual QStringList usersOfNode(const QString &nodeId) = 0;
    virtual QVector<NodeStatus> nodes() = 0;

    // Appends inside the open transaction; the id orders it among every node's events.
    virtual qint64 appendEvent(const QString &roomUuid, const QString &text) = 0;
    // Wakes the other nodes when the transaction commits.
    virtual void notifyNodes() = 0;
    // Events of the other nodes after afterId, oldest first (a bounded number per call).
    virtual QVector<Event> eventsAfter(qint64 afterId) = 0;
    virtual qint64 lastEventId() = 0;
    virtual void pruneEvents(int olderThanMs) = 0;
};

} // namespace chat::server
