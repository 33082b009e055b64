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
    // set_typing (docs/EXTENSIONS.md, "Typing"): the state last forwarded to the room, and when the last
    // forwarded true was (dispatcher clock, -1: none yet in this room).
    bool typing = false;
    qint64 typingForwardedMs = -1;
};

} // namespace chat::server
