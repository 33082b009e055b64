#include "StrokeLayerItem.h"

#include "CssColor.h"
#include "StrokeRasterizer.h"

#include <QPainter>

#include <algorithm>
#include <cstring>

namespace chat {

StrokeLayerItem::StrokeLayerItem(const QSizeF &boardSize, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_boardSize(boardSize)
    , m_committed((boardSize * m_scale).toSize(), QImage::Format_ARGB32_Premultiplied)
{
    m_committed.fill(Qt::transparent);
    m_display = m_committed;
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &StrokeLayerItem::drawSlice);
}

QRectF StrokeLayerItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_boardSize);
}

void StrokeLayerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(boundingRect(), m_display);
}

void StrokeLayerItem::reset(const QVector<Line> &lines)
{
    // A whole new drawing (entering, a reset for everyone, a reconnect) supersedes strokes still waiting for
    // their echo: shown, they would pretend to be on the server.
    m_pending.clear();
    rebuild(lines);
}

void StrokeLayerItem::rebuild(const QVector<Line> &lines)
{
    m_committed.fill(Qt::transparent);
    m_queue = lines;
    m_next = 0;
    if (lines.size() <= synchronousLimit) {
        drawSlice();
        return;
    }
    drawSlice();
    m_sliceTimer.start();
}

void StrokeLayerItem::drawSlice()
{
    // About two frames of work per pass; in between the window paints what is there and reacts to input.
    QElapsedTimer budget;
    budget.start();
    const bool all = m_queue.size() <= synchronousLimit;
    while (m_next < m_queue.size() && (all || budget.elapsed() < 30))
        paintLine(m_committed, m_queue.at(m_next++));
    if (m_next >= m_queue.size()) {
        m_queue.clear();
        m_next = 0;
        m_sliceTimer.stop();
        emit rebuilt();
    }
    compose();
}

void StrokeLayerItem::appendLine(const Line &line)
{
    removePending(line.uuid); // our own echo: the pending copy is no longer needed
    if (isRebuilding()) {
        m_queue.append(line); // keeps the order: it goes on top of the lines still being drawn
        return;
    }
    paintLine(m_committed, line);
    compose();
}

void StrokeLayerItem::addPending(const Line &line)
{
    m_pending.append(line);
    compose();
}

void StrokeLayerItem::removePending(const QString &uuid)
{
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                   [&](const Line &line) { return line.uuid == uuid; }),
                    m_pending.end());
    compose();
}

void StrokeLayerItem::setLiveStroke(const QVector<QPointF> &points, DrawingTool tool, const QColor &color)
{
    m_livePoints = points;
    m_liveTool = tool;
    m_liveColor = color;
    compose();
}

void StrokeLayerItem::clearLiveStroke()
{
    m_livePoints.clear();
    compose();
}

bool StrokeLayerItem::hasEraserPreview(const QString &uuid) const
{
    return indexOfEraser(uuid) >= 0;
}

qsizetype StrokeLayerItem::indexOfEraser(const QString &uuid) const
{
    const auto it = std::find_if(m_erasers.cbegin(), m_erasers.cend(),
                                 [&](const EraserPreview &eraser) { return eraser.uuid == uuid; });
    return it == m_erasers.cend() ? -1 : qsizetype(it - m_erasers.cbegin());
}

void StrokeLayerItem::setEraserPreview(const QString &uuid, const QVector<QPointF> &points)
{
    const qsizetype index = indexOfEraser(uuid);
    if (index < 0) {
        m_erasers.append({uuid, points});
        compose(strokeArea(points, 0, DrawingTool::Eraser));
        return;
    }
    EraserPreview &eraser = m_erasers[index];
    if (eraser.points == points)
        return;
    // The points both versions share draw the same path up to two points before they part (the smoothing
    // curves through midpoints): only the rest changed.
    qsizetype same = 0;
    while (same < points.size() && same < eraser.points.size() && points.at(same) == eraser.points.at(same))
        ++same;
    const qsizetype from = std::max<qsizetype>(0, same - 2);
    const QRect dirty =
        strokeArea(eraser.points, from, DrawingTool::Eraser) | strokeArea(points, from, DrawingTool::Eraser);
    eraser.points = points;
    compose(dirty);
}

void StrokeLayerItem::removeEraserPreview(const QString &uuid)
{
    const qsizetype index = indexOfEraser(uuid);
    if (index < 0)
        return;
    const QRect dirty = strokeArea(m_erasers.at(index).points, 0, DrawingTool::Eraser);
    m_erasers.remove(index);
    compose(dirty);
}

QRect StrokeLayerItem::strokeArea(const QVector<QPointF> &points, qsizetype from, DrawingTool tool) const
{
    // The smoothed path from points[from] on lies within their bounding box (its curves stay inside their
    // control points); StrokeRasterizer leaves out path points closer than a fifth of the radius, so a
    // segment may start that far before it; plus the radius and antialiasing.
    if (from >= points.size())
        return {};
    qreal left = points.at(from).x(), right = left, top = points.at(from).y(), bottom = top;
    for (qsizetype i = from + 1; i < points.size(); ++i) {
        left = std::min(left, points.at(i).x());
        right = std::max(right, points.at(i).x());
        top = std::min(top, points.at(i).y());
        bottom = std::max(bottom, points.at(i).y());
    }
    const qreal margin = toolWidth(tool) * 0.6 * m_scale + 3;
    return QRectF(QPointF(left, top) * m_scale, QPointF(right, bottom) * m_scale)
               .adjusted(-margin, -margin, margin, margin)
               .toAlignedRect()
        & m_committed.rect();
}

void StrokeLayerItem::paintLine(QImage &image, const Line &line) const
{
    StrokeRasterizer::paint(image, line.pointList(), toolFromName(line.tool), CssColor::parse(line.color),
                            m_scale);
}

void StrokeLayerItem::compose(const QRect &dirty)
{
    if (m_pending.isEmpty() && m_livePoints.isEmpty() && m_erasers.isEmpty()) {
        m_display = m_committed; // shared, no copy
        update();
        return;
    }
    const bool partial = !dirty.isNull() && m_display.size() == m_committed.size()
        && m_display.constBits() != m_committed.constBits();
    const QRect area = partial ? dirty & m_committed.rect() : m_committed.rect();
    if (area.isEmpty())
        return;
    if (partial) {
        // What is shown outside the area is right already: only the area is composed again.
        const qsizetype bytes = qsizetype(area.width()) * 4;
        for (int y = area.top(); y <= area.bottom(); ++y)
            std::memcpy(m_display.scanLine(y) + qsizetype(area.left()) * 4,
                        m_committed.constScanLine(y) + qsizetype(area.left()) * 4, size_t(bytes));
    } else {
        m_display = m_committed.copy();
    }
    const QRect clip = partial ? area : QRect();
    for (const Line &line : std::as_const(m_pending))
        StrokeRasterizer::paint(m_display, line.pointList(), toolFromName(line.tool),
                                CssColor::parse(line.color), m_scale, clip);
    for (const EraserPreview &eraser : std::as_const(m_erasers))
        StrokeRasterizer::paint(m_display, eraser.points, DrawingTool::Eraser, Qt::black, m_scale, clip);
    StrokeRasterizer::paint(m_display, m_livePoints, m_liveTool, m_liveColor, m_scale, clip);
    if (partial)
        update(
            QRectF(QPointF(area.topLeft()) / m_scale, QSizeF(area.size()) / m_scale).adjusted(-1, -1, 1, 1));
    else
        update();
}

} // namespace chat
