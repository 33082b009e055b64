#pragma once

#include "dispatch/Peer.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <map>

namespace chat::server {

class Session;

// Who is connected to this node and who is in which room: the recipients of docs/PROTOCOL.md section 4.
// "Everyone" goes in connection order (all()); a room's members in no particular order (each gets its own
// copy, so their order does not matter). It only indexes: it sends nothing and owns no session.
class RoomMembership
{
public:
    using Members = QSet<Session *>;

    // A connection that just opened, in no room yet.
    void add(Session *session);
    // A connection that ended: out of its room (if still in one) and of every delivery list.
    void remove(Session *session);
    // The session of connection id, or nullptr once it ended.
    Session *find(quint64 id) const
    {
        const auto it = m_sessions.find(id);
        return it == m_sessions.end() ? nullptr : it->second;
    }
    // Every connection, in the order they opened.
    const std::map<quint64, Session *> &all() const { return m_sessions; }
    int count() const { return static_cast<int>(m_sessions.size()); }

    // The connections in the room, or nullptr when none here is.
    const Members *membersOf(const QString &roomUuid) const
    {
        const auto members = m_roomMembers.constFind(roomUuid);
        return members == m_roomMembers.cend() ? nullptr : &members.value();
    }
    bool hasMembers(const QString &roomUuid) const { return m_roomMembers.contains(roomUuid); }
    // How many connections are not in the room (what a count update for those outside costs).
    int outsidersOf(const QString &roomUuid) const;

    // Sets peer.roomUuid (empty: no room) and moves its connection, if it is still connected, between the
    // rooms' member sets. True when the connection is now a member of roomUuid.
    bool move(Peer &peer, const QString &roomUuid);

private:
    void leaveRoom(Session *session, const QString &roomUuid);

    std::map<quint64, Session *> m_sessions; // connection order, for "all" deliveries
    QHash<QString, Members> m_roomMembers;
};

} // namespace chat::server
