// Keyboard only (issue 12): against a real chat-server, the main window creates a room, renames it, recolours
// it from the palette, enters it, posts a message and leaves, with key presses alone
// (QTest::keyClick/keyClicks, never the mouse). A second plain client in the same server sees each step: what
// the server got. CHAT_SERVER_BINARY names the server.
#include "app/ClientSettings.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/UserListModel.h"
#include "net/ProtocolClient.h"
#include "testlib/ServerProcess.h"
#include "widgets/ColorPalettePopup.h"
#include "widgets/LobbyPage.h"
#include "widgets/MainWindow.h"
#include "widgets/RoomListView.h"
#include "widgets/RoomPage.h"

#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace chat;

class TestKeyboard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerProcess m_server {QString::fromLocal8Bit(qgetenv("CHAT_SERVER_BINARY"))};

    // The widget with the keyboard focus: where a key press goes.
    static QWidget *focus()
    {
        QWidget *widget = QApplication::focusWidget();
        return widget ? widget : QApplication::activeWindow();
    }

    // Presses Tab until `target` has the focus (at most 40 times).
    static bool tabTo(QWidget *target)
    {
        for (int i = 0; i < 40 && QApplication::focusWidget() != target; ++i)
            QTest::keyClick(focus(), Qt::Key_Tab);
        return QApplication::focusWidget() == target;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!qEnvironmentVariableIsEmpty("CHAT_SERVER_BINARY"), "CHAT_SERVER_BINARY is not set");
        QVERIFY2(m_server.start({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("chat.db"))}),
                 qPrintable(m_server.log()));
    }

    void cleanupTestCase() { QVERIFY2(m_server.terminate(), qPrintable(m_server.log())); }

    void createRenameRecolourEnterPostLeave()
    {
        ClientSettings settings;
        ProtocolClient client;
        client.setPreferredName(QStringLiteral("Keys"));
        MainWindow window(&client, &settings);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        client.connectTo(m_server.url());
        QTRY_VERIFY_WITH_TIMEOUT(client.isConnected() && client.self().name == QStringLiteral("Keys"), 15000);

        ProtocolClient observer; // what the server has, as another user sees it
        observer.setPreferredName(QStringLiteral("Observer"));
        observer.connectTo(m_server.url());
        QTRY_VERIFY_WITH_TIMEOUT(observer.isConnected(), 15000);
        const int roomsBefore = observer.rooms()->rowCount();

        // Create: Ctrl+N.
        QTest::keyClick(focus(), Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(observer.rooms()->rowCount(), roomsBefore + 1, 15000);
        const QString uuid = observer.rooms()->index(roomsBefore).data(RoomListModel::UuidRole).toString();

        // To the room list: Ctrl+F, type the room's name (its uuid is in the default name), Tab to the cards.
        RoomListView *list = window.lobby()->roomList();
        QTRY_VERIFY(client.rooms()->find(uuid));
        QTest::keyClick(focus(), Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(focus(), uuid.left(8));
        QTRY_COMPARE(list->model()->rowCount(), 1);
        QVERIFY(tabTo(list));
        QTest::keyClick(list, Qt::Key_Home);
        QCOMPARE(list->currentIndex().data(RoomListModel::UuidRole).toString(), uuid);

        // Rename: F2, a new name, Enter.
        QTest::keyClick(list, Qt::Key_F2);
        QTRY_VERIFY(list->nameEditor() && list->nameEditor()->hasFocus());
        QTest::keyClick(focus(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focus(), QStringLiteral("Keyboard room"));
        QTest::keyClick(focus(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(observer.rooms()->find(uuid)->name, QStringLiteral("Keyboard room"), 15000);
        QVERIFY(client.currentRoom().isEmpty()); // renaming never enters
        // The filter no longer matches the new name: clear it (Ctrl+F, select all, Delete), back to the card.
        QTest::keyClick(focus(), Qt::Key_F, Qt::ControlModifier);
        QTest::keyClick(focus(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(focus(), Qt::Key_Delete);
        QTRY_VERIFY(list->model()->rowCount() >= 1);
        QVERIFY(tabTo(list));
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            if (list->currentIndex().data(RoomListModel::UuidRole).toString() == uuid)
                break;
            QTest::keyClick(list, row == 0 ? Qt::Key_Home : Qt::Key_Down);
        }
        QCOMPARE(list->currentIndex().data(RoomListModel::UuidRole).toString(), uuid);

        // Recolour: the Menu key opens the card's menu, "c" picks "Change colour…"; in the palette the arrows
        // move (Right, Right, Down: the 8th colour) and Enter picks.
        bool menuSeen = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activePopupWidget());
            menuSeen = true;
            QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_C);
        });
        QTest::keyClick(list, Qt::Key_Menu);
        QVERIFY(menuSeen);
        ColorPalettePopup *palette = list->findChild<ColorPalettePopup *>();
        QVERIFY(palette && palette->isVisible());
        QTRY_VERIFY(palette->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(focus(), Qt::Key_Right);
        QTest::keyClick(focus(), Qt::Key_Right);
        QTest::keyClick(focus(), Qt::Key_Down);
        QTest::keyClick(focus(), Qt::Key_Return);
        const QString chosen = ColorPalettePopup::colors().at(7);
        QTRY_COMPARE_WITH_TIMEOUT(observer.rooms()->find(uuid)->color, chosen, 15000);
        // The palette closed after the pick; the focus is back on the card.
        QTRY_VERIFY(!list->findChild<ColorPalettePopup *>());
        QTRY_VERIFY(window.isActiveWindow());
        QTRY_COMPARE(QApplication::focusWidget(), list);
        // Opened again, Escape closes it without a pick.
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activePopupWidget());
            QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_C);
        });
        QTest::keyClick(list, Qt::Key_Menu);
        QTRY_VERIFY(list->findChild<ColorPalettePopup *>());
        QTRY_VERIFY(list->findChild<ColorPalettePopup *>()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(focus(), Qt::Key_Escape);
        QTRY_VERIFY(!list->findChild<ColorPalettePopup *>());
        QTRY_COMPARE(QApplication::focusWidget(), list);

        // Enter: Return on the card. The message box has the focus.
        observer.enterRoom(uuid);
        QTRY_COMPARE_WITH_TIMEOUT(observer.currentRoom(), uuid, 15000);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(client.currentRoom(), uuid, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(observer.users()->rowCount(), 2, 15000);

        // Post: type and Enter.
        QTRY_VERIFY(window.roomPage()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClicks(focus(), QStringLiteral("typed, not clicked"));
        QTest::keyClick(focus(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(observer.messages()->rowCount() == 1, 15000);
        QCOMPARE(observer.messages()->index(0).data(MessageListModel::BodyRole).toString(),
                 QStringLiteral("typed, not clicked"));

        // Leave: Ctrl+W.
        QTest::keyClick(focus(), Qt::Key_W, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(client.currentRoom().isEmpty(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(observer.users()->rowCount(), 1, 15000);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
