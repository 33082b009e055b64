// The drawing board offscreen: a stroke drawn with the mouse is sent once with the right points, the board
// keeps its aspect, others' strokes appear, and the eraser really erases.
#include "GuiFixture.h"
#include "drawing/BoardScene.h"
#include "drawing/BoardView.h"
#include "drawing/StrokeLayerItem.h"
#include "widgets/DrawingPanel.h"
#include "widgets/RoomPage.h"

#include <QJsonArray>
#include <QMouseEvent>

using namespace chat;

class TestDrawing : public QObject
{
    Q_OBJECT

private:
private slots:
    void strokeDrawnWithTheMouseSendsTheRightPoints()
    {
        GuiFixture f;
        f.enterRoom();
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        BoardView *view = f.window->roomPage()->drawing()->view();
        const QVector<QPointF> board {{100, 100}, {200, 150}, {300, 200}, {320, 400}};
        QVector<QPoint> screen;
        for (const QPointF &point : board)
            screen.append(view->mapFromScene(point));
        QWidget *viewport = view->viewport();
        sendMouse(viewport, QEvent::MouseButtonPress, screen.first(), Qt::LeftButton);
        for (int i = 1; i < screen.size(); ++i)
            sendMouse(viewport, QEvent::MouseMove, screen.at(i), Qt::LeftButton);
        QVERIFY(f.sent.isEmpty()); // sent on release, not while drawing
        sendMouse(viewport, QEvent::MouseButtonRelease, screen.last(), Qt::NoButton);
        QCOMPARE(f.sent.size(), 1);
        const QJsonObject payload = f.lastPayload();
        QCOMPARE(payload.value(QStringLiteral("message")).toString(), QStringLiteral("change_draw_line"));
        QCOMPARE(payload.value(QStringLiteral("tool")).toString(), QStringLiteral("pen"));
        QCOMPARE(payload.value(QStringLiteral("color")).toString(), QStringLiteral("#000000cc"));
        const QJsonArray points = payload.value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), board.size() * 2);
        const double unit = 640.0 / viewport->width() + 0.2; // one screen pixel in board units
        for (int i = 0; i < board.size(); ++i) {
            QVERIFY(qAbs(points.at(2 * i).toDouble() - board.at(i).x()) <= unit);
            QVERIFY(qAbs(points.at(2 * i + 1).toDouble() - board.at(i).y()) <= unit);
        }
        QVERIFY(payload.value(QStringLiteral("uuid")).toString().size() == 36);

        // A second stroke gets a new uuid.
        sendMouse(viewport, QEvent::MouseButtonPress, screen.at(1), Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseButtonRelease, screen.at(1), Qt::NoButton);
        QCOMPARE(f.sent.size(), 2);
        QVERIFY(f.lastPayload().value(QStringLiteral("uuid")) != payload.value(QStringLiteral("uuid")));
    }

    void ownStrokeShowsUntilItsEchoAndANewDrawingDropsIt()
    {
        GuiFixture f;
        f.enterRoom();
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        BoardView *view = f.window->roomPage()->drawing()->view();
        StrokeLayerItem *layer = f.window->roomPage()->drawing()->scene()->layer();
        const QPoint onStroke = (QPointF(300, 240) * layer->resolution()).toPoint();
        QWidget *viewport = view->viewport();
        sendMouse(viewport, QEvent::MouseButtonPress, view->mapFromScene(QPointF(200, 240)), Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, view->mapFromScene(QPointF(300, 240)), Qt::LeftButton);
        QVERIFY(layer->image().pixelColor(onStroke).alpha() > 100); // visible while drawing
        sendMouse(viewport, QEvent::MouseMove, view->mapFromScene(QPointF(400, 240)), Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseButtonRelease, view->mapFromScene(QPointF(400, 240)), Qt::NoButton);
        QVERIFY(layer->image().pixelColor(onStroke).alpha() > 100); // still visible, waiting for the echo
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'drawing_got', 'object': {'uuid': 'd1', "
                        "'name': 'drawing-d1', 'lines': []}}}"));
        QCOMPARE(layer->image().pixelColor(onStroke).alpha(), 0);
    }

    void boardKeepsItsAspect()
    {
        GuiFixture f;
        f.enterRoom();
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        BoardView *view = f.window->roomPage()->drawing()->view();
        const QRectF shown = view->mapFromScene(view->sceneRect()).boundingRect();
        QVERIFY(qAbs(shown.width() / shown.height() - 4.0 / 3.0) < 0.02);
        QVERIFY(shown.width() <= view->viewport()->width() + 1);
    }

    // The board sits at the top, in line with its tool column, and at the left, as in the original; not
    // centred with a gap above it (issue 12). Window shapes where the board is limited by width and by
    // height.
    void boardIsTopAligned()
    {
        GuiFixture f;
        f.enterRoom();
        f.window->roomPage()->showTab(RoomPage::Drawing);
        BoardView *view = f.window->roomPage()->drawing()->view();
        for (const QSize size : {QSize(1280, 800), QSize(1280, 1000), QSize(1600, 700)}) {
            f.window->resize(size);
            QTRY_COMPARE(f.window->size(), size);
            QTRY_VERIFY(view->isVisible());
            const QRectF shown = view->mapFromScene(view->sceneRect()).boundingRect();
            QVERIFY2(shown.top() <= 1,
                     qPrintable(QStringLiteral("%1x%2: the board starts %3 px down")
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(shown.top())));
            QVERIFY2(shown.left() <= 1,
                     qPrintable(QStringLiteral("%1x%2: the board starts %3 px right")
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(shown.left())));
        }
    }

    void eraserReallyErases()
    {
        GuiFixture f;
        f.enterRoom();
        f.feed(jsonText(
            "{'type': 'result', 'payload': {'message': 'draw_line_changed', 'object': {'uuid': 'l1', 'name': "
            "'line-x', 'points': [100, 100, 300, 100], 'tool': 'pen', 'color': '#e02d25'}}}"));
        StrokeLayerItem *layer = f.window->roomPage()->drawing()->scene()->layer();
        const auto at = [layer](double x, double y) { return QPointF(x, y) * layer->resolution(); };
        const QPoint onLine = at(200, 100).toPoint(); // the layer has its own resolution
        QVERIFY(layer->image().pixelColor(onLine).alpha() > 200);
        QCOMPARE(layer->image().pixelColor(onLine).red(), 0xe0);
        f.feed(jsonText(
            "{'type': 'result', 'payload': {'message': 'draw_line_changed', 'object': {'uuid': 'l2', 'name': "
            "'line-y', 'points': [200, 60, 200, 140], 'tool': 'eraser', 'color': '#000000'}}}"));
        QCOMPARE(layer->image().pixelColor(onLine).alpha(), 0); // transparent, not white
        QVERIFY(layer->image().pixelColor(at(120, 100).toPoint()).alpha() > 200);
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'drawing_got', 'object': {'uuid': 'd1', "
                        "'name': 'drawing-d1', 'lines': []}}}"));
        QCOMPARE(layer->image().pixelColor(at(120, 100).toPoint()).alpha(), 0);
    }
};

QTEST_MAIN(TestDrawing)
#include "tst_drawing.moc"
