#include "ProtocolClient.h"

#include "MessageListReader.h"
#include "TypingNotifier.h"
#include "model/Drawing.h"
#include "model/Line.h"
#include "model/Message.h"
#include "model/Room.h"
#include "models/DrawingModel.h"
#include "models/EventLogModel.h"
#include "models/LivePreviewModel.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/TypingModel.h"
#include "models/UserListModel.h"
#include "protocol/CallStatement.h"
#include "protocol/Limits.h"
#include "protocol/ServerStatement.h"

#include <QJsonDocument>
#include <QWebSocketProtocol>

namespace chat {

namespace {
QString keyOf(const char16_t *key)
{
    return QString::fromUtf16(key);
}
} // namespace

ProtocolClient::ProtocolClient(QObject *parent)
    : QObject(parent)
    , m_rooms(new RoomListModel(this))
    , m_messages(new MessageListModel(this))
    , m_users(new UserListModel(this))
    , m_log(new EventLogModel(this))
    , m_drawing(new DrawingModel(this))
    , m_previews(new LivePreviewModel(this))
    , m_typing(new TypingModel(this))
    , m_typingNotifier(new TypingNotifier([this](bool typing) { return sendTyping(typing); }, this))
{
    m_connection.setSubprotocols({subprotocol()});
    connect(&m_connection, &Connection::opened, this, &ProtocolClient::onOpened);
    connect(&m_connection, &Connection::closed, this, &ProtocolClient::onClosed);
    connect(&m_connection, &Connection::textReceived, this, &ProtocolClient::handleStatement);
    connect(&m_connection, &Connection::stateChanged, this, &ProtocolClient::connectionStateChanged);
    connect(&m_connection, &Connection::problem, this,
            [this](const QString &text) { logLocal(tr("connection problem"), text); });
}

QString ProtocolClient::subprotocol()
{
    return extensionSubprotocol();
}

void ProtocolClient::connectTo(const QUrl &url)
{
    // Another server has other rooms: leave the one shown. A room asked for with setRoomToOpen() stays asked.
    if (!m_currentRoom.isEmpty())
        m_roomToRestore.clear();
    m_inside = false;
    m_wasLost = false; // a server we chose: nothing was lost
    setCurrentRoom({});
    m_rooms->clear();
    logLocal(tr("connecting"), url.toString());
    m_connection.open(url);
}

// --- calls -------------------------------------------------------------------------------------------

bool ProtocolClient::createRoom()
{
    return requireConnection() && send(CallName::CreateRoom);
}

bool ProtocolClient::enterRoom(const QString &uuid)
{
    if (!requireConnection())
        return false;
    if (m_inside && uuid == m_currentRoom)
        return true; // entering the room we are in only produces confusing broadcasts (Q10)
    m_pendingEnters.append(uuid);
    return send(CallName::EnterRoom, {{keyOf(key::uuid), uuid}});
}

bool ProtocolClient::leaveRoom()
{
    m_roomToRestore.clear();
    if (!m_inside) {
        // The server has no room for us (we are reconnecting): leaving is only local.
        setCurrentRoom({});
        return true;
    }
    m_typingNotifier->stop(); // "not typing" while we are still inside to say it
    // Section 8: leave_room only while inside, or the original closes the connection.
    return requireConnection() && send(CallName::LeaveRoom);
}

bool ProtocolClient::deleteRoom(const QString &uuid)
{
    return requireConnection() && send(CallName::DeleteRoom, {{keyOf(key::uuid), uuid}});
}

bool ProtocolClient::renameRoom(const QString &uuid, const QString &name)
{
    if (name.trimmed().isEmpty()) {
        emit notice(tr("A room name cannot be empty."));
        return false;
    }
    return requireConnection()
        && send(CallName::ChangeName, {{keyOf(key::uuid), uuid}, {keyOf(key::name), name}});
}

bool ProtocolClient::recolorRoom(const QString &uuid, const QString &color)
{
    return requireConnection()
        && send(CallName::ChangeColor, {{keyOf(key::uuid), uuid}, {keyOf(key::color), color}});
}

bool ProtocolClient::changeUserName(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        emit notice(tr("A user name cannot be empty."));
        return false;
    }
    m_wantedName = name;
    if (!isConnected()) {
        emit notice(tr("Not connected: your new name will be sent when the connection is back."));
        return true;
    }
    return send(CallName::ChangeUserName, {{keyOf(key::name), name}});
}

