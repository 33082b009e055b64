#include "EventLogModel.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>

namespace chat {

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

void EventLogModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1),
                         {Qt::DisplayRole, Qt::AccessibleTextRole, OriginRole});
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return rowText(index.row());
    case TimeRole:
        return timeText(entry);
    case OriginRole:
        return originText(entry.origin);
    case TypeRole:
        return entry.type;
    case NameRole:
        return entry.name;
    case JsonRole:
        return QString::fromUtf8(entry.json);
    case PrettyJsonRole: {
        const QJsonDocument document = QJsonDocument::fromJson(entry.json);
        return document.isNull() ? QString::fromUtf8(entry.json)
                                 : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    }
    default:
        return {};
    }
}

void EventLogModel::append(Origin origin, const QString &type, const QString &name, const QByteArray &json)
{
    const int end = int(m_entries.size());
    beginInsertRows({}, end, end);
    m_entries.append({QDateTime::currentMSecsSinceEpoch(), origin, type, name, json});
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString EventLogModel::rowText(int row) const
{
    const Entry &entry = m_entries.at(row);
    QString text = timeText(entry) + QLatin1Char(' ') + originText(entry.origin) + QLatin1Char(' ')
        + entry.type + QLatin1Char(' ') + entry.name;
    if (!entry.json.isEmpty())
        text += QLatin1Char(' ') + QString::fromUtf8(entry.json);
    return text;
}

bool EventLogModel::writeText(QIODevice *device) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (device->write(rowText(row).toUtf8() + '\n') < 0)
            return false;
    }
    return true;
}

QString EventLogModel::originText(Origin origin) const
{
    switch (origin) {
    case Origin::Sent:
        return tr("sent");
    case Origin::Received:
        return tr("received");
    case Origin::Local:
        return tr("local");
    }
    return {};
}

QString EventLogModel::timeText(const Entry &entry) const
{
    return QDateTime::fromMSecsSinceEpoch(entry.msecsSinceEpoch).toString(QStringLiteral("HH:mm:ss.zzz"));
}

} // namespace chat
