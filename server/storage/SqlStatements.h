#pragma once

// Every SQL statement of SqlStore, in one place: the same text serves SQLite and PostgreSQL ("{now}" becomes
// the database clock in milliseconds; "{text}" is a text parameter and "{utf8 column}" a text column read
// back, both handed over as UTF-8 bytes so that no driver's UTF-16 conversion changes a character: see
// SqlSchema::dialectSql and docs/PROTOCOL.md section 3, "Strings"), and
// tst_sqlstore checks with EXPLAIN QUERY PLAN that none of them scans a whole table to answer for one room.
namespace chat::server::sql {

inline constexpr char roomIdByUuid[] = "SELECT id FROM rooms WHERE uuid = {text}";
inline constexpr char userByUuid[] =
    "SELECT u.id, {utf8 u.name}, u.room_id, r.uuid FROM users u LEFT JOIN rooms r ON r.id = "
    "u.room_id WHERE u.uuid = {text}";
// Their room_uuid is the room's own (SqlStore::membersOf): no join, one index range (users_by_room).
inline constexpr char membersOfRoom[] =
    "SELECT u.uuid, {utf8 u.name} FROM users u WHERE u.room_id = ? ORDER BY u.joined_seq";
inline constexpr char roomById[] = "SELECT uuid, {utf8 name}, color, message_count FROM rooms WHERE id = ?";
inline constexpr char messagesOfRoom[] =
    "SELECT {utf8 m.uuid}, {utf8 m.body}, {utf8 m.created}, {utf8 u.uuid}, {utf8 u.name}, {utf8 ur.uuid} "
    "FROM messages m JOIN users u ON u.id = m.user_id LEFT JOIN rooms ur ON ur.id = u.room_id "
    "WHERE m.room_id = ? ORDER BY m.id";
// A page of a room's history, newest first (SqlStore turns it around): the messages_by_room index read
// backwards from just below the given id, so a page costs the same in a room of any size.
inline constexpr char messagePageOfRoom[] =
    "SELECT {utf8 m.uuid}, {utf8 m.body}, {utf8 m.created}, {utf8 u.uuid}, {utf8 u.name}, {utf8 ur.uuid} "
    "FROM messages m JOIN users u ON u.id = m.user_id LEFT JOIN rooms ur ON ur.id = u.room_id "
    "WHERE m.room_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?";
// Where a page starts: the message must belong to the room.
inline constexpr char messageIdInRoom[] = "SELECT id FROM messages WHERE uuid = {text} AND room_id = ?";
inline constexpr char drawingOfRoom[] = "SELECT id, uuid FROM drawings WHERE room_id = ?";
inline constexpr char linesOfDrawing[] = "SELECT {utf8 uuid}, {utf8 name}, {utf8 points}, {utf8 tool}, {utf8 "
                                         "color} FROM lines WHERE drawing_id = ? ORDER BY id";
inline constexpr char leaveRoom[] = "UPDATE users SET room_id = NULL, joined_seq = NULL WHERE id = ?";
// At start: nobody is in a room.
inline constexpr char clearMemberships[] =
    "UPDATE users SET room_id = NULL, joined_seq = NULL WHERE room_id IS NOT NULL";
inline constexpr char insertUser[] =
    "INSERT INTO users (uuid, name, node_id) VALUES ({text}, {text}, {text})";
// A user no message refers to can go when their connection ends.
inline constexpr char deleteUserWithoutMessages[] =
    "DELETE FROM users WHERE id = ? AND NOT EXISTS (SELECT 1 FROM messages WHERE user_id = "
    "?)";
inline constexpr char renameUser[] = "UPDATE users SET name = {text} WHERE uuid = {text}";
// Lists every room: the answer holds them all.
inline constexpr char allRooms[] =
    "SELECT id, uuid, {utf8 name}, color, message_count FROM rooms ORDER BY id";
// Everyone in some room, for rooms_listed.
inline constexpr char allMembers[] =
    "SELECT u.room_id, u.uuid, {utf8 u.name}, r.uuid FROM users u JOIN rooms r ON r.id = "
    "u.room_id WHERE u.room_id IS NOT NULL ORDER BY u.room_id, u.joined_seq";
inline constexpr char insertRoom[] =
    "INSERT INTO rooms (uuid, name, color, created) VALUES ({text}, {text}, {text}, {text}) RETURNING id";
inline constexpr char insertDrawing[] = "INSERT INTO drawings (uuid, room_id) VALUES ({text}, ?)";
inline constexpr char renameRoom[] = "UPDATE rooms SET name = {text} WHERE id = ?";
inline constexpr char recolorRoom[] = "UPDATE rooms SET color = {text} WHERE id = ?";
// Messages, the drawing and its lines go with the room (ON DELETE CASCADE).
inline constexpr char deleteRoom[] = "DELETE FROM rooms WHERE id = ?";
// Join order: one past the last member's sequence number.
inline constexpr char enterRoom[] =
    "UPDATE users SET room_id = ?, joined_seq = (SELECT COALESCE(MAX(joined_seq), 0) + 1 "
    "FROM users WHERE room_id = ?) WHERE id = ?";
inline constexpr char insertMessage[] =
    "INSERT INTO messages (uuid, room_id, user_id, body, created) VALUES ({text}, ?, ?, {text}, {text})";
inline constexpr char countMessage[] = "UPDATE rooms SET message_count = message_count + 1 WHERE id = ?";
// A known line uuid replaces that line in its place (same row, so same position and name).
inline constexpr char putLine[] =
    "INSERT INTO lines (drawing_id, uuid, name, points, tool, color) SELECT id, {text}, {text}, {text}, "
    "{text}, {text} FROM drawings WHERE room_id = ? ON CONFLICT (drawing_id, uuid) DO UPDATE SET "
    "points = excluded.points, tool = excluded.tool, color = excluded.color RETURNING {utf8 name}";
inline constexpr char resetDrawing[] =
    "DELETE FROM lines WHERE drawing_id = (SELECT id FROM drawings WHERE room_id = ?)";
// For the lines-per-drawing cap: how many lines the room's drawing holds, and whether one has this uuid.
inline constexpr char countLines[] =
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN l.uuid = {text} THEN 1 ELSE 0 END), 0) FROM lines l JOIN "
    "drawings d ON d.id = l.drawing_id WHERE d.room_id = ?";

