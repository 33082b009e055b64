#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace chat::server {

// Reads call fields the way docs/PROTOCOL.md section 7 (Q13) says: the original's answers where it did not
// crash, not_sufficient_data where it crashed on a missing or wrongly typed field.
class PayloadFields
{
public:
    enum class Status {
        Present, // a usable value
        Missing, // the key is absent → not_sufficient_data
        WrongType, // → not_sufficient_data
        Ignored, // a falsy name or colour: nothing changes, but the success reply is sent (Q8)
        NoSuchRoom, // a null or numeric room uuid → no_specified_room (Q13)
    };

    struct Text
    {
        Status status = Status::Missing;
        QString value;
    };

    struct Integer
    {
        Status status = Status::Missing;
        int value = 0;
    };

    explicit PayloadFields(const QJsonObject &payload);

    bool has(const char16_t *key) const;
    QJsonValue value(const char16_t *key) const { return m_payload.value(QStringView(key)); }
    // A room uuid: a string, or null/number which name no room.
    Text roomUuid() const;
    // A name or colour that may be falsy ("", null, false, 0, [], {}) to mean "keep the current one".
    Text optionalText(const char16_t *key) const;
    // A string field that must be a string (message body, line uuid, tool, colour).
    Text requiredText(const char16_t *key) const;
    // A string that may also be absent or null (both Missing); other values are WrongType.
    Text nullableText(const char16_t *key) const;
    // An integer from min to max, or absent (Missing); anything else, 2.5 or "3" too, is WrongType.
    Integer boundedInteger(const char16_t *key, int min, int max) const;
    // A flat array of finite numbers.
    bool hasPointArray(const char16_t *key) const;
    QJsonArray pointArray(const char16_t *key) const;

    static bool isFalsy(const QJsonValue &value);

private:
    QJsonObject m_payload;
};

} // namespace chat::server
