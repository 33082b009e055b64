// Two real clients (ProtocolClient over QWebSocket) and a real chat-server process exchange rooms, messages
// and strokes; the second client sees everything the first one does. CHAT_SERVER_BINARY names the server.
#include "models/DrawingModel.h"
#include "models/EventLogModel.h"
#include "models/LivePreviewModel.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/TypingModel.h"
#include "models/UserListModel.h"
#include "net/LiveStrokeSender.h"
#include "net/ProtocolClient.h"
#include "net/TypingNotifier.h"
#include "testlib/ServerProcess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace chat;

class TestIntegration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerProcess m_server {QString::fromLocal8Bit(qgetenv("CHAT_SERVER_BINARY"))};

    bool connectClient(ProtocolClient &client, const QString &name)
    {
        client.setPreferredName(name);
        client.connectTo(m_server.url());
        return QTest::qWaitFor([&] { return client.isConnected() && client.self().name == name; }, 10000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CHAT_SERVER_BINARY"), "CHAT_SERVER_BINARY is not set");
        QVERIFY2(m_server.start({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("chat.db"))}),
                 qPrintable(m_server.log()));
    }

    void cleanupTestCase() { QVERIFY2(m_server.terminate(), qPrintable(m_server.log())); }

    void twoClientsShareRoomsMessagesAndStrokes()
    {
        ProtocolClient alice;
        ProtocolClient bob;
        QVERIFY(connectClient(alice, QStringLiteral("Alice")));
        QVERIFY(connectClient(bob, QStringLiteral("Bob")));

        // A room made and renamed by Alice appears for Bob.
        const int before = bob.rooms()->rowCount();
        QVERIFY(alice.createRoom());
        QVERIFY(QTest::qWaitFor([&] { return bob.rooms()->rowCount() == before + 1; }, 15000));
        const QString room = bob.rooms()->at(bob.rooms()->rowCount() - 1).uuid;
        QVERIFY(alice.renameRoom(room, QStringLiteral("Integration")));
        QVERIFY(QTest::qWaitFor([&] { return bob.rooms()->find(room)->name == QLatin1String("Integration"); },
                                5000));

        // Both enter; each sees the other in the user list.
        QVERIFY(alice.enterRoom(room));
        QVERIFY(bob.enterRoom(room));
        QVERIFY(QTest::qWaitFor(
            [&] { return alice.users()->rowCount() == 2 && bob.users()->rowCount() == 2; }, 15000));

        // A message from Alice reaches Bob, as someone else's.
        QSignalSpy bobArrived(&bob, &ProtocolClient::messageArrived);
        QVERIFY(alice.sendMessage(QStringLiteral("Hello Bob — привіт!")));
        QVERIFY(QTest::qWaitFor([&] { return bob.messages()->rowCount() == 1; }, 15000));
        QCOMPARE(bob.messages()->index(0).data(MessageListModel::BodyRole).toString(),
                 QStringLiteral("Hello Bob — привіт!"));
        QVERIFY(!bob.messages()->index(0).data(MessageListModel::OwnRole).toBool());
        QVERIFY(QTest::qWaitFor([&] { return alice.messages()->rowCount() == 1; }, 15000));
        QVERIFY(alice.messages()->index(0).data(MessageListModel::OwnRole).toBool());
        QCOMPARE(bobArrived.count(), 1);
        QVERIFY(QTest::qWaitFor([&] { return bob.rooms()->find(room)->sum == 1; }, 15000));

        // A stroke from Bob reaches Alice with its points.
        const QString line = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonArray points {10.5, 20, 30, 40.5, 50, 60};
        QVERIFY(bob.sendLine(line, points, QStringLiteral("#e02d25"), QStringLiteral("pen")));
        QVERIFY(QTest::qWaitFor([&] { return alice.drawing()->lines().size() == 1; }, 15000));
        QCOMPARE(alice.drawing()->lines().first().uuid, line);
        QCOMPARE(alice.drawing()->lines().first().points, points);
        QVERIFY(!bob.sendLine(line, points, QStringLiteral("#e02d25"), QStringLiteral("pen"))); // never twice

        // Deleting a room with people inside is refused with a notice; after both leave it works.
        QSignalSpy notices(&alice, &ProtocolClient::notice);
        QVERIFY(alice.deleteRoom(room));
        QVERIFY(notices.wait(15000));
        QVERIFY(bob.leaveRoom());
        QVERIFY(alice.leaveRoom());
        QVERIFY(QTest::qWaitFor([&] { return alice.currentRoom().isEmpty() && bob.currentRoom().isEmpty(); },
                                5000));
        QVERIFY(alice.deleteRoom(room));
        QVERIFY(QTest::qWaitFor([&] { return !bob.rooms()->find(room); }, 15000));
    }

    // Issue 15 against the real server: Alice's growing stroke and typing reach Bob (both negotiated
    // socketchat.v1) and give way to the line and the message; Carol, on the plain protocol, sends none of it
    // and receives none of it.
    void liveStrokesAndTypingReachNegotiatedClientsOnly()
    {
        ProtocolClient alice;
        ProtocolClient bob;
        ProtocolClient carol;
        carol.connection()->setSubprotocols({}); // a plain client, as against the original server
        QStringList carolGot;
        connect(carol.connection(), &Connection::textReceived, this,
                [&](const QByteArray &utf8) { carolGot.append(QString::fromUtf8(utf8)); });
        QVERIFY(connectClient(alice, QStringLiteral("Alice")));
        QVERIFY(connectClient(bob, QStringLiteral("Bob")));
        QVERIFY(connectClient(carol, QStringLiteral("Carol")));
        QVERIFY(alice.isExtended());
        QVERIFY(bob.isExtended());
        QVERIFY(!carol.isExtended());

        const int before = bob.rooms()->rowCount();
        QVERIFY(alice.createRoom());
        QVERIFY(QTest::qWaitFor([&] { return bob.rooms()->rowCount() == before + 1; }, 15000));
        const QString room = bob.rooms()->at(bob.rooms()->rowCount() - 1).uuid;
        QVERIFY(alice.enterRoom(room));
        QVERIFY(bob.enterRoom(room));
        QVERIFY(carol.enterRoom(room));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return alice.users()->rowCount() == 3 && bob.users()->rowCount() == 3
                    && carol.users()->rowCount() == 3;
            },
            15000));

        // A stroke grows on Bob's side while Alice draws.
        const QString line = QUuid::createUuid().toString(QUuid::WithoutBraces);
        LiveStrokeSender sender(&alice);
        sender.begin(line, DrawingTool::Pen, QColor(0x01, 0x67, 0xca));
        sender.extend({QPointF(10, 20), QPointF(30, 40)});
        sender.flush();
        QVERIFY(QTest::qWaitFor([&] { return bob.livePreviews()->rowCount() == 1; }, 15000));
        QCOMPARE(bob.livePreviews()->at(0).uuid, line);
        QCOMPARE(bob.livePreviews()->at(0).author, alice.self().uuid);
        QCOMPARE(bob.livePreviews()->at(0).numbers, QVector<double>({10, 20, 30, 40}));
        sender.extend({QPointF(10, 20), QPointF(30, 40), QPointF(50, 60)});
        sender.flush();
        QVERIFY(QTest::qWaitFor([&] { return bob.livePreviews()->at(0).numbers.size() == 6; }, 15000));
        QCOMPARE(bob.livePreviews()->at(0).color, QStringLiteral("#0167ca"));
        // Pen-up: the line replaces the preview.
        QVERIFY(alice.sendLine(line, QJsonArray({10, 20, 30, 40, 50, 60}), QStringLiteral("#0167ca"),
                               QStringLiteral("pen")));
        sender.finish();
        QVERIFY(QTest::qWaitFor([&] { return bob.drawing()->rowOf(line) >= 0; }, 15000));
        QVERIFY(QTest::qWaitFor([&] { return bob.livePreviews()->rowCount() == 0; }, 15000));
        QVERIFY(QTest::qWaitFor([&] { return carol.drawing()->rowOf(line) >= 0; }, 15000));

        // Alice types: Bob sees it; her message clears it.
        alice.typingNotifier()->edited(false);
        QVERIFY(QTest::qWaitFor(
            [&] { return bob.typing()->names() == QStringList {QStringLiteral("Alice")}; }, 15000));
        QVERIFY(alice.sendMessage(QStringLiteral("done")));
        QVERIFY(QTest::qWaitFor(
            [&] { return bob.messages()->rowCount() == 1 && bob.typing()->rowCount() == 0; }, 15000));
        QVERIFY(QTest::qWaitFor([&] { return carol.messages()->rowCount() == 1; }, 15000));

        // Carol types and draws: nothing of it is sent, so Alice and Bob see nothing of it.
        carol.typingNotifier()->edited(false);
        LiveStrokeSender carolSender(&carol);
        carolSender.begin(QUuid::createUuid().toString(QUuid::WithoutBraces), DrawingTool::Pen, Qt::black);
        carolSender.extend({QPointF(1, 2), QPointF(3, 4)});
        carolSender.flush();
        carolSender.finish();
        for (int row = 0; row < carol.log()->rowCount(); ++row) {
            const QString name = carol.log()->index(row).data(EventLogModel::NameRole).toString();
            QVERIFY2(name != QLatin1String("draw_live") && name != QLatin1String("set_typing"),
                     qPrintable(name));
        }
        // A message from Bob marks the end: everything before it has reached Carol.
        QVERIFY(bob.sendMessage(QStringLiteral("end")));
        QVERIFY(QTest::qWaitFor([&] { return carol.messages()->rowCount() == 2; }, 15000));
        for (const QString &text : std::as_const(carolGot)) {
            QVERIFY2(!text.contains(QLatin1String("live_line_changed"))
                         && !text.contains(QLatin1String("typing_changed")),
                     qPrintable(text));
        }
        QCOMPARE(bob.typing()->rowCount(), 0);
        QCOMPARE(bob.livePreviews()->rowCount(), 0);
    }

    void aRoomDeletedByOthersSendsYouBack()
    {
        ProtocolClient alice;
        ProtocolClient bob;
        QVERIFY(connectClient(alice, QStringLiteral("Alice")));
        QVERIFY(connectClient(bob, QStringLiteral("Bob")));
        const int before = alice.rooms()->rowCount();
        QVERIFY(alice.createRoom());
        QVERIFY(QTest::qWaitFor([&] { return alice.rooms()->rowCount() == before + 1; }, 15000));
        const QString room = alice.rooms()->at(alice.rooms()->rowCount() - 1).uuid;
        QVERIFY(QTest::qWaitFor([&] { return bob.rooms()->find(room) != nullptr; }, 15000));
        // Bob clicks the room just as Alice deletes it: he ends up back in the list, told why.
        QSignalSpy closed(&bob, &ProtocolClient::roomClosed);
        QSignalSpy notices(&bob, &ProtocolClient::notice);
        QVERIFY(alice.deleteRoom(room));
        QVERIFY(
            QTest::qWaitFor([&] { return !alice.rooms()->find(room); }, 15000)); // the server has deleted it
        QVERIFY(bob.enterRoom(room));
        QVERIFY(closed.wait(15000));
        QVERIFY(bob.currentRoom().isEmpty());
        // A sync round trip: the answer to Bob's next call comes after whatever the server sent him before.
        QVERIFY(bob.changeUserName(QStringLiteral("Bob after")));
        QVERIFY(QTest::qWaitFor([&] { return bob.self().name == QLatin1String("Bob after"); }, 15000));
        QCOMPARE(notices.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIntegration)
#include "tst_integration.moc"
