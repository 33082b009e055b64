// Rooms, messages and drawings survive a restart; room membership does not (docs/PROTOCOL.md section 6).
#include "model/Drawing.h"
#include "model/Message.h"
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace chat;

class TestPersistence : public QObject
{
    Q_OBJECT

private slots:
    void restartKeepsRoomsMessagesAndDrawings()
    {
        TestServer server;
        QVERIFY(server.start());
        QVector<Room> before;
        QVector<Message> messagesBefore;
        Drawing drawingBefore;
        {
            TestClient a;
            QVERIFY(a.connectTo(server.url()));
            a.call(CallName::ChangeUserName, fields({{"name", str("Alice")}}));
            QVERIFY(a.expect(nameOf(ResultName::UserChanged)));
            const auto first = a.createRoom();
            const auto second = a.createRoom();
            a.call(CallName::ChangeName, fields({{"uuid", second->uuid}, {"name", str("Second")}}));
            a.call(CallName::ChangeColor, fields({{"uuid", second->uuid}, {"color", str("#abc")}}));
            QVERIFY(a.enterRoom(first->uuid));
            for (const char *body : {"one", "two", "three"})
                a.call(CallName::CreateMessage, fields({{"body", str(body)}}));
            a.call(CallName::ChangeDrawLine,
                   fields({{"uuid", str("l1")},
                           {"points", QJsonArray {1, 2.5, 3, 4}},
                           {"color", str("#ff0000")},
                           {"tool", str("pen")}}));
            a.call(CallName::ChangeDrawLine,
                   fields({{"uuid", str("l2")},
                           {"points", QJsonArray {9, 9}},
                           {"color", str("#00ff00")},
                           {"tool", str("eraser")}}));
            a.drain();
            a.call(CallName::ListRooms);
            EXPECT_STATEMENT(got1, a, nameOf(ResultName::RoomsListed));
            before = roomsOf(got1);
            QCOMPARE(before.size(), 2);
            QCOMPARE(before.at(0).users.size(), 1);
            a.call(CallName::ListMessages);
            const auto listed = a.expect(nameOf(ResultName::MessagesListed));
            QVERIFY(listed);
            for (const QJsonValue &value : listed->list())
                messagesBefore.append(*Message::fromJson(value.toObject()));
            QCOMPARE(messagesBefore.size(), 3);
            a.call(CallName::GetDrawing);
            EXPECT_STATEMENT(got2, a, nameOf(ResultName::DrawingGot));
            drawingBefore = *Drawing::fromJson(got2.object());
            QCOMPARE(drawingBefore.lines.size(), 2);
            // The connection is still open when the server goes away: as after a crash.
            QVERIFY(server.restart());
        }

        TestClient b;
        QVERIFY(b.openOnly(server.url()));
        QVERIFY(b.expect(nameOf(ResultName::UserCreated)));
        EXPECT_STATEMENT(got3, b, nameOf(ResultName::RoomsListed));
        const QVector<Room> after = roomsOf(got3);
        QCOMPARE(after.size(), 2);
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).uuid, before.at(i).uuid);
            QCOMPARE(after.at(i).name, before.at(i).name);
            QCOMPARE(after.at(i).color, before.at(i).color);
            QCOMPARE(after.at(i).sum, before.at(i).sum);
            QVERIFY(after.at(i).users.isEmpty()); // membership is cleared at start
        }
        QCOMPARE(after.at(1).name, str("Second"));
        QCOMPARE(after.at(0).sum, 3);

        b.call(CallName::EnterRoom, fields({{"uuid", before.at(0).uuid}}));
        QVERIFY(b.expect(nameOf(ResultName::RoomEntered)));
        EXPECT_STATEMENT(got4, b, nameOf(ResultName::MessagesListed));
        const auto history = got4.list();
        QCOMPARE(history.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const auto message = Message::fromJson(history.at(i).toObject());
            QCOMPARE(message->uuid, messagesBefore.at(i).uuid);
            QCOMPARE(message->body, messagesBefore.at(i).body);
            QCOMPARE(message->created, messagesBefore.at(i).created);
            QCOMPARE(message->user.name, str("Alice")); // the author is remembered after they left
            QVERIFY(message->user.roomUuid.isEmpty());
        }
        EXPECT_STATEMENT(got5, b, nameOf(ResultName::DrawingGot));
        const auto drawing = Drawing::fromJson(got5.object());
        QCOMPARE(drawing->uuid, drawingBefore.uuid);
        QCOMPARE(drawing->lines.size(), 2);
        for (int i = 0; i < 2; ++i)
            QVERIFY(drawing->lines.at(i) == drawingBefore.lines.at(i));
        QCOMPARE(drawing->lines.at(0).points, (QJsonArray {1, 2.5, 3, 4}));
    }

    void everyAnswerFollowsItsCommit()
    {
        TestServer server;
        QVERIFY(server.start());
        constexpr int senderCount = 4;
        constexpr int messagesEach = 50; // within a connection's burst allowance
        std::vector<std::unique_ptr<TestClient>> senders;
        TestClient listener;
        QVERIFY(listener.connectTo(server.url()));
        const auto room = listener.createRoom();
        QVERIFY(listener.enterRoom(room->uuid));
        for (int i = 0; i < senderCount; ++i) {
            senders.push_back(std::make_unique<TestClient>());
            QVERIFY(senders.back()->connectTo(server.url()));
            QVERIFY(senders.back()->enterRoom(room->uuid));
        }
        listener.drain();

        QSqlDatabase reader = server.openReader(str("reader"));
        QVERIFY(reader.isOpen());
        // Queue many messages at once: they share batches, and each one must be in the database by the time
        // anybody is told about it.
        for (int round = 0; round < messagesEach; ++round) {
            for (auto &sender : senders)
                sender->call(CallName::CreateMessage, fields({{"body", QStringLiteral("m%1").arg(round)}}));
        }
        int seen = 0;
        while (seen < senderCount * messagesEach) {
            const auto statement = listener.next(5000);
            QVERIFY(statement);
            if (statement->name() != nameOf(ResultName::MessageCreated))
                continue;
            const QString uuid = Message::fromJson(statement->object())->uuid;
            QSqlQuery query(reader);
            QVERIFY(query.prepare(str("SELECT COUNT(*) FROM messages WHERE uuid = ?")));
            query.addBindValue(uuid);
            QVERIFY(query.exec() && query.next());
            QVERIFY2(query.value(0).toInt() == 1,
                     qPrintable(str("message %1 was told before it was stored").arg(seen)));
            ++seen;
        }
        reader.close();
        reader = QSqlDatabase();
        QSqlDatabase::removeDatabase(str("reader"));
    }

private:
    static QVector<Room> roomsOf(const ServerStatement &listed)
    {
        QVector<Room> rooms;
        for (const QJsonValue &value : listed.list())
            rooms.append(*Room::fromJson(value.toObject()));
        return rooms;
    }
};

QTEST_GUILESS_MAIN(TestPersistence)
#include "tst_persistence.moc"