bool ProtocolClient::sendMessage(const QString &body)
{
    if (body.trimmed().isEmpty())
        return false;
    if (!requireConnection())
        return false;
    if (!m_inside) {
        emit notice(tr("Enter a room before writing."));
        return false;
    }
    const bool sent = send(CallName::CreateMessage, {{keyOf(key::body), body}});
    if (sent)
        m_typingNotifier->stop(); // after the message: its message_created clears us at the others anyway
    return sent;
}

bool ProtocolClient::sendLine(const QString &uuid, const QJsonArray &points, const QString &color,
                              const QString &tool)
{
    if (!requireConnection() || !m_inside)
        return false;
    // Section 8 / Q2: a second change_draw_line with the same uuid breaks the original SQLite server.
    if (m_sentLineUuids.contains(uuid))
        return false;
    m_sentLineUuids.insert(uuid);
    return send(CallName::ChangeDrawLine,
                {{keyOf(key::uuid), uuid},
                 {keyOf(key::points), points},
                 {keyOf(key::color), color},
                 {keyOf(key::tool), tool}});
}

bool ProtocolClient::resetDrawing()
{
    return requireConnection() && m_inside && send(CallName::ResetDrawing);
}

bool ProtocolClient::sendLivePoints(const QString &uuid, qsizetype from, const QJsonArray &points,
                                    const QString &color, const QString &tool, bool end)
{
    if (!isExtended() || !isConnected() || !m_inside || uuid.isEmpty() || from < 0)
        return false;
    QJsonObject fields {{keyOf(key::uuid), uuid},
                        {keyOf(key::from), qint64(from)},
                        {keyOf(key::points), points},
                        {keyOf(key::tool), tool},
                        {keyOf(key::color), color}};
    if (end)
        fields.insert(keyOf(key::end), true);
    return send(CallName::DrawLive, fields);
}

bool ProtocolClient::sendTyping(bool typing)
{
    if (!isExtended() || !isConnected() || !m_inside)
        return false;
    return send(CallName::SetTyping, {{keyOf(key::typing), typing}});
}

bool ProtocolClient::isExtended() const
{
    return m_extendedForTesting || m_connection.negotiatedSubprotocol() == extensionSubprotocol();
}

bool ProtocolClient::pagesHistory() const
{
    return m_pagesForTesting || isExtended();
}

bool ProtocolClient::loadOlderMessages()
{
    if (!pagesHistory() || !m_moreHistory || isLoadingOlderMessages() || !m_inside || !isConnected()
        || m_messages->rowCount() == 0)
        return false;
    const QString oldest = m_messages->at(0).uuid;
    if (!send(CallName::ListMessages, {{keyOf(key::before), oldest}}))
        return false;
    setLoadingOlder(oldest);
    return true;
}

void ProtocolClient::setLoadingOlder(const QString &before)
{
    const bool was = isLoadingOlderMessages();
    m_olderBefore = before;
    if (was != isLoadingOlderMessages())
        emit loadingOlderMessagesChanged(isLoadingOlderMessages());
}

bool ProtocolClient::requireConnection()
{
    if (isConnected())
        return true;
    emit notice(tr("Not connected to the server: the action was not sent. Reconnecting…"));
    return false;
}

bool ProtocolClient::send(CallName name, const QJsonObject &fields)
{
    const QByteArray json = QJsonDocument(makeCall(name, fields)).toJson(QJsonDocument::Compact);
    const QString text = QString::fromUtf8(json);
    if (CallParser::codePointCount(text) > limits::maxStatementCodePoints) {
        emit notice(tr("That is too long to send (the limit is %L1 characters).")
                        .arg(limits::maxStatementCodePoints));
        return false;
    }
    const bool sent = m_transport ? m_transport(text) : m_connection.sendText(text);
    if (!sent) {
        emit notice(tr("Sending failed: the connection is not open."));
        return false;
    }
    m_lastCall = nameOf(name);
    // Previews and typing refreshes go out many times a second: the log keeps a stroke's first and last
    // preview and each change of our typing state, and counts the rest (EventLogModel::appendInSeries).
    if (name == CallName::DrawLive)
        m_log->appendInSeries(QStringLiteral("sent draw_live ") + fields.value(keyOf(key::uuid)).toString(),
                              fields.value(keyOf(key::end)).toBool(), EventLogModel::Origin::Sent,
                              nameOf(StatementType::Call), m_lastCall, json);
    else if (name == CallName::SetTyping)
        m_log->appendInSeries(QStringLiteral("sent set_typing"), !fields.value(keyOf(key::typing)).toBool(),
                              EventLogModel::Origin::Sent, nameOf(StatementType::Call), m_lastCall, json);
    else
        m_log->append(EventLogModel::Origin::Sent, nameOf(StatementType::Call), m_lastCall, json);
    return true;
}

