#pragma once

#include "model/Drawing.h"
#include "model/Message.h"
#include "model/MessageView.h"
#include "model/Room.h"
#include "model/User.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace chat::server {

// What the call handlers need from storage, in the protocol's terms. Every method is one transaction:
// it either happens completely or throws StorageError and changes nothing.
class Store
{
public:
    struct EnteredRoom
    {
        std::optional<Room> previousRoom; // the room the user was in before, after leaving it
        Room room; // the room entered, with the user inside
        bool moreHistory = false; // a paged history: the room holds older messages too
        Drawing drawing;
    };

    // A page of a room's history (socketchat.v1 paging, docs/EXTENSIONS.md).
    struct MessagePage
    {
        QVector<Message> messages; // oldest first
        bool more = false; // the room holds older messages than these
    };
    // Receives a history one message at a time, oldest first: a room's whole history is never held in memory.
    // The view is valid during the call only, and the visitor must not call the store.
    using MessageVisitor = std::function<void(const MessageView &)>;
    // enterRoom's historyLimit for the whole history (the plain protocol).
    static constexpr int wholeHistory = 0;

    enum class DeleteOutcome { Deleted, NotFound, NotEmpty };
    struct DeletedRoom
    {
        DeleteOutcome outcome = DeleteOutcome::NotFound;
        Room room; // as it was, when deleted
    };

    struct RenamedUser
    {
        User user;
        std::optional<Room> room; // the user's room, which shows the new name too
    };

    struct PostedMessage
    {
        Message message;
        Room room; // with the new sum
    };

    virtual ~Store() = default;

    // Group commit: between beginBatch() and commitBatch() the calls share one transaction, each call still
    // all-or-nothing on its own. commitBatch() throws StorageError when the batch could not be committed;
    // then nothing of it was stored. rollbackBatch() drops an open batch. Without a batch every call commits
    // by itself. A batch also ends (inBatch() turns false) when the database connection is lost.
    virtual void beginBatch() = 0;
    virtual void commitBatch() = 0;
    virtual void rollbackBatch() = 0;
    virtual bool inBatch() const = 0;

    // Membership is live state: nobody is in a room when a server starts.
    virtual void clearMemberships() = 0;

    virtual User createUser() = 0;
    // Called when the user's connection is gone. Leaves the room (returned, as it is afterwards) and forgets
    // the user unless a message still names them as its author.
    virtual std::optional<Room> disconnectUser(const QString &userUuid) = 0;
    // A name of nullopt keeps the current one (docs/PROTOCOL.md Q8).
    virtual RenamedUser renameUser(const QString &userUuid, const std::optional<QString> &name) = 0;

    virtual QVector<Room> listRooms() = 0;
    virtual bool hasRoom(const QString &roomUuid) = 0;
    virtual Room createRoom() = 0;
    virtual std::optional<Room> renameRoom(const QString &roomUuid, const std::optional<QString> &name) = 0;
    virtual std::optional<Room> recolorRoom(const QString &roomUuid, const std::optional<QString> &color) = 0;
    virtual DeletedRoom deleteRoom(const QString &roomUuid) = 0;

    // nullopt when the room does not exist. The history, read after the move (docs/PROTOCOL.md Q22), goes to
    // `history`: the whole one, or the newest historyLimit messages.
    virtual std::optional<EnteredRoom> enterRoom(const QString &userUuid, const QString &roomUuid,
                                                 int historyLimit, const MessageVisitor &history) = 0;
    // The room after the user left; nullopt when the user was in no room.
    virtual std::optional<Room> leaveRoom(const QString &userUuid) = 0;

    // nullopt when the room does not exist (any more).
    virtual std::optional<PostedMessage> createMessage(const QString &userUuid, const QString &roomUuid,
                                                       const QString &body) = 0;
    // The whole history; an unknown room has an empty one.
    virtual void listMessages(const QString &roomUuid, const MessageVisitor &history) = 0;
    // The newest `limit` messages of the room, or with beforeUuid the newest ones posted before that message.
    // nullopt when beforeUuid names no message of that room; an unknown room has an empty history.
    virtual std::optional<MessagePage> messagePage(const QString &roomUuid, const QString &beforeUuid,
                                                   int limit) = 0;

    virtual std::optional<Drawing> drawing(const QString &roomUuid) = 0;
    // Appends the line, or replaces the line with the same uuid in place (docs/PROTOCOL.md Q2). Returns the
    // stored line with its name; nullopt when the room does not exist.
    virtual std::optional<Line> putLine(const QString &roomUuid, const Line &line) = 0;
    virtual std::optional<Drawing> resetDrawing(const QString &roomUuid) = 0;

    struct LineCount
    {
        int lines = 0; // in the room's drawing (0 for an unknown room)
        bool hasLine = false; // one of them has the asked uuid
    };
    // For the lines-per-drawing cap, read without loading the lines.
    virtual LineCount countLines(const QString &roomUuid, const QString &lineUuid) = 0;

    // Operator tools (chat-server admin). Everyone inside leaves the room; returns the room afterwards,
    // nullopt when it does not exist.
    virtual std::optional<Room> emptyRoom(const QString &roomUuid) = 0;
    // Deletes one message; returns its room with the new count, nullopt when no message has that uuid.
    virtual std::optional<Room> deleteMessage(const QString &messageUuid) = 0;
    // Deletes the messages created before `createdBefore` (Timestamp's format), in one room or (empty uuid)
    // in all; returns the rooms that lost messages, with their new counts, and how many went in all.
    struct PurgedMessages
    {
        QVector<Room> rooms;
        qint64 deleted = 0;
    };
    virtual PurgedMessages purgeMessages(const QString &createdBefore, const QString &roomUuid) = 0;
};

} // namespace chat::server
