#include "RoomListCache.h"

#include "protocol/JsonWriter.h"
#include "storage/Store.h"

namespace chat::server {

namespace {
constexpr qsizetype bytesPerRoomGuess = 160;
} // namespace

const QByteArray &RoomListCache::json(Store &store)
{
    if (!m_json) {
        const QVector<Room> rooms = store.listRooms();
        QByteArray json;
        json.reserve(rooms.size() * bytesPerRoomGuess + 2);
        JsonWriter writer(json);
        writer.beginArray();
        for (const Room &room : rooms)
            room.writeJson(writer);
        writer.endArray();
        m_json = std::move(json);
    }
    return *m_json;
}

} // namespace chat::server
