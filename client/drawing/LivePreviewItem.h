#pragma once

#include "DrawingTool.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QVector>

namespace chat {

// Another member's stroke while it grows (a LivePreviewModel row), drawn above the stroke layer like the
// stroke being drawn locally: StrokePath's smoothed round line. It is its own item so that an update repaints
// only its area and never the layer. BoardScene uses it for pens; an eraser preview must clear the layer
// beneath it, so BoardScene draws it into the layer instead (StrokeLayerItem::setEraserPreview).
class LivePreviewItem : public QGraphicsItem
{
public:
    explicit LivePreviewItem(QGraphicsItem *parent = nullptr);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setStroke(const QVector<QPointF> &points, DrawingTool tool, const QColor &color);

    const QVector<QPointF> &points() const { return m_points; }
    DrawingTool tool() const { return m_tool; }
    QColor color() const { return m_color; }

private:
    QVector<QPointF> m_points;
    DrawingTool m_tool = DrawingTool::Pen;
    QColor m_color;
    QPainterPath m_path;
    QRectF m_bounds;
};

} // namespace chat
