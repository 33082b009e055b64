#include "MessageView.h"

#include "protocol/JsonWriter.h"

namespace chat {

MessageView MessageView::of(const Message &message)
{
    return {message.uuid,      message.body,          message.created, message.user.uuid,
            message.user.name, message.user.roomUuid, message.roomUuid};
}

Message MessageView::toMessage() const
{
    Message message;
    message.uuid = uuid.toString();
    message.body = body.toString();
    message.created = created.toString();
    message.user = User {userUuid.toString(), userName.toString(), userRoomUuid.toString()};
    message.roomUuid = roomUuid.toString();
    return message;
}

void MessageView::writeJson(JsonWriter &writer) const
{
    writer.beginObject();
    writer.key("uuid");
    writer.value(uuid);
    writer.key("body");
    writer.value(body);
    writer.key("name");
    writer.prefixedValue("message-", uuid); // Message::name()
    writer.key("user");
    User::writeJson(writer, userUuid, userName, userRoomUuid);
    writer.key("room_uuid");
    writer.value(roomUuid);
    writer.key("created");
    writer.value(created);
    writer.endObject();
}

} // namespace chat
