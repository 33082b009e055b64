#pragma once

#include "User.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace chat {

class JsonWriter;

// {"uuid", "body", "name": "message-<uuid>", "user": user, "room_uuid", "created"}
struct Message
{
    QString uuid;
    QString body;
    User user; // the author as they are now, not a snapshot (docs/PROTOCOL.md Q12)
    QString roomUuid;
    QString created; // Timestamp format

    QString name() const;
    QJsonObject toJson() const;
    void writeJson(JsonWriter &writer) const; // the same JSON as toJson(), written directly
    static std::optional<Message> fromJson(const QJsonObject &json);

    friend bool operator==(const Message &a, const Message &b)
    {
        return a.uuid == b.uuid && a.body == b.body && a.user == b.user && a.roomUuid == b.roomUuid
            && a.created == b.created;
    }
};

} // namespace chat
