// Connecting and disconnecting: docs/PROTOCOL.md sections 1 and 5.
#include "support/Json.h"
#include "support/RawWebSocket.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocketHandshakeOptions>

using namespace chat;

class TestLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_server.start()); }
    void cleanup() { m_server.stop(); }

    void connectGivesUserThenRooms()
    {
        TestClient a;
        QVERIFY(a.openOnly(m_server.url()));
        const auto created = a.next();
        QVERIFY(created);
        QCOMPARE(created->name(), nameOf(ResultName::UserCreated));
        QCOMPARE(created->type(), StatementType::Result);
        const QJsonObject user = created->object();
        QCOMPARE(user.keys(), (QStringList {str("name"), str("room_uuid"), str("uuid")}));
        const QRegularExpression uuid4(
            str("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QVERIFY(uuid4.match(user.value(str("uuid")).toString()).hasMatch());
        QCOMPARE(user.value(str("name")).toString(), str("user-") + user.value(str("uuid")).toString());
        QVERIFY(user.value(str("room_uuid")).isNull());
        const auto listed = a.next();
        QVERIFY(listed);
        QCOMPARE(listed->name(), nameOf(ResultName::RoomsListed));
        QVERIFY(listed->hasList());
        QVERIFY(listed->list().isEmpty());
        QVERIFY(a.receivesNothing());
    }

    void everyConnectionIsANewUser()
    {
        TestClient a, b;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(b.connectTo(m_server.url()));
        QVERIFY(a.user().uuid != b.user().uuid);
        QVERIFY(a.receivesNothing()); // others are not told about a new user
    }

    void requestPathAndSubprotocolAreIgnored()
    {
        TestClient a;
        QUrl url = m_server.url();
        url.setPath(str("/api"));
        QVERIFY(a.connectTo(url));

        QWebSocket socket;
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({str("some.protocol.v1")});
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(m_server.url(), options);
        QVERIFY(connected.wait(30000));
        QVERIFY(socket.subprotocol().isEmpty()); // a plain client: nothing negotiated
    }

    void closingInsideARoomTellsEveryoneElse_data()
    {
        QTest::addColumn<bool>("tcpDrop");
        QTest::newRow("close frame") << false;
        QTest::newRow("TCP drop") << true;
    }

    void closingInsideARoomTellsEveryoneElse()
    {
        QFETCH(bool, tcpDrop);
        TestClient a, b, lobby;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(b.connectTo(m_server.url()));
        QVERIFY(lobby.connectTo(m_server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        QVERIFY(b.enterRoom(room->uuid));
        a.drain();
        lobby.drain();
        b.drain();

        if (tcpDrop)
            a.abort();
        else
            a.close();
        for (TestClient *other : {&b, &lobby}) {
            const auto changed = other->expect(nameOf(ResultName::RoomChanged), 5000);
            QVERIFY(changed);
            const auto after = Room::fromJson(changed->object());
            QCOMPARE(after->users.size(), 1);
            QCOMPARE(after->users.first().uuid, b.user().uuid);
            QVERIFY(other->receivesNothing());
        }
    }

    void closingInTheLobbyTellsNobody()
    {
        TestClient a, b;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(b.connectTo(m_server.url()));
        a.close();
        QVERIFY(b.receivesNothing());
    }

    // Several nodes: a node the others took for dead closes every connection with 1012 "server restarting"
    // (docs/PROTOCOL.md section 1, ClusterNode); it goes on taking connections, each a new user. The code
    // is read off the wire: Qt's QWebSocket (6.4) counts 1012 among the invalid close codes and reports
    // 1002 instead, so a QWebSocket client only sees that it was closed.
    void restartingClosesEveryConnectionWith1012()
    {
        RawWebSocket raw;
        QVERIFY(raw.handshake(m_server.server()->port()));
        TestClient a;
        QVERIFY(a.connectTo(m_server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        QTRY_COMPARE(m_server.server()->sessionCount(), 2);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(str("closing all 2 connections: cut off")));
        m_server.server()->restartSessions(str("cut off"));
        QTRY_VERIFY_WITH_TIMEOUT((raw.pingsSeen(), raw.closeCodeSeen() != -1), 20000);
        QCOMPARE(raw.closeCodeSeen(), 1012);
        QCOMPARE(raw.closeReasonSeen(), QByteArray("server restarting"));
        QVERIFY(a.waitForDisconnected(20000));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server()->sessionCount(), 0, 20000);
        TestClient again;
        QVERIFY(again.connectTo(m_server.url()));
        QVERIFY(again.user().uuid != a.user().uuid);
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
