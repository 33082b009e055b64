#pragma once

#include <QString>

namespace chat {

// Lowercase canonical uuid4 strings, as every id on the wire.
class Uuid
{
public:
    static QString create();
    // "<kind>-<uuid>": the default name of users, rooms, messages, drawings and lines (docs/PROTOCOL.md Q17).
    static QString defaultName(const char *kind, const QString &uuid);
};

} // namespace chat
