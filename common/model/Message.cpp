#include "Message.h"

#include "JsonText.h"
#include "MessageView.h"
#include "Uuid.h"
#include "protocol/JsonWriter.h"
#include "protocol/MessageNames.h"

namespace chat {

QString Message::name() const
{
    return Uuid::defaultName("message", uuid);
}

QJsonObject Message::toJson() const
{
    return QJsonObject {
        {QString::fromUtf16(key::uuid), uuid},         {QString::fromUtf16(key::body), body},
        {QString::fromUtf16(key::name), name()},       {QString::fromUtf16(key::user), user.toJson()},
        {QString::fromUtf16(key::roomUuid), roomUuid}, {QString::fromUtf16(key::created), created}};
}

void Message::writeJson(JsonWriter &writer) const
{
    MessageView::of(*this).writeJson(writer);
}

std::optional<Message> Message::fromJson(const QJsonObject &json)
{
    const QJsonValue uuid = json.value(QStringView(key::uuid));
    const auto author = User::fromJson(json.value(QStringView(key::user)).toObject());
    if (!uuid.isString() || !author)
        return std::nullopt;
    Message message;
    message.uuid = uuid.toString();
    message.body = JsonText::textOf(json.value(QStringView(key::body)));
    message.user = *author;
    message.roomUuid = JsonText::nullableString(json.value(QStringView(key::roomUuid)));
    message.created = JsonText::nullableString(json.value(QStringView(key::created)));
    return message;
}

} // namespace chat
