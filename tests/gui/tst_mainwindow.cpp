// The main window offscreen: the theme slider repaints the gradient, search filters, Enter sends, cards enter
// rooms, a deleted room sends you back with a notice, and every control has an accessible name.
#include "GuiFixture.h"
#include "models/MessageListModel.h"
#include "net/ServerAddress.h"
#include "widgets/ColorPalettePopup.h"
#include "widgets/GradientWidget.h"
#include "widgets/HeaderWidget.h"
#include "widgets/LeftPanel.h"
#include "widgets/LobbyPage.h"
#include "widgets/MessageEdit.h"
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
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QWebSocket>
#include <QWebSocketServer>

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
        QTest::qWait(50);
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
        QTest::qWait(50);
        // F2 edits the name of the current card; Enter sends it (the model waits for the server).
        list->setFocus();
        list->setCurrentIndex(list->model()->index(1, 0));
        QTest::keyClick(list, Qt::Key_F2);
        auto *editor = list->findChild<QLineEdit *>();
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
        QTest::mouseClick(panel->newMessagesMarker(), Qt::LeftButton);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }

    // socketchat.v1 paging: the newest page comes first; scrolling to the top asks for the page before it
    // (once), shows a hint meanwhile, and puts the page above without moving what is shown.
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
        QTest::qWait(50);
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

        const int oldestTop = view->visualRect(view->model()->index(0, 0)).top();
        f.feed(messagesListed(1, 100, "'more': false, 'before': 'm101'"));
        QCOMPARE(view->model()->rowCount(), 200);
        QCOMPARE(view->model()->index(0, 0).data(MessageListModel::BodyRole).toString(),
                 QStringLiteral("message 1"));
        QVERIFY(!panel->loadingOlderHint()->isVisible());
        // m101 is where it was: the page went above it.
        QVERIFY(bar->value() > 0);
        QVERIFY(qAbs(view->visualRect(view->model()->index(100, 0)).top() - oldestTop) <= 1);
        QTest::qWait(50);
        QVERIFY(qAbs(view->visualRect(view->model()->index(100, 0)).top() - oldestTop) <= 1);

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
