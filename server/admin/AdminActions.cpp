#include "AdminActions.h"

#include "dispatch/CallDispatcher.h"
#include "model/MessageView.h"
#include "model/Timestamp.h"
#include "protocol/JsonWriter.h"
#include "storage/Store.h"

#include <QDateTime>

namespace chat::server {

namespace {

// "1 message", "2 messages": what a person reads in the tool's output.
QString counted(qsizetype count, const QString &noun)
{
    return QStringLiteral("%1 %2%3").arg(count).arg(noun, count == 1 ? QString() : QStringLiteral("s"));
}

using Command = AdminRequest::Command;

// A name or body on one line of a listing: line breaks and tabs written as \n, \r and \t.
QString oneLine(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'\n', QStringLiteral("\\n"));
    text.replace(u'\r', QStringLiteral("\\r"));
    text.replace(u'\t', QStringLiteral("\\t"));
    return text;
}

QByteArray lineOf(const QStringList &fields)
{
    return fields.join(u'\t').toUtf8() + '\n';
}

QString describe(const Room &room)
{
    return QStringLiteral("%1 (%2)").arg(room.uuid, oneLine(room.name));
}

} // namespace

AdminActions::AdminActions(Store &store, CallDispatcher &dispatcher)
    : m_store(store)
    , m_dispatcher(dispatcher)
{ }

AdminReply AdminActions::run(const AdminRequest &request)
{
    switch (request.command) {
    case Command::Rooms:
        return listRooms();
    case Command::Messages:
        return listMessages(request);
    case Command::Export:
        return exportHistory(request);
    case Command::DeleteRoom:
        return deleteRoom(request);
    case Command::DeleteMessage:
        return deleteMessage(request);
    case Command::RenameRoom:
        return renameRoom(request);
    case Command::Purge:
        return purge(request);
    case Command::Backup:
    case Command::Check:
        break;
    }
    return AdminReply::failure(
        QStringLiteral("%1 is not carried out here").arg(AdminRequest::nameOf(request.command)));
}

std::optional<Room> AdminActions::findRoom(const QString &uuidOrName, QString *error)
{
    const QVector<Room> rooms = m_store.listRooms();
    QVector<Room> named;
    for (const Room &room : rooms) {
        if (room.uuid == uuidOrName)
            return room;
        if (room.name == uuidOrName)
            named.append(room);
    }
    if (named.size() == 1)
        return named.first();
    *error = named.isEmpty() ? QStringLiteral("no room has the uuid or name \"%1\"").arg(oneLine(uuidOrName))
                             : QStringLiteral("%1 rooms are named \"%2\": give the uuid")
                                   .arg(named.size())
                                   .arg(oneLine(uuidOrName));
    return std::nullopt;
}

AdminReply AdminActions::listRooms()
{
    QByteArray output;
    for (const Room &room : m_store.listRooms()) {
        output += lineOf({room.uuid, oneLine(room.name), counted(room.sum, QStringLiteral("message")),
                          counted(room.users.size(), QStringLiteral("user"))});
    }
    return AdminReply::success(output);
}

AdminReply AdminActions::listMessages(const AdminRequest &request)
{
    QString error;
    const auto room = findRoom(request.room, &error);
    if (!room)
        return AdminReply::failure(error);
    const auto page = m_store.messagePage(room->uuid, {}, request.limit);
    QByteArray output;
    for (const Message &message : page ? page->messages : QVector<Message> {})
        output += lineOf({message.created, oneLine(message.user.name), oneLine(message.body)});
    return AdminReply::success(output);
}

AdminReply AdminActions::exportHistory(const AdminRequest &request)
{
    QString error;
    const auto room = findRoom(request.room, &error);
    if (!room)
        return AdminReply::failure(error);
    return AdminReply::success(request.format == QLatin1String("markdown") ? historyAsMarkdown(*room)
                                                                           : historyAsJson(*room));
}

