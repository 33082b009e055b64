#pragma once

#include "Message.h"

#include <QAnyStringView>

namespace chat {

class JsonWriter;

// A message's fields seen where they lie, in UTF-8 or UTF-16: a database row becomes wire JSON without a
// QString per field. Valid only as long as what it views.
struct MessageView
{
    QAnyStringView uuid;
    QAnyStringView body;
    QAnyStringView created;
    QAnyStringView userUuid;
    QAnyStringView userName;
    QAnyStringView userRoomUuid; // empty: the author is in no room
    QAnyStringView roomUuid;

    static MessageView of(const Message &message);
    Message toMessage() const;
    // The one layout of a message on the wire; Message::writeJson writes through it.
    void writeJson(JsonWriter &writer) const;
};

} // namespace chat
