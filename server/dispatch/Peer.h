#pragma once

#include <QString>

namespace chat::server {

// What the handlers know of one connection: its user and the room that user is in.
struct Peer
{
    quint64 id = 0;
    QString userUuid;
    QString roomUuid; // empty: in no room
    // The client negotiated socketchat.v1 (docs/EXTENSIONS.md): it may be sent the extensions. A plain client
    // never is.
    bool extended = false;
};

} // namespace chat::server
