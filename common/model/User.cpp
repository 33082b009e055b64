#include "User.h"

#include "JsonText.h"
#include "Uuid.h"
#include "protocol/JsonWriter.h"
#include "protocol/MessageNames.h"

namespace chat {

User User::create()
{
    User user;
    user.uuid = Uuid::create();
    user.name = Uuid::defaultName("user", user.uuid);
    return user;
}

QJsonObject User::toJson() const
{
    return QJsonObject {{QString::fromUtf16(key::uuid), uuid},
                        {QString::fromUtf16(key::name), name},
                        {QString::fromUtf16(key::roomUuid), JsonText::stringOrNull(roomUuid)}};
}

void User::writeJson(JsonWriter &writer) const
{
    writeJson(writer, uuid, name, roomUuid);
}

void User::writeJson(JsonWriter &writer, QAnyStringView uuid, QAnyStringView name, QAnyStringView roomUuid)
{
    writer.beginObject();
    writer.key("uuid");
    writer.value(uuid);
    writer.key("name");
    writer.value(name);
    writer.key("room_uuid");
    writer.stringOrNull(roomUuid);
    writer.endObject();
}

std::optional<User> User::fromJson(const QJsonObject &json)
{
    const QJsonValue uuid = json.value(QStringView(key::uuid));
    if (!uuid.isString())
        return std::nullopt;
    User user;
    user.uuid = uuid.toString();
    user.name = JsonText::textOf(json.value(QStringView(key::name)));
    user.roomUuid = JsonText::nullableString(json.value(QStringView(key::roomUuid)));
    return user;
}

} // namespace chat
