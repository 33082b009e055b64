#pragma once

#include "DrawingTool.h"
#include "model/Line.h"

#include <QGraphicsScene>

namespace chat {

class DrawingModel;
class StrokeLayerItem;

// The 640×480 board: a translucent rounded background and the stroke layer, kept in step with the
// DrawingModel (server lines) plus our own strokes still on their way to the server.
class BoardScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr qreal boardWidth = 640;
    static constexpr qreal boardHeight = 480;

    explicit BoardScene(DrawingModel *model, QObject *parent = nullptr);

    StrokeLayerItem *layer() const { return m_layer; }
    QImage exportImage() const; // the strokes over white, board size

private:
    void rebuild();

    DrawingModel *m_model;
    StrokeLayerItem *m_layer;
};

} // namespace chat
