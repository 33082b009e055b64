#include "StrokeLayerItem.h"

#include "CssColor.h"
#include "StrokeRasterizer.h"

#include <QPainter>

#include <algorithm>

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

void StrokeLayerItem::paintLine(QImage &image, const Line &line) const
{
    StrokeRasterizer::paint(image, line.pointList(), toolFromName(line.tool), CssColor::parse(line.color),
                            m_scale);
}

void StrokeLayerItem::compose()
{
    if (m_pending.isEmpty() && m_livePoints.isEmpty()) {
        m_display = m_committed; // shared, no copy
    } else {
        m_display = m_committed.copy();
        for (const Line &line : std::as_const(m_pending))
            paintLine(m_display, line);
        StrokeRasterizer::paint(m_display, m_livePoints, m_liveTool, m_liveColor, m_scale);
    }
    update();
}

} // namespace chat
