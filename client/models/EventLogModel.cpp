#include "EventLogModel.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>

#include <algorithm>

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
                         {Qt::DisplayRole, Qt::AccessibleTextRole, OriginRole, NoteRole});
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
    case NoteRole:
        return noteText(entry);
    case SkippedRole:
        return entry.skipped;
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
    appendEntry({QDateTime::currentMSecsSinceEpoch(), origin, type, name, json});
}

void EventLogModel::appendInSeries(const QString &series, bool last, Origin origin, const QString &type,
                                   const QString &name, const QByteArray &json)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto open = m_series.find(series);
    int skipped = 0;
    if (open != m_series.end()) {
        if (!last && now - open->lastMs <= seriesIdleMs) {
            open->skipped += 1; // the middle of a series: counted, not logged
            open->lastMs = now;
            m_unlogged += 1;
            return;
        }
        skipped = open->skipped;
        m_series.erase(open);
    }
    if (!last) {
        if (m_series.size() >= maxOpenSeries)
            m_series.clear(); // ends that never came (an author who vanished): start counting afresh
        m_series.insert(series, {0, now});
    }
    appendEntry({now, origin, type, name, json, skipped});
}

void EventLogModel::appendEntry(Entry entry)
{
    const int end = int(m_entries.size());
    beginInsertRows({}, end, end);
    m_bytes += sizeOf(entry);
    m_entries.append(std::move(entry));
    endInsertRows();
    trim();
}

void EventLogModel::trim()
{
    // The oldest rows go; a hundredth of the rows at a time, so that views hear of it rarely. The newest row
    // stays whatever its size.
    int count = 0;
    if (m_entries.size() > m_maxRows)
        count = int(m_entries.size()) - m_maxRows + std::max(1, m_maxRows / 100) - 1;
    qint64 bytes = m_bytes;
    for (int row = 0; row < count; ++row)
        bytes -= sizeOf(m_entries.at(row));
    if (bytes > m_maxBytes) {
        const qint64 goal = m_maxBytes - m_maxBytes / 100;
        while (count < m_entries.size() - 1 && bytes > goal)
            bytes -= sizeOf(m_entries.at(count++));
    }
    count = std::min(count, int(m_entries.size()) - 1);
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_entries.remove(0, count);
    m_bytes = bytes;
    endRemoveRows();
}

void EventLogModel::setLimits(int maxRows, qint64 maxBytes)
{
    m_maxRows = std::max(1, maxRows);
    m_maxBytes = std::max<qint64>(1, maxBytes);
    trim();
}

qint64 EventLogModel::sizeOf(const Entry &entry)
{
    // The row itself and the text it owns (type and name are usually shared literals, counted anyway).
    return qint64(sizeof(Entry)) + entry.json.size() + 2 * (entry.type.size() + entry.name.size());
}

void EventLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_series.clear();
    m_bytes = 0;
    endResetModel();
}

QString EventLogModel::rowText(int row) const
{
    const Entry &entry = m_entries.at(row);
    QString text = timeText(entry) + QLatin1Char(' ') + originText(entry.origin) + QLatin1Char(' ')
        + entry.type + QLatin1Char(' ') + entry.name;
    if (entry.skipped > 0)
        text += QStringLiteral(" (") + noteText(entry) + QLatin1Char(')');
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

QString EventLogModel::noteText(const Entry &entry) const
{
    return entry.skipped > 0 ? tr("%n earlier update(s) not logged", "", entry.skipped) : QString();
}

QString EventLogModel::timeText(const Entry &entry) const
{
    return QDateTime::fromMSecsSinceEpoch(entry.msecsSinceEpoch).toString(QStringLiteral("HH:mm:ss.zzz"));
}

} // namespace chat
