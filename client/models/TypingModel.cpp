#include "TypingModel.h"

namespace chat {

TypingModel::TypingModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_elapsed.start();
    m_clock = [this] { return m_elapsed.elapsed(); };
    m_sweep.setInterval(500);
    connect(&m_sweep, &QTimer::timeout, this, [this] { expire(now()); });
}

int TypingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_typists.size());
}

QVariant TypingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_typists.size())
        return {};
    const Typist &typist = m_typists.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return typist.name;
    case UuidRole:
        return typist.uuid;
    default:
        return {};
    }
}

QHash<int, QByteArray> TypingModel::roleNames() const
{
    return {{UuidRole, "uuid"}, {NameRole, "name"}};
}

int TypingModel::rowOf(const QString &userUuid) const
{
    for (int row = 0; row < m_typists.size(); ++row) {
        if (m_typists.at(row).uuid == userUuid)
            return row;
    }
    return -1;
}

void TypingModel::setTyping(const QString &userUuid, const QString &name, bool typing)
{
    if (userUuid.isEmpty())
        return;
    const int row = rowOf(userUuid);
    if (!typing) {
        if (row >= 0)
            removeRow(row);
        return;
    }
    if (row >= 0) {
        Typist &typist = m_typists[row];
        typist.since = now();
        if (typist.name != name) {
            typist.name = name;
            emit dataChanged(index(row), index(row), {NameRole});
            emit typingChanged();
        }
        return;
    }
    const int end = int(m_typists.size());
    beginInsertRows({}, end, end);
    m_typists.append({userUuid, name, now()});
    endInsertRows();
    updateSweep();
    emit typingChanged();
}

void TypingModel::clearUser(const QString &userUuid)
{
    if (const int row = rowOf(userUuid); row >= 0)
        removeRow(row);
}

void TypingModel::retainUsers(const QHash<QString, QString> &nameByUuid)
{
    for (int row = int(m_typists.size()) - 1; row >= 0; --row) {
        Typist &typist = m_typists[row];
        const auto it = nameByUuid.constFind(typist.uuid);
        if (it == nameByUuid.constEnd()) {
            removeRow(row);
        } else if (typist.name != *it) {
            typist.name = *it;
            emit dataChanged(index(row), index(row), {NameRole});
            emit typingChanged();
        }
    }
}

void TypingModel::clear()
{
    if (m_typists.isEmpty())
        return;
    beginResetModel();
    m_typists.clear();
    endResetModel();
    updateSweep();
    emit typingChanged();
}

int TypingModel::expire(qint64 now)
{
    int removed = 0;
    for (int row = int(m_typists.size()) - 1; row >= 0; --row) {
        if (now - m_typists.at(row).since >= expiryMs) {
            removeRow(row);
            ++removed;
        }
    }
    return removed;
}

QStringList TypingModel::names() const
{
    QStringList names;
    for (const Typist &typist : m_typists)
        names.append(typist.name);
    return names;
}

void TypingModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_typists.removeAt(row);
    endRemoveRows();
    updateSweep();
    emit typingChanged();
}

void TypingModel::updateSweep()
{
    if (m_typists.isEmpty())
        m_sweep.stop();
    else if (!m_sweep.isActive())
        m_sweep.start();
}

} // namespace chat
