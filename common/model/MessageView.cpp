#include "MessageView.h"

#include "protocol/ExactText.h"
#include "protocol/JsonWriter.h"

namespace chat {

MessageView MessageView::of(const Message &message)
{
    return {message.uuid,      message.body,          message.created, message.user.uuid,
            message.user.name, message.user.roomUuid, message.roomUuid};
}

Message MessageView::toMessage() const
{
    // Not QAnyStringView::toString: it would drop a body's leading U+FEFF (ExactText).
    Message message;
    message.uuid = ExactText::toString(uuid);
    message.body = ExactText::toString(body);
    message.created = ExactText::toString(created);
    message.user = User {ExactText::toString(userUuid), ExactText::toString(userName),
                         ExactText::toString(userRoomUuid)};
    message.roomUuid = ExactText::toString(roomUuid);
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
