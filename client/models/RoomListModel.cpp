#include "RoomListModel.h"

#include "widgets/Accessibility.h"

namespace chat {

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
    case Qt::ToolTipRole:
        return tr("%1: %n message(s)", nullptr, int(room.sum)).arg(room.name);
    case Qt::AccessibleDescriptionRole:
        // What the card shows besides the name: "3 messages, 1 user, colour: Green".
        return tr("%n message(s)", nullptr, int(room.sum)) + tr(", ")
            + tr("%n user(s)", nullptr, int(room.users.size())) + tr(", ")
            + tr("colour: %1").arg(Accessibility::colourName(room.color));
    case UuidRole:
        return room.uuid;
    case ColorRole:
        return room.color;
    case SumRole:
        return room.sum;
    case UserCountRole:
        return int(room.users.size());
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
    return {{UuidRole, "uuid"},
            {NameRole, "name"},
            {ColorRole, "color"},
            {SumRole, "sum"},
            {UserCountRole, "userCount"}};
}

void RoomListModel::reset(const QVector<Room> &rooms)
{
    beginResetModel();
    m_rooms = rooms;
    reindex();
    endResetModel();
}

void RoomListModel::upsert(const Room &room)
{
    const int row = rowOf(room.uuid);
    if (row >= 0) {
        if (m_rooms.at(row) == room)
            return;
        m_rooms[row] = room;
        emit dataChanged(index(row), index(row));
        return;
    }
    const int end = int(m_rooms.size());
    beginInsertRows({}, end, end);
    m_rooms.append(room);
    m_rowByUuid.insert(room.uuid, end);
    endInsertRows();
}

void RoomListModel::setSum(const QString &uuid, qint64 sum)
{
    const int row = rowOf(uuid);
    if (row < 0 || m_rooms.at(row).sum == sum)
        return;
    m_rooms[row].sum = sum;
    emit dataChanged(index(row), index(row));
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
