// enter_room and leave_room: frame order, recipients, switching rooms and the order of users.
#include "model/Drawing.h"
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QTest>

using namespace chat;

class TestMembership : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_server.start());
        for (TestClient *client : {&m_a, &m_b, &m_c})
            QVERIFY(client->connectTo(m_server.url()));
        m_r1 = m_a.createRoom().value_or(Room {});
        m_r2 = m_a.createRoom().value_or(Room {});
        m_b.drain();
        m_c.drain();
    }
    void cleanup()
    {
        for (TestClient *client : {&m_a, &m_b, &m_c}) {
            client->close();
            client->waitForDisconnected();
        }
        m_server.stop();
    }

    void enterSendsFramesInOrder()
    {
        m_a.call(CallName::EnterRoom, fields({{"uuid", m_r1.uuid}}));
        const auto entered = m_a.next();
        QVERIFY(entered);
        QCOMPARE(entered->name(), nameOf(ResultName::RoomEntered));
        QVERIFY(!entered->hasObject() && !entered->hasList());
        const auto history = m_a.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(history && history->list().isEmpty());
        const auto drawing = m_a.expect(nameOf(ResultName::DrawingGot));
        QVERIFY(drawing);
        const auto board = Drawing::fromJson(drawing->object());
        QVERIFY(board && board->lines.isEmpty());
        QCOMPARE(drawing->object().value(str("name")).toString(), str("drawing-") + board->uuid);
        for (TestClient *client : {&m_a, &m_b, &m_c}) {
            const auto changed = client->expect(nameOf(ResultName::RoomChanged));
            QVERIFY(changed);
            const auto room = Room::fromJson(changed->object());
            QCOMPARE(room->users.size(), 1);
            QCOMPARE(room->users.first().uuid, m_a.user().uuid);
            QCOMPARE(room->users.first().roomUuid, m_r1.uuid);
            QVERIFY(client->receivesNothing());
        }
    }

    void switchingRoomsAnnouncesBothRooms()
    {
        QVERIFY(m_a.enterRoom(m_r1.uuid));
        m_b.drain();
        m_a.call(CallName::EnterRoom, fields({{"uuid", m_r2.uuid}}));
        QVERIFY(m_a.expect(nameOf(ResultName::RoomEntered)));
        QVERIFY(m_a.expect(nameOf(ResultName::MessagesListed)));
        QVERIFY(m_a.expect(nameOf(ResultName::DrawingGot)));
        for (TestClient *client : {&m_a, &m_b}) {
            EXPECT_STATEMENT(got1, *client, nameOf(ResultName::RoomChanged));
            const auto left = Room::fromJson(got1.object());
            QCOMPARE(left->uuid, m_r1.uuid);
            QVERIFY(left->users.isEmpty());
            EXPECT_STATEMENT(got2, *client, nameOf(ResultName::RoomChanged));
            const auto joined = Room::fromJson(got2.object());
            QCOMPARE(joined->uuid, m_r2.uuid);
            QCOMPARE(joined->users.size(), 1);
        }
    }

    void reenteringListsTheUserOnce()
    {
        QVERIFY(m_a.enterRoom(m_r1.uuid));
        m_b.drain();
        m_a.call(CallName::EnterRoom, fields({{"uuid", m_r1.uuid}}));
        QVERIFY(m_a.expect(nameOf(ResultName::RoomEntered)));
        QVERIFY(m_a.expect(nameOf(ResultName::MessagesListed)));
        QVERIFY(m_a.expect(nameOf(ResultName::DrawingGot)));
        for (int i = 0; i < 2; ++i) { // as the original with memory storage: two broadcasts
            EXPECT_STATEMENT(got3, m_b, nameOf(ResultName::RoomChanged));
            const auto room = Room::fromJson(got3.object());
            QCOMPARE(room->users.size(), 1);
        }
    }

    void usersAreInJoinOrder()
    {
        QVERIFY(m_a.enterRoom(m_r1.uuid));
        QVERIFY(m_b.enterRoom(m_r1.uuid));
        QVERIFY(m_c.enterRoom(m_r1.uuid));
        m_b.call(CallName::LeaveRoom);
        m_b.drain();
        QVERIFY(m_b.enterRoom(m_r1.uuid));
        m_a.drain();
        m_a.call(CallName::ListRooms);
        EXPECT_STATEMENT(got4, m_a, nameOf(ResultName::RoomsListed));
        const auto rooms = got4.list();
        const auto room = Room::fromJson(rooms.first().toObject());
        QCOMPARE(room->uuid, m_r1.uuid);
        QStringList order;
        for (const User &user : room->users)
            order << user.uuid;
        QCOMPARE(order, (QStringList {m_a.user().uuid, m_c.user().uuid, m_b.user().uuid}));
    }

    void leaveRoom()
    {
        QVERIFY(m_a.enterRoom(m_r1.uuid));
        m_b.drain();
        m_a.call(CallName::LeaveRoom);
        QVERIFY(m_a.expect(nameOf(ResultName::RoomLeft)));
        for (TestClient *client : {&m_a, &m_b}) {
            EXPECT_STATEMENT(got5, *client, nameOf(ResultName::RoomChanged));
            const auto room = Room::fromJson(got5.object());
            QCOMPARE(room->uuid, m_r1.uuid);
            QVERIFY(room->users.isEmpty());
        }
        m_a.call(CallName::LeaveRoom); // in no room now: an error, not a closed connection (Q1)
        QVERIFY(m_a.expect(nameOf(ErrorName::NoSpecifiedRoom)));
        QVERIFY(m_b.receivesNothing());
        QVERIFY(m_a.isConnected());
    }

    void enterErrors_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("reply");
        QTest::newRow("unknown") << fields({{"uuid", str("00000000-0000-4000-8000-000000000000")}})
                                 << nameOf(ErrorName::NoSpecifiedRoom);
        QTest::newRow("null") << fields({{"uuid", QJsonValue::Null}}) << nameOf(ErrorName::NoSpecifiedRoom);
        QTest::newRow("number") << fields({{"uuid", 12345}}) << nameOf(ErrorName::NoSpecifiedRoom);
        QTest::newRow("missing") << QJsonObject() << nameOf(GeneralReply::NotSufficientData);
        QTest::newRow("list") << fields({{"uuid", QJsonArray {1}}})
                              << nameOf(GeneralReply::NotSufficientData);
    }

    void enterErrors()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(QString, reply);
        m_a.call(CallName::EnterRoom, payload);
        QVERIFY(m_a.expect(reply));
        QVERIFY(m_b.receivesNothing());
    }

private:
    TestServer m_server;
    TestClient m_a, m_b, m_c;
    Room m_r1, m_r2;
};

QTEST_GUILESS_MAIN(TestMembership)
#include "tst_membership.moc"
