#pragma once

#include "dispatch/Outbox.h"
#include "transport/CountUpdateMerger.h"

#include <QByteArray>
#include <QString>

namespace chat::server {

class CallDispatcher;
class DeliveryBatch;
class RoomMembership;

// The dispatcher's Outbox on this node's sessions: picks the recipients of each statement (RoomMembership:
// the caller, everyone, or a room's members, docs/PROTOCOL.md section 4) and hands it to the group-commit
// batch (DeliveryBatch), which sends it once the batch is stored and records it for the other nodes. The
// statements other nodes committed or relayed come in here too. It owns no session and accepts nothing:
// that is ChatServer's part.
class SessionOutbox : public Outbox
{
public:
    // dispatcher: its cached state is forgotten when another node changed the rooms.
    SessionOutbox(RoomMembership &rooms, DeliveryBatch &batch, CallDispatcher &dispatcher);

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

    // A statement another node broadcast: to this node's clients, everyone (empty room) or a room's members.
    void deliverFromOtherNode(const QString &roomUuid, const QByteArray &text);
    // A live statement another node relayed (docs/EXTENSIONS.md): to this node's socketchat.v1 members of
    // the room, droppable.
    void deliverLiveFromOtherNode(const QString &roomUuid, const QByteArray &text);

private:
    // A count update (or a whole room): to its members now, through the merger to those outside it.
    void toAllMerged(const QString &roomUuid, const CountUpdateMerger::Update &update);
    // To the socketchat.v1 members of a room here, but the connection exceptId (0: none), droppable.
    void deliverLive(const QString &roomUuid, quint64 exceptId, const QByteArray &text);
    // A connection that was typing leaves its room: the others hear it stopped.
    void stopTyping(Peer &peer);
    // After another node's room_deleted: this node's connections are no longer in that room.
    void forgetDeletedRoom(const QByteArray &text);

    RoomMembership &m_rooms;
    DeliveryBatch &m_batch;
    CallDispatcher &m_dispatcher;
};

} // namespace chat::server