// --- connection events -------------------------------------------------------------------------------

void ProtocolClient::onOpened()
{
    const QString protocol = m_connection.negotiatedSubprotocol();
    logLocal(tr("opened WS"),
             protocol.isEmpty() ? m_connection.url().toString()
                                : m_connection.url().toString() + QLatin1Char(' ') + protocol);
    m_inside = false;
    m_pendingEnters.clear();
    m_ignoredNoRoomErrors = 0;
    if (std::exchange(m_wasLost, false))
        emit notice(tr("Connected again."));
}

void ProtocolClient::onClosed(int code, const QString &reason)
{
    logLocal(tr("closed WS"), QString::number(code) + QLatin1Char(' ') + reason);
    if (m_inside)
        m_roomToRestore = m_currentRoom;
    m_inside = false;
    m_pendingEnters.clear();
    setLoadingOlder({}); // its answer will not come; re-entering brings a fresh list
    forgetLiveState(); // nobody's stroke grows for us now; re-entering brings the drawing
    if (code == QWebSocketProtocol::CloseCodeTooMuchData || code == QWebSocketProtocol::CloseCodeBadOperation)
        emit notice(
            tr("The server rejected the last request (%1) and closed the connection.").arg(m_lastCall));
    else if (code == 1012) // service restart (Connection comes back at once)
        emit notice(tr("The server is restarting. Reconnecting…"));
    else
        emit notice(tr("The connection to the server was lost. Reconnecting…"));
    m_wasLost = true;
}

void ProtocolClient::logLocal(const QString &what, const QString &detail)
{
    m_log->append(EventLogModel::Origin::Local, tr("connection"), what, detail.toUtf8());
}

// --- statements --------------------------------------------------------------------------------------

void ProtocolClient::handleStatement(const QByteArray &utf8)
{
    // The history of a big room, read without a QJsonDocument: the rest takes the general path.
    if (auto listing = MessageListReader::read(utf8)) {
        m_log->append(EventLogModel::Origin::Received, nameOf(StatementType::Result),
                      nameOf(ResultName::MessagesListed), utf8);
        onMessagesListed(std::move(*listing));
        return;
    }
    const auto statement = ServerStatement::parse(utf8);
    if (!statement) {
        m_log->append(EventLogModel::Origin::Received, tr("unknown"), tr("not a statement"), utf8);
        return;
    }
    logReceived(*statement, utf8);
    dispatch(*statement);
}

void ProtocolClient::logReceived(const ServerStatement &statement, const QByteArray &utf8)
{
    // Others' previews (about 33 a second per drawer) and typing refreshes: a stroke's first and last
    // preview, each change of someone's typing state, and a count of the rest
    // (EventLogModel::appendInSeries).
    const auto result = statement.resultName();
    const QJsonObject object = result ? statement.object() : QJsonObject();
    if (result == ResultName::LiveLineChanged && object.value(QStringView(key::uuid)).isString()) {
        m_log->appendInSeries(QStringLiteral("received live ")
                                  + object.value(QStringView(key::uuid)).toString(),
                              object.value(QStringView(key::end)).toBool(), EventLogModel::Origin::Received,
                              nameOf(statement.type()), statement.name(), utf8);
        return;
    }
    if (result == ResultName::TypingChanged && object.value(QStringView(key::user)).isString()) {
        m_log->appendInSeries(
            QStringLiteral("received typing ") + object.value(QStringView(key::user)).toString(),
            !object.value(QStringView(key::typing)).toBool(), EventLogModel::Origin::Received,
            nameOf(statement.type()), statement.name(), utf8);
        return;
    }
    m_log->append(EventLogModel::Origin::Received, nameOf(statement.type()), statement.name(), utf8);
}

