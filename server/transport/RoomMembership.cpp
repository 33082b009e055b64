#include "RoomMembership.h"

#include "Session.h"

namespace chat::server {

void RoomMembership::add(Session *session)
{
    m_sessions.emplace(session->peer().id, session);
    if (!session->peer().roomUuid.isEmpty())
        m_roomMembers[session->peer().roomUuid].insert(session);
}

void RoomMembership::remove(Session *session)
{
    if (!session->peer().roomUuid.isEmpty())
        leaveRoom(session, session->peer().roomUuid);
    m_sessions.erase(session->peer().id);
}

int RoomMembership::outsidersOf(const QString &roomUuid) const
{
    const Members *members = membersOf(roomUuid);
    return count() - (members ? int(members->size()) : 0);
}

bool RoomMembership::move(Peer &peer, const QString &roomUuid)
{
    Session *session = find(peer.id);
    if (!peer.roomUuid.isEmpty())
        leaveRoom(session, peer.roomUuid);
    peer.roomUuid = roomUuid;
    if (!session || roomUuid.isEmpty())
        return false;
    m_roomMembers[roomUuid].insert(session);
    return true;
}

void RoomMembership::leaveRoom(Session *session, const QString &roomUuid)
{
    auto members = m_roomMembers.find(roomUuid);
    if (members == m_roomMembers.end())
        return;
    members->remove(session);
    if (members->isEmpty())
        m_roomMembers.erase(members);
}

} // namespace chat::server
