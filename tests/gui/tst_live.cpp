// Issue 15 in the window (offscreen): other members' strokes grow on the board as previews and go when their
// line arrives; our own stroke streams as draw_live; "is typing" shows under the messages with its accessible
// text, in English, German and Ukrainian; and the room cards show who is inside as avatars.
#include "GuiFixture.h"
#include "app/Translations.h"
#include "drawing/BoardScene.h"
#include "drawing/BoardView.h"
#include "drawing/LivePreviewItem.h"
#include "drawing/StrokeLayerItem.h"
#include "models/EventLogModel.h"
#include "models/LivePreviewModel.h"
#include "models/TypingModel.h"
#include "net/LiveStrokeSender.h"
#include "widgets/Avatar.h"
#include "widgets/DrawingPanel.h"
#include "widgets/EventLogPanel.h"
#include "widgets/HeaderWidget.h"
#include "widgets/LeftPanel.h"
#include "widgets/LobbyPage.h"
#include "widgets/MessageEdit.h"
#include "widgets/MessagesPanel.h"
#include "widgets/RoomCardDelegate.h"
#include "widgets/RoomListView.h"
#include "widgets/RoomPage.h"
#include "widgets/ThemeSlider.h"
#include "widgets/TypingLabel.h"

#include <QAccessible>
#include <QJsonArray>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>

using namespace chat;

class TestLive : public QObject
{
    Q_OBJECT

private:
    // Inside r1 with Alice, Bob, Carol and Dave, on a server that negotiated socketchat.v1.
    static void enterWithOthers(GuiFixture &f)
    {
        f.client.setExtendedForTesting(true);
        f.enterRoom();
        f.feed(jsonText(
            "{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': 'r1', "
            "'name': 'Kitchen', 'color': '#cf2e24', 'users': [{'uuid': 'me', 'name': 'user-me', "
            "'room_uuid': 'r1'}, {'uuid': 'alice', 'name': 'Alice', 'room_uuid': 'r1'}, {'uuid': "
            "'bob', 'name': 'Bob', 'room_uuid': 'r1'}, {'uuid': 'carol', 'name': 'Carol', "
            "'room_uuid': 'r1'}, {'uuid': 'dave', 'name': 'Dave', 'room_uuid': 'r1'}], 'sum': 3}}}"));
        f.sent.clear();
    }

    static void live(GuiFixture &f, const char *uuid, int from, const char *points, bool end = false)
    {
        f.feed(jsonText(
            (QByteArray("{'type': 'result', 'payload': {'message': 'live_line_changed', 'object': "
                        "{'uuid': '")
             + uuid + "', 'user': 'alice', 'from': " + QByteArray::number(from) + ", 'points': [" + points
             + "], 'tool': 'pen', 'color': '#0167ca', 'end': " + (end ? "true" : "false") + "}}}")
                .constData()));
    }

    static void typing(GuiFixture &f, const char *user, bool on)
    {
        f.feed(jsonText((QByteArray("{'type': 'result', 'payload': {'message': 'typing_changed', 'object': "
                                    "{'user': '")
                         + user + "', 'room_uuid': 'r1', 'typing': " + (on ? "true" : "false") + "}}}")
                            .constData()));
    }