void ProtocolClient::dispatch(const ServerStatement &statement)
{
    if (const auto general = statement.generalReply()) {
        // A refused page request: stop paging rather than ask again and again.
        const bool pageRefused = isLoadingOlderMessages() && m_lastCall == nameOf(CallName::ListMessages);
        if (isLoadingOlderMessages()) {
            m_moreHistory = false;
            setLoadingOlder({});
        }
        if (!pageRefused)
            emit notice(tr("The server did not accept the last request (%1).").arg(statement.name()));
        return;
    }
    if (statement.type() == StatementType::Error) {
        if (const auto error = statement.errorName())
            onError(*error);
        return;
    }
    if (const auto result = statement.resultName())
        onResult(*result, statement);
    // Section 8: an unknown result name is ignored (it is in the log).
}

void ProtocolClient::onResult(ResultName name, const ServerStatement &statement)
{
    switch (name) {
    case ResultName::UserCreated:
        return onUserCreated(statement.object());
    case ResultName::UserChanged:
        return onUserChanged(statement.object());
    case ResultName::RoomsListed:
        return onRoomsListed(statement.list());
    case ResultName::RoomCreated:
    case ResultName::RoomChanged:
        return onRoomChanged(statement.object());
    case ResultName::RoomDeleted:
        return onRoomDeleted(statement.object());
    case ResultName::RoomEntered:
        return onRoomEntered();
    case ResultName::RoomLeft:
        return onRoomLeft();
    case ResultName::MessagesListed:
        return onMessagesListed(statement);
    case ResultName::MessageCreated:
        return onMessageCreated(statement.object());
    case ResultName::DrawingGot:
        return onDrawingGot(statement.object());
    case ResultName::DrawLineChanged:
        return onDrawLineChanged(statement.object());
    case ResultName::RoomSumChanged:
        return onRoomSumChanged(statement.object());
    case ResultName::LiveLineChanged:
        return onLiveLineChanged(statement.object());
    case ResultName::TypingChanged:
        return onTypingChanged(statement.object());
    }
}

void ProtocolClient::onError(ErrorName name)
{
    switch (name) {
    case ErrorName::NoSpecifiedRoom:
        if (m_ignoredNoRoomErrors > 0) {
            m_ignoredNoRoomErrors -= 1;
            return;
        }
        if (m_lastCall == nameOf(CallName::EnterRoom) && !m_pendingEnters.isEmpty()) {
            closeRoom(m_pendingEnters.takeFirst(), tr("That room no longer exists."));
            return;
        }
        emit notice(tr("That room no longer exists."));
        return;
    case ErrorName::NotEmptyRoom:
        emit notice(tr("This room still has people inside, so it cannot be deleted."));
        return;
    case ErrorName::NoSelectedRoom:
        emit notice(tr("You are not in a room, so that was not done."));
        return;
    case ErrorName::NotValidColor:
        emit notice(tr("The server refused that colour."));
        return;
    case ErrorName::InternalError:
    case ErrorName::RateLimited: // the server's limits: nothing was changed either
    case ErrorName::NameTooLong:
    case ErrorName::BodyTooLong:
    case ErrorName::TooManyPoints:
    case ErrorName::TooManyLines:
        emit notice(tr("The server could not complete the last request; nothing was changed."));
        return;
    }
}

void ProtocolClient::onUserCreated(const QJsonObject &object)
{
    const auto user = User::fromJson(object);
    if (!user)
        return;
    m_self = *user;
    m_messages->setSelfUuid(m_self.uuid);
    m_messages->setSelfName(m_self.name);
    m_users->setSelfUuid(m_self.uuid);
    emit selfChanged(m_self);
    // A new connection is a new user (section 5): give it back the name the user chose.
    if (!m_wantedName.isEmpty() && m_wantedName != m_self.name)
        send(CallName::ChangeUserName, {{keyOf(key::name), m_wantedName}});
}

