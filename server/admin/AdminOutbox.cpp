#include "AdminOutbox.h"

#include "storage/ClusterStore.h"

namespace chat::server {

AdminOutbox::AdminOutbox(ClusterStore *cluster)
    : m_cluster(cluster)
{ }

void AdminOutbox::toCaller(const Peer &, const ServerStatement &) { }

void AdminOutbox::toAll(const QString &, const ServerStatement &statement)
{
    if (m_cluster)
        m_cluster->appendEvent({}, QString::fromUtf8(statement.toUtf8()));
}

void AdminOutbox::toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                                   const ServerStatement &)
{
    toAll(roomUuid, full);
}

void AdminOutbox::toRoom(const QString &roomUuid, const ServerStatement &statement)
{
    if (m_cluster)
        m_cluster->appendEvent(roomUuid, QString::fromUtf8(statement.toUtf8()));
}

bool AdminOutbox::mayHaveMembers(const QString &) const
{
    return m_cluster != nullptr; // the nodes know their members; without them nobody listens
}

void AdminOutbox::setRoom(Peer &peer, const QString &roomUuid)
{
    peer.roomUuid = roomUuid;
}

} // namespace chat::server
