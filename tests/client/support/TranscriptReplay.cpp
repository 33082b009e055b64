#include "TranscriptReplay.h"

#include "models/DrawingModel.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/UserListModel.h"
#include "net/ProtocolClient.h"
#include "protocol/MessageNames.h"

#include <QDebug>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace chat;

QString TranscriptReplay::transcriptDir()
{
    return QStringLiteral(CHAT_TRANSCRIPT_DIR);
}

bool TranscriptReplay::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.isEmpty())
            continue;
        const QString dir = line.value(QStringLiteral("dir")).toString();
        QJsonObject json = line;
        if (dir == QLatin1String("recv"))
            json = line.value(QStringLiteral("frame")).toObject();
        else if (dir == QLatin1String("send"))
            json = line.value(QStringLiteral("frame")).toObject().value(QStringLiteral("json")).toObject();
        m_frames.append({line.value(QStringLiteral("step")).toInt(),
                         line.value(QStringLiteral("client")).toString(), dir, json});
    }
    return !m_frames.isEmpty();
}

QStringList TranscriptReplay::clients() const
{
    QStringList names;
    for (const Frame &frame : m_frames) {
        if (!names.contains(frame.client))
            names.append(frame.client);
    }
    return names;
}

void TranscriptReplay::replay(ProtocolClient &client, const QString &who,
                              const std::function<void(int)> &afterStep)
{
    client.setTransportForTesting([this](const QString &text) {
        sent.append(QJsonDocument::fromJson(text.toUtf8()).object());
        return true;
    });
    int currentStep = 0;
    const auto stepDone = [&](int step) {
        endStep(client, step);
        if (afterStep)
            afterStep(step);
    };
    for (const Frame &frame : std::as_const(m_frames)) {
        if (frame.step != currentStep) {
            if (currentStep > 0)
                stepDone(currentStep);
            currentStep = frame.step;
        }
        if (frame.client != who)
            continue;
        if (frame.dir == QLatin1String("send") && !frame.json.isEmpty()) {
            makeCall(client, frame.json);
        } else if (frame.dir == QLatin1String("recv")) {
            client.handleStatement(QJsonDocument(frame.json).toJson(QJsonDocument::Compact));
            m_expected.received(frame.json);
            const QString name = frame.json.value(QStringLiteral("payload"))
                                     .toObject()
                                     .value(QStringLiteral("message"))
                                     .toString();
            if (frame.json.value(QStringLiteral("type")) == QLatin1String("error")
                || name == QLatin1String("bad_data") || name == QLatin1String("not_sufficient_data")
                || name == QLatin1String("data_too_long"))
                m_refusedInStep = true;
        } else if (frame.dir == QLatin1String("event")
                   && frame.json.value(QStringLiteral("event")) == QLatin1String("closed")) {
            m_refusedInStep = true; // the original closed the connection (1011) instead of answering
        }
    }
    if (currentStep > 0)
        stepDone(currentStep);
}

void TranscriptReplay::endStep(ProtocolClient &client, int step)
{
    ++comparedSteps;
    for (const QString &difference : m_expected.differences(client))
        mismatches.append(QStringLiteral("after step %1: %2").arg(step).arg(difference));
    // A call our client cannot make is harmless only when it did nothing on the server either: refused (a
    // general reply or an error, section 9, or the original closing the connection), or accepted without a
    // change (a falsy name or colour is announced unchanged, Q8).
    if (!m_refusedInStep && m_expected.snapshot() != m_beforeUnsendable) {
        for (const QString &call : std::as_const(m_unsendableInStep))
            mismatches.append(QStringLiteral("step %1: the client cannot make %2, which the server accepted")
                                  .arg(step)
                                  .arg(call));
    }
    m_unsendableInStep.clear();
    m_refusedInStep = false;
}

