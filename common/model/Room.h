#pragma once

#include "User.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace chat {

class JsonWriter;

// {"uuid": str, "name": str, "color": str, "users": [user…], "sum": int}
struct Room
{
    QString uuid;
    QString name;
    QString color;
    QVector<User> users; // the users inside now, in join order
    qint64 sum = 0; // messages ever posted to the room

    static Room create(); // fresh uuid, default name "room-<uuid>", a random palette colour

    bool contains(const QString &userUuid) const;
    QJsonObject toJson() const;
    void writeJson(JsonWriter &writer) const; // the same JSON as toJson(), written directly
    // The same with the users array already written (usersJson(): the same users), for a room announced
    // again and again with the same people inside (every message posted to it).
    void writeJson(JsonWriter &writer, const QByteArray &usersJson) const;
    static QByteArray usersJson(const QVector<User> &users);
    static std::optional<Room> fromJson(const QJsonObject &json);

    friend bool operator==(const Room &a, const Room &b)
    {
        return a.uuid == b.uuid && a.name == b.name && a.color == b.color && a.users == b.users
            && a.sum == b.sum;
    }
    friend bool operator!=(const Room &a, const Room &b) { return !(a == b); }
};

} // namespace chat
