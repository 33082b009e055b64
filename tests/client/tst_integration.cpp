// Two real clients (ProtocolClient over QWebSocket) and a real chat-server process exchange rooms, messages
// and strokes; the second client sees everything the first one does. CHAT_SERVER_BINARY names the server.
#include "models/DrawingModel.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/UserListModel.h"
#include "net/ProtocolClient.h"
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