void ProtocolClient::onUserChanged(const QJsonObject &object)
{
    const auto user = User::fromJson(object);
    if (!user || (!m_self.uuid.isEmpty() && user->uuid != m_self.uuid))
        return;
    m_self = *user;
    m_messages->setSelfName(m_self.name);
    emit selfChanged(m_self);
}

void ProtocolClient::onRoomsListed(const QJsonArray &list)
{
    QVector<Room> rooms;
    rooms.reserve(list.size());
    for (const QJsonValue &value : list) {
        if (const auto room = Room::fromJson(value.toObject()))
            rooms.append(*room);
    }
    m_rooms->reset(rooms);
    updateUsersFromRoom();
    if (m_roomToRestore.isEmpty())
        return;
    const QString uuid = std::exchange(m_roomToRestore, {});
    if (m_rooms->find(uuid))
        enterRoom(uuid);
    else
        closeRoom(uuid, tr("The room you were in no longer exists."));
}

void ProtocolClient::onRoomChanged(const QJsonObject &object)
{
    const auto room = Room::fromJson(object);
    if (!room)
        return;
    m_rooms->upsert(*room);
    if (room->uuid == m_currentRoom)
        updateUsersFromRoom();
}

void ProtocolClient::onRoomSumChanged(const QJsonObject &object)
{
    const QString uuid = object.value(QStringView(key::uuid)).toString();
    const QJsonValue sum = object.value(QStringView(key::sum));
    if (uuid.isEmpty() || !sum.isDouble())
        return;
    m_rooms->setSum(uuid, sum.toInteger());
}

void ProtocolClient::onRoomDeleted(const QJsonObject &object)
{
    const auto room = Room::fromJson(object);
    if (!room)
        return;
    m_rooms->remove(room->uuid);
    if (m_pendingEnters.removeAll(room->uuid) > 0) {
        // Deleted while we were entering it: its enter_room will fail; one notice is enough.
        m_ignoredNoRoomErrors += 1;
        closeRoom(room->uuid, tr("The room \"%1\" was deleted.").arg(room->name));
        return;
    }
    if (room->uuid == m_currentRoom) {
        m_inside = false;
        closeRoom(room->uuid, tr("The room \"%1\" was deleted.").arg(room->name));
    }
}

void ProtocolClient::onRoomEntered()
{
    if (m_pendingEnters.isEmpty())
        return;
    const QString uuid = m_pendingEnters.takeFirst();
    m_inside = true;
    setCurrentRoom(uuid);
}

void ProtocolClient::onRoomLeft()
{
    m_inside = false;
    setCurrentRoom({});
}

void ProtocolClient::onMessagesListed(const ServerStatement &statement)
{
    const QJsonArray list = statement.list();
    MessageListReader::Listing listing;
    listing.messages.reserve(list.size());
    for (const QJsonValue &value : list) {
        if (const auto message = Message::fromJson(value.toObject()))
            listing.messages.append(*message);
    }
    listing.more = statement.member(key::more).toBool();
    listing.before = statement.member(key::before).toString();
    onMessagesListed(std::move(listing));
}

void ProtocolClient::onMessagesListed(MessageListReader::Listing listing)
{
    if (m_currentRoom.isEmpty())
        return;
    if (!listing.before.isEmpty())
        return onOlderMessages(std::move(listing));
    m_moreHistory = pagesHistory() && listing.more;
    setLoadingOlder({}); // a new list: an older page of the one before would not fit
    m_messages->reset(listing.messages);
}

void ProtocolClient::onOlderMessages(MessageListReader::Listing listing)
{
    // Only the page asked for, and only while it still fits: our oldest message is where it ends.
    if (!pagesHistory() || listing.before != m_olderBefore || m_messages->rowCount() == 0
        || m_messages->at(0).uuid != listing.before)
        return;
    m_moreHistory = listing.more;
    m_messages->prepend(listing.messages);
    setLoadingOlder({});
}

void ProtocolClient::onMessageCreated(const QJsonObject &object)
{
    const auto message = Message::fromJson(object);
    if (!message || m_currentRoom.isEmpty())
        return;
    if (!message->roomUuid.isEmpty() && message->roomUuid != m_currentRoom)
        return;
    m_messages->append(*message);
    m_typing->clearUser(message->user.uuid); // they sent what they were typing
    emit messageArrived(message->user.uuid == m_self.uuid, message->user.name, message->body);
}

