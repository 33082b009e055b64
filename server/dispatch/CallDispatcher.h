#pragma once

#include "Outbox.h"
#include "PayloadFields.h"
#include "Peer.h"
#include "RoomListCache.h"
#include "model/Room.h"
#include "protocol/CallStatement.h"

#include <QElapsedTimer>

namespace chat::server {

class ServerMetrics;
class Store;

// Runs calls: validates fields, changes the store (one transaction per call) and only then tells the
// recipients, in the frame order of docs/PROTOCOL.md section 4.
class CallDispatcher
{
public:
    // metrics (optional) counts the messages posted.
    CallDispatcher(Store &store, Outbox &outbox, ServerMetrics *metrics = nullptr);

    // A new connection: makes its user and sends user_created and rooms_listed. False when storage failed.
    bool connected(Peer &peer);
    // The connection is gone (already removed from the outbox): its user leaves the room, others are told.
    // False when storage failed: the user is still in its room in the store.
    bool disconnected(Peer &peer);
    void dispatch(Peer &peer, const CallStatement &call);
    // Users left these rooms without a call of theirs (their node is gone): everyone hears of each room.
    void announceRooms(const QVector<Room> &rooms);
    // The batch failed and was rolled back, or another node changed the rooms: what was read from the store
    // may be stale.
    void forgetCachedState();

    // What an operator changed (chat-server admin), told as if a client had done it.
    // The room's users left it (before it is deleted): everyone gets the room_changed.
    void announceEmptied(const Room &room);
    void announceDeleted(const Room &room); // room_deleted to everyone
    void announceRenamed(const Room &room); // room_changed to everyone
    // Messages of the room went: room_changed (the new count) to everyone and a fresh messages_listed to
    // its members (the whole history for plain clients, the newest page for socketchat.v1 ones).
    void announceHistoryChanged(const Room &room);

private:
    using Handler = void (CallDispatcher::*)(Peer &, const PayloadFields &);
    static Handler handlerFor(CallName name);

    void createRoom(Peer &peer, const PayloadFields &fields);
    void listRooms(Peer &peer, const PayloadFields &fields);
    void enterRoom(Peer &peer, const PayloadFields &fields);
    void leaveRoom(Peer &peer, const PayloadFields &fields);
    void deleteRoom(Peer &peer, const PayloadFields &fields);
    void changeName(Peer &peer, const PayloadFields &fields);
    void changeColor(Peer &peer, const PayloadFields &fields);
    void changeUserName(Peer &peer, const PayloadFields &fields);
    void createMessage(Peer &peer, const PayloadFields &fields);
    void listMessages(Peer &peer, const PayloadFields &fields);
    void listMessagePage(Peer &peer, const PayloadFields &fields); // socketchat.v1: before and limit
    void getDrawing(Peer &peer, const PayloadFields &fields);
    void changeDrawLine(Peer &peer, const PayloadFields &fields);
    void resetDrawing(Peer &peer, const PayloadFields &fields);
    // socketchat.v1 only (docs/EXTENSIONS.md, "Live strokes" and "Typing"): nothing stored, no reply on
    // success, forwarded to the room's other negotiated members (Outbox::toRoomLive).
    void drawLive(Peer &peer, const PayloadFields &fields);
    void setTyping(Peer &peer, const PayloadFields &fields);

    // Sends the reply for a room uuid that is not Present; true when one was sent.
    bool rejectRoomUuid(const Peer &peer, PayloadFields::Status status);
    // change_name / change_color: both fields present and usable, the room uuid a string; true when rejected.
    bool rejectRoomEdit(const Peer &peer, const PayloadFields::Text &uuid, const PayloadFields::Text &value);
    bool rejectOutsideRoom(const Peer &peer);
    void reply(const Peer &peer, GeneralReply reply);
    void reply(const Peer &peer, ErrorName error);
    void announceRoom(const Room &room); // also whenever a room changed: it invalidates m_roomList
    void announceCount(const Room &room); // only its message count changed
    void announceUsers(const Room &room); // its users changed: someone entered or left it
    ServerStatement roomsListed();

    Store &m_store;
    Outbox &m_outbox;
    ServerMetrics *m_metrics;
    RoomListCache m_roomList;
    // The users array of each room's last count update, with the users it was written from: a message's
    // room_changed carries the room's 50 members again, and the store hands the same list (shared) while
    // nobody entered, left or was renamed. Compared, not trusted: a different list is written anew.
    struct UsersJson
    {
        QVector<User> users;
        QByteArray json;
    };
    QHash<QString, UsersJson> m_usersJson;
    QElapsedTimer m_clock; // monotonic, for the typing rate
};

} // namespace chat::server
