#include "MessageNames.h"

#include <array>
#include <utility>

namespace chat {
namespace {

template<typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char16_t *>, N>;

constexpr NameTable<StatementType, 3> statementTypes {{
    {StatementType::Call, u"call"},
    {StatementType::Result, u"result"},
    {StatementType::Error, u"error"},
}};

constexpr NameTable<CallName, 15> callNames {{
    {CallName::CreateRoom, u"create_room"},
    {CallName::ListRooms, u"list_rooms"},
    {CallName::EnterRoom, u"enter_room"},
    {CallName::LeaveRoom, u"leave_room"},
    {CallName::DeleteRoom, u"delete_room"},
    {CallName::ChangeName, u"change_name"},
    {CallName::ChangeColor, u"change_color"},
    {CallName::ChangeUserName, u"change_user_name"},
    {CallName::CreateMessage, u"create_message"},
    {CallName::ListMessages, u"list_messages"},
    {CallName::GetDrawing, u"get_drawing"},
    {CallName::ChangeDrawLine, u"change_draw_line"},
    {CallName::ResetDrawing, u"reset_drawing"},
    {CallName::DrawLive, u"draw_live"},
    {CallName::SetTyping, u"set_typing"},
}};

constexpr NameTable<ResultName, 15> resultNames {{
    {ResultName::UserCreated, u"user_created"},
    {ResultName::UserChanged, u"user_changed"},
    {ResultName::RoomsListed, u"rooms_listed"},
    {ResultName::RoomCreated, u"room_created"},
    {ResultName::RoomEntered, u"room_entered"},
    {ResultName::RoomLeft, u"room_left"},
    {ResultName::RoomDeleted, u"room_deleted"},
    {ResultName::RoomChanged, u"room_changed"},
    {ResultName::MessagesListed, u"messages_listed"},
    {ResultName::MessageCreated, u"message_created"},
    {ResultName::DrawingGot, u"drawing_got"},
    {ResultName::DrawLineChanged, u"draw_line_changed"},
    {ResultName::RoomSumChanged, u"room_sum_changed"},
    {ResultName::LiveLineChanged, u"live_line_changed"},
    {ResultName::TypingChanged, u"typing_changed"},
}};

constexpr NameTable<ErrorName, 10> errorNames {{
    {ErrorName::NoSpecifiedRoom, u"no_specified_room"},
    {ErrorName::NotValidColor, u"not_valid_color"},
    {ErrorName::NotEmptyRoom, u"not_empty_room"},
    {ErrorName::NoSelectedRoom, u"no_selected_room"},
    {ErrorName::InternalError, u"internal_error"},
    {ErrorName::RateLimited, u"rate_limited"},
    {ErrorName::NameTooLong, u"name_too_long"},
    {ErrorName::BodyTooLong, u"body_too_long"},
    {ErrorName::TooManyPoints, u"too_many_points"},
    {ErrorName::TooManyLines, u"too_many_lines"},
}};

constexpr NameTable<GeneralReply, 3> generalReplies {{
    {GeneralReply::BadData, u"bad_data"},
    {GeneralReply::NotSufficientData, u"not_sufficient_data"},
    {GeneralReply::DataTooLong, u"data_too_long"},
}};

template<typename Enum, std::size_t N>
QString lookUpName(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[entry, name] : table) {
        if (entry == value)
            return QString::fromUtf16(name);
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> lookUpValue(const NameTable<Enum, N> &table, QStringView text)
{
    for (const auto &[entry, name] : table) {
        if (text == QStringView(name))
            return entry;
    }
    return std::nullopt;
}

} // namespace

QString nameOf(StatementType type)
{
    return lookUpName(statementTypes, type);
}
QString nameOf(CallName name)
{
    return lookUpName(callNames, name);
}
QString nameOf(ResultName name)
{
    return lookUpName(resultNames, name);
}
QString nameOf(ErrorName name)
{
    return lookUpName(errorNames, name);
}
QString nameOf(GeneralReply reply)
{
    return lookUpName(generalReplies, reply);
}

QString extensionSubprotocol()
{
    return QStringLiteral("socketchat.v1");
}

std::optional<StatementType> statementTypeFrom(QStringView text)
{
    return lookUpValue(statementTypes, text);
}
std::optional<CallName> callNameFrom(QStringView text)
{
    return lookUpValue(callNames, text);
}
std::optional<ResultName> resultNameFrom(QStringView text)
{
    return lookUpValue(resultNames, text);
}
std::optional<ErrorName> errorNameFrom(QStringView text)
{
    return lookUpValue(errorNames, text);
}
std::optional<GeneralReply> generalReplyFrom(QStringView text)
{
    return lookUpValue(generalReplies, text);
}

} // namespace chat
