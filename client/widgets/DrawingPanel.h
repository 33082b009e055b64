#pragma once

#include "drawing/DrawingTool.h"

#include <QWidget>

class QToolButton;

namespace chat {

class BoardScene;
class BoardView;
class LiveStrokeSender;
class ProtocolClient;

// The drawing tab: the board, and to its right the eraser, pen, clear and export buttons and the 18 colours.
// A finished stroke is shown at once and sent as one change_draw_line with a fresh uuid. With socketchat.v1
// the stroke also streams while it is drawn (LiveStrokeSender), and other members' growing strokes show on
// the board.
class DrawingPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DrawingPanel(ProtocolClient *client, QWidget *parent = nullptr);

    static const QStringList &colors();
    BoardView *view() const { return m_view; }
    BoardScene *scene() const { return m_scene; }
    LiveStrokeSender *liveSender() const { return m_live; }

    void clearForEveryone();
    void exportPng();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void sendStroke(QVector<QPointF> points, DrawingTool tool, const QColor &color);
    QWidget *makeTools();
    QToolButton *toolButton(const QString &icon);

    ProtocolClient *m_client;
    BoardScene *m_scene;
    BoardView *m_view;
    LiveStrokeSender *m_live;
    QToolButton *m_eraser = nullptr;
    QToolButton *m_pen = nullptr;
    QToolButton *m_clear = nullptr;
    QToolButton *m_save = nullptr;
    QList<QToolButton *> m_swatches;
};

} // namespace chat