QByteArray AdminActions::historyAsJson(const Room &room)
{
    // {"room": the room as the protocol writes it, "messages": [every message, oldest first]}
    QByteArray json;
    JsonWriter writer(json);
    writer.beginObject();
    writer.key("room");
    room.writeJson(writer);
    writer.key("messages");
    writer.beginArray();
    m_store.listMessages(room.uuid, [&writer](const MessageView &message) { message.writeJson(writer); });
    writer.endArray();
    writer.endObject();
    return json + '\n';
}

QByteArray AdminActions::historyAsMarkdown(const Room &room)
{
    QByteArray text = QStringLiteral("# %1\n\nRoom `%2`, %3 messages.\n")
                          .arg(oneLine(room.name), room.uuid)
                          .arg(room.sum)
                          .toUtf8();
    m_store.listMessages(room.uuid, [&text](const MessageView &message) {
        text += QStringLiteral("\n**%1** (%2):\n\n")
                    .arg(oneLine(message.userName.toString()), message.created.toString())
                    .toUtf8();
        // Every line of the body as a quote, so that it cannot start a heading or a list of the export.
        for (const QString &line : message.body.toString().split(u'\n'))
            text += QStringLiteral("> %1\n").arg(line).toUtf8();
    });
    return text;
}

AdminReply AdminActions::deleteRoom(const AdminRequest &request)
{
    QString error;
    const auto room = findRoom(request.room, &error);
    if (!room)
        return AdminReply::failure(error);
    if (!room->users.isEmpty()) {
        if (!request.force) {
            return AdminReply::failure(
                QStringLiteral("room %1 has %2 inside: --force makes them leave")
                    .arg(describe(*room), counted(room->users.size(), QStringLiteral("user"))));
        }
        if (const auto emptied = m_store.emptyRoom(room->uuid))
            m_dispatcher.announceEmptied(*emptied);
    }
    const auto deleted = m_store.deleteRoom(room->uuid);
    if (deleted.outcome != Store::DeleteOutcome::Deleted)
        return AdminReply::failure(
            QStringLiteral("room %1 changed meanwhile: try again").arg(describe(*room)));
    m_dispatcher.announceDeleted(deleted.room);
    return AdminReply::success(QStringLiteral("deleted room %1\n").arg(describe(*room)).toUtf8());
}

AdminReply AdminActions::deleteMessage(const AdminRequest &request)
{
    const auto room = m_store.deleteMessage(request.message);
    if (!room)
        return AdminReply::failure(
            QStringLiteral("no message has the uuid \"%1\"").arg(oneLine(request.message)));
    m_dispatcher.announceHistoryChanged(*room);
    return AdminReply::success(
        QStringLiteral("deleted message %1 of room %2\n").arg(request.message, describe(*room)).toUtf8());
}

AdminReply AdminActions::renameRoom(const AdminRequest &request)
{
    QString error;
    const auto room = findRoom(request.room, &error);
    if (!room)
        return AdminReply::failure(error);
    const auto renamed = m_store.renameRoom(room->uuid, request.name);
    if (!renamed)
        return AdminReply::failure(QStringLiteral("room %1 is gone").arg(describe(*room)));
    m_dispatcher.announceRenamed(*renamed);
    return AdminReply::success(
        QStringLiteral("renamed room %1 to \"%2\"\n").arg(describe(*room), oneLine(request.name)).toUtf8());
}

AdminReply AdminActions::purge(const AdminRequest &request)
{
    QString roomUuid;
    if (!request.room.isEmpty()) {
        QString error;
        const auto room = findRoom(request.room, &error);
        if (!room)
            return AdminReply::failure(error);
        roomUuid = room->uuid;
    }
    // Message times are the server's local time (Timestamp), and so is the cut.
    const QString before = Timestamp::format(QDateTime::currentDateTime().addMSecs(-request.olderThanMs), 0);
    const Store::PurgedMessages purged = m_store.purgeMessages(before, roomUuid);
    for (const Room &room : purged.rooms)
        m_dispatcher.announceHistoryChanged(room);
    return AdminReply::success(QStringLiteral("purged %1 written before %2 from %3\n")
                                   .arg(counted(purged.deleted, QStringLiteral("message")), before,
                                        counted(purged.rooms.size(), QStringLiteral("room")))
                                   .toUtf8());
}

} // namespace chat::server
