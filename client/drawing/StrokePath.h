#pragma once

#include "DrawingTool.h"

#include <QColor>
#include <QPainterPath>
#include <QPointF>
#include <QVector>

class QPainter;

namespace chat {

// How one line looks: a smoothed path through its points, round caps and joins; the eraser clears pixels.
class StrokePath
{
public:
    static QPainterPath smooth(const QVector<QPointF> &points);
    static void paint(QPainter &painter, const QVector<QPointF> &points, DrawingTool tool,
                      const QColor &color);
};

} // namespace chat