    // The board as shown: background, layer and previews.
    static QImage render(BoardScene *scene)
    {
        QImage image(640, 480, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        scene->render(&painter, QRectF(0, 0, 640, 480), scene->sceneRect());
        return image;
    }

    static bool isBlue(const QColor &color)
    {
        return color.blue() > 150 && color.red() < 80; // #0167ca over white
    }

private slots:
    void init() { Translations::install(QStringLiteral("en")); }

    void previewsAppearGrowAndGiveWayToTheLine()
    {
        GuiFixture f;
        enterWithOthers(f);
        f.window->roomPage()->showTab(RoomPage::Drawing);
        BoardScene *scene = f.window->roomPage()->drawing()->scene();
        QCOMPARE(scene->previewItemCount(), 0);

        live(f, "l1", 0, "100, 240, 200, 240");
        LivePreviewItem *item = scene->previewItem(QStringLiteral("l1"));
        QVERIFY(item);
        QCOMPARE(item->points(), QVector<QPointF>({QPointF(100, 240), QPointF(200, 240)}));
        QCOMPARE(item->color(), QColor(0x01, 0x67, 0xca));
        QVERIFY(isBlue(render(scene).pixelColor(150, 240)));
        QVERIFY(!isBlue(render(scene).pixelColor(300, 240)));

        // It grows: the same item, more points, more pixels.
        live(f, "l1", 4, "300, 240, 400, 240");
        QCOMPARE(scene->previewItem(QStringLiteral("l1")), item);
        QCOMPARE(item->points().size(), 4);
        QVERIFY(isBlue(render(scene).pixelColor(350, 240)));
        QCOMPARE(scene->previewItemCount(), 1);

        // The line arrives: it is in the layer, the preview is gone, the pixels stay.
        f.feed(jsonText(
            "{'type': 'result', 'payload': {'message': 'draw_line_changed', 'object': {'uuid': 'l1', "
            "'name': 'line-1', 'points': [100, 240, 200, 240, 300, 240, 400, 240], 'tool': 'pen', "
            "'color': '#0167ca'}}}"));
        QCOMPARE(scene->previewItemCount(), 0);
        QVERIFY(!scene->previewItem(QStringLiteral("l1")));
        QVERIFY(isBlue(render(scene).pixelColor(350, 240)));
        QVERIFY(scene->layer()->image().pixelColor(350, 240).alpha() > 200);

        // A new drawing and an author who leaves take their previews away.
        live(f, "l2", 0, "100, 100, 200, 100");
        QCOMPARE(scene->previewItemCount(), 1);
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'drawing_got', 'object': {'uuid': 'd1', "
                        "'name': 'drawing-d1', 'lines': []}}}"));
        QCOMPARE(scene->previewItemCount(), 0);
        QVERIFY(!isBlue(render(scene).pixelColor(150, 100)));
        live(f, "l3", 0, "100, 100, 200, 100");
        QCOMPARE(scene->previewItemCount(), 1);
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': 'r1', "
                        "'name': 'Kitchen', 'color': '#cf2e24', 'users': [{'uuid': 'me', 'name': 'user-me', "
                        "'room_uuid': 'r1'}], 'sum': 3}}}"));
        QCOMPARE(scene->previewItemCount(), 0);
    }

    void endedPreviewExpiresFromTheBoard()
    {
        GuiFixture f;
        enterWithOthers(f);
        BoardScene *scene = f.window->roomPage()->drawing()->scene();
        qint64 now = 0;
        f.client.livePreviews()->setClock([&now] { return now; });
        live(f, "l1", 0, "100, 240, 200, 240");
        live(f, "l1", 4, "", true);
        QCOMPARE(scene->previewItemCount(), 1);
        now += LivePreviewModel::endGraceMs; // the sweep timer sees it is due
        QTRY_COMPARE_WITH_TIMEOUT(scene->previewItemCount(), 0, 10000);
    }

    void ownStrokeStreamsThenLineThenEnd()
    {
        GuiFixture f;
        enterWithOthers(f);
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        BoardView *view = f.window->roomPage()->drawing()->view();
        QWidget *viewport = view->viewport();
        sendMouse(viewport, QEvent::MouseButtonPress, view->mapFromScene(QPointF(100, 100)), Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, view->mapFromScene(QPointF(200, 150)), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!f.sent.isEmpty(), 10000); // within 30 ms of the timer
        const QJsonObject first = f.sent.first().value(QStringLiteral("payload")).toObject();
        QCOMPARE(first.value(QStringLiteral("message")).toString(), QStringLiteral("draw_live"));
        QCOMPARE(first.value(QStringLiteral("from")).toInt(), 0);
        QCOMPARE(first.value(QStringLiteral("points")).toArray().size(), 4);
        const QString uuid = first.value(QStringLiteral("uuid")).toString();
        sendMouse(viewport, QEvent::MouseMove, view->mapFromScene(QPointF(300, 200)), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(f.sent.size(), 2, 10000);
        QCOMPARE(f.lastPayload().value(QStringLiteral("from")).toInt(), 4);
        QCOMPARE(f.lastPayload().value(QStringLiteral("points")).toArray().size(), 2);
        sendMouse(viewport, QEvent::MouseButtonRelease, view->mapFromScene(QPointF(300, 200)), Qt::NoButton);
        QCOMPARE(f.sent.size(), 4);
        const QJsonObject line = f.sent.at(2).value(QStringLiteral("payload")).toObject();
        QCOMPARE(line.value(QStringLiteral("message")).toString(), QStringLiteral("change_draw_line"));
        QCOMPARE(line.value(QStringLiteral("uuid")).toString(), uuid);
        QCOMPARE(line.value(QStringLiteral("points")).toArray().size(), 6);
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("draw_live"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), uuid);
        QCOMPARE(f.lastPayload().value(QStringLiteral("end")), QJsonValue(true));
        // Nothing after the end: the stroke is over, and what the sender's 30 ms timer would do (flush), done
        // now, sends nothing (no time window).
        LiveStrokeSender *sender = f.window->roomPage()->drawing()->liveSender();
        QVERIFY(!sender->isActive());
        sender->flush();
        QCOMPARE(f.sent.size(), 4);
    }

    void typingLabelSaysWhoIsTyping()
    {
        GuiFixture f;
        enterWithOthers(f);
        TypingLabel *label = f.window->roomPage()->messages()->typingLabel();
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), QString());
        typing(f, "alice", true);
        QCOMPARE(label->text(), QStringLiteral("Alice is typing…"));
        QCOMPARE(QAccessible::queryAccessibleInterface(label)->text(QAccessible::Name),
                 QStringLiteral("Alice is typing…"));
        typing(f, "bob", true);
        QCOMPARE(label->text(), QStringLiteral("Alice and Bob are typing…"));
        typing(f, "carol", true);
        QCOMPARE(label->text(), QStringLiteral("Alice, Bob and 1 other are typing…"));
        typing(f, "dave", true);
        QCOMPARE(label->text(), QStringLiteral("Alice, Bob and 2 others are typing…"));
        QCOMPARE(QAccessible::queryAccessibleInterface(label)->text(QAccessible::Name),
                 QStringLiteral("Alice, Bob and 2 others are typing…"));

        Translations::install(QStringLiteral("de"));
        QTRY_COMPARE(label->text(), QStringLiteral("Alice, Bob und 2 weitere Personen schreiben …"));
        Translations::install(QStringLiteral("uk"));
        QTRY_COMPARE(label->text(), QStringLiteral("Alice, Bob та ще 2 людини друкують…"));
        Translations::install(QStringLiteral("en"));
        QTRY_COMPARE(label->text(), QStringLiteral("Alice, Bob and 2 others are typing…"));

        // Alice's message, Bob's false and Carol's expiry clear them.
        f.feed(
            jsonText("{'type': 'result', 'payload': {'message': 'message_created', 'object': {'uuid': 'm1', "
                     "'body': 'hi', 'user': {'uuid': 'alice', 'name': 'Alice', 'room_uuid': 'r1'}, "
                     "'room_uuid': 'r1', 'created': '2024-05-01T10:00:00'}}}"));
        typing(f, "bob", false);
        QCOMPARE(label->text(), QStringLiteral("Carol and Dave are typing…"));
        TypingModel *model = f.client.typing();
        QCOMPARE(model->expire(model->now() + TypingModel::expiryMs), 2);
        QCOMPARE(label->text(), QString());
        QCOMPARE(QAccessible::queryAccessibleInterface(label)->text(QAccessible::Name), QString());
    }

    void typingInTheComposerSendsSetTyping()
    {
        GuiFixture f;
        enterWithOthers(f);
        MessageEdit *edit = f.window->roomPage()->messages()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("hel"));
        QCOMPARE(f.sent.size(), 1); // one true for the first keystroke, not one per key
        QCOMPARE(f.lastPayload(),
                 QJsonObject({{QStringLiteral("message"), QStringLiteral("set_typing")},
                              {QStringLiteral("typing"), true}}));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(f.sent.size(), 3);
        QCOMPARE(f.sent.at(1)
                     .value(QStringLiteral("payload"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("create_message"));
        QCOMPARE(f.lastPayload(),
                 QJsonObject({{QStringLiteral("message"), QStringLiteral("set_typing")},
                              {QStringLiteral("typing"), false}}));
    }

    void roomCardsShowWhoIsInside()
    {
        GuiFixture f;
        f.feed(jsonText(
            "{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': [{'uuid': 'r1', 'name': "
            "'Kitchen', 'color': '#cf2e24', 'users': [{'uuid': 'alice', 'name': 'Alice', 'room_uuid': "
            "'r1'}, {'uuid': 'bob', 'name': 'Bob Stone', 'room_uuid': 'r1'}, {'uuid': 'carol', 'name': "
            "'Carol', 'room_uuid': 'r1'}, {'uuid': 'dave', 'name': 'Dave', 'room_uuid': 'r1'}, "
            "{'uuid': 'eve', 'name': 'Eve', 'room_uuid': 'r1'}, {'uuid': 'frank', 'name': 'Frank', "
            "'room_uuid': 'r1'}], 'sum': 3}, {'uuid': 'r2', 'name': 'Garden', 'color': '#5da247', "
            "'users': [{'uuid': 'gina', 'name': 'Gina', 'room_uuid': 'r2'}], 'sum': 0}]}}"));
        RoomListView *list = f.window->lobby()->roomList();
        auto *delegate = qobject_cast<RoomCardDelegate *>(list->itemDelegate());
        QVERIFY(delegate);
        const QModelIndex kitchen = list->model()->index(0, 0);
        QVERIFY(kitchen.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Inside: Alice, Bob Stone, Carol, Dave, Eve, Frank")));
        QVERIFY2(kitchen.data(Qt::AccessibleDescriptionRole)
                     .toString()
                     .endsWith(QStringLiteral(", inside: Alice, Bob Stone, Carol, Dave, Eve, Frank")),
                 qPrintable(kitchen.data(Qt::AccessibleDescriptionRole).toString()));
        QCOMPARE(Avatar::initials(QStringLiteral("Bob Stone")), QStringLiteral("BS"));
        QCOMPARE(Avatar::initials(QStringLiteral("alice")), QStringLiteral("A"));

        QTRY_VERIFY(list->isVisible() && list->viewport()->rect().contains(list->visualRect(kitchen)));
        QStyleOptionViewItem option;
        option.rect = list->visualRect(kitchen);
        option.font = list->font();
        const QRect area = delegate->presenceArea(option, kitchen);
        QCOMPARE(RoomCardDelegate::avatarsShown(6, area.width()), 4); // four, then "+2"
        const QImage shot = list->viewport()->grab().toImage();
        const auto avatarColourAt = [&](int i) {
            const QRect avatar = RoomCardDelegate::avatarRect(area, i);
            return shot.pixelColor(avatar.center().x() - 1, avatar.top() + 4); // above the initials
        };
        const auto near = [](const QColor &a, const QColor &b) {
            return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue()) < 30;
        };
        const QStringList uuids {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                 QStringLiteral("dave")};
        for (int i = 0; i < uuids.size(); ++i) {
            // Each is drawn over the one before it, so only the part right of the overlap is checked.
            const QRect avatar = RoomCardDelegate::avatarRect(area, i);
            const QColor shown = shot.pixelColor(avatar.center().x() + 3, avatar.top() + 4);
            QVERIFY2(near(shown, Avatar::color(uuids.at(i))),
                     qPrintable(QStringLiteral("avatar %1: %2, expected %3")
                                    .arg(i)
                                    .arg(shown.name(), Avatar::color(uuids.at(i)).name())));
        }
        // Eve (the fifth) has no avatar: "+2" is where it would be.
        QVERIFY(!near(avatarColourAt(4), Avatar::color(QStringLiteral("eve"))));
        // Distinct users get (almost always) distinct colours, readable with white initials.
        QVERIFY(Avatar::color(QStringLiteral("alice")) != Avatar::color(QStringLiteral("bob")));
        for (const QString &uuid : uuids) {
            const QColor c = Avatar::color(uuid);
            const auto linear = [](qreal v) {
                return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            const qreal luminance =
                0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
            QVERIFY((1.05) / (luminance + 0.05) >= 4.5);
        }
    }

    // Another member's eraser shows while it grows exactly as its final line will: it clears the strokes
    // under it down to the board (not a white stroke over them), in every theme. Compared on the window's
    // pixels (the board over the theme's gradient), preview against final line.
    void eraserPreviewLooksLikeItsFinalLine()
    {
        GuiFixture f;
        enterWithOthers(f);
        f.window->roomPage()->showTab(RoomPage::Drawing);
        BoardView *view = f.window->roomPage()->drawing()->view();
        BoardScene *scene = f.window->roomPage()->drawing()->scene();
        QTRY_VERIFY(view->isVisible());
        const auto shot = [&] {
            QCoreApplication::processEvents();
            QWidget *viewport = view->viewport();
            return f.window->grab(QRect(viewport->mapTo(f.window.get(), QPoint(0, 0)), viewport->size()))
                .toImage()
                .convertToFormat(QImage::Format_RGB32);
        };
        const QPoint onLine = view->mapFromScene(QPointF(250, 240)); // a red line, under the eraser's path
        for (int theme = 0; theme < 8; ++theme) {
            f.window->header()->themeSlider()->setValue(theme);
            QByteArray lines;
            for (int y = 160; y <= 320; y += 8)
                lines += QByteArray(lines.isEmpty() ? "" : ", ") + "{'uuid': 'p" + QByteArray::number(y)
                    + "', 'name': 'line-p', 'points': [100, " + QByteArray::number(y) + ", 400, "
                    + QByteArray::number(y) + "], 'tool': 'pen', 'color': '#e02d25'}";
            f.feed(
                jsonText(("{'type': 'result', 'payload': {'message': 'drawing_got', 'object': {'uuid': 'd1', "
                          "'name': 'drawing-d1', 'lines': ["
                          + lines + "]}}}")
                             .constData()));
            const QImage before = shot();
            QVERIFY(QColor(before.pixel(onLine)).red() > 150 && QColor(before.pixel(onLine)).green() < 120);

            const QByteArray uuid = "e" + QByteArray::number(theme);
            const QByteArray points = "150, 150, 250, 240, 300, 250, 350, 330";
            // It grows in two updates: the second recomposes only where the stroke changed.
            const auto preview = [&](int from, const char *part) {
                f.feed(jsonText((QByteArray("{'type': 'result', 'payload': {'message': 'live_line_changed', "
                                            "'object': {'uuid': '")
                                 + uuid + "', 'user': 'alice', 'from': " + QByteArray::number(from)
                                 + ", 'points': [" + part
                                 + "], 'tool': 'eraser', 'color': '#000000', 'end': false}}}")
                                    .constData()));
            };
            preview(0, "150, 150, 250, 240");
            preview(4, "300, 250, 350, 330");
            QCOMPARE(scene->previewCount(), 1);
            const QImage previewed = shot();
            QVERIFY2(previewed.pixel(onLine) != before.pixel(onLine), "the preview erased nothing");

            f.feed(jsonText(
                ("{'type': 'result', 'payload': {'message': 'draw_line_changed', 'object': {'uuid': '" + uuid
                 + "', 'name': 'line-e', 'points': [" + points + "], 'tool': 'eraser', 'color': '#000000'}}}")
                    .constData()));
            QCOMPARE(scene->previewCount(), 0);
            const QImage final = shot();
            QCOMPARE(final.size(), previewed.size());
            int differ = 0, worst = 0;
            for (int y = 0; y < final.height(); ++y) {
                for (int x = 0; x < final.width(); ++x) {
                    const QRgb a = previewed.pixel(x, y), b = final.pixel(x, y);
                    const int diff = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                               std::abs(qBlue(a) - qBlue(b))});
                    worst = std::max(worst, diff);
                    differ += diff > 0 ? 1 : 0;
                }
            }
            QVERIFY2(differ == 0,
                     qPrintable(
                         QStringLiteral("theme %1: %2 pixels differ between the preview and the line, by up "
                                        "to %3")
                             .arg(theme)
                             .arg(differ)
                             .arg(worst)));
        }
    }

    // The log drops its oldest rows when full: the rows the user reads stay where they are, and a log that
    // follows the bottom keeps following it.
    void logViewStaysStableWhenTheOldestRowsGo()
    {
        GuiFixture f;
        EventLogModel *log = f.client.log();
        log->setLimits(500, EventLogModel::defaultMaxBytes);
        QListView *view = f.window->leftPanel()->logPanel()->view();
        QTRY_VERIFY(view->isVisible());
        const auto add = [log](int count) {
            static int next = 0;
            for (int i = 0; i < count; ++i)
                log->append(EventLogModel::Origin::Received, QStringLiteral("result"),
                            QStringLiteral("entry %1").arg(next++), "{}");
        };
        add(500);
        QCoreApplication::processEvents();
        // Following the bottom: the newest row stays in view.
        add(120);
        QCoreApplication::processEvents(); // the view scrolls once per burst, from a zero timer
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(log->index(log->rowCount() - 1))));
        QVERIFY(log->rowCount() <= 500);

        // Reading older rows: scrolled up, the row at the top stays at the top while rows go.
        view->scrollTo(log->index(250), QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        const QModelIndex top = view->indexAt({1, 1});
        const QString reading = top.data(EventLogModel::NameRole).toString();
        const int y = view->visualRect(top).top();
        add(60);
        QVERIFY(log->index(0).data(EventLogModel::NameRole).toString() != QStringLiteral("entry 120"));
        QCoreApplication::processEvents();
        const QModelIndex after = view->indexAt({1, 1});
        QCOMPARE(after.data(EventLogModel::NameRole).toString(), reading);
        QCOMPARE(view->visualRect(after).top(), y);
        QVERIFY(!view->viewport()->rect().intersects(view->visualRect(log->index(log->rowCount() - 1))));
    }
};

QTEST_MAIN(TestLive)
#include "tst_live.moc"