void TranscriptReplay::makeCall(ProtocolClient &client, const QJsonObject &call)
{
    const QJsonObject payload = call.value(QStringLiteral("payload")).toObject();
    const QString message = payload.value(QStringLiteral("message")).toString();
    const auto name = callNameFrom(message);
    const QString callText = QString::fromUtf8(QJsonDocument(call).toJson(QJsonDocument::Compact));
    if (!name) {
        // Malformed on purpose: our client never sends such a thing.
        unsendable.append(callText);
        if (m_unsendableInStep.isEmpty())
            m_beforeUnsendable = m_expected.snapshot();
        m_unsendableInStep.append(callText);
        return;
    }
    const QString mustRefuse = m_expected.mustRefuse(call);
    const auto text = [&](const char *key) { return payload.value(QString::fromLatin1(key)); };
    const auto allStrings = [&](std::initializer_list<const char *> keys) {
        for (const char *key : keys) {
            if (!text(key).isString())
                return false;
        }
        return true;
    };
    const qsizetype before = sent.size();
    bool attempted = true;
    switch (*name) {
    case CallName::CreateRoom:
        client.createRoom();
        break;
    case CallName::EnterRoom:
        attempted = allStrings({"uuid"}) && (client.enterRoom(text("uuid").toString()), true);
        break;
    case CallName::LeaveRoom:
        client.leaveRoom();
        break;
    case CallName::DeleteRoom:
        attempted = allStrings({"uuid"}) && (client.deleteRoom(text("uuid").toString()), true);
        break;
    case CallName::ChangeName:
        attempted = allStrings({"uuid", "name"})
            && (client.renameRoom(text("uuid").toString(), text("name").toString()), true);
        break;
    case CallName::ChangeColor:
        attempted = allStrings({"uuid", "color"})
            && (client.recolorRoom(text("uuid").toString(), text("color").toString()), true);
        break;
    case CallName::ChangeUserName:
        attempted = allStrings({"name"}) && (client.changeUserName(text("name").toString()), true);
        break;
    case CallName::CreateMessage:
        attempted = allStrings({"body"}) && (client.sendMessage(text("body").toString()), true);
        break;
    case CallName::ChangeDrawLine:
        attempted = allStrings({"uuid", "color", "tool"}) && text("points").isArray()
            && (client.sendLine(text("uuid").toString(), text("points").toArray(), text("color").toString(),
                                text("tool").toString()),
                true);
        break;
    case CallName::ResetDrawing:
        client.resetDrawing();
        break;
    case CallName::ListRooms:
    case CallName::ListMessages:
    case CallName::GetDrawing:
    case CallName::DrawLive: // extensions: the original's transcripts never hold them
    case CallName::SetTyping:
        attempted = false; // the client keeps these up to date from broadcasts; nothing to compare
        break;
    }
    if (!attempted) {
        if (*name != CallName::ListRooms && *name != CallName::ListMessages
            && *name != CallName::GetDrawing) {
            unsendable.append(callText);
            if (m_unsendableInStep.isEmpty())
                m_beforeUnsendable = m_expected.snapshot();
            m_unsendableInStep.append(callText);
        }
        return;
    }
    if (sent.size() == before) {
        refused.append(callText);
        if (mustRefuse.isEmpty())
            mismatches.append(QStringLiteral("refused without a reason of section 8: ") + callText);
        return;
    }
    if (!mustRefuse.isEmpty()) {
        mismatches.append(QStringLiteral("sent although %1: %2").arg(mustRefuse, callText));
        return;
    }
    m_expected.called(call);
    // The recordings add keys the server ignores; every key we send must carry the recorded value.
    const QJsonObject ours = sent.last().value(QStringLiteral("payload")).toObject();
    bool same = true;
    for (auto it = ours.begin(); it != ours.end(); ++it)
        same = same && payload.value(it.key()) == it.value();
    if (!same)
        mismatches.append(QString::fromUtf8(QJsonDocument(call).toJson(QJsonDocument::Compact)));
}

// --- ExpectedState -----------------------------------------------------------------------------------------

namespace {

QJsonObject payloadOf(const QJsonObject &statement)
{
    return statement.value(QStringLiteral("payload")).toObject();
}

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// The text the client shows for a JSON value: a string as it is, anything else as its JSON (Q13: the
// original stored numbers as bodies and names).
QString shown(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isNull() || value.isUndefined())
        return QString();
    const QByteArray json = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

int indexOf(const QVector<QJsonObject> &objects, const QString &uuid)
{
    for (int i = 0; i < objects.size(); ++i) {
        if (str(objects.at(i), "uuid") == uuid)
            return i;
    }
    return -1;
}

void upsert(QVector<QJsonObject> &objects, const QJsonObject &object)
{
    if (!object.value(QStringLiteral("uuid")).isString())
        return;
    const int at = indexOf(objects, str(object, "uuid"));
    if (at >= 0)
        objects[at] = object;
    else
        objects.append(object);
}

QVector<QJsonObject> objectsWithUuid(const QJsonArray &list)
{
    QVector<QJsonObject> objects;
    for (const QJsonValue &value : list) {
        if (value.toObject().value(QStringLiteral("uuid")).isString())
            objects.append(value.toObject());
    }
    return objects;
}

template<typename T>
void compare(QStringList &out, const QString &what, const T &expected, const T &actual)
{
    if (!(expected == actual)) {
        QDebug(&out.emplaceBack()).noquote() << what << "expected" << expected << "got" << actual;
    }
}

} // namespace

