#pragma once

#include <QString>

namespace chat::server {

// What the handlers know of one connection: its user and the room that user is in.
struct Peer
{
    quint64 id = 0;
    QString userUuid;
    QString roomUuid; // empty: in no room
    bool extended = false; // negotiated socketchat.v1 (docs/EXTENSIONS.md)
};

} // namespace chat::server