// Several nodes (schema version 2). The rooms a node's users are in, before they leave them.
inline constexpr char roomsOfNodeUsers[] =
    "SELECT DISTINCT room_id FROM users WHERE node_id = {text} AND room_id IS NOT NULL";
inline constexpr char usersOfNode[] = "SELECT uuid FROM users WHERE node_id = {text}";
inline constexpr char deleteNodeUsersWithoutMessages[] =
    "DELETE FROM users WHERE node_id = {text} AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.user_id = "
    "users.id)";
// Authors stay (their messages name them) but belong to no node and no room any more.
inline constexpr char releaseNodeUsers[] =
    "UPDATE users SET room_id = NULL, joined_seq = NULL, node_id = NULL WHERE node_id = {text}";
inline constexpr char registerNode[] =
    "INSERT INTO nodes (id, heartbeat) VALUES ({text}, {now}) ON CONFLICT (id) DO UPDATE SET heartbeat = "
    "excluded.heartbeat";
inline constexpr char beatHeart[] = "UPDATE nodes SET heartbeat = {now} WHERE id = {text}";
inline constexpr char silentNodes[] = "SELECT id FROM nodes WHERE id <> {text} AND heartbeat < {now} - ?";
// For --check: every node, how long it has been silent, and how many users it holds.
inline constexpr char nodeStatus[] =
    "SELECT n.id, {now} - n.heartbeat, (SELECT COUNT(*) FROM users u WHERE u.node_id = n.id) FROM nodes n "
    "ORDER BY n.id";
inline constexpr char forgetNode[] = "DELETE FROM nodes WHERE id = {text}";
inline constexpr char appendEvent[] = "INSERT INTO events (node_id, room_uuid, body, created) VALUES "
                                      "({text}, {text}, {text}, {now}) RETURNING id";
// What the other nodes committed since the last event seen, oldest first.
inline constexpr char eventsAfter[] =
    "SELECT id, room_uuid, body FROM events WHERE id > ? AND node_id <> {text} ORDER BY id LIMIT 2000";
// PostgreSQL only (so not in the list below, which SQLite checks): wakes the nodes when the transaction
// commits.
inline constexpr char notifyNodes[] = "SELECT pg_notify('chat_events', {text})";
inline constexpr char lastEventId[] = "SELECT COALESCE(MAX(id), 0) FROM events";
inline constexpr char pruneEvents[] = "DELETE FROM events WHERE created < {now} - ?";

