#include "UserListModel.h"

#include <algorithm>

namespace chat {

UserListModel::UserListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

void UserListModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::AccessibleTextRole});
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const User &user = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return user.name;
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole: // the whole name, which the card may cut
        return user.uuid == m_selfUuid ? tr("%1 (you)").arg(user.name) : user.name;
    case UuidRole:
        return user.uuid;
    case SelfRole:
        return user.uuid == m_selfUuid;
    default:
        return {};
    }
}

QHash<int, QByteArray> UserListModel::roleNames() const
{
    return {{NameRole, "name"}, {UuidRole, "uuid"}, {SelfRole, "self"}};
}

void UserListModel::reset(const QVector<User> &users)
{
    // The original may list a user twice (Q10 with SQLite): show each user once.
    QVector<User> unique;
    for (const User &user : users) {
        const bool seen = std::any_of(unique.cbegin(), unique.cend(),
                                      [&](const User &other) { return other.uuid == user.uuid; });
        if (!seen)
            unique.append(user);
    }
    if (unique == m_users)
        return;
    beginResetModel();
    m_users = unique;
    endResetModel();
}

void UserListModel::setSelfUuid(const QString &uuid)
{
    m_selfUuid = uuid;
    if (!m_users.isEmpty())
        emit dataChanged(index(0), index(int(m_users.size()) - 1));
}

} // namespace chat
