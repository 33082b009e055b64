#include "StrokePath.h"

#include <QPainter>

namespace chat {

QPainterPath StrokePath::smooth(const QVector<QPointF> &points)
{
    QPainterPath path;
    if (points.isEmpty())
        return path;
    path.moveTo(points.first());
    if (points.size() < 3) {
        for (qsizetype i = 1; i < points.size(); ++i)
            path.lineTo(points.at(i));
        return path;
    }
    // Quadratic curves through the midpoints, with the sampled points as control points: no corners
    // where the mouse reported its positions.
    for (qsizetype i = 1; i + 1 < points.size(); ++i) {
        const QPointF mid = (points.at(i) + points.at(i + 1)) / 2.0;
        path.quadTo(points.at(i), mid);
    }
    path.lineTo(points.last());
    return path;
}

void StrokePath::paint(QPainter &painter, const QVector<QPointF> &points, DrawingTool tool,
                       const QColor &color)
{
    if (points.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (tool == DrawingTool::Eraser)
        painter.setCompositionMode(QPainter::CompositionMode_Clear);
    QPen pen(tool == DrawingTool::Eraser ? QColor(Qt::black) : color, toolWidth(tool), Qt::SolidLine,
             Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    if (points.size() == 1)
        painter.drawPoint(points.first()); // a click leaves a dot, as on the web
    else
        painter.drawPath(smooth(points));
    painter.restore();
}

} // namespace chat
