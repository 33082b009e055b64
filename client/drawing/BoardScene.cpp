#include "BoardScene.h"

#include "CssColor.h"
#include "LivePreviewItem.h"
#include "StrokeLayerItem.h"
#include "models/DrawingModel.h"
#include "models/LivePreviewModel.h"

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

void BoardScene::setPreviews(LivePreviewModel *previews)
{
    if (m_previews)
        disconnect(m_previews, nullptr, this, nullptr);
    m_previews = previews;
    if (previews) {
        connect(previews, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        showPreview(row);
                });
        connect(previews, &LivePreviewModel::previewGrew, this,
                [this](int row, qsizetype) { showPreview(row); });
        connect(previews, &QAbstractItemModel::rowsRemoved, this, &BoardScene::syncPreviews);
        connect(previews, &QAbstractItemModel::modelReset, this, &BoardScene::syncPreviews);
        connect(previews, &QObject::destroyed, this, [this] { m_previews = nullptr; });
    }
    syncPreviews();
}

void BoardScene::syncPreviews()
{
    QHash<QString, LivePreviewItem *> keep;
    QSet<QString> uuids;
    const int rows = m_previews ? m_previews->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        const QString uuid = m_previews->at(row).uuid;
        uuids.insert(uuid);
        if (LivePreviewItem *item = m_previewItems.take(uuid))
            keep.insert(uuid, item);
    }
    qDeleteAll(m_previewItems); // removed from the scene as they go
    m_previewItems = keep;
    for (const QString &uuid : std::as_const(m_erasers)) {
        if (!uuids.contains(uuid))
            m_layer->removeEraserPreview(uuid);
    }
    m_erasers.intersect(uuids);
    for (int row = 0; row < rows; ++row) {
        const QString &uuid = m_previews->at(row).uuid;
        if (!m_previewItems.contains(uuid) && !m_erasers.contains(uuid))
            showPreview(row);
    }
}

void BoardScene::showPreview(int row)
{
    const LivePreviewModel::Preview &preview = m_previews->at(row);
    const DrawingTool tool = toolFromName(preview.tool);
    if (tool == DrawingTool::Eraser) {
        // An eraser clears the layer, so its preview is drawn into the layer (see setEraserPreview).
        delete m_previewItems.take(preview.uuid);
        m_erasers.insert(preview.uuid);
        m_layer->setEraserPreview(preview.uuid, preview.pointList());
        return;
    }
    if (m_erasers.remove(preview.uuid))
        m_layer->removeEraserPreview(preview.uuid);
    LivePreviewItem *&item = m_previewItems[preview.uuid];
    if (!item) {
        item = new LivePreviewItem;
        item->setZValue(2); // above the layer (and our own stroke in it), below nothing else
        addItem(item);
    }
    item->setStroke(preview.pointList(), tool, CssColor::parse(preview.color));
}

void BoardScene::rebuild()
{
    m_layer->rebuild(m_model->lines());
}

} // namespace chat
