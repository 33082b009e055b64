#pragma once

#include "DrawingTool.h"
#include "model/Line.h"

#include <QElapsedTimer>
#include <QGraphicsObject>
#include <QHash>
#include <QImage>
#include <QTimer>

namespace chat {

// The strokes of the board, rasterised into one transparent layer above the board's background. A raster
// layer lets the eraser really erase (CompositionMode_Clear) instead of painting white, and repainting costs
// one image blit however many strokes there are. Lines confirmed by the server are in the committed image;
// our own strokes waiting for their echo and the stroke being drawn are composed on top. A big drawing is
// rasterised in slices between events, so entering a room with thousands of strokes never freezes the window.
class StrokeLayerItem : public QGraphicsObject
{
    Q_OBJECT
public:
    explicit StrokeLayerItem(const QSizeF &boardSize, QGraphicsItem *parent = nullptr);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void reset(const QVector<Line> &lines); // a new drawing: pending strokes are dropped
    void rebuild(const QVector<Line> &lines); // the same drawing, one line changed
    void appendLine(const Line &line);

    void addPending(const Line &line);
    void removePending(const QString &uuid);
    void setLiveStroke(const QVector<QPointF> &points, DrawingTool tool, const QColor &color);
    void clearLiveStroke();

    // Another member's eraser while it grows (a live preview): it clears this layer exactly as its final
    // line will, but only in what is shown (a separate item above the layer could not clear it, and would
    // show something else than the board under it, whatever the theme). An update recomposes only the
    // part of the layer where the stroke changed.
    void setEraserPreview(const QString &uuid, const QVector<QPointF> &points);
    void removeEraserPreview(const QString &uuid);
    int eraserPreviewCount() const { return int(m_erasers.size()); }
    bool hasEraserPreview(const QString &uuid) const;

    QImage image() const { return m_display; } // what is shown, at layer resolution
    qreal resolution() const { return m_scale; } // layer pixels per board unit
    bool isRebuilding() const { return m_next < m_queue.size(); }

    static constexpr int synchronousLimit = 300; // drawings up to this many lines are drawn at once

signals:
    void rebuilt(); // a sliced rebuild has finished

private:
    void paintLine(QImage &image, const Line &line) const;
    void compose(const QRect &dirty = {}); // dirty (layer pixels): only that part changed
    QRect strokeArea(const QVector<QPointF> &points, qsizetype from, DrawingTool tool) const;
    void drawSlice();

    QSizeF m_boardSize;
    qreal m_scale =
        1.0; // layer pixels per board unit; more costs too much with 5000 wide antialiased strokes
    QImage m_committed;
    QImage m_display;
    QVector<Line> m_pending;
    QVector<QPointF> m_livePoints;
    DrawingTool m_liveTool = DrawingTool::Pen;
    QColor m_liveColor;
    struct EraserPreview
    {
        QString uuid;
        QVector<QPointF> points;
    };
    QVector<EraserPreview> m_erasers; // in the order they started
    qsizetype indexOfEraser(const QString &uuid) const; // -1: none
    QVector<Line> m_queue; // lines still to rasterise into m_committed, in order
    qsizetype m_next = 0;
    QTimer m_sliceTimer;
};

} // namespace chat
