#pragma once

#include "Peer.h"
#include "protocol/ServerStatement.h"

namespace chat::server {

// Where handlers send statements. The transport implements it; handlers never touch sockets.
// The recipients are those of docs/PROTOCOL.md section 4: the caller, everyone, or the members of one room.
class Outbox
{
public:
    virtual ~Outbox() = default;

    virtual void toCaller(const Peer &caller, const ServerStatement &statement) = 0;
    // To everyone: the statement carries the whole latest state of this room (or says it is gone).
    virtual void toAll(const QString &roomUuid, const ServerStatement &statement) = 0;
    // To everyone: only the room's message count changed. Plain clients get `full` (room_changed),
    // socketchat.v1 clients `compact` (room_sum_changed); under load, those outside the room may get several
    // merged into one (docs/PROTOCOL.md section 0).
    virtual void toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                                  const ServerStatement &compact) = 0;
    // To everyone: the room's users changed (someone entered or left it, a connection ending included).
    // `statement` is the whole room (room_changed) for every client. Under load, those outside the room may
    // get several merged into one carrying the latest state, as count updates are (docs/PROTOCOL.md section
    // 0); the members get every one. An outbox that does not merge sends it to everyone.
    virtual void toAllUsersChanged(const QString &roomUuid, const ServerStatement &statement)
    {
        toAll(roomUuid, statement);
    }
    virtual void toRoom(const QString &roomUuid, const ServerStatement &statement) = 0;
    // To the room's members: plain clients get `plain`, socketchat.v1 clients `extended`. An outbox that
    // cannot tell them apart sends `plain`, which every client understands.
    virtual void toRoomByKind(const QString &roomUuid, const ServerStatement &plain,
                              const ServerStatement &extended)
    {
        Q_UNUSED(extended);
        toRoom(roomUuid, plain);
    }
    // The live extensions (docs/EXTENSIONS.md, "Live strokes", "Typing"): to the socketchat.v1 members of the
    // sender's room other than the sender, on this node and the others. Sent at once, never held for a commit
    // nor stored, and droppable: a member with a write backlog skips it. Plain members never get it. `text`
    // is the whole statement, already written (dispatch/LiveStatements.h).
    virtual void toRoomLive(const Peer &sender, const QByteArray &text)
    {
        Q_UNUSED(sender);
        Q_UNUSED(text);
    }
    // False when nobody in the room could be sent anything (so a statement for its members need not be made).
    virtual bool mayHaveMembers(const QString &roomUuid) const
    {
        Q_UNUSED(roomUuid);
        return true;
    }
    // Every connection in the room leaves it for room deliveries (the operator emptied it). Called after
    // the store committed, or inside the batch that does.
    virtual void emptyRoom(const QString &roomUuid) { Q_UNUSED(roomUuid); }

    // Moves a connection between rooms for room deliveries (empty: no room). Called after the store
    // committed.
    virtual void setRoom(Peer &peer, const QString &roomUuid) = 0;
};

} // namespace chat::server