// Operator tools (chat-server admin).
inline constexpr char messageByUuid[] = "SELECT id, room_id FROM messages WHERE uuid = {text}";
inline constexpr char deleteMessage[] = "DELETE FROM messages WHERE id = ?";
// After messages went: the room's sum is what it holds.
inline constexpr char recountMessages[] =
    "UPDATE rooms SET message_count = (SELECT COUNT(*) FROM messages WHERE room_id = ?) WHERE id = ?";
// Retention: a room's messages written before a time (the same text format as "created").
inline constexpr char purgeRoomMessages[] = "DELETE FROM messages WHERE room_id = ? AND created < {text}";
// Everyone inside leaves the room (before it is deleted by force).
inline constexpr char emptyRoom[] = "UPDATE users SET room_id = NULL, joined_seq = NULL WHERE room_id = ?";

struct NamedStatement
{
    const char *name;
    const char *text;
};

inline constexpr NamedStatement all[] = {
    {"roomIdByUuid", roomIdByUuid},
    {"userByUuid", userByUuid},
    {"membersOfRoom", membersOfRoom},
    {"roomById", roomById},
    {"messagesOfRoom", messagesOfRoom},
    {"messagePageOfRoom", messagePageOfRoom},
    {"messageIdInRoom", messageIdInRoom},
    {"drawingOfRoom", drawingOfRoom},
    {"linesOfDrawing", linesOfDrawing},
    {"leaveRoom", leaveRoom},
    {"clearMemberships", clearMemberships},
    {"insertUser", insertUser},
    {"deleteUserWithoutMessages", deleteUserWithoutMessages},
    {"renameUser", renameUser},
    {"allRooms", allRooms},
    {"allMembers", allMembers},
    {"insertRoom", insertRoom},
    {"insertDrawing", insertDrawing},
    {"renameRoom", renameRoom},
    {"recolorRoom", recolorRoom},
    {"deleteRoom", deleteRoom},
    {"enterRoom", enterRoom},
    {"insertMessage", insertMessage},
    {"countMessage", countMessage},
    {"putLine", putLine},
    {"resetDrawing", resetDrawing},
    {"countLines", countLines},
    {"roomsOfNodeUsers", roomsOfNodeUsers},
    {"usersOfNode", usersOfNode},
    {"deleteNodeUsersWithoutMessages", deleteNodeUsersWithoutMessages},
    {"releaseNodeUsers", releaseNodeUsers},
    {"registerNode", registerNode},
    {"beatHeart", beatHeart},
    {"silentNodes", silentNodes},
    {"nodeStatus", nodeStatus},
    {"forgetNode", forgetNode},
    {"appendEvent", appendEvent},
    {"eventsAfter", eventsAfter},
    {"lastEventId", lastEventId},
    {"pruneEvents", pruneEvents},
    {"messageByUuid", messageByUuid},
    {"deleteMessage", deleteMessage},
    {"recountMessages", recountMessages},
    {"purgeRoomMessages", purgeRoomMessages},
    {"emptyRoom", emptyRoom},
};

// Consistency checks for "chat-server admin check": each counts the rows that are wrong (0: fine). They read
// whole tables on purpose, so they are not in the list above.
inline constexpr NamedStatement consistencyChecks[] = {
    {"messages of no room",
     "SELECT COUNT(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM rooms r WHERE "
     "r.id = m.room_id)"},
    {"messages of no user",
     "SELECT COUNT(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM users u WHERE "
     "u.id = m.user_id)"},
    {"users in no existing room",
     "SELECT COUNT(*) FROM users u WHERE u.room_id IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM rooms r WHERE r.id = u.room_id)"},
    {"rooms without a drawing",
     "SELECT COUNT(*) FROM rooms r WHERE NOT EXISTS (SELECT 1 FROM drawings d "
     "WHERE d.room_id = r.id)"},
    {"lines of no drawing",
     "SELECT COUNT(*) FROM lines l WHERE NOT EXISTS (SELECT 1 FROM drawings d WHERE "
     "d.id = l.drawing_id)"},
    {"rooms whose message count is wrong",
     "SELECT COUNT(*) FROM rooms r WHERE r.message_count <> (SELECT COUNT(*) FROM messages m WHERE m.room_id "
     "= r.id)"},
};

} // namespace chat::server::sql
