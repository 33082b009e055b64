#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Every statement name of the socket_chat protocol, spelled exactly once (in MessageNames.cpp).
// Server and client refer to names only through these enums.
namespace chat {

enum class StatementType { Call, Result, Error };

enum class CallName {
    CreateRoom,
    ListRooms,
    EnterRoom,
    LeaveRoom,
    DeleteRoom,
    ChangeName,
    ChangeColor,
    ChangeUserName,
    CreateMessage,
    ListMessages,
    GetDrawing,
    ChangeDrawLine,
    ResetDrawing,
    // Extensions (socketchat.v1 only, docs/EXTENSIONS.md "Live strokes" and "Typing"): a plain client that
    // sends them gets bad_data, as for any unknown call.
    DrawLive,
    SetTyping,
};

enum class ResultName {
    UserCreated,
    UserChanged,
    RoomsListed,
    RoomCreated,
    RoomEntered,
    RoomLeft,
    RoomDeleted,
    RoomChanged,
    MessagesListed,
    MessageCreated,
    DrawingGot,
    DrawLineChanged,
    // Extension (socketchat.v1 only): a room's message count changed and nothing else did.
    RoomSumChanged,
    // Extensions (socketchat.v1 only): a growing stroke of another member, and who is typing.
    LiveLineChanged,
    TypingChanged,
};

// Sent with type "error".
enum class ErrorName {
    NoSpecifiedRoom,
    NotValidColor,
    NotEmptyRoom,
    NoSelectedRoom,
    // Our addition: the server could not complete the call (for example the database is unavailable).
    // Nothing was changed. Plain clients ignore unknown error names.
    InternalError,
    // Our additions for the server's limits (see README, "Limits"). Nothing was changed, and plain
    // clients ignore unknown error names, so they keep exactly the original protocol.
    RateLimited, // more calls than the connection's token bucket allows; the call was dropped
    NameTooLong, // a room or user name over the name cap
    BodyTooLong, // a message body over the body cap
    TooManyPoints, // a line with more point numbers than the cap
    TooManyLines, // the room's drawing already holds the maximum number of lines
};

// The general replies to malformed statements; sent with type "result" (docs/PROTOCOL.md Q5).
enum class GeneralReply {
    BadData,
    NotSufficientData,
    DataTooLong,
};

QString nameOf(StatementType type);
QString nameOf(CallName name);
QString nameOf(ResultName name);
QString nameOf(ErrorName name);
QString nameOf(GeneralReply reply);

std::optional<StatementType> statementTypeFrom(QStringView text);
std::optional<CallName> callNameFrom(QStringView text);
std::optional<ResultName> resultNameFrom(QStringView text);
std::optional<ErrorName> errorNameFrom(QStringView text);
std::optional<GeneralReply> generalReplyFrom(QStringView text);

// Keys of the envelope and of call payloads.
namespace key {
inline constexpr char16_t type[] = u"type";
inline constexpr char16_t payload[] = u"payload";
inline constexpr char16_t message[] = u"message";
inline constexpr char16_t object[] = u"object";
inline constexpr char16_t list[] = u"list";
inline constexpr char16_t uuid[] = u"uuid";
inline constexpr char16_t name[] = u"name";
inline constexpr char16_t color[] = u"color";
inline constexpr char16_t body[] = u"body";
inline constexpr char16_t points[] = u"points";
inline constexpr char16_t tool[] = u"tool";
inline constexpr char16_t users[] = u"users";
inline constexpr char16_t sum[] = u"sum";
inline constexpr char16_t roomUuid[] = u"room_uuid";
inline constexpr char16_t user[] = u"user";
inline constexpr char16_t created[] = u"created";
inline constexpr char16_t lines[] = u"lines";
// Extension keys (socketchat.v1 only), see docs/EXTENSIONS.md.
inline constexpr char16_t before[] = u"before";
inline constexpr char16_t limit[] = u"limit";
inline constexpr char16_t more[] = u"more";
inline constexpr char16_t from[] = u"from";
inline constexpr char16_t end[] = u"end";
inline constexpr char16_t typing[] = u"typing";
} // namespace key

// The WebSocket subprotocol under which our server offers its extensions (docs/EXTENSIONS.md). A client
// offers it in the handshake; the original server ignores it, and a plain client never sees an extension.
QString extensionSubprotocol();

} // namespace chat
