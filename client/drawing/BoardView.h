#pragma once

#include "DrawingTool.h"

#include <QColor>
#include <QGraphicsView>

namespace chat {

class BoardScene;

// Shows the board scaled to the widget with its aspect kept, and turns mouse drags into strokes in board
// coordinates. The stroke shows while it is drawn; strokeFinished() hands it over on release.
class BoardView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit BoardView(BoardScene *scene, QWidget *parent = nullptr);

    void setTool(DrawingTool tool) { m_tool = tool; }
    DrawingTool tool() const { return m_tool; }
    void setColor(const QColor &color) { m_color = color; }
    QColor color() const { return m_color; }

    QSize sizeHint() const override { return {640, 480}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width * 3 / 4; }

signals:
    // The pen went down; the stroke grew (all its points so far); it was lifted.
    void strokeStarted(chat::DrawingTool tool, const QColor &color);
    void strokeExtended(const QVector<QPointF> &points);
    void strokeFinished(const QVector<QPointF> &points, chat::DrawingTool tool, const QColor &color);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void retranslate();
    QPointF boardPoint(const QPoint &viewPos) const;
    void showLive();

    BoardScene *m_board;
    DrawingTool m_tool = DrawingTool::Pen;
    QColor m_color = QColor(0, 0, 0, 0xcc); // the web client's default "#000000cc"
    QVector<QPointF> m_points;
    bool m_drawing = false;
};

} // namespace chat