void ExpectedState::called(const QJsonObject &call)
{
    const QJsonObject payload = payloadOf(call);
    const QString name = str(payload, "message");
    if (name == QLatin1String("enter_room"))
        m_entering = str(payload, "uuid");
    else if (name == QLatin1String("change_draw_line"))
        m_sentLines.append(str(payload, "uuid"));
}

QJsonObject ExpectedState::snapshot() const
{
    const auto array = [](const QVector<QJsonObject> &objects) {
        QJsonArray list;
        for (const QJsonObject &object : objects)
            list.append(object);
        return list;
    };
    return {{QStringLiteral("self"), m_self},
            {QStringLiteral("rooms"), array(m_rooms)},
            {QStringLiteral("current"), m_current},
            {QStringLiteral("messages"), array(m_messages)},
            {QStringLiteral("lines"), array(m_lines)}};
}

QString ExpectedState::mustRefuse(const QJsonObject &call) const
{
    const QJsonObject payload = payloadOf(call);
    const QString name = str(payload, "message");
    const bool inside = !m_current.isEmpty();
    const auto blank = [&](const char *key) { return str(payload, key).trimmed().isEmpty(); };
    if (name == QLatin1String("leave_room") && !inside)
        return QStringLiteral("leave_room outside a room closes the original's connection");
    if (name == QLatin1String("enter_room") && inside && str(payload, "uuid") == m_current)
        return QStringLiteral("entering the room one is in only causes confusing broadcasts (Q10)");
    if (name == QLatin1String("create_message") && blank("body"))
        return QStringLiteral("the body is blank");
    if ((name == QLatin1String("create_message") || name == QLatin1String("change_draw_line")
         || name == QLatin1String("reset_drawing"))
        && !inside)
        return QStringLiteral("not in a room");
    if (name == QLatin1String("change_draw_line") && m_sentLines.contains(str(payload, "uuid")))
        return QStringLiteral("a line uuid is sent once, ever (Q2)");
    if ((name == QLatin1String("change_name") || name == QLatin1String("change_user_name")) && blank("name"))
        return QStringLiteral("the name is blank");
    return QString();
}

void ExpectedState::received(const QJsonObject &statement)
{
    const QJsonObject payload = payloadOf(statement);
    const QString name = str(payload, "message");
    const QJsonObject object = payload.value(QStringLiteral("object")).toObject();
    const QJsonArray list = payload.value(QStringLiteral("list")).toArray();
    const auto leave = [&] {
        m_current.clear();
        m_messages.clear();
        m_lines.clear();
    };
    if (statement.value(QStringLiteral("type")) == QLatin1String("error")) {
        if (name == QLatin1String("no_specified_room"))
            m_entering.clear(); // the room to enter does not exist
        return;
    }
    if (name == QLatin1String("user_created")) {
        m_self = object;
    } else if (name == QLatin1String("user_changed")) {
        if (str(object, "uuid") == str(m_self, "uuid"))
            m_self = object;
    } else if (name == QLatin1String("rooms_listed")) {
        m_rooms = objectsWithUuid(list);
    } else if (name == QLatin1String("room_created") || name == QLatin1String("room_changed")) {
        upsert(m_rooms, object);
    } else if (name == QLatin1String("room_deleted")) {
        const QString uuid = str(object, "uuid");
        if (const int at = indexOf(m_rooms, uuid); at >= 0)
            m_rooms.remove(at);
        if (uuid == m_current)
            leave();
        if (uuid == m_entering)
            m_entering.clear();
    } else if (name == QLatin1String("room_entered")) {
        if (!m_entering.isEmpty() && m_entering != m_current) {
            leave();
            m_current = m_entering;
        }
        m_entering.clear();
    } else if (name == QLatin1String("room_left")) {
        leave();
    } else if (name == QLatin1String("messages_listed")) {
        if (!m_current.isEmpty())
            m_messages = objectsWithUuid(list);
    } else if (name == QLatin1String("message_created")) {
        const QJsonValue room = object.value(QStringLiteral("room_uuid"));
        if (!m_current.isEmpty() && (!room.isString() || room.toString().isEmpty() || room == m_current)
            && object.value(QStringLiteral("uuid")).isString())
            m_messages.append(object);
    } else if (name == QLatin1String("drawing_got")) {
        if (!m_current.isEmpty())
            m_lines = objectsWithUuid(object.value(QStringLiteral("lines")).toArray());
    } else if (name == QLatin1String("draw_line_changed")) {
        if (!m_current.isEmpty())
            upsert(m_lines, object);
    } else if (name == QLatin1String("room_sum_changed")) {
        if (const int at = indexOf(m_rooms, str(object, "uuid")); at >= 0)
            m_rooms[at].insert(QStringLiteral("sum"), object.value(QStringLiteral("sum")));
    }
}

