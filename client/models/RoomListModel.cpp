#include "RoomListModel.h"

#include "widgets/Accessibility.h"

namespace chat {

namespace {
QStringList namesOf(const Room &room)
{
    QStringList names;
    for (const User &user : room.users)
        names.append(user.name);
    return names;
}

// Presence (issue 15): who the avatars on the card are, as the tooltip and the accessible description both
// say it ("Ann, Bob").
QString presenceText(const Room &room)
{
    return namesOf(room).join(RoomListModel::tr(", "));
}
} // namespace

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

void RoomListModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rooms.size())
        return {};
    const Room &room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::AccessibleTextRole:
    case NameRole:
        return room.name;
    case Qt::ToolTipRole: {
        QString text = tr("%1: %n message(s)", nullptr, int(room.sum)).arg(room.name);
        if (const qint64 unreadCount = unread(room.uuid); unreadCount > 0)
            text += QLatin1Char('\n') + tr("%n unread", nullptr, int(unreadCount));
        if (!room.users.isEmpty())
            text += QLatin1Char('\n') + tr("Inside: %1").arg(presenceText(room));
        return text;
    }
    case Qt::AccessibleDescriptionRole: {
        // What the card shows besides the name: "3 messages, 1 user, 2 unread, colour: Green".
        QString text = tr("%n message(s)", nullptr, int(room.sum)) + tr(", ")
            + tr("%n user(s)", nullptr, int(room.users.size())) + tr(", ");
        if (const qint64 unreadCount = unread(room.uuid); unreadCount > 0)
            text += tr("%n unread", nullptr, int(unreadCount)) + tr(", ");
        text += tr("colour: %1").arg(Accessibility::colourName(room.color));
        if (!room.users.isEmpty())
            text += tr(", ") + tr("inside: %1").arg(presenceText(room));
        return text;
    }
    case UuidRole:
        return room.uuid;
    case ColorRole:
        return room.color;
    case SumRole:
        return room.sum;
    case UserCountRole:
        return int(room.users.size());
    case UnreadRole:
        return unread(room.uuid);
    case UserNamesRole:
        return namesOf(room);
    case UserUuidsRole: {
        QStringList uuids;
        for (const User &user : room.users)
            uuids.append(user.uuid);
        return uuids;
    }
    default:
        return {};
    }
}

Qt::ItemFlags RoomListModel::flags(const QModelIndex &index) const
{
    // Editable so the view opens the delegate's name editor; the new name goes to the server, not here.
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable;
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    return {{UuidRole, "uuid"},           {NameRole, "name"},
            {ColorRole, "color"},         {SumRole, "sum"},
            {UserCountRole, "userCount"}, {UnreadRole, "unread"},
            {UserNamesRole, "userNames"}, {UserUuidsRole, "userUuids"}};
}

void RoomListModel::reset(const QVector<Room> &rooms)
{
    beginResetModel();
    m_rooms = rooms;
    reindex();
    // A full list: rooms missing from it were deleted, their counts go.
    bool seenChanged = false;
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (m_rowByUuid.contains(it.key())) {
            ++it;
        } else {
            it = m_seen.erase(it);
            seenChanged = true;
        }
    }
    for (const Room &room : std::as_const(m_rooms))
        seenChanged = updateSeen(room) || seenChanged;
    endResetModel();
    if (seenChanged)
        emit seenSumsChanged();
    updateTotal();
}

void RoomListModel::clear()
{
    beginResetModel();
    m_rooms.clear();
    m_rowByUuid.clear();
    endResetModel();
    updateTotal();
}

qint64 RoomListModel::unread(const QString &uuid) const
{
    const Room *room = find(uuid);
    if (!room)
        return 0;
    return qMax<qint64>(0, room->sum - m_seen.value(uuid, room->sum));
}

bool RoomListModel::updateSeen(const Room &room)
{
    const auto seen = m_seen.find(room.uuid);
    if (seen == m_seen.end()) {
        m_seen.insert(room.uuid, room.sum); // first sight: what is there counts as read
        return true;
    }
    // The viewed room, or a sum that went down (history trimmed): read up to here.
    if (*seen != room.sum && (room.uuid == m_viewed || *seen > room.sum)) {
        *seen = room.sum;
        return true;
    }
    return false;
}

void RoomListModel::updateTotal()
{
    qint64 total = 0;
    for (const Room &room : std::as_const(m_rooms))
        total += qMax<qint64>(0, room.sum - m_seen.value(room.uuid, room.sum));
    if (total == m_totalUnread)
        return;
    m_totalUnread = total;
    emit totalUnreadChanged(total);
}

void RoomListModel::setViewedRoom(const QString &uuid)
{
    if (uuid == m_viewed)
        return;
    m_viewed = uuid;
    const int row = rowOf(uuid);
    if (row < 0)
        return;
    if (updateSeen(m_rooms.at(row))) {
        emit dataChanged(index(row), index(row), {UnreadRole, Qt::ToolTipRole});
        emit seenSumsChanged();
        updateTotal();
    }
}

void RoomListModel::setSeenSums(const QHash<QString, qint64> &seen)
{
    m_seen = seen;
    for (const Room &room : std::as_const(m_rooms))
        updateSeen(room);
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {UnreadRole, Qt::ToolTipRole});
    updateTotal();
}

void RoomListModel::upsert(const Room &room)
{
    const int row = rowOf(room.uuid);
    if (row >= 0) {
        if (m_rooms.at(row) == room)
            return;
        const bool sumChanged = m_rooms.at(row).sum != room.sum;
        m_rooms[row] = room;
        if (sumChanged)
            noteSum(room);
        emit dataChanged(index(row), index(row));
        updateTotal();
        return;
    }
    const int end = int(m_rooms.size());
    beginInsertRows({}, end, end);
    m_rooms.append(room);
    m_rowByUuid.insert(room.uuid, end);
    noteSum(room);
    endInsertRows();
    updateTotal();
}

void RoomListModel::noteSum(const Room &room)
{
    if (updateSeen(room))
        emit seenSumsChanged();
}

void RoomListModel::setSum(const QString &uuid, qint64 sum)
{
    const int row = rowOf(uuid);
    if (row < 0 || m_rooms.at(row).sum == sum)
        return;
    m_rooms[row].sum = sum;
    noteSum(m_rooms.at(row));
    emit dataChanged(index(row), index(row));
    updateTotal();
}

void RoomListModel::remove(const QString &uuid)
{
    const int row = rowOf(uuid);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rooms.removeAt(row);
    reindex();
    endRemoveRows();
    if (m_seen.remove(uuid) > 0)
        emit seenSumsChanged();
    updateTotal();
}

const Room *RoomListModel::find(const QString &uuid) const
{
    const int row = rowOf(uuid);
    return row >= 0 ? &m_rooms.at(row) : nullptr;
}

void RoomListModel::reindex()
{
    m_rowByUuid.clear();
    m_rowByUuid.reserve(m_rooms.size());
    for (int row = 0; row < m_rooms.size(); ++row)
        m_rowByUuid.insert(m_rooms.at(row).uuid, row);
}

} // namespace chat
