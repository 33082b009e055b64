#include "LivePreviewItem.h"

#include "StrokePath.h"

#include <QPainter>

namespace chat {

LivePreviewItem::LivePreviewItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{ }

QRectF LivePreviewItem::boundingRect() const
{
    return m_bounds;
}

void LivePreviewItem::setStroke(const QVector<QPointF> &points, DrawingTool tool, const QColor &color)
{
    prepareGeometryChange();
    m_points = points;
    m_tool = tool;
    m_color = color;
    m_path = StrokePath::smooth(points);
    const qreal margin = toolWidth(tool) / 2 + 2;
    m_bounds = points.isEmpty()
        ? QRectF()
        : (points.size() == 1 ? QRectF(points.first(), QSizeF(0, 0)) : m_path.boundingRect())
              .adjusted(-margin, -margin, margin, margin);
    update();
}

void LivePreviewItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_points.isEmpty())
        return;
    if (m_tool == DrawingTool::Pen) {
        StrokePath::paint(*painter, m_points, m_tool, m_color);
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(
        QPen(QColor(255, 255, 255, 0xcc), toolWidth(m_tool), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    if (m_points.size() == 1)
        painter->drawPoint(m_points.first());
    else
        painter->drawPath(m_path);
    painter->restore();
}

} // namespace chat