void ProtocolClient::onDrawingGot(const QJsonObject &object)
{
    if (m_currentRoom.isEmpty())
        return;
    if (const auto drawing = Drawing::fromJson(object)) {
        m_drawing->reset(*drawing);
        m_previews->clear(); // a new drawing (a reset, re-entry): what grew before belongs to the old one
    }
}

void ProtocolClient::onDrawLineChanged(const QJsonObject &object)
{
    if (m_currentRoom.isEmpty())
        return;
    if (const auto line = Line::fromJson(object)) {
        // The stored line first, then the preview goes: never a frame without the stroke.
        m_drawing->apply(*line);
        m_previews->remove(line->uuid);
    }
}

void ProtocolClient::onLiveLineChanged(const QJsonObject &object)
{
    // docs/EXTENSIONS.md "Live strokes", receiver rules.
    if (!isExtended() || !m_inside || m_currentRoom.isEmpty())
        return;
    const QJsonValue uuid = object.value(QStringView(key::uuid));
    const QJsonValue user = object.value(QStringView(key::user));
    const QJsonValue from = object.value(QStringView(key::from));
    const QJsonValue points = object.value(QStringView(key::points));
    const QJsonValue tool = object.value(QStringView(key::tool));
    const QJsonValue color = object.value(QStringView(key::color));
    if (!uuid.isString() || !user.isString() || !from.isDouble() || !points.isArray() || !tool.isString()
        || !color.isString() || from.toDouble() < 0 || from.toDouble() != double(from.toInteger()))
        return;
    const QJsonArray array = points.toArray();
    if (!Line::isPointArray(array))
        return;
    if (user.toString() == m_self.uuid || m_drawing->rowOf(uuid.toString()) >= 0)
        return; // ours, or the final line arrived first
    QVector<double> numbers;
    numbers.reserve(array.size());
    for (const QJsonValue &value : array)
        numbers.append(value.toDouble());
    m_previews->update(uuid.toString(), user.toString(), from.toInteger(), numbers, tool.toString(),
                       color.toString(), object.value(QStringView(key::end)).toBool(false));
}

void ProtocolClient::onTypingChanged(const QJsonObject &object)
{
    if (!isExtended() || !m_inside || m_currentRoom.isEmpty())
        return;
    const QJsonValue user = object.value(QStringView(key::user));
    const QJsonValue typing = object.value(QStringView(key::typing));
    if (!user.isString() || !typing.isBool() || user.toString() == m_self.uuid
        || object.value(QStringView(key::roomUuid)).toString() != m_currentRoom)
        return;
    const Room *room = m_rooms->find(m_currentRoom);
    if (!room)
        return;
    for (const User &member : room->users) {
        if (member.uuid == user.toString())
            return m_typing->setTyping(member.uuid, member.name, typing.toBool());
    }
    // Not among the room's users: nobody to show (they left; a late statement).
}

void ProtocolClient::forgetLiveState()
{
    m_previews->clear();
    m_typing->clear();
    m_typingNotifier->reset();
}

void ProtocolClient::setCurrentRoom(const QString &uuid)
{
    if (uuid == m_currentRoom)
        return;
    m_currentRoom = uuid;
    m_moreHistory = false;
    setLoadingOlder({});
    m_messages->clear();
    m_drawing->clear();
    forgetLiveState();
    updateUsersFromRoom();
    emit currentRoomChanged(uuid);
}

void ProtocolClient::closeRoom(const QString &uuid, const QString &reason)
{
    if (uuid == m_currentRoom)
        setCurrentRoom({});
    emit roomClosed(uuid, reason);
    emit notice(reason);
}

void ProtocolClient::updateUsersFromRoom()
{
    const Room *room = m_rooms->find(m_currentRoom);
    m_users->reset(room ? room->users : QVector<User>());
    // Whoever is no longer inside (left, disconnected, their node died) stops drawing and typing for us.
    QSet<QString> inside;
    QHash<QString, QString> nameByUuid;
    if (room) {
        for (const User &user : room->users) {
            inside.insert(user.uuid);
            nameByUuid.insert(user.uuid, user.name);
        }
    }
    m_previews->retainAuthors(inside);
    m_typing->retainUsers(nameByUuid);
}

} // namespace chat
