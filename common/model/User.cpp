#include "User.h"

#include "JsonText.h"
#include "Uuid.h"
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
