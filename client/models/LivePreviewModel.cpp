#include "LivePreviewModel.h"

#include <QPolygonF>

namespace chat {

QVector<QPointF> LivePreviewModel::Preview::pointList() const
{
    QVector<QPointF> points;
    points.reserve(numbers.size() / 2);
    for (qsizetype i = 0; i + 1 < numbers.size(); i += 2)
        points.append(QPointF(numbers.at(i), numbers.at(i + 1)));
    return points;
}

LivePreviewModel::LivePreviewModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_elapsed.start();
    m_clock = [this] { return m_elapsed.elapsed(); };
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, [this] { expire(now()); });
}

int LivePreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_previews.size());
}

QVariant LivePreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_previews.size())
        return {};
    const Preview &preview = m_previews.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UuidRole:
        return preview.uuid;
    case AuthorRole:
        return preview.author;
    case ColorRole:
        return preview.color;
    case ToolRole:
        return preview.tool;
    case PointsRole:
        return QVariant::fromValue(QPolygonF(preview.pointList()));
    case EndedRole:
        return preview.ended;
    default:
        return {};
    }
}

QHash<int, QByteArray> LivePreviewModel::roleNames() const
{
    return {{UuidRole, "uuid"}, {AuthorRole, "author"}, {ColorRole, "color"},
            {ToolRole, "tool"}, {PointsRole, "points"}, {EndedRole, "ended"}};
}

int LivePreviewModel::rowOf(const QString &uuid) const
{
    for (int row = 0; row < m_previews.size(); ++row) {
        if (m_previews.at(row).uuid == uuid)
            return row;
    }
    return -1;
}

void LivePreviewModel::update(const QString &uuid, const QString &author, qsizetype from,
                              const QVector<double> &numbers, const QString &tool, const QString &color,
                              bool end)
{
    if (uuid.isEmpty() || from < 0 || from + numbers.size() > maxNumbers)
        return;
    int row = rowOf(uuid);
    if (row < 0) {
        if (end && numbers.isEmpty())
            return; // the end of a stroke we never saw grow: nothing to show
        Preview preview;
        preview.uuid = uuid;
        preview.author = author;
        preview.tool = tool;
        preview.color = color;
        preview.numbers = numbers;
        preview.ended = end;
        preview.updated = now();
        row = int(m_previews.size());
        beginInsertRows({}, row, row);
        m_previews.append(preview);
        endInsertRows();
        updateSweep();
        return;
    }
    Preview &preview = m_previews[row];
    if (preview.ended || preview.author != author)
        return; // the stroke grows no more (or someone else claims its uuid)
    qsizetype changedFrom = preview.numbers.size();
    if (from < preview.numbers.size()) {
        preview.numbers.resize(from); // a re-send: what follows `from` is replaced
        changedFrom = from;
    }
    preview.numbers += numbers;
    preview.tool = tool;
    preview.color = color;
    preview.ended = end;
    preview.updated = now();
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {PointsRole, ToolRole, ColorRole, EndedRole});
    emit previewGrew(row, changedFrom);
}

void LivePreviewModel::remove(const QString &uuid)
{
    if (const int row = rowOf(uuid); row >= 0)
        removeRow(row);
}

void LivePreviewModel::retainAuthors(const QSet<QString> &authors)
{
    for (int row = int(m_previews.size()) - 1; row >= 0; --row) {
        if (!authors.contains(m_previews.at(row).author))
            removeRow(row);
    }
}

void LivePreviewModel::clear()
{
    if (m_previews.isEmpty())
        return;
    beginResetModel();
    m_previews.clear();
    endResetModel();
    updateSweep();
}

int LivePreviewModel::expire(qint64 now)
{
    int removed = 0;
    for (int row = int(m_previews.size()) - 1; row >= 0; --row) {
        const Preview &preview = m_previews.at(row);
        const qint64 age = now - preview.updated;
        if ((preview.ended && age >= endGraceMs) || age >= idleTimeoutMs) {
            removeRow(row);
            ++removed;
        }
    }
    return removed;
}

void LivePreviewModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_previews.removeAt(row);
    endRemoveRows();
    updateSweep();
}

void LivePreviewModel::updateSweep()
{
    if (m_previews.isEmpty())
        m_sweep.stop();
    else if (!m_sweep.isActive())
        m_sweep.start();
}

} // namespace chat
