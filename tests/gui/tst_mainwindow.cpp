// The main window offscreen: the theme slider repaints the gradient, search filters, Enter sends, cards enter
// rooms, a deleted room sends you back with a notice, and every control has an accessible name.
#include "GuiFixture.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/UserListModel.h"
#include "net/ServerAddress.h"
#include "widgets/ColorPalettePopup.h"
#include "widgets/DrawingPanel.h"
#include "widgets/GradientWidget.h"
#include "widgets/HeaderWidget.h"
#include "widgets/LeftPanel.h"
#include "widgets/LobbyPage.h"
#include "widgets/MessageDelegate.h"
#include "widgets/MessageEdit.h"
#include "widgets/MessageSelection.h"
#include "widgets/MessagesPanel.h"
#include "widgets/NoticeBar.h"
#include "widgets/RoomCardDelegate.h"
#include "widgets/RoomListView.h"
#include "widgets/RoomPage.h"
#include "widgets/SettingsDialog.h"
#include "widgets/Theme.h"
#include "widgets/ThemeSlider.h"
#include "widgets/UsersPanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTimer>
#include <QToolButton>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>

using namespace chat;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    // messages_listed of the messages "m<first>" to "m<last>" with these payload members.
    static QByteArray messagesListed(int first, int last, const char *members)
    {
        QByteArray list;
        for (int i = first; i <= last; ++i) {
            const QByteArray body =
                "message " + QByteArray::number(i) + (i % 3 == 0 ? "\\nwith a second line" : "");
            list += (i == first ? "" : ",") + QByteArray("{'uuid': 'm") + QByteArray::number(i)
                + "', 'body': '" + body
                + "', 'user': {'uuid': 'other', 'name': 'Bob', 'room_uuid': 'r1'}, 'room_uuid': 'r1', "
                  "'created': '2024-05-01T10:00:00.5'}";
        }
        const QByteArray json = "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': ["
            + list + "], " + members + "}}";
        return jsonText(json.constData());
    }

    static QColor topLeftColor(GradientWidget *background)
    {
        return background->grab().toImage().pixelColor(1, 1);
    }

    static int distance(const QColor &a, const QColor &b)
    {
        return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue());
    }