QStringList ExpectedState::differences(const ProtocolClient &client) const
{
    QStringList out;
    compare(out, QStringLiteral("self uuid"), str(m_self, "uuid"), client.self().uuid);
    compare(out, QStringLiteral("self name"), shown(m_self.value(QStringLiteral("name"))),
            client.self().name);
    compare(out, QStringLiteral("current room"), m_current, client.currentRoom());

    const RoomListModel *rooms = client.rooms();
    compare(out, QStringLiteral("number of rooms"), int(m_rooms.size()), rooms->rowCount());
    QJsonArray currentUsers;
    for (int row = 0; row < qMin(int(m_rooms.size()), rooms->rowCount()); ++row) {
        const QJsonObject &room = m_rooms.at(row);
        const Room &shownRoom = rooms->at(row);
        const QString at = QStringLiteral("room %1 ").arg(row);
        compare(out, at + QStringLiteral("uuid"), str(room, "uuid"), shownRoom.uuid);
        compare(out, at + QStringLiteral("name"), shown(room.value(QStringLiteral("name"))), shownRoom.name);
        compare(out, at + QStringLiteral("color"), str(room, "color"), shownRoom.color);
        compare(out, at + QStringLiteral("sum"), room.value(QStringLiteral("sum")).toInteger(),
                shownRoom.sum);
        QStringList users, shownUsers;
        for (const QJsonValue &user : room.value(QStringLiteral("users")).toArray())
            users << str(user.toObject(), "uuid") + QLatin1Char('/')
                    + shown(user.toObject().value(QStringLiteral("name")));
        for (const User &user : shownRoom.users)
            shownUsers << user.uuid + QLatin1Char('/') + user.name;
        compare(out, at + QStringLiteral("users"), users, shownUsers);
    }
    if (const int at = indexOf(m_rooms, m_current); at >= 0)
        currentUsers = m_rooms.at(at).value(QStringLiteral("users")).toArray();

    // The users list shows each user once, where they first appear: the original SQLite server listed a
    // user twice after a second enter_room (docs/PROTOCOL.md section 3, Q10).
    QStringList users, shownUsers, seen;
    for (const QJsonValue &user : std::as_const(currentUsers)) {
        if (seen.contains(str(user.toObject(), "uuid")))
            continue;
        seen << str(user.toObject(), "uuid");
        users << str(user.toObject(), "uuid") + QLatin1Char('/')
                + shown(user.toObject().value(QStringLiteral("name")));
    }
    const UserListModel *userModel = client.users();
    for (int row = 0; row < userModel->rowCount(); ++row) {
        const QModelIndex index = userModel->index(row);
        shownUsers << index.data(UserListModel::UuidRole).toString() + QLatin1Char('/')
                + index.data(UserListModel::NameRole).toString();
    }
    compare(out, QStringLiteral("users in the room"), users, shownUsers);

    const MessageListModel *messages = client.messages();
    compare(out, QStringLiteral("number of messages"), int(m_messages.size()), messages->rowCount());
    for (int row = 0; row < qMin(int(m_messages.size()), messages->rowCount()); ++row) {
        const QJsonObject &message = m_messages.at(row);
        const Message &shownMessage = messages->at(row);
        const QString at = QStringLiteral("message %1 ").arg(row);
        compare(out, at + QStringLiteral("uuid"), str(message, "uuid"), shownMessage.uuid);
        compare(out, at + QStringLiteral("body"), shown(message.value(QStringLiteral("body"))),
                shownMessage.body);
        compare(out, at + QStringLiteral("author"),
                str(message.value(QStringLiteral("user")).toObject(), "uuid"), shownMessage.user.uuid);
        compare(out, at + QStringLiteral("created"), str(message, "created"), shownMessage.created);
    }

    const QVector<Line> &lines = client.drawing()->lines();
    compare(out, QStringLiteral("number of lines"), int(m_lines.size()), int(lines.size()));
    for (int i = 0; i < qMin(int(m_lines.size()), int(lines.size())); ++i) {
        const QJsonObject &line = m_lines.at(i);
        const QString at = QStringLiteral("line %1 ").arg(i);
        compare(out, at + QStringLiteral("uuid"), str(line, "uuid"), lines.at(i).uuid);
        compare(out, at + QStringLiteral("color"), str(line, "color"), lines.at(i).color);
        compare(out, at + QStringLiteral("tool"), str(line, "tool"), lines.at(i).tool);
        compare(out, at + QStringLiteral("points"), line.value(QStringLiteral("points")).toArray(),
                lines.at(i).points);
    }
    return out;
}
