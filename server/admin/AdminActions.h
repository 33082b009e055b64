#pragma once

#include "AdminReply.h"
#include "AdminRequest.h"
#include "model/Room.h"

#include <optional>

namespace chat::server {

class CallDispatcher;
class Store;

// Carries out the operator commands that read or change rooms and messages, through the store, and has the
// dispatcher tell the connected clients what changed, as if a client had done it. The caller runs it inside
// one batch (one transaction) and commits it.
class AdminActions
{
public:
    AdminActions(Store &store, CallDispatcher &dispatcher);

    // rooms, messages, export, delete-room, delete-message, rename-room and purge.
    AdminReply run(const AdminRequest &request);

private:
    AdminReply listRooms();
    AdminReply listMessages(const AdminRequest &request);
    AdminReply exportHistory(const AdminRequest &request);
    AdminReply deleteRoom(const AdminRequest &request);
    AdminReply deleteMessage(const AdminRequest &request);
    AdminReply renameRoom(const AdminRequest &request);
    AdminReply purge(const AdminRequest &request);

    // A room by uuid, or by a name no other room has; nullopt with the reason otherwise.
    std::optional<Room> findRoom(const QString &uuidOrName, QString *error);
    QByteArray historyAsJson(const Room &room);
    QByteArray historyAsMarkdown(const Room &room);

    Store &m_store;
    CallDispatcher &m_dispatcher;
};

} // namespace chat::server
