#include "BoardView.h"

#include "BoardScene.h"
#include "StrokeLayerItem.h"
#include "widgets/Accessibility.h"

#include <QEvent>
#include <QMouseEvent>
#include <QtMath>

namespace chat {

BoardView::BoardView(BoardScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_board(scene)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    setBackgroundBrush(Qt::NoBrush);
    setStyleSheet(QStringLiteral("background: transparent"));
    setCursor(Qt::CrossCursor);
    setMinimumSize(160, 120);
    // Top and left, in line with the tool column, as the original; the spare room goes below and right.
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // The viewport takes the focus and the strokes: a canvas with a name, not an unnamed filler.
    Accessibility::setRole(viewport(), QAccessible::Canvas);
    retranslate();
}

void BoardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGraphicsView::changeEvent(event);
}

void BoardView::retranslate()
{
    setAccessibleName(tr("Drawing board"));
    viewport()->setAccessibleName(tr("Drawing area"));
    viewport()->setAccessibleDescription(tr("Draw with the mouse or a pen; the tools are beside it"));
}

void BoardView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fitInView(sceneRect(), Qt::KeepAspectRatio);
}

void BoardView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    fitInView(sceneRect(), Qt::KeepAspectRatio);
}

QPointF BoardView::boardPoint(const QPoint &viewPos) const
{
    const QPointF point = mapToScene(viewPos);
    const QRectF board = sceneRect();
    // One decimal is finer than a screen pixel and keeps statements short.
    const qreal x = qRound(qBound(board.left(), point.x(), board.right()) * 10) / 10.0;
    const qreal y = qRound(qBound(board.top(), point.y(), board.bottom()) * 10) / 10.0;
    return {x, y};
}

void BoardView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QGraphicsView::mousePressEvent(event);
    m_drawing = true;
    m_points = {boardPoint(event->position().toPoint())};
    showLive();
    emit strokeStarted(m_tool, m_color);
    emit strokeExtended(m_points);
}

void BoardView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_drawing)
        return QGraphicsView::mouseMoveEvent(event);
    const QPointF point = boardPoint(event->position().toPoint());
    if (point == m_points.last())
        return;
    m_points.append(point);
    showLive();
    emit strokeExtended(m_points);
}

void BoardView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_drawing || event->button() != Qt::LeftButton)
        return QGraphicsView::mouseReleaseEvent(event);
    m_drawing = false;
    const QVector<QPointF> points = std::exchange(m_points, {});
    m_board->layer()->clearLiveStroke();
    emit strokeFinished(points, m_tool, m_color);
}

void BoardView::showLive()
{
    m_board->layer()->setLiveStroke(m_points, m_tool, m_color);
}

} // namespace chat
