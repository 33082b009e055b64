#include "Room.h"

#include "Color.h"
#include "JsonText.h"
#include "Uuid.h"
#include "protocol/JsonWriter.h"
#include "protocol/MessageNames.h"

#include <QJsonArray>

#include <algorithm>

namespace chat {

Room Room::create()
{
    Room room;
    room.uuid = Uuid::create();
    room.name = Uuid::defaultName("room", room.uuid);
    room.color = Color::randomRoomColor();
    return room;
}

bool Room::contains(const QString &userUuid) const
{
    return std::any_of(users.cbegin(), users.cend(), [&](const User &user) { return user.uuid == userUuid; });
}

QJsonObject Room::toJson() const
{
    QJsonArray userList;
    for (const User &user : users)
        userList.append(user.toJson());
    return QJsonObject {{QString::fromUtf16(key::uuid), uuid},
                        {QString::fromUtf16(key::name), name},
                        {QString::fromUtf16(key::color), color},
                        {QString::fromUtf16(key::users), userList},
                        {QString::fromUtf16(key::sum), sum}};
}

namespace {
// The fields of a room in the order of toJson(); `writeUsers()` writes the value of "users".
template<typename WriteUsers>
void writeRoom(JsonWriter &writer, const Room &room, WriteUsers writeUsers)
{
    writer.beginObject();
    writer.key("uuid");
    writer.value(room.uuid);
    writer.key("name");
    writer.value(room.name);
    writer.key("color");
    writer.value(room.color);
    writer.key("users");
    writeUsers();
    writer.key("sum");
    writer.value(room.sum);
    writer.endObject();
}
} // namespace

void Room::writeJson(JsonWriter &writer) const
{
    writeRoom(writer, *this, [&]() {
        writer.beginArray();
        for (const User &user : users)
            user.writeJson(writer);
        writer.endArray();
    });
}

QByteArray Room::usersJson(const QVector<User> &users)
{
    QByteArray json;
    JsonWriter writer(json);
    writer.beginArray();
    for (const User &user : users)
        user.writeJson(writer);
    writer.endArray();
    return json;
}

void Room::writeJson(JsonWriter &writer, const QByteArray &usersJson) const
{
    writeRoom(writer, *this, [&]() { writer.rawValue(usersJson); });
}

std::optional<Room> Room::fromJson(const QJsonObject &json)
{
    const QJsonValue uuid = json.value(QStringView(key::uuid));
    if (!uuid.isString())
        return std::nullopt;
    Room room;
    room.uuid = uuid.toString();
    room.name = JsonText::textOf(json.value(QStringView(key::name)));
    room.color = JsonText::nullableString(json.value(QStringView(key::color)));
    room.sum = json.value(QStringView(key::sum)).toInteger();
    const QJsonArray userList = json.value(QStringView(key::users)).toArray();
    for (const QJsonValue &value : userList) {
        if (const auto user = User::fromJson(value.toObject()))
            room.users.append(*user);
    }
    return room;
}

} // namespace chat
