#include "CallDispatcher.h"

#include "LiveStatements.h"
#include "ServerLogging.h"
#include "metrics/ServerMetrics.h"
#include "model/Color.h"
#include "protocol/JsonWriter.h"
#include "protocol/Limits.h"
#include "protocol/ListResultWriter.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QElapsedTimer>

#include <limits>

namespace chat::server {

namespace {

using Status = PayloadFields::Status;

// A typing:true is forwarded at most this often per connection (docs/EXTENSIONS.md, "Typing").
constexpr qint64 typingTrueEveryMs = 1000;

// Replies are written straight to JSON text (JsonWriter): histories and drawings can be megabytes.
template<typename Value>
QByteArray jsonOf(const Value &value)
{
    QByteArray json;
    JsonWriter writer(json);
    value.writeJson(writer);
    return json;
}

template<typename Value>
ServerStatement resultWith(ResultName name, const Value &value)
{
    return ServerStatement::resultWithRawObject(name, jsonOf(value));
}

// Each message of a history goes into the statement as the store reads it.
Store::MessageVisitor writingInto(ListResultWriter &history)
{
    return [&history](const MessageView &message) { message.writeJson(history.elements()); };
}

// {"uuid": …, "sum": …}: the room_sum_changed object.
QByteArray countJson(const Room &room)
{
    QByteArray json;
    JsonWriter writer(json);
    writer.beginObject();
    writer.key(key::uuid);
    writer.value(room.uuid);
    writer.key(key::sum);
    writer.value(room.sum);
    writer.endObject();
    return json;
}

std::optional<QString> changedText(const PayloadFields::Text &text)
{
    if (text.status == Status::Present)
        return text.value;
    return std::nullopt;
}

} // namespace

CallDispatcher::CallDispatcher(Store &store, Outbox &outbox, ServerMetrics *metrics)
    : m_store(store)
    , m_outbox(outbox)
    , m_metrics(metrics)
{
    m_clock.start();
}

CallDispatcher::Handler CallDispatcher::handlerFor(CallName name)
{
    switch (name) {
    case CallName::CreateRoom:
        return &CallDispatcher::createRoom;
    case CallName::ListRooms:
        return &CallDispatcher::listRooms;
    case CallName::EnterRoom:
        return &CallDispatcher::enterRoom;
    case CallName::LeaveRoom:
        return &CallDispatcher::leaveRoom;
    case CallName::DeleteRoom:
        return &CallDispatcher::deleteRoom;
    case CallName::ChangeName:
        return &CallDispatcher::changeName;
    case CallName::ChangeColor:
        return &CallDispatcher::changeColor;
    case CallName::ChangeUserName:
        return &CallDispatcher::changeUserName;
    case CallName::CreateMessage:
        return &CallDispatcher::createMessage;
    case CallName::ListMessages:
        return &CallDispatcher::listMessages;
    case CallName::GetDrawing:
        return &CallDispatcher::getDrawing;
    case CallName::ChangeDrawLine:
        return &CallDispatcher::changeDrawLine;
    case CallName::ResetDrawing:
        return &CallDispatcher::resetDrawing;
    case CallName::DrawLive:
        return &CallDispatcher::drawLive;
    case CallName::SetTyping:
        return &CallDispatcher::setTyping;
    }
    Q_UNREACHABLE();
    return nullptr;
}

bool CallDispatcher::connected(Peer &peer)
{
    try {
        const User user = m_store.createUser();
        peer.userUuid = user.uuid;
        m_outbox.toCaller(peer, resultWith(ResultName::UserCreated, user));
        m_outbox.toCaller(peer, roomsListed());
        return true;
    } catch (const StorageError &error) {
        qCWarning(lcStorage) << "cannot set up connection" << peer.id << ":" << error.what();
        return false;
    }
}

bool CallDispatcher::disconnected(Peer &peer)
{
    if (peer.userUuid.isEmpty())
        return true;
    try {
        const auto leftRoom = m_store.disconnectUser(peer.userUuid);
        m_outbox.setRoom(peer, {});
        if (leftRoom)
            announceUsers(*leftRoom);
        return true;
    } catch (const StorageError &error) {
        qCWarning(lcStorage) << "cannot clean up after connection" << peer.id << ":" << error.what();
        return false;
    }
}

void CallDispatcher::dispatch(Peer &peer, const CallStatement &call)
{
    QElapsedTimer timer;
    timer.start();
    try {
        (this->*handlerFor(call.name))(peer, PayloadFields(call.payload));
    } catch (const StorageError &error) {
        qCWarning(lcStorage) << nameOf(call.name) << "failed for connection" << peer.id << ":"
                             << error.what();
        reply(peer, ErrorName::InternalError);
    }
    qCDebug(lcDispatch).noquote() << "connection" << peer.id << nameOf(call.name)
                                  << QStringLiteral("%1 ms").arg(timer.nsecsElapsed() / 1e6, 0, 'f', 2);
}

void CallDispatcher::reply(const Peer &peer, GeneralReply generalReply)
{
    m_outbox.toCaller(peer, ServerStatement::general(generalReply));
}

void CallDispatcher::reply(const Peer &peer, ErrorName error)
{
    m_outbox.toCaller(peer, ServerStatement::error(error));
}

void CallDispatcher::announceRooms(const QVector<Room> &rooms)
{
    for (const Room &room : rooms)
        announceRoom(room);
}

void CallDispatcher::announceRoom(const Room &room)
{
    m_roomList.invalidate();
    m_outbox.toAll(room.uuid, resultWith(ResultName::RoomChanged, room));
}

void CallDispatcher::announceUsers(const Room &room)
{
    m_roomList.invalidate();
    m_outbox.toAllUsersChanged(room.uuid, resultWith(ResultName::RoomChanged, room));
}

void CallDispatcher::announceCount(const Room &room)
{
    m_roomList.invalidate();
    constexpr qsizetype maxCachedRooms = 1024; // busy rooms; the others are written as before
    auto cached = m_usersJson.find(room.uuid);
    if (cached == m_usersJson.end()) {
        if (m_usersJson.size() >= maxCachedRooms)
            m_usersJson.clear();
        cached = m_usersJson.insert(room.uuid, {room.users, Room::usersJson(room.users)});
    } else if (cached->users != room.users) { // the same list shared by the store compares at once
        *cached = {room.users, Room::usersJson(room.users)};
    }
    QByteArray json;
    JsonWriter writer(json);
    room.writeJson(writer, cached->json);
    m_outbox.toAllCountUpdate(
        room.uuid, ServerStatement::resultWithRawObject(ResultName::RoomChanged, json),
        ServerStatement::resultWithRawObject(ResultName::RoomSumChanged, countJson(room)));
}

bool CallDispatcher::rejectRoomUuid(const Peer &peer, PayloadFields::Status status)
{
    switch (status) {
    case Status::Present:
    case Status::Ignored:
        return false;
    case Status::NoSuchRoom:
        reply(peer, ErrorName::NoSpecifiedRoom);
        return true;
    case Status::Missing:
    case Status::WrongType:
        break;
    }
    reply(peer, GeneralReply::NotSufficientData);
    return true;
}

bool CallDispatcher::rejectRoomEdit(const Peer &peer, const PayloadFields::Text &uuid,
                                    const PayloadFields::Text &value)
{
    if (value.status == Status::Missing || value.status == Status::WrongType
        || uuid.status == Status::Missing) {
        reply(peer, GeneralReply::NotSufficientData);
        return true;
    }
    return rejectRoomUuid(peer, uuid.status);
}

bool CallDispatcher::rejectOutsideRoom(const Peer &peer)
{
    if (!peer.roomUuid.isEmpty())
        return false;
    reply(peer, ErrorName::NoSelectedRoom);
    return true;
}

void CallDispatcher::createRoom(Peer &, const PayloadFields &)
{
    m_roomList.invalidate();
    const Room room = m_store.createRoom();
    m_outbox.toAll(room.uuid, resultWith(ResultName::RoomCreated, room));
}

void CallDispatcher::listRooms(Peer &peer, const PayloadFields &)
{
    m_outbox.toCaller(peer, roomsListed());
}

ServerStatement CallDispatcher::roomsListed()
{
    return ServerStatement::resultWithRawList(ResultName::RoomsListed, m_roomList.json(m_store));
}

void CallDispatcher::forgetCachedState()
{
    m_roomList.invalidate();
}

void CallDispatcher::announceEmptied(const Room &room)
{
    m_outbox.emptyRoom(room.uuid);
    announceRoom(room);
}

void CallDispatcher::announceDeleted(const Room &room)
{
    m_roomList.invalidate();
    m_outbox.toAll(room.uuid, resultWith(ResultName::RoomDeleted, room));
}

void CallDispatcher::announceRenamed(const Room &room)
{
    announceRoom(room);
}

void CallDispatcher::announceHistoryChanged(const Room &room)
{
    announceRoom(room);
    if (!m_outbox.mayHaveMembers(room.uuid))
        return; // a history can be long: read only for someone
    ListResultWriter whole(ResultName::MessagesListed);
    m_store.listMessages(room.uuid, writingInto(whole));
    const auto page = m_store.messagePage(room.uuid, {}, limits::historyPage);
    ListResultWriter newest(ResultName::MessagesListed);
    if (page) {
        for (const Message &message : page->messages)
            message.writeJson(newest.elements());
    }
    // Like an enter_room's list: "more" and no "before", a fresh list.
    m_outbox.toRoomByKind(room.uuid, whole.finish(),
                          newest.finish({{QString::fromUtf16(key::more), page && page->more}}));
}

void CallDispatcher::enterRoom(Peer &peer, const PayloadFields &fields)
{
    const auto uuid = fields.roomUuid();
    if (rejectRoomUuid(peer, uuid.status))
        return;
    // An extended client gets the newest page of the history, a plain one all of it, written as it is read.
    ListResultWriter history(ResultName::MessagesListed);
    const auto entered =
        m_store.enterRoom(peer.userUuid, uuid.value,
                          peer.extended ? limits::historyPage : Store::wholeHistory, writingInto(history));
    if (!entered) {
        reply(peer, ErrorName::NoSpecifiedRoom);
        return;
    }
    m_outbox.setRoom(peer, entered->room.uuid);
    m_outbox.toCaller(peer, ServerStatement::result(ResultName::RoomEntered));
    QJsonObject members;
    if (peer.extended)
        members.insert(QStringView(key::more), entered->moreHistory);
    m_outbox.toCaller(peer, history.finish(members));
    m_outbox.toCaller(peer, resultWith(ResultName::DrawingGot, entered->drawing));
    if (entered->previousRoom)
        announceUsers(*entered->previousRoom);
    announceUsers(entered->room);
}

void CallDispatcher::leaveRoom(Peer &peer, const PayloadFields &)
{
    if (peer.roomUuid.isEmpty()) {
        reply(peer, ErrorName::NoSpecifiedRoom); // the original crashed here (Q1)
        return;
    }
    const auto room = m_store.leaveRoom(peer.userUuid);
    m_outbox.setRoom(peer, {});
    m_outbox.toCaller(peer, ServerStatement::result(ResultName::RoomLeft));
    if (room)
        announceUsers(*room);
}

void CallDispatcher::deleteRoom(Peer &peer, const PayloadFields &fields)
{
    const auto uuid = fields.roomUuid();
    if (rejectRoomUuid(peer, uuid.status))
        return;
    const auto deleted = m_store.deleteRoom(uuid.value);
    switch (deleted.outcome) {
    case Store::DeleteOutcome::NotFound:
        reply(peer, ErrorName::NoSpecifiedRoom);
        return;
    case Store::DeleteOutcome::NotEmpty:
        reply(peer, ErrorName::NotEmptyRoom);
        return;
    case Store::DeleteOutcome::Deleted:
        announceDeleted(deleted.room);
        return;
    }
}

void CallDispatcher::changeName(Peer &peer, const PayloadFields &fields)
{
    const auto uuid = fields.roomUuid();
    const auto name = fields.optionalText(key::name);
    if (rejectRoomEdit(peer, uuid, name))
        return;
    const auto room = m_store.renameRoom(uuid.value, changedText(name));
    if (!room) {
        reply(peer, ErrorName::NoSpecifiedRoom);
        return;
    }
    announceRoom(*room);
}

void CallDispatcher::changeColor(Peer &peer, const PayloadFields &fields)
{
    const auto uuid = fields.roomUuid();
    const auto color = fields.optionalText(key::color);
    if (rejectRoomEdit(peer, uuid, color))
        return;
    // An unknown room is reported before a bad colour, as the original does.
    if (color.status == Status::Present && !Color::isValid(color.value)) {
        reply(peer, m_store.hasRoom(uuid.value) ? ErrorName::NotValidColor : ErrorName::NoSpecifiedRoom);
        return;
    }
    const auto room = m_store.recolorRoom(uuid.value, changedText(color));
    if (!room) {
        reply(peer, ErrorName::NoSpecifiedRoom);
        return;
    }
    announceRoom(*room);
}

void CallDispatcher::changeUserName(Peer &peer, const PayloadFields &fields)
{
    const auto name = fields.optionalText(key::name);
    if (name.status == Status::Missing || name.status == Status::WrongType) {
        reply(peer, GeneralReply::NotSufficientData);
        return;
    }
    const auto renamed = m_store.renameUser(peer.userUuid, changedText(name));
    m_outbox.toCaller(peer, resultWith(ResultName::UserChanged, renamed.user));
    if (renamed.room)
        announceRoom(*renamed.room);
}

void CallDispatcher::createMessage(Peer &peer, const PayloadFields &fields)
{
    // The original reads the body before it looks at the room.
    if (!fields.has(key::body)) {
        reply(peer, GeneralReply::NotSufficientData);
        return;
    }
    if (rejectOutsideRoom(peer))
        return;
    const auto body = fields.requiredText(key::body);
    if (body.status != Status::Present) {
        reply(peer, GeneralReply::NotSufficientData);
        return;
    }
    const auto posted = m_store.createMessage(peer.userUuid, peer.roomUuid, body.value);
    if (!posted) {
        reply(peer, ErrorName::NoSelectedRoom);
        return;
    }
    if (m_metrics)
        m_metrics->messagePosted();
    announceCount(posted->room);
    m_outbox.toRoom(posted->room.uuid, resultWith(ResultName::MessageCreated, posted->message));
}

void CallDispatcher::listMessages(Peer &peer, const PayloadFields &fields)
{
    if (rejectOutsideRoom(peer))
        return;
    if (peer.extended)
        return listMessagePage(peer, fields);
    ListResultWriter history(ResultName::MessagesListed);
    m_store.listMessages(peer.roomUuid, writingInto(history));
    m_outbox.toCaller(peer, history.finish());
}

void CallDispatcher::listMessagePage(Peer &peer, const PayloadFields &fields)
{
    const auto before = fields.nullableText(key::before);
    const auto limit = fields.boundedInteger(key::limit, 1, limits::maxHistoryPage);
    const bool badBefore =
        before.status == Status::WrongType || (before.status == Status::Present && before.value.isEmpty());
    if (badBefore || limit.status == Status::WrongType) {
        reply(peer, GeneralReply::BadData);
        return;
    }
    const int size = limit.status == Status::Present ? limit.value : limits::historyPage;
    const auto page = m_store.messagePage(peer.roomUuid, before.value, size);
    if (!page) { // not a message of this room
        reply(peer, GeneralReply::BadData);
        return;
    }
    // "before" tells the client whether to put the page in front of what it has or to start afresh.
    const QJsonValue asked = before.value.isEmpty() ? QJsonValue() : QJsonValue(before.value);
    ListResultWriter history(ResultName::MessagesListed);
    for (const Message &message : page->messages)
        message.writeJson(history.elements());
    m_outbox.toCaller(peer,
                      history.finish({{QString::fromUtf16(key::more), page->more},
                                      {QString::fromUtf16(key::before), asked}}));
}

void CallDispatcher::getDrawing(Peer &peer, const PayloadFields &)
{
    if (rejectOutsideRoom(peer))
        return;
    const auto drawing = m_store.drawing(peer.roomUuid);
    if (!drawing) {
        reply(peer, ErrorName::NoSelectedRoom);
        return;
    }
    m_outbox.toCaller(peer, resultWith(ResultName::DrawingGot, *drawing));
}

void CallDispatcher::changeDrawLine(Peer &peer, const PayloadFields &fields)
{
    if (rejectOutsideRoom(peer))
        return;
    const auto uuid = fields.requiredText(key::uuid);
    const auto tool = fields.requiredText(key::tool);
    if (uuid.status != Status::Present || tool.status != Status::Present || !fields.has(key::color)
        || !fields.hasPointArray(key::points)) {
        reply(peer, GeneralReply::NotSufficientData);
        return;
    }
    const auto color = fields.requiredText(key::color);
    if (color.status != Status::Present || !Color::isValid(color.value)) {
        reply(peer, ErrorName::NotValidColor);
        return;
    }
    const Line line {uuid.value, {}, fields.pointArray(key::points), tool.value, color.value};
    const auto stored = m_store.putLine(peer.roomUuid, line);
    if (!stored) {
        reply(peer, ErrorName::NoSelectedRoom);
        return;
    }
    m_outbox.toRoom(peer.roomUuid, resultWith(ResultName::DrawLineChanged, *stored));
}

void CallDispatcher::resetDrawing(Peer &peer, const PayloadFields &)
{
    if (rejectOutsideRoom(peer))
        return;
    const auto drawing = m_store.resetDrawing(peer.roomUuid);
    if (!drawing) {
        reply(peer, ErrorName::NoSelectedRoom);
        return;
    }
    m_outbox.toRoom(peer.roomUuid, resultWith(ResultName::DrawingGot, *drawing));
}

void CallDispatcher::drawLive(Peer &peer, const PayloadFields &fields)
{
    // docs/EXTENSIONS.md, "Live strokes". The transport sends a plain client's draw_live here never; should
    // another caller, it gets what any unknown call gets.
    if (!peer.extended) {
        reply(peer, GeneralReply::BadData);
        return;
    }
    if (peer.roomUuid.isEmpty())
        return; // previews in flight when their author leaves are normal: dropped without a word
    const auto uuid = fields.requiredText(key::uuid);
    const auto tool = fields.requiredText(key::tool);
    const auto from = fields.boundedInteger(key::from, 0, std::numeric_limits<int>::max());
    const QJsonValue end = fields.value(key::end);
    if (uuid.status != Status::Present || tool.status != Status::Present || from.status != Status::Present
        || !fields.has(key::color) || !fields.hasPointArray(key::points)
        || !(end.isUndefined() || end.isBool())) {
        reply(peer, GeneralReply::NotSufficientData);
        return;
    }
    const auto color = fields.requiredText(key::color);
    if (color.status != Status::Present || !Color::isValid(color.value)) {
        reply(peer, ErrorName::NotValidColor);
        return;
    }
    const LivePreview preview {uuid.value, peer.userUuid, from.value,  fields.pointArray(key::points),
                               tool.value, color.value,   end.toBool()};
    m_outbox.toRoomLive(peer, liveLineChangedText(preview));
}

void CallDispatcher::setTyping(Peer &peer, const PayloadFields &fields)
{
    // docs/EXTENSIONS.md, "Typing": true at most once a second, false only after a forwarded true.
    if (!peer.extended) {
        reply(peer, GeneralReply::BadData);
        return;
    }
    if (peer.roomUuid.isEmpty())
        return;
    const QJsonValue typing = fields.value(key::typing);
    if (!typing.isBool()) {
        reply(peer, GeneralReply::NotSufficientData);
        return;
    }
    if (typing.toBool()) {
        const qint64 now = m_clock.elapsed();
        if (peer.typingForwardedMs >= 0 && now - peer.typingForwardedMs < typingTrueEveryMs)
            return;
        peer.typingForwardedMs = now;
    } else if (!peer.typing) {
        return;
    }
    peer.typing = typing.toBool();
    m_outbox.toRoomLive(peer, typingChangedText(peer.userUuid, peer.roomUuid, peer.typing));
}

} // namespace chat::server
