// create_room, list_rooms, change_name, change_color and delete_room: results, errors and recipients.
#include "model/Color.h"
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QTest>

using namespace chat;

class TestRooms : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_a.connectTo(m_server.url()));
        QVERIFY(m_b.connectTo(m_server.url()));
    }
    void cleanup()
    {
        m_a.close();
        m_b.close();
        m_a.waitForDisconnected();
        m_b.waitForDisconnected();
        m_server.stop();
    }

    void createRoomGoesToEveryone()
    {
        m_a.call(CallName::CreateRoom, fields({{"name", str("ignored")}, {"color", str("#000000")}}));
        for (TestClient *client : {&m_a, &m_b}) {
            const auto created = client->expect(nameOf(ResultName::RoomCreated));
            QVERIFY(created);
            const QJsonObject room = created->object();
            QCOMPARE(room.keys(),
                     (QStringList {str("color"), str("name"), str("sum"), str("users"), str("uuid")}));
            QCOMPARE(room.value(str("name")).toString(), str("room-") + room.value(str("uuid")).toString());
            QVERIFY(Color::roomPalette().contains(room.value(str("color")).toString()));
            QVERIFY(room.value(str("users")).toArray().isEmpty());
            QCOMPARE(room.value(str("sum")).toInteger(-1), 0);
        }
    }

    void roomsAreListedInCreationOrder()
    {
        QStringList created;
        for (int i = 0; i < 5; ++i) {
            const auto room = m_a.createRoom();
            QVERIFY(room);
            created << room->uuid;
        }
        m_b.drain();
        m_b.call(CallName::ListRooms);
        const auto listed = m_b.expect(nameOf(ResultName::RoomsListed));
        QVERIFY(listed);
        QStringList order;
        for (const QJsonValue &value : listed->list())
            order << value.toObject().value(str("uuid")).toString();
        QCOMPARE(order, created);
        QVERIFY(m_a.receivesNothing()); // list_rooms answers the caller only
    }

    void changeNameTellsEveryone()
    {
        const auto room = createRoomSeenByBoth();
        m_a.call(CallName::ChangeName, fields({{"uuid", room.uuid}, {"name", str("Lobby ✓")}}));
        QCOMPARE(roomChangedAtBoth().name, str("Lobby ✓"));
    }

    void falsyNamesChangeNothingButStillBroadcast_data()
    {
        QTest::addColumn<QJsonValue>("name");
        QTest::newRow("empty") << QJsonValue(str(""));
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("false") << QJsonValue(false);
        QTest::newRow("zero") << QJsonValue(0);
        QTest::newRow("empty list") << QJsonValue(QJsonArray());
    }

    void falsyNamesChangeNothingButStillBroadcast()
    {
        QFETCH(QJsonValue, name);
        const auto room = createRoomSeenByBoth();
        m_a.call(CallName::ChangeName, fields({{"uuid", room.uuid}, {"name", name}}));
        QCOMPARE(roomChangedAtBoth().name, room.name);
    }

    void changeNameErrors_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("reply");
        const QString unknown = str("00000000-0000-4000-8000-000000000000");
        QTest::newRow("unknown room")
            << fields({{"uuid", unknown}, {"name", str("x")}}) << nameOf(ErrorName::NoSpecifiedRoom);
        QTest::newRow("null uuid") << fields({{"uuid", QJsonValue::Null}, {"name", str("x")}})
                                   << nameOf(ErrorName::NoSpecifiedRoom);
        QTest::newRow("numeric uuid")
            << fields({{"uuid", 12345}, {"name", str("x")}}) << nameOf(ErrorName::NoSpecifiedRoom);
        QTest::newRow("no name") << fields({{"uuid", unknown}}) << nameOf(GeneralReply::NotSufficientData);
        QTest::newRow("no uuid") << fields({{"name", str("x")}}) << nameOf(GeneralReply::NotSufficientData);
        QTest::newRow("object name") << fields({{"uuid", unknown}, {"name", QJsonObject {{str("a"), 1}}}})
                                     << nameOf(GeneralReply::NotSufficientData);
        QTest::newRow("number name") << fields({{"uuid", unknown}, {"name", 7}})
                                     << nameOf(GeneralReply::NotSufficientData);
    }

    void changeNameErrors()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(QString, reply);
        m_a.call(CallName::ChangeName, payload);
        QVERIFY(m_a.expect(reply));
        QVERIFY(m_b.receivesNothing()); // errors go to the caller only
        m_a.call(CallName::ListRooms); // and the connection lives on
        QVERIFY(m_a.expect(nameOf(ResultName::RoomsListed)));
    }

    void validColoursAreStoredAsSent_data()
    {
        QTest::addColumn<QString>("color");
        for (const char *color : {"#123456", "#abc", "#11223344", "#ABCDEF", "#aBc"})
            QTest::newRow(color) << str(color);
    }

    void validColoursAreStoredAsSent()
    {
        QFETCH(QString, color);
        const auto room = createRoomSeenByBoth();
        m_a.call(CallName::ChangeColor, fields({{"uuid", room.uuid}, {"color", color}}));
        QCOMPARE(roomChangedAtBoth().color, color);
    }

    void invalidColoursAreRejected_data()
    {
        QTest::addColumn<QString>("color");
        for (const char *color :
             {"red", "#12345", "#1234567", "#ggg", "123456", "#12345678a", " #123456", "#fff\n", "#abcd"})
            QTest::newRow(color) << str(color);
    }

    void invalidColoursAreRejected()
    {
        QFETCH(QString, color);
        const auto room = createRoomSeenByBoth();
        m_a.call(CallName::ChangeColor, fields({{"uuid", room.uuid}, {"color", color}}));
        const auto error = m_a.expect(nameOf(ErrorName::NotValidColor));
        QVERIFY(error);
        QCOMPARE(error->type(), StatementType::Error);
        QVERIFY(m_b.receivesNothing());
        m_a.call(CallName::ListRooms);
        const auto listed = m_a.expect(nameOf(ResultName::RoomsListed));
        QVERIFY(listed);
        QCOMPARE(Room::fromJson(listed->list().first().toObject())->color, room.color);
    }

    void unknownRoomIsReportedBeforeABadColour()
    {
        m_a.call(CallName::ChangeColor,
                 fields({{"uuid", str("00000000-0000-4000-8000-000000000000")}, {"color", str("nope")}}));
        QVERIFY(m_a.expect(nameOf(ErrorName::NoSpecifiedRoom)));
    }

    void colourErrors()
    {
        const auto room = createRoomSeenByBoth();
        m_a.call(CallName::ChangeColor, fields({{"uuid", room.uuid}, {"color", 123}}));
        QVERIFY(m_a.expect(nameOf(GeneralReply::NotSufficientData)));
        m_a.call(CallName::ChangeColor, fields({{"uuid", room.uuid}}));
        QVERIFY(m_a.expect(nameOf(GeneralReply::NotSufficientData)));
        m_a.call(CallName::ChangeColor, fields({{"uuid", room.uuid}, {"color", QJsonValue::Null}}));
        QCOMPARE(roomChangedAtBoth().color, room.color); // falsy: unchanged, still broadcast
    }

    void deleteRoom()
    {
        const auto room = createRoomSeenByBoth();
        m_b.call(CallName::EnterRoom, fields({{"uuid", room.uuid}}));
        QVERIFY(m_b.enterRoomFramesArrive());
        m_a.drain();
        m_a.call(CallName::DeleteRoom, fields({{"uuid", room.uuid}}));
        QVERIFY(m_a.expect(nameOf(ErrorName::NotEmptyRoom)));
        QVERIFY(m_b.receivesNothing());

        m_b.call(CallName::CreateMessage, fields({{"body", str("one")}}));
        QVERIFY(m_b.expect(nameOf(ResultName::RoomChanged)));
        QVERIFY(m_b.expect(nameOf(ResultName::MessageCreated)));
        m_b.call(CallName::LeaveRoom);
        m_b.drain();
        m_a.drain();

        m_a.call(CallName::DeleteRoom, fields({{"uuid", room.uuid}}));
        for (TestClient *client : {&m_a, &m_b}) {
            const auto deleted = client->expect(nameOf(ResultName::RoomDeleted));
            QVERIFY(deleted);
            const auto gone = Room::fromJson(deleted->object());
            QCOMPARE(gone->uuid, room.uuid);
            QCOMPARE(gone->sum, 1);
            QVERIFY(gone->users.isEmpty());
        }
        m_a.call(CallName::DeleteRoom, fields({{"uuid", room.uuid}}));
        QVERIFY(m_a.expect(nameOf(ErrorName::NoSpecifiedRoom))); // one ordinary frame (Q4)
        m_a.call(CallName::DeleteRoom, fields({{"uuid", QJsonValue::Null}}));
        QVERIFY(m_a.expect(nameOf(ErrorName::NoSpecifiedRoom)));
        m_a.call(CallName::DeleteRoom);
        QVERIFY(m_a.expect(nameOf(GeneralReply::NotSufficientData)));
        m_a.call(CallName::ListRooms);
        EXPECT_STATEMENT(got1, m_a, nameOf(ResultName::RoomsListed));
        QVERIFY(got1.list().isEmpty());
        QVERIFY(m_b.receivesNothing());
    }

    void theListFollowsEveryChange()
    {
        // The server keeps the serialized list between changes; every change must show in the next list.
        QCOMPARE(listedAtB(), QVector<Room> {});
        const auto room = createRoomSeenByBoth();
        QCOMPARE(listedAtB(), QVector<Room> {room});
        m_a.call(CallName::ChangeName, fields({{"uuid", room.uuid}, {"name", str("renamed")}}));
        QCOMPARE(listedAtB(), QVector<Room> {roomChangedAtBoth()});
        m_a.call(CallName::ChangeColor, fields({{"uuid", room.uuid}, {"color", str("#123456")}}));
        QCOMPARE(listedAtB(), QVector<Room> {roomChangedAtBoth()});
        QVERIFY(m_a.enterRoom(room.uuid));
        m_b.drain();
        const QVector<Room> entered = listedAtB();
        QCOMPARE(entered.size(), 1);
        QCOMPARE(entered.first().users.size(), 1);
        m_a.call(CallName::ChangeUserName, fields({{"name", str("someone")}}));
        QVERIFY(m_b.expect(nameOf(ResultName::RoomChanged)));
        QCOMPARE(listedAtB().first().users.first().name, str("someone"));
        m_a.call(CallName::CreateMessage, fields({{"body", str("hello")}}));
        QVERIFY(m_b.expect(nameOf(ResultName::RoomChanged)));
        QCOMPARE(listedAtB().first().sum, 1);
        m_a.call(CallName::LeaveRoom);
        QVERIFY(m_b.expect(nameOf(ResultName::RoomChanged)));
        QVERIFY(listedAtB().first().users.isEmpty());
        m_a.drain();
        m_a.call(CallName::DeleteRoom, fields({{"uuid", room.uuid}}));
        QVERIFY(m_b.expect(nameOf(ResultName::RoomDeleted)));
        QCOMPARE(listedAtB(), QVector<Room> {});
    }

private:
    QVector<Room> listedAtB()
    {
        m_b.drain();
        m_b.call(CallName::ListRooms);
        const auto listed = m_b.expect(nameOf(ResultName::RoomsListed));
        QVector<Room> rooms;
        for (const QJsonValue &value : listed ? listed->list() : QJsonArray {})
            rooms << Room::fromJson(value.toObject()).value_or(Room {});
        return rooms;
    }

    Room createRoomSeenByBoth()
    {
        const auto room = m_a.createRoom();
        m_b.drain();
        return room.value_or(Room {});
    }

    Room roomChangedAtBoth()
    {
        const auto atA = m_a.expect(nameOf(ResultName::RoomChanged));
        const auto atB = m_b.expect(nameOf(ResultName::RoomChanged));
        if (!atA || !atB)
            return {};
        const auto room = Room::fromJson(atA->object());
        return room && *room == *Room::fromJson(atB->object()) ? *room : Room {};
    }

    TestServer m_server;
    TestClient m_a;
    TestClient m_b;
};

QTEST_GUILESS_MAIN(TestRooms)
#include "tst_rooms.moc"
