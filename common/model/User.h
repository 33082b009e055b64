#pragma once

#include <QAnyStringView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace chat {

class JsonWriter;

// {"uuid": str, "name": str, "room_uuid": str|null}
struct User
{
    QString uuid;
    QString name;
    QString roomUuid; // empty: in no room (null on the wire)

    static User create(); // a fresh uuid and the default name "user-<uuid>"

    bool isInRoom() const { return !roomUuid.isEmpty(); }
    QJsonObject toJson() const;
    void writeJson(JsonWriter &writer) const; // the same JSON as toJson(), written directly
    // The same from fields held in either encoding (a database row): the one layout of a user on the wire.
    static void writeJson(JsonWriter &writer, QAnyStringView uuid, QAnyStringView name,
                          QAnyStringView roomUuid);
    static std::optional<User> fromJson(const QJsonObject &json);

    friend bool operator==(const User &a, const User &b)
    {
        return a.uuid == b.uuid && a.name == b.name && a.roomUuid == b.roomUuid;
    }
    friend bool operator!=(const User &a, const User &b) { return !(a == b); }
};

} // namespace chat
