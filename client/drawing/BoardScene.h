#pragma once

#include "DrawingTool.h"
#include "model/Line.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

namespace chat {

class DrawingModel;
class LivePreviewItem;
class LivePreviewModel;
class StrokeLayerItem;

// The 640×480 board: a translucent rounded background and the stroke layer, kept in step with the
// DrawingModel (server lines) plus our own strokes still on their way to the server, and above them one item
// per growing pen stroke of another member (LivePreviewModel), updated one item at a time. Another member's
// growing eraser stroke clears the layer itself, as its final line will (StrokeLayerItem::setEraserPreview).
class BoardScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr qreal boardWidth = 640;
    static constexpr qreal boardHeight = 480;

    explicit BoardScene(DrawingModel *model, QObject *parent = nullptr);

    StrokeLayerItem *layer() const { return m_layer; }
    QImage exportImage() const; // the strokes over white, board size

    // Shows these previews (socketchat.v1 live strokes); the model outlives the scene or is unset first.
    void setPreviews(LivePreviewModel *previews);
    LivePreviewItem *previewItem(const QString &lineUuid) const { return m_previewItems.value(lineUuid); }
    int previewItemCount() const { return int(m_previewItems.size()); }
    // Others' growing strokes shown: pen previews as items, eraser previews in the layer.
    int previewCount() const { return int(m_previewItems.size() + m_erasers.size()); }

private:
    void rebuild();
    void syncPreviews(); // every row: after a reset or a removal
    void showPreview(int row); // one row: added or grown

    DrawingModel *m_model;
    StrokeLayerItem *m_layer;
    LivePreviewModel *m_previews = nullptr;
    QHash<QString, LivePreviewItem *> m_previewItems; // pen previews, by line uuid
    QSet<QString> m_erasers; // eraser previews, drawn in the layer
};

} // namespace chat