private slots:
    void themeSliderChangesTheGradient()
    {
        GuiFixture f;
        ThemeSlider *slider = f.window->header()->themeSlider();
        GradientWidget *background = f.window->background();
        slider->setValue(0);
        QVERIFY(distance(topLeftColor(background), Theme::at(0).from) < 12);
        // A click at the right end of the track picks the last theme.
        QTest::mouseClick(slider, Qt::LeftButton, {}, QPoint(slider->width() - 3, slider->height() / 2));
        QCOMPARE(slider->value(), Theme::count() - 1);
        QCOMPARE(background->themeIndex(), Theme::count() - 1);
        QVERIFY(distance(topLeftColor(background), Theme::at(Theme::count() - 1).from) < 12);
        // The keyboard works too, and the choice is remembered.
        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_Left);
        QCOMPARE(background->themeIndex(), Theme::count() - 2);
        QCOMPARE(f.settings.themeIndex(), Theme::count() - 2);
        slider->setValue(0);
    }

    // As the original: the slider's track is a light pastel rainbow (the themes' light colours) and the gear
    // is dark, in every theme (issue 12).
    void themeSliderIsPastelAndTheGearDark()
    {
        GuiFixture f;
        ThemeSlider *slider = f.window->header()->themeSlider();
        for (int theme = 0; theme < Theme::count(); ++theme) {
            slider->setValue(theme);
            // The track, away from the thumb: sampled at the end opposite to it.
            const QImage image = slider->grab().toImage();
            const int y = slider->height() / 2;
            const int x = theme < Theme::count() / 2 ? slider->width() - 10 : 10;
            const int stop = theme < Theme::count() / 2 ? Theme::count() - 1 : 0;
            const QColor track = image.pixelColor(x, y);
            QVERIFY2(distance(track, Theme::at(stop).from) < 60,
                     qPrintable(QStringLiteral("theme %1: track %2, expected near %3")
                                    .arg(theme)
                                    .arg(track.name(), Theme::at(stop).from.name())));
            // The gear: its drawn pixels are dark.
            const QImage gear =
                f.window->header()->findChild<QToolButton *>()->icon().pixmap(24, 24).toImage();
            int drawn = 0;
            int dark = 0;
            for (int gy = 0; gy < gear.height(); ++gy)
                for (int gx = 0; gx < gear.width(); ++gx) {
                    const QColor pixel = gear.pixelColor(gx, gy);
                    if (pixel.alpha() > 128) {
                        ++drawn;
                        dark += pixel.lightness() < 90 ? 1 : 0;
                    }
                }
            QVERIFY(drawn > 20);
            QVERIFY2(dark * 10 >= drawn * 9,
                     qPrintable(QStringLiteral("%1 of %2 gear pixels dark").arg(dark).arg(drawn)));
        }
        slider->setValue(0);
    }

    void searchFiltersAsYouType()
    {
        GuiFixture f;
        f.feedRooms();
        LobbyPage *lobby = f.window->lobby();
        QCOMPARE(lobby->roomList()->model()->rowCount(), 3);
        QTest::keyClicks(lobby->searchEdit(), QStringLiteral("KITch"));
        QCOMPARE(lobby->roomList()->model()->rowCount(), 2);
        QTest::keyClicks(lobby->searchEdit(), QStringLiteral("en t"));
        QCOMPARE(lobby->roomList()->model()->rowCount(), 1);
        lobby->searchEdit()->clear();
        QCOMPARE(lobby->roomList()->model()->rowCount(), 3);
    }

    void clickingACardEntersTheRoomAndItsPartsDoTheirJob()
    {
        GuiFixture f;
        f.feedRooms();
        RoomListView *list = f.window->lobby()->roomList();
        QVERIFY(waitForPaint(list->viewport()));
        const QRect second = list->visualRect(list->model()->index(1, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, second.center() + QPoint(0, 12));
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("enter_room"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("r2"));
        auto *delegate = static_cast<RoomCardDelegate *>(list->itemDelegate());
        const QRect close =
            delegate->partRect(list->visualRect(list->model()->index(0, 0)), RoomCardDelegate::Part::Close);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, close.center());
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("delete_room"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("r1"));
        // The keyboard: Enter on the current card.
        list->setFocus();
        list->setCurrentIndex(list->model()->index(2, 0));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("r3"));
    }

    void renameInPlaceAndRecolourFromThePalette()
    {
        GuiFixture f;
        f.feedRooms();
        RoomListView *list = f.window->lobby()->roomList();
        QVERIFY(waitForPaint(list->viewport()));
        // F2 edits the name of the current card; Enter sends it (the model waits for the server).
        list->setFocus();
        list->setCurrentIndex(list->model()->index(1, 0));
        QTest::keyClick(list, Qt::Key_F2);
        auto *editor = list->nameEditor();
        QVERIFY(editor && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Orchard"));
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next event loop pass
        QTRY_COMPARE(f.lastPayload().value(QStringLiteral("message")).toString(),
                     QStringLiteral("change_name"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("r2"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("name")).toString(), QStringLiteral("Orchard"));
        QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("Garden"));

        // The swatch opens the 5×2 palette; a colour is sent as change_color.
        auto *delegate = static_cast<RoomCardDelegate *>(list->itemDelegate());
        const QRect swatch =
            delegate->partRect(list->visualRect(list->model()->index(0, 0)), RoomCardDelegate::Part::Swatch);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, swatch.center());
        auto *palette = list->findChild<ColorPalettePopup *>();
        QVERIFY(palette && palette->isVisible());
        const auto buttons = palette->findChildren<QToolButton *>();
        QCOMPARE(buttons.size(), 10);
        buttons.at(4)->click();
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("change_color"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("r1"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("color")).toString(), QStringLiteral("#5da247"));
    }

    // Enter in the inline rename editor renames and nothing else: it must not also enter the room (issue 12).
    // The editor is opened by a click on the name, as a user does, and by F2.
    void enterInTheRenameEditorDoesNotEnterTheRoom()
    {
        GuiFixture f;
        f.feedRooms();
        RoomListView *lobbyList = f.window->lobby()->roomList();
        for (RoomListView *list : {lobbyList, lobbyList, f.window->leftPanel()->roomList()}) {
            const bool byMouse = list != lobbyList || f.sent.isEmpty();
            if (list != lobbyList)
                f.enterRoom(); // the left panel's list is shown in a room
            QTRY_VERIFY(list->isVisible());
            f.sent.clear();
            const QModelIndex card = list->model()->index(1, 0);
            if (byMouse) {
                auto *delegate = static_cast<RoomCardDelegate *>(list->itemDelegate());
                const QRect name = delegate->partRect(list->visualRect(card), RoomCardDelegate::Part::Name);
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, name.center());
            } else {
                list->setFocus();
                list->setCurrentIndex(card);
                QTest::keyClick(list, Qt::Key_F2);
            }
            QLineEdit *editor = nullptr;
            QTRY_VERIFY((editor = list->nameEditor()) && editor->isVisible());
            editor->setFocus();
            editor->selectAll();
            QTest::keyClicks(editor, QStringLiteral("Orchard"));
            QTest::keyClick(editor, Qt::Key_Shift); // modifiers and Enter travel on to the list when ignored
            QTest::keyClick(editor, Qt::Key_Return);
            QTRY_VERIFY(!f.sent.isEmpty());
            QCOMPARE(f.sent.size(), 1);
            QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(),
                     QStringLiteral("change_name"));
            QCOMPARE(f.lastPayload().value(QStringLiteral("name")).toString(), QStringLiteral("Orchard"));
            QTRY_VERIFY(!list->nameEditor() || !list->nameEditor()->isVisible());
            QCOMPARE(f.sent.size(), 1);
            if (list == lobbyList) {
                // Enter on the card itself, once the editor is closed, still enters.
                list->setCurrentIndex(card);
                QTest::keyClick(list, Qt::Key_Return);
                QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(),
                         QStringLiteral("enter_room"));
            }
        }
    }

    // The room colour popup is the original's: rounded, translucent over what is beneath it, with a pointer
    // towards the swatch that opened it; not an opaque grey square (issue 12).
    void colourPopupIsRoundedTranslucentAndPointsAtItsSwatch()
    {
        GuiFixture f;
        f.feedRooms();
        RoomListView *list = f.window->lobby()->roomList();
        QTRY_VERIFY(list->isVisible());
        auto *delegate = static_cast<RoomCardDelegate *>(list->itemDelegate());
        const QRect swatch =
            delegate->partRect(list->visualRect(list->model()->index(0, 0)), RoomCardDelegate::Part::Swatch);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, swatch.center());
        ColorPalettePopup *palette = nullptr;
        QTRY_VERIFY((palette = list->findChild<ColorPalettePopup *>()) && palette->isVisible());
        const QRegion shape = palette->mask();
        QVERIFY2(!shape.isEmpty(), "the popup is a plain rectangle");
        // Rounded: the corners are cut off. A pointer: the top edge is inside only where the pointer is, and
        // its tip is above the swatch's centre.
        QVERIFY(!shape.contains(QPoint(0, palette->height() - 1)));
        QVERIFY(!shape.contains(QPoint(palette->width() - 1, palette->height() - 1)));
        const QPoint tipGlobal = list->viewport()->mapToGlobal(QPoint(swatch.center().x(), swatch.bottom()));
        const QPoint tip = palette->mapFromGlobal(tipGlobal);
        QVERIFY2(qAbs(palette->pos().y() - tipGlobal.y()) <= 6, "the popup is not right under the swatch");
        QVERIFY(shape.contains(QPoint(tip.x(), 2)));
        QVERIFY(!shape.contains(QPoint(tip.x() + 30, 2)));
        // Translucent: between the swatches it is a light veil over the window beneath, not one flat grey.
        const QImage popupImage = palette->grab().toImage();
        const QPoint probe(palette->width() - 3, palette->height() / 2);
        const QColor veil = popupImage.pixelColor(probe);
        const QPoint beneathPos = f.window->background()->mapFromGlobal(palette->mapToGlobal(probe));
        const QColor beneath = f.window->background()->grab().toImage().pixelColor(beneathPos);
        QVERIFY2(veil != QColor(0xf2, 0xf2, 0xf2), qPrintable(veil.name()));
        QVERIFY2(veil.lightness() > beneath.lightness(),
                 qPrintable(veil.name() + QLatin1Char(' ') + beneath.name()));
        QVERIFY2(distance(veil, beneath) < 200, qPrintable(veil.name() + QLatin1Char(' ') + beneath.name()));
        palette->close();
    }

    void enterSendsAndShiftEnterAddsALine()
    {
        GuiFixture f;
        f.enterRoom();
        QCOMPARE(f.window->roomPage()->isVisible(), true);
        MessageEdit *edit = f.window->roomPage()->messages()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("hello"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(edit, QStringLiteral("world"));
        QVERIFY(f.sent.isEmpty());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(f.sent.size(), 1);
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(),
                 QStringLiteral("create_message"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("body")).toString(), QStringLiteral("hello\nworld"));
        QVERIFY(edit->toPlainText().isEmpty());
        QTest::keyClick(edit, Qt::Key_Return); // nothing to send
        QCOMPARE(f.sent.size(), 1);
    }

    // Long names are shown from their start and cut at their end with "…" (issue 12): the room name and your
    // name in the header, the cards of rooms and users; the whole name is in the tooltip and accessible text.
    void longNamesAreCutAtTheirEnd()
    {
        GuiFixture f;
        const QString roomName = QStringLiteral("room-4f6c2a15-41bd-9a0d-a1118748777c-and-then-some-more");
        const QString userName =
            QStringLiteral("user-89a92449-8374-41f6-bdc3-4b839db94c09-with-a-long-tail-x");
        f.feedRooms();
        f.client.enterRoom(QStringLiteral("r1"));
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}"));
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': []}}"));
        f.feed(jsonText(("{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': 'r1', "
                         "'name': '"
                         + roomName.toUtf8()
                         + "', 'color': '#cf2e24', 'users': [{'uuid': 'me', "
                           "'name': '"
                         + userName.toUtf8() + "', 'room_uuid': 'r1'}], 'sum': 3}}}")
                            .constData()));
        f.feed(jsonText(("{'type': 'result', 'payload': {'message': 'user_changed', 'object': {'uuid': 'me', "
                         "'name': '"
                         + userName.toUtf8() + "', 'room_uuid': 'r1'}}}")
                            .constData()));
        f.window->resize(1000, 700);
        QLineEdit *roomEdit = f.window->roomPage()->nameEdit();
        QLineEdit *userEdit = f.window->header()->nameEdit();
        QTRY_COMPARE(roomEdit->text(), roomName);
        QTRY_COMPARE(userEdit->text(), userName);
        f.window->roomPage()->messages()->editor()->setFocus();
        for (QLineEdit *edit : {roomEdit, userEdit}) {
            QTRY_VERIFY(!edit->hasFocus());
            const QString shown = edit->property("displayedText").toString();
            QVERIFY2(shown.endsWith(QChar(0x2026)), qPrintable(shown));
            QVERIFY2(edit->text().startsWith(shown.chopped(1)), qPrintable(shown));
            QVERIFY(shown.size() < edit->text().size());
            QVERIFY(edit->toolTip().contains(edit->text()));
            // Editing shows (and edits) the whole name.
            edit->setFocus();
            QTRY_VERIFY(edit->hasFocus());
            QCOMPARE(edit->property("displayedText").toString(), edit->text());
            f.window->roomPage()->messages()->editor()->setFocus();
        }
        // Cards: the room's tooltip and accessible text, and the user's, have the whole name.
        const QModelIndex room = f.window->leftPanel()->roomList()->model()->index(0, 0);
        QVERIFY(room.data(Qt::ToolTipRole).toString().contains(roomName));
        QCOMPARE(room.data(Qt::AccessibleTextRole).toString(), roomName);
        const QModelIndex user = f.client.users()->index(0, 0);
        QVERIFY(user.data(Qt::ToolTipRole).toString().contains(userName));
        QVERIFY(user.data(Qt::AccessibleTextRole).toString().contains(userName));
    }

    // The footer ("author · time") of every bubble is whole, in small rooms and in rooms with thousands of
    // messages (issue 12); a name too long for the bubble is cut at its end with "…", never the time.
    void bubbleFootersAreWholeInBigRooms()
    {
        const QStringList authors {QStringLiteral("Bob"), QStringLiteral("Poster"),
                                   QStringLiteral("Ann-Marie K."), QStringLiteral("wide WWW name"),
                                   QStringLiteral("Iryna Ільченко")};
        for (const int count : {12, 6000}) {
            GuiFixture f;
            f.enterRoom();
            QByteArray list;
            for (int i = 1; i <= count; ++i) {
                list += QByteArray(i == 1 ? "" : ",") + "{'uuid': 'm" + QByteArray::number(i) + "', 'body': '"
                    + (i % 2 ? "ok" : "a somewhat longer message body " + QByteArray::number(i))
                    + "', 'user': {'uuid': 'u" + QByteArray::number(i % 5) + "', 'name': '"
                    + authors.at(i % 5).toUtf8()
                    + "', 'room_uuid': 'r1'}, 'room_uuid': 'r1', 'created': " + "'2024-05-01T"
                    + QByteArray::number(10 + i % 12) + ":" + QByteArray::number(10 + i % 50) + ":00.5'}";
            }
            f.feed(jsonText(
                ("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [" + list + "]}}")
                    .constData()));
            QListView *view = f.window->roomPage()->messages()->view();
            QTRY_COMPARE(view->model()->rowCount(), count);
            auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
            QStyleOptionViewItem option;
            option.initFrom(view->viewport());
            for (int row = qMax(0, count - 12); row < count; ++row) {
                const QModelIndex index = view->model()->index(row, 0);
                option.rect = view->visualRect(index);
                const QString expected = index.data(MessageListModel::AuthorRole).toString()
                    + QStringLiteral(" · ") + index.data(MessageListModel::TimeRole).toString();
                QCOMPARE(delegate->footerText(option, index), expected);
            }
        }
        // A very long name: the end of the name gives way, the time stays.
        GuiFixture f;
        f.enterRoom();
        const QString longName =
            QStringLiteral("user-") + QString(QStringLiteral("0123456789abcdef")).repeated(8);
        f.feed(
            jsonText(("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [{'uuid': 'm1', "
                      "'body': 'hi', 'user': {'uuid': 'u1', 'name': '"
                      + longName.toUtf8()
                      + "', 'room_uuid': 'r1'}, 'room_uuid': 'r1', 'created': '2024-05-01T15:20:00'}]}}")
                         .constData()));
        QListView *view = f.window->roomPage()->messages()->view();
        QTRY_COMPARE(view->model()->rowCount(), 1);
        auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        const QModelIndex index = view->model()->index(0, 0);
        option.rect = view->visualRect(index);
        const QString footer = delegate->footerText(option, index);
        const QString time = index.data(MessageListModel::TimeRole).toString();
        QVERIFY2(footer.startsWith(QStringLiteral("user-0123")), qPrintable(footer));
        QVERIFY2(footer.endsWith(QStringLiteral("… · ") + time), qPrintable(footer));
        QCOMPARE(index.data(Qt::ToolTipRole).toString().contains(longName), true);
    }

    // Bubbles show the time; the day is said once, by a separator above the first message of each day:
    // Today, Yesterday, then the date (issue 12).
    void bubblesShowTheTimeUnderDaySeparators()
    {
        GuiFixture f;
        f.enterRoom();
        const QDate today = QDate::currentDate();
        const auto created = [](const QDate &day, const char *time) {
            return day.toString(Qt::ISODate).toUtf8() + "T" + time;
        };
        const QByteArray json = "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': ["
                                "{'uuid': 'a', 'body': 'old', 'user': {'uuid': 'o', 'name': 'Bob', "
                                "'room_uuid': 'r1'}, 'room_uuid': "
                                "'r1', 'created': '"
            + created(QDate(2024, 5, 1), "15:20:00.5")
            + "'},"
              "{'uuid': 'b', 'body': 'old too', 'user': {'uuid': 'o', 'name': 'Bob', 'room_uuid': 'r1'}, "
              "'room_uuid': 'r1', 'created': '"
            + created(QDate(2024, 5, 1), "16:00:00")
            + "'},"
              "{'uuid': 'c', 'body': 'yesterday', 'user': {'uuid': 'o', 'name': 'Bob', 'room_uuid': 'r1'}, "
              "'room_uuid': 'r1', 'created': '"
            + created(today.addDays(-1), "09:05:00")
            + "'},"
              "{'uuid': 'd', 'body': 'today', 'user': {'uuid': 'o', 'name': 'Bob', 'room_uuid': 'r1'}, "
              "'room_uuid': 'r1', 'created': '"
            + created(today, "08:00:00") + "'}]}}";
        f.feed(jsonText(json.constData()));
        QListView *view = f.window->roomPage()->messages()->view();
        QTRY_COMPARE(view->model()->rowCount(), 4);
        const QAbstractItemModel *model = view->model();
        const QString time = model->index(0, 0).data(MessageListModel::TimeRole).toString();
        QCOMPARE(time, QLocale().toString(QTime(15, 20), QLocale::ShortFormat));
        QVERIFY2(!time.contains(QLatin1String("24")), qPrintable(time)); // no date in the bubble
        QCOMPARE(model->index(0, 0).data(MessageListModel::DayRole).toString(),
                 QLocale().toString(QDate(2024, 5, 1), QLocale::LongFormat));
        QCOMPARE(model->index(1, 0).data(MessageListModel::DayRole).toString(),
                 model->index(0, 0).data(MessageListModel::DayRole).toString());
        QCOMPARE(model->index(2, 0).data(MessageListModel::DayRole).toString(), QStringLiteral("Yesterday"));
        QCOMPARE(model->index(3, 0).data(MessageListModel::DayRole).toString(), QStringLiteral("Today"));
        // A separator above the first message of a day only: those rows are taller.
        auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        QVERIFY(delegate->startsADay(model->index(0, 0)));
        QVERIFY(!delegate->startsADay(model->index(1, 0)));
        QVERIFY(delegate->startsADay(model->index(2, 0)));
        QVERIFY(delegate->startsADay(model->index(3, 0)));
        QVERIFY(delegate->sizeHint(option, model->index(0, 0)).height()
                > delegate->sizeHint(option, model->index(1, 0)).height());
        // The accessible text still has the date.
        QVERIFY(model->index(0, 0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QLocale().toString(QDate(2024, 5, 1), QLocale::ShortFormat)));
    }

    // Unread counts: a room's new messages while we are elsewhere (or the window is inactive) show as a badge
    // on its card and in the window title; entering it with the window active reads them.
    void unreadBadgesAndTitle()
    {
        GuiFixture f;
        f.enterRoom();
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        const auto roomChanged = [&](const char *uuid, const char *name, int sum) {
            f.feed(QString::fromUtf8(jsonText("{'type': 'result', 'payload': {'message': 'room_changed', "
                                              "'object': {'uuid': '%1', 'name': '%2', 'color': '#cf2e24', "
                                              "'users': [], 'sum': %3}}}"))
                       .arg(QLatin1String(uuid), QLatin1String(name))
                       .arg(sum)
                       .toUtf8());
        };
        roomChanged("r1", "Kitchen", 5); // the room we are in, window active: read
        QCOMPARE(f.window->windowTitle(), QStringLiteral("Chat"));
        roomChanged("r2", "Garden", 2);
        QCOMPARE(f.window->windowTitle(), QStringLiteral("(2) Chat"));
        RoomListView *list = f.window->leftPanel()->roomList();
        const QModelIndex garden = list->model()->index(1, 0);
        QCOMPARE(garden.data(RoomListModel::UnreadRole).toLongLong(), 2);
        // The badge is painted: red pixels left of the close button of Garden's card.
        const QRect rect = list->visualRect(garden);
        const QImage image = list->viewport()->grab(rect).toImage();
        const auto redPixels = [&] {
            int red = 0;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = image.width() / 2; x < image.width(); x += 2) {
                    const QColor c = image.pixelColor(x, y);
                    red += c.red() > 150 && c.green() < 80 && c.blue() < 80;
                }
            return red;
        };
        QVERIFY2(redPixels() > 20, "no unread badge on the card");
        const QModelIndex kitchen = list->model()->index(0, 0);
        QCOMPARE(kitchen.data(RoomListModel::UnreadRole).toLongLong(), 0);

        // Another window active: the room we are in gathers unread messages too.
        QWidget other;
        other.show();
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        roomChanged("r1", "Kitchen", 6);
        QCOMPARE(f.window->windowTitle(), QStringLiteral("(3) Chat"));
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        QTRY_COMPARE(f.window->windowTitle(), QStringLiteral("(2) Chat"));
        // Entering Garden reads it.
        f.client.enterRoom(QStringLiteral("r2"));
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}"));
        QTRY_COMPARE(f.window->windowTitle(), QStringLiteral("Chat"));
        QCOMPARE(garden.data(RoomListModel::UnreadRole).toLongLong(), 0);
    }

    static QByteArray messageFrom(const char *uuid, const char *author, const QString &body)
    {
        QJsonObject object =
            QJsonDocument::fromJson(jsonText("{'uuid': 'x', 'name': 'message-x', 'user': {'uuid': 'other', "
                                             "'name': 'Bob', 'room_uuid': 'r1'}, 'room_uuid': 'r1', "
                                             "'created': '2024-05-01T10:00:00.5'}"))
                .object();
        object.insert(QStringLiteral("uuid"), QLatin1String(uuid));
        object.insert(QStringLiteral("body"), body);
        QJsonObject user = object.value(QStringLiteral("user")).toObject();
        user.insert(QStringLiteral("name"), QLatin1String(author));
        object.insert(QStringLiteral("user"), user);
        return QJsonDocument(
                   QJsonObject {{QStringLiteral("type"), QStringLiteral("result")},
                                {QStringLiteral("payload"),
                                 QJsonObject {{QStringLiteral("message"), QStringLiteral("message_created")},
                                              {QStringLiteral("object"), object}}}})
            .toJson(QJsonDocument::Compact);
    }

    // A point of the row's bubble where the delegate finds this link, in viewport coordinates.
    static QPoint pointOnLink(QListView *view, const QModelIndex &index, const QUrl &url)
    {
        auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
        QStyleOptionViewItem option;
        option.rect = view->visualRect(index);
        for (int y = option.rect.top(); y < option.rect.bottom(); y += 3)
            for (int x = option.rect.left(); x < option.rect.right(); x += 3)
                if (delegate->linkAt(option, index, QPoint(x, y)) == url)
                    return {x, y};
        return {-1, -1};
    }

    void linksOpenRoomLinksInAppAndTextCopies()
    {
        GuiFixture f;
        f.window->setOpensWebLinksForTesting(false);
        f.enterRoom();
        MessagesPanel *panel = f.window->roomPage()->messages();
        QListView *view = panel->view();
        const QString web = QStringLiteral("https://example.org/a?b=1");
        f.feed(messageFrom("m1", "Bob", QStringLiteral("<b>x</b> see %1.").arg(web)));
        // Room links name a server: ours (the one the client "uses" here) opens the room in this window.
        f.client.connection()->setUrlForTesting(QUrl(QStringLiteral("ws://127.0.0.1:9000")));
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': "
                        "'abcdef12', 'name': 'Attic', 'color': '#cf2e24', 'users': [], 'sum': 0}}}"));
        const QString roomLink =
            QStringLiteral("socketchat://room/abcdef12?server=ws%3A%2F%2F127.0.0.1%3A9000");
        f.feed(messageFrom("m2", "Bob", QStringLiteral("go to %1 now").arg(roomLink)));
        f.feed(messageFrom("m3", "Bob", QStringLiteral("ftp://example.org and <a href=x>y</a>")));
        QTRY_COMPARE(view->model()->rowCount(), 3);
        QTRY_VERIFY(view->visualRect(view->model()->index(2, 0)).isValid());

        // A web link goes to the desktop's browser (here: announced); the full stop is not part of it.
        QSignalSpy opened(f.window.get(), &MainWindow::linkOpened);
        const QPoint onWeb = pointOnLink(view, view->model()->index(0, 0), QUrl(web));
        QVERIFY2(onWeb.x() >= 0, "the web link is not clickable");
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onWeb);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toUrl(), QUrl(web));
        // Everything else is literal: no link in ftp:// or in HTML.
        QCOMPARE(pointOnLink(view, view->model()->index(2, 0), QUrl(QStringLiteral("ftp://example.org"))),
                 QPoint(-1, -1));
        QCOMPARE(pointOnLink(view, view->model()->index(2, 0), QUrl(QStringLiteral("x"))), QPoint(-1, -1));

        const QPoint onRoom = pointOnLink(view, view->model()->index(1, 0), QUrl(roomLink, QUrl::StrictMode));
        QVERIFY2(onRoom.x() >= 0, "the room link is not clickable");
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onRoom);
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("enter_room"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("abcdef12"));
        QCOMPARE(opened.count(), 1);

        // Ctrl+C copies the current message's text exactly as typed.
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("<b>x</b> see %1.").arg(web));
    }

    // A room link naming another server (a message may carry any link) asks before leaving this server:
    // Cancel stays, Connect switches and opens the room there. The same server written differently (a "/"
    // path, the default port) is this server: the room opens at once.
    void roomLinkToAnotherServerAsksFirst()
    {
        GuiFixture f;
        f.window->setOpensWebLinksForTesting(false);
        const QUrl here(QStringLiteral("ws://127.0.0.1:80"));
        f.client.connection()->setUrlForTesting(here);
        f.settings.setServerUrl(here);
        f.enterRoom();
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': "
                        "'abcdef12', 'name': 'Attic', 'color': '#cf2e24', 'users': [], 'sum': 0}}}"));
        QSignalSpy opened(f.window.get(), &MainWindow::linkOpened);
        const auto confirmation = [&] {
            return f.window->findChild<QMessageBox *>(QStringLiteral("otherServerConfirmation"));
        };

        f.window->openLink(QUrl(QStringLiteral("socketchat://room/abcdef12?server=ws%3A%2F%2F127.0.0.1%2F")));
        QVERIFY(!confirmation());
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("enter_room"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("abcdef12"));
        f.sent.clear();

        // 127.0.0.2 (not a name: the test never leaves this machine) is another server.
        const QUrl other(QStringLiteral("ws://127.0.0.2:9999"));
        const QUrl link(QStringLiteral("socketchat://room/12345678?server=ws%3A%2F%2F127.0.0.2%3A9999"));
        f.window->openLink(link);
        QTRY_VERIFY(confirmation() && confirmation()->isVisible());
        QVERIFY(confirmation()->text().contains(QStringLiteral("ws://127.0.0.2:9999")));
        QCOMPARE(confirmation()->defaultButton(), confirmation()->button(QMessageBox::Cancel));
        QTest::keyClick(confirmation(), Qt::Key_Escape);
        QTRY_VERIFY(!confirmation());
        QCOMPARE(f.client.connection()->url(), here);
        QCOMPARE(f.settings.serverUrl(), here);
        QVERIFY(f.sent.isEmpty());
        QCOMPARE(opened.count(), 0); // not handed to the browser either

        f.window->openLink(link);
        QTRY_VERIFY(confirmation() && confirmation()->isVisible());
        QAbstractButton *connectButton = nullptr;
        for (QAbstractButton *button : confirmation()->buttons())
            if (confirmation()->buttonRole(button) == QMessageBox::AcceptRole)
                connectButton = button;
        QVERIFY(connectButton);
        QCOMPARE(connectButton->text(), QStringLiteral("Connect"));
        connectButton->click();
        QTRY_VERIFY(!confirmation());
        QCOMPARE(f.client.connection()->url(), other);
        QCOMPARE(f.settings.serverUrl(), other);
        f.client.connection()->close();
    }

    // A point of the row's bubble where the delegate puts the text cursor at this position (viewport).
    static QPoint pointAtPosition(QListView *view, const QModelIndex &index, int position)
    {
        auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
        QStyleOptionViewItem option;
        option.rect = view->visualRect(index);
        for (int y = option.rect.top(); y < option.rect.bottom(); y += 2) {
            // Others' bubbles are on the left: their text starts 16 px in. Lines without text are skipped.
            if (delegate->positionAt(option, index, QPoint(option.rect.left() + 17, y), false) < 0)
                continue;
            for (int x = option.rect.left(); x < option.rect.right(); ++x)
                if (delegate->positionAt(option, index, QPoint(x, y), false) == position)
                    return {x, y};
        }
        return {-1, -1};
    }

    static QString copied(QListView *view)
    {
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        return QGuiApplication::clipboard()->text();
    }

    // Part of a message's text is selected with the mouse (a drag inside the bubble, a double-click on a
    // word) or the keyboard (Shift+arrows on the current message), painted highlighted, and Ctrl+C copies
    // just that; links stay clickable, and without a selection Ctrl+C copies the whole message.
    void partOfAMessageIsSelectedAndCopied()
    {
        GuiFixture f;
        f.window->setOpensWebLinksForTesting(false);
        f.enterRoom();
        QListView *view = f.window->roomPage()->messages()->view();
        QWidget *viewport = view->viewport();
        const QString web = QStringLiteral("https://example.org/page");
        f.feed(messageFrom("m1", "Bob", QStringLiteral("alpha beta gamma delta")));
        f.feed(messageFrom("m2", "Bob", QStringLiteral("see %1 now").arg(web)));
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QTRY_VERIFY(view->visualRect(view->model()->index(1, 0)).isValid());
        const QModelIndex first = view->model()->index(0, 0);
        const QModelIndex second = view->model()->index(1, 0);
        const QColor highlight = view->palette().color(QPalette::Active, QPalette::Highlight);
        const auto highlighted = [&](const QModelIndex &index) {
            const QImage image = viewport->grab(view->visualRect(index)).toImage();
            int count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    count += image.pixelColor(x, y) == highlight;
            return count;
        };
        QCOMPARE(highlighted(first), 0);

        // Drag over "beta" (characters 6 to 10).
        const QPoint from = pointAtPosition(view, first, 6);
        const QPoint to = pointAtPosition(view, first, 10);
        QVERIFY(from.x() >= 0 && to.x() > from.x());
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        QCOMPARE(view->currentIndex(), first);
        QCOMPARE(copied(view), QStringLiteral("beta"));
        QVERIFY(highlighted(first) > 20);
        // A drag that leaves the bubble to the right stops at the line's end.
        const QPoint onDelta = pointAtPosition(view, first, 17);
        const QPoint outside(view->visualRect(first).right() - 2, onDelta.y());
        QTest::mousePress(viewport, Qt::LeftButton, {}, onDelta);
        QTest::mouseMove(viewport, outside);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, outside);
        QCOMPARE(copied(view), QStringLiteral("delta"));

        // A double-click selects the word.
        QTest::mouseDClick(viewport, Qt::LeftButton, {}, pointAtPosition(view, first, 13));
        QCOMPARE(copied(view), QStringLiteral("gamma"));

        // Keyboard: Escape clears; Shift+Right from the start, Ctrl+Shift+Right by word, Shift+End,
        // Shift+Left.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Escape);
        QCOMPARE(copied(view), QStringLiteral("alpha beta gamma delta")); // no selection: the whole message
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(copied(view), QStringLiteral("alpha"));
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier | Qt::ControlModifier);
        QCOMPARE(copied(view), QStringLiteral("alpha beta"));
        QTest::keyClick(view, Qt::Key_End, Qt::ShiftModifier);
        QTest::keyClick(view, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(copied(view), QStringLiteral("alpha beta gamma delt"));

        // Another message becomes current: the selection goes, Ctrl+C copies that message whole.
        view->setCurrentIndex(second);
        QCOMPARE(copied(view), QStringLiteral("see %1 now").arg(web));
        QTRY_COMPARE(highlighted(first), 0);

        // A click on a link opens it; a drag that starts on it selects instead.
        QSignalSpy opened(f.window.get(), &MainWindow::linkOpened);
        const QPoint onLink = pointOnLink(view, second, QUrl(web));
        QVERIFY(onLink.x() >= 0);
        QTest::mouseClick(viewport, Qt::LeftButton, {}, onLink);
        QCOMPARE(opened.count(), 1);
        // A click whose hand moved a little (less than the drag distance, across a character boundary) still
        // opens it.
        const QPoint boundary = pointAtPosition(view, second, int(QStringLiteral("see ").size()) + 3);
        QVERIFY(QApplication::startDragDistance() > 3);
        QTest::mousePress(viewport, Qt::LeftButton, {}, boundary - QPoint(3, 0));
        QTest::mouseMove(viewport, boundary);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, boundary);
        QCOMPARE(opened.count(), 2);
        const int start = int(QStringLiteral("see ").size());
        QTest::mousePress(viewport, Qt::LeftButton, {}, pointAtPosition(view, second, start));
        QTest::mouseMove(viewport, pointAtPosition(view, second, start + 5));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, pointAtPosition(view, second, start + 5));
        QCOMPARE(opened.count(), 2);
        QCOMPARE(copied(view), QStringLiteral("https"));

        // The room's list is reloaded (entering again): the selection does not outlive its message's row.
        f.feed(messageFrom("m3", "Bob", QStringLiteral("third")));
        QTRY_COMPARE(view->model()->rowCount(), 3);
        QTest::mouseDClick(viewport, Qt::LeftButton, {}, pointAtPosition(view, first, 1));
        QCOMPARE(copied(view), QStringLiteral("alpha")); // rows added below keep it
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': []}}"));
        QTRY_COMPARE(view->model()->rowCount(), 0);
        QCOMPARE(copied(view), QString()); // nothing selected, no current message: the clipboard stays empty
        QVERIFY(!f.window->roomPage()->messages()->textSelection()->hasSelection());
    }

    // Closing the main window ends the client with status 0: the client says on stderr whether it was
    // closed from inside (Ctrl+Q) or by the window system (WM_DELETE_WINDOW from a window manager or any
    // other X client), so that an exit nobody asked for can be told apart.
    void closingSaysWhatClosedTheWindow()
    {
        GuiFixture f;
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        QTest::ignoreMessage(QtInfoMsg, "chat-client: the window was closed from the client (Ctrl+Q)");
        QTest::keyClick(f.window.get(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!f.window->isVisible());

        f.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QTest::ignoreMessage(QtInfoMsg, "chat-client: the window system asked to close the window");
        // What the xcb platform delivers for WM_DELETE_WINDOW: a close event to the window's QWindow.
        QCloseEvent request;
        QSpontaneKeyEvent::setSpontaneous(&request);
        QCoreApplication::sendEvent(f.window->windowHandle(), &request);
        QTRY_VERIFY(!f.window->isVisible());
    }

    void mentionsAreHighlighted()
    {
        GuiFixture f;
        f.enterRoom();
        QListView *view = f.window->roomPage()->messages()->view();
        f.feed(messageFrom("m1", "Bob", QStringLiteral("nothing here")));
        f.feed(messageFrom("m2", "Bob", QStringLiteral("hey USER-ME, look")));
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QVERIFY(!view->model()->index(0, 0).data(MessageListModel::MentionRole).toBool());
        QVERIFY(view->model()->index(1, 0).data(MessageListModel::MentionRole).toBool());
        QTRY_VERIFY(view->visualRect(view->model()->index(1, 0)).isValid());
        const auto amberPixels = [&](int row) {
            const QImage image =
                view->viewport()->grab(view->visualRect(view->model()->index(row, 0))).toImage();
            int amber = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    amber += c.red() > 200 && c.green() > 120 && c.blue() < 110;
                }
            return amber;
        };
        QVERIFY2(amberPixels(1) > 200, "the mention is not highlighted");
        QCOMPARE(amberPixels(0), 0);
    }

    void newMessagesMarkerWhenScrolledUp()
    {
        GuiFixture f;
        f.enterRoom();
        MessagesPanel *panel = f.window->roomPage()->messages();
        for (int i = 0; i < 60; ++i) {
            const QByteArray json =
                QString::fromUtf8(
                    jsonText("{'type': 'result', 'payload': {'message': 'message_created', 'object': "
                             "{'uuid': 'm%1', 'body': 'message %1', 'name': 'message-m%1', 'user': {'uuid': "
                             "'other', 'name': 'Bob', 'room_uuid': 'r1'}, 'room_uuid': 'r1', 'created': "
                             "'2024-05-01T10:00:00.5'}}}"))
                    .arg(i)
                    .toUtf8();
            f.client.handleStatement(json);
        }
        QScrollBar *bar = panel->view()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum()); // followed while at the bottom
        QVERIFY(!panel->newMessagesMarker()->isVisible());
        bar->setValue(0);
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'message_created', 'object': {'uuid': "
                        "'late', 'body': 'late', 'name': 'message-late', 'user': {'uuid': 'other', 'name': "
                        "'Bob', 'room_uuid': 'r1'}, 'room_uuid': 'r1', 'created': '2024-05-01T10:00:01'}}}"));
        QVERIFY(panel->newMessagesMarker()->isVisible());
        QCOMPARE(bar->value(), 0);
        QVERIFY(panel->newMessagesMarker()->text().startsWith(QStringLiteral("1 new message")));
        QTest::mouseClick(panel->newMessagesMarker(), Qt::LeftButton);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(!panel->newMessagesMarker()->isVisible());

        // End in the list returns to the newest message too.
        bar->setValue(0);
        f.feed(
            jsonText("{'type': 'result', 'payload': {'message': 'message_created', 'object': {'uuid': "
                     "'later', 'body': 'later', 'name': 'message-later', 'user': {'uuid': 'other', 'name': "
                     "'Bob', 'room_uuid': 'r1'}, 'room_uuid': 'r1', 'created': '2024-05-01T10:00:02'}}}"));
        QVERIFY(panel->newMessagesMarker()->isVisible());
        panel->view()->setFocus();
        QTest::keyClick(panel->view(), Qt::Key_End);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(!panel->newMessagesMarker()->isVisible());
    }

    // socketchat.v1 paging: the newest page comes first; scrolling to the top asks for the page before it
    // (once), shows a hint meanwhile, and puts the page above without moving what is shown.
    void findInRoomStepsThroughMatches()
    {
        GuiFixture f;
        f.enterRoom();
        f.feed(messagesListed(1, 60, "'more': false"));
        MessagesPanel *panel = f.window->roomPage()->messages();
        QVERIFY(!panel->findBar()->isVisible());
        QTest::keyClick(f.window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(panel->findBar()->isVisible());
        QVERIFY(panel->findEdit()->hasFocus());
        QTest::keyClicks(panel->findEdit(), QStringLiteral("MESSAGE 5"));
        // "message 5" and "message 50" to "message 59": the newest first.
        QCOMPARE(panel->currentMatchUuid(), QStringLiteral("m59"));
        QVERIFY(panel->findStatus()->text().contains(QStringLiteral("11")));
        QTest::keyClick(panel->findEdit(), Qt::Key_Return);
        QCOMPARE(panel->currentMatchUuid(), QStringLiteral("m58"));
        QCOMPARE(panel->view()->currentIndex().row(), 57);
        QTest::keyClick(panel->findEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(panel->currentMatchUuid(), QStringLiteral("m59"));
        for (int i = 0; i < 11; ++i)
            QTest::keyClick(panel->findEdit(), Qt::Key_Return);
        QCOMPARE(panel->currentMatchUuid(), QStringLiteral("m5")); // the oldest: it stays there
        // The match is highlighted: orange behind the found text in the current bubble.
        const QModelIndex m5 = panel->view()->model()->index(4, 0);
        QTRY_VERIFY(panel->view()->viewport()->rect().intersects(panel->view()->visualRect(m5)));
        const QImage image = panel->view()->viewport()->grab(panel->view()->visualRect(m5)).toImage();
        int orange = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                orange += c.red() > 230 && c.green() > 130 && c.green() < 190 && c.blue() < 80;
            }
        QVERIFY2(orange > 50, "the current match is not highlighted");
        QTest::keyClicks(panel->findEdit(), QStringLiteral("zzz"));
        QCOMPARE(panel->findStatus()->text(), QStringLiteral("No matches"));
        QTest::keyClick(panel->findEdit(), Qt::Key_Escape);
        QVERIFY(!panel->findBar()->isVisible());
    }

    // socketchat.v1: searching backwards past the loaded history pages older messages in.
    void findInRoomPagesOlderHistoryIn()
    {
        GuiFixture f;
        f.client.setPagesHistoryForTesting(true);
        f.feedRooms();
        f.client.enterRoom(QStringLiteral("r1"));
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}"));
        f.feed(messagesListed(101, 200, "'more': true"));
        MessagesPanel *panel = f.window->roomPage()->messages();
        QTRY_COMPARE(panel->view()->verticalScrollBar()->value(),
                     panel->view()->verticalScrollBar()->maximum());
        f.sent.clear();
        QTest::keyClick(f.window.get(), Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(panel->findEdit(), QStringLiteral("message 42"));
        QVERIFY(panel->currentMatchUuid().isEmpty());
        QVERIFY(!f.sent.isEmpty());
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(),
                 QStringLiteral("list_messages"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("before")).toString(), QStringLiteral("m101"));
        f.feed(messagesListed(1, 100, "'more': false, 'before': 'm101'"));
        QCOMPARE(panel->currentMatchUuid(), QStringLiteral("m42"));
        QTRY_VERIFY(panel->view()->viewport()->rect().intersects(
            panel->view()->visualRect(panel->view()->model()->index(41, 0))));
    }

    void scrollingToTheTopLoadsTheOlderPage()
    {
        GuiFixture f;
        f.client.setPagesHistoryForTesting(true);
        f.feedRooms();
        f.client.enterRoom(QStringLiteral("r1"));
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}"));
        f.feed(messagesListed(101, 200, "'more': true"));
        f.sent.clear();
        MessagesPanel *panel = f.window->roomPage()->messages();
        QListView *view = panel->view();
        QScrollBar *bar = view->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(waitForPaint(view->viewport())); // what scrolling or layout was pending is done
        QVERIFY(f.sent.isEmpty()); // at the bottom nothing is asked for
        QVERIFY(!panel->loadingOlderHint()->isVisible());

        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        QCOMPARE(f.sent.size(), 1);
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(),
                 QStringLiteral("list_messages"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("before")).toString(), QStringLiteral("m101"));
        QVERIFY(panel->loadingOlderHint()->isVisible());
        QVERIFY(!panel->loadingOlderHint()->text().isEmpty());
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd); // down and up again: still one request
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        QCOMPARE(f.sent.size(), 1);

        // Its bottom: the day separator above it moves up to the first message of the older page.
        const int oldestBottom = view->visualRect(view->model()->index(0, 0)).bottom();
        f.feed(messagesListed(1, 100, "'more': false, 'before': 'm101'"));
        QCOMPARE(view->model()->rowCount(), 200);
        QCOMPARE(view->model()->index(0, 0).data(MessageListModel::BodyRole).toString(),
                 QStringLiteral("message 1"));
        QVERIFY(!panel->loadingOlderHint()->isVisible());
        // m101 is where it was: the page went above it.
        QVERIFY(bar->value() > 0);
        QVERIFY(qAbs(view->visualRect(view->model()->index(100, 0)).bottom() - oldestBottom) <= 1);
        QVERIFY(waitForPaint(view->viewport())); // and stays there once laid out and painted
        QVERIFY(qAbs(view->visualRect(view->model()->index(100, 0)).bottom() - oldestBottom) <= 1);

        bar->triggerAction(QAbstractSlider::SliderToMinimum); // the first message: nothing older
        QCOMPARE(f.sent.size(), 1);
    }

    void deletedRoomGoesBackToTheListWithANotice()
    {
        GuiFixture f;
        f.enterRoom();
        QVERIFY(f.window->roomPage()->isVisible());
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_deleted', 'object': {'uuid': 'r1', "
                        "'name': 'Kitchen', 'color': '#cf2e24', 'users': [], 'sum': 3}}}"));
        QVERIFY(f.window->lobby()->isVisible());
        QVERIFY(f.window->notices()->isVisible());
        QVERIFY(f.window->notices()->text().contains(QLatin1String("Kitchen")));
    }

    // "Connection lost" and "Connected again" must never cover the composer (issue 12), in any window size
    // and for long notices too.
    void noticesNeverCoverTheComposer()
    {
        GuiFixture f;
        f.enterRoom();
        QWidget *composer = f.window->roomPage()->messages()->editor();
        QTRY_VERIFY(composer->isVisible());
        const auto globalRect = [](QWidget *w) { return QRect(w->mapToGlobal(QPoint(0, 0)), w->size()); };
        for (const QSize size : {QSize(1280, 800), QSize(900, 600), QSize(1600, 1000)}) {
            f.window->resize(size);
            QTRY_COMPARE(f.window->size(), size);
            for (const QString &text :
                 {QStringLiteral("The connection to the server was lost. Reconnecting…"),
                  QStringLiteral("Connected again."),
                  QString(QStringLiteral("A rather long notice. ")).repeated(12)}) {
                f.window->notices()->showNotice(text);
                QVERIFY(f.window->notices()->isVisible());
                const QRect notice = globalRect(f.window->notices());
                QVERIFY2(!notice.intersects(globalRect(composer)),
                         qPrintable(QStringLiteral("%1x%2: the notice covers the composer")
                                        .arg(size.width())
                                        .arg(size.height())));
            }
        }
    }

    // Settings, About and the confirmation dialogs wear the window's theme (issue 12): their background is
    // the theme's gradient, not the platform's grey.
    void dialogsWearTheWindowsTheme()
    {
        GuiFixture f;
        f.enterRoom();
        const int theme = Theme::count() - 1;
        f.window->header()->themeSlider()->setValue(theme);
        const std::function<void()> opens[] = {
            [&] { f.window->header()->settingsRequested(); },
            [&] { f.window->header()->aboutRequested(); },
            [&] { f.window->roomPage()->drawing()->clearForEveryone(); },
        };
        int index = 0;
        for (const auto &open : opens) {
            QColor corner;
            QString title;
            QTimer::singleShot(0, this, [&] {
                QWidget *dialog = QApplication::activeModalWidget();
                QVERIFY(dialog);
                QTRY_VERIFY(dialog->isVisible());
                title = dialog->windowTitle();
                corner = dialog->grab().toImage().pixelColor(2, 2);
                static_cast<QDialog *>(dialog)->reject();
            });
            open();
            QVERIFY2(corner.isValid(), qPrintable(QString::number(index)));
            QVERIFY2(distance(corner, Theme::at(theme).from) < 40,
                     qPrintable(QStringLiteral("dialog %1 (%2): %3 is not the theme's %4")
                                    .arg(index)
                                    .arg(title, corner.name(), Theme::at(theme).from.name())));
            ++index;
        }
        f.window->header()->themeSlider()->setValue(0);
    }

    void copyLinkGivesALinkToTheRoom()
    {
        GuiFixture f;
        f.enterRoom();
        QSignalSpy copied(f.window->roomPage(), &RoomPage::linkCopied);
        f.window->roomPage()->copyLink();
        QCOMPARE(copied.count(), 1);
        const QString text = copied.first().at(0).toString();
        QVERIFY(text.startsWith(QLatin1String("socketchat://room/r1")));
        QVERIFY(f.window->notices()->isVisible());
    }

    void usersAreATwoColumnGridWithYourOwnCardMarked()
    {
        GuiFixture f;
        f.enterRoom();
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': 'r1', "
                        "'name': 'Kitchen', 'color': '#cf2e24', 'users': [{'uuid': 'bob', 'name': 'Bob', "
                        "'room_uuid': 'r1'}, {'uuid': 'me', 'name': 'user-me', 'room_uuid': 'r1'}, {'uuid': "
                        "'cy', 'name': 'Cy', 'room_uuid': 'r1'}], 'sum': 3}}}"));
        f.window->roomPage()->showTab(RoomPage::Users);
        QListView *users = f.window->roomPage()->users();
        QCOMPARE(users->model()->rowCount(), 3);
        QTRY_VERIFY(users->visualRect(users->model()->index(1, 0)).isValid());
        const QRect first = users->visualRect(users->model()->index(0, 0));
        const QRect second = users->visualRect(users->model()->index(1, 0));
        const QRect third = users->visualRect(users->model()->index(2, 0));
        QCOMPARE(second.top(), first.top());
        QVERIFY(second.left() > first.right() - 2);
        QVERIFY(third.top() > first.bottom() - 2);
        QVERIFY(users->model()
                    ->index(1, 0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QLatin1String("(you)")));
    }

    void backButtonLeaves()
    {
        GuiFixture f;
        f.enterRoom();
        f.window->roomPage()->backButton()->click();
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("leave_room"));
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_left'}}"));
        QVERIFY(f.window->lobby()->isVisible());
    }

    void userNameIsSentWhenEditingEnds()
    {
        GuiFixture f;
        QLineEdit *name = f.window->header()->nameEdit();
        QCOMPARE(name->text(), QStringLiteral("user-me"));
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Alice"));
        QVERIFY(f.sent.isEmpty()); // not on every keystroke
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(),
                 QStringLiteral("change_user_name"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("name")).toString(), QStringLiteral("Alice"));
    }

    void settingsOfferThePublicServerAndCheckAddresses()
    {
        GuiFixture f;
        SettingsDialog dialog(&f.settings, ServerAddress::localServer());
        const auto radios = dialog.findChildren<QRadioButton *>();
        QCOMPARE(radios.size(), 3);
        auto *url = dialog.findChild<QLineEdit *>();
        QVERIFY(url);
        QVERIFY(radios.at(0)->isChecked()); // this computer
        QVERIFY(!url->isEnabled()); // the address is typed only for another server
        auto *publicServer = radios.at(1);
        publicServer->setChecked(true);
        QVERIFY(!url->isEnabled());
        QCOMPARE(dialog.chosenServer(), QUrl(QStringLiteral("wss://chat.zoloto.cx.ua/api")));
        auto *other = radios.at(2);
        other->setChecked(true);
        QVERIFY(url->isEnabled());
        url->setText(QStringLiteral("example.org:9100"));
        QCOMPARE(dialog.chosenServer(), QUrl(QStringLiteral("ws://example.org:9100")));
        auto *sounds = dialog.findChildren<QCheckBox *>().at(0);
        sounds->setChecked(false);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!f.settings.soundsEnabled());
        f.settings.setSoundsEnabled(true);
    }

    void narrowWindowsHideTheLeftTab()
    {
        GuiFixture f;
        f.window->resize(900, 700);
        QTRY_VERIFY_WITH_TIMEOUT(!f.window->leftPanel()->isVisible(), 10000);
        f.window->resize(1300, 700);
        QTRY_VERIFY_WITH_TIMEOUT(f.window->leftPanel()->isVisible(), 10000);
    }

    void everyControlHasAnAccessibleName()
    {
        GuiFixture f;
        f.enterRoom();
        for (int tab : {RoomPage::Messages, RoomPage::Drawing, RoomPage::Users}) {
            f.window->roomPage()->showTab(RoomPage::Tab(tab));
            const auto controls = f.window->findChildren<QWidget *>();
            for (QWidget *widget : controls) {
                const bool control = qobject_cast<QAbstractButton *>(widget)
                    || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractItemView *>(widget);
                if (!control || !widget->isVisible())
                    continue;
                const auto *button = qobject_cast<QAbstractButton *>(widget);
                const bool named =
                    !widget->accessibleName().isEmpty() || (button && !button->text().isEmpty());
                QVERIFY2(named,
                         qPrintable(QStringLiteral("%1 %2").arg(
                             QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
            }
        }
    }

    // The window over a real socket that drops: the header says it is disconnected and reconnecting, the
    // notice bar says the connection was lost, and once back the header says connected again.
    void theWindowFollowsALostConnection()
    {
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> peers;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *peer = server.nextPendingConnection();
            peers.append(peer);
            peer->sendTextMessage(
                QStringLiteral("{\"type\": \"result\", \"payload\": {\"message\": "
                               "\"user_created\", \"object\": {\"uuid\": \"u%1\", \"name\": "
                               "\"user-u%1\", \"room_uuid\": null}}}")
                    .arg(peers.size()));
            peer->sendTextMessage(QStringLiteral(
                "{\"type\": \"result\", \"payload\": {\"message\": \"rooms_listed\", \"list\": []}}"));
        });
        QStandardPaths::setTestModeEnabled(true);
        ClientSettings settings;
        ProtocolClient client;
        MainWindow window(&client, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window, 20000));
        QLabel *state = window.header()->stateLabel();
        // Every text the state label showed, in order (read after the header updated it).
        QStringList shown;
        connect(&client, &ProtocolClient::connectionStateChanged, this, [&] { shown << state->text(); });
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort()));
        client.connectTo(url);
        const QString connected = QStringLiteral("● Connected to ") + url.toDisplayString();
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(client.self().uuid, QStringLiteral("u1"), 10000);

        shown.clear();
        peers.last()->close(QWebSocketProtocol::CloseCodeGoingAway);
        QTRY_VERIFY_WITH_TIMEOUT(shown.contains(QStringLiteral("○ Disconnected: reconnecting…")), 10000);
        QVERIFY(window.notices()->isVisible());
        QCOMPARE(window.notices()->text(),
                 QStringLiteral("The connection to the server was lost. Reconnecting…"));
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), connected, 10000);
        QCOMPARE(shown.last(), connected);
        QTRY_COMPARE_WITH_TIMEOUT(client.self().uuid, QStringLiteral("u2"), 10000);
        client.connection()->close();
        QCOMPARE(state->text(), QStringLiteral("○ Disconnected"));
        qDeleteAll(peers);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
