#include "BoardScene.h"

#include "StrokeLayerItem.h"
#include "models/DrawingModel.h"

#include <QGraphicsPathItem>
#include <QPainter>
#include <QPen>

namespace chat {

BoardScene::BoardScene(DrawingModel *model, QObject *parent)
    : QGraphicsScene(0, 0, boardWidth, boardHeight, parent)
    , m_model(model)
{
    QPainterPath outline;
    outline.addRoundedRect(sceneRect().adjusted(1.5, 1.5, -1.5, -1.5), 15, 15);
    auto *background = addPath(outline, QPen(QColor(255, 255, 255, 0xaa), 3), QColor(255, 255, 255, 0x55));
    background->setZValue(0);
    m_layer = new StrokeLayerItem(sceneRect().size());
    m_layer->setZValue(1);
    addItem(m_layer);
    connect(model, &DrawingModel::drawingReset, this, [this] { m_layer->reset(m_model->lines()); });
    connect(model, &DrawingModel::lineReplaced, this, &BoardScene::rebuild);
    connect(model, &DrawingModel::lineAppended, this,
            [this](int row) { m_layer->appendLine(m_model->lines().at(row)); });
    rebuild();
}

QImage BoardScene::exportImage() const
{
    QImage image(sceneRect().size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRectF(QPointF(0, 0), sceneRect().size()), m_layer->image());
    return image;
}

void BoardScene::rebuild()
{
    m_layer->rebuild(m_model->lines());
}

} // namespace chat
