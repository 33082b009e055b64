#pragma once

#include <QJsonValue>
#include <QString>

namespace chat {

// Reading values leniently: the original server echoes whatever JSON a client stored (docs/PROTOCOL.md Q13),
// so a client shows such values as text instead of dropping the object.
class JsonText
{
public:
    // A string as it is; a number as the shortest exact text; anything else as compact JSON; null as "".
    static QString textOf(const QJsonValue &value);
    // A string, or an empty string for null and anything that is not a string.
    static QString nullableString(const QJsonValue &value);
    // JSON null for an empty string, else the string.
    static QJsonValue stringOrNull(const QString &text);
};

} // namespace chat
