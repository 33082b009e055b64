#pragma once

#include <QByteArray>

#include <optional>

namespace chat::server {

class Store;

// The JSON of rooms_listed, kept between changes: every connection gets it, and with thousands of rooms
// reading and serializing them each time cost more than all else on connect. Whoever changes a room (and
// announces it with room_created, room_changed or room_deleted) calls invalidate(); so does a failed batch,
// whose changes were rolled back after the list may have been read.
class RoomListCache
{
public:
    const QByteArray &json(Store &store);
    void invalidate() { m_json.reset(); }

private:
    std::optional<QByteArray> m_json;
};

} // namespace chat::server
