// create_message and list_messages: recipients, frame order, history, live authors and validation.
#include "model/Message.h"
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace chat;

class TestMessages : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_server.start());
        for (TestClient *client : {&m_a, &m_b, &m_c, &m_lobby})
            QVERIFY(client->connectTo(m_server.url()));
        m_r1 = m_a.createRoom().value_or(Room {});
        m_r2 = m_a.createRoom().value_or(Room {});
        QVERIFY(m_a.enterRoom(m_r1.uuid));
        QVERIFY(m_b.enterRoom(m_r1.uuid));
        QVERIFY(m_c.enterRoom(m_r2.uuid));
        for (TestClient *client : {&m_a, &m_b, &m_c, &m_lobby})
            client->drain();
    }
    void cleanup()
    {
        for (TestClient *client : {&m_a, &m_b, &m_c, &m_lobby}) {
            client->close();
            client->waitForDisconnected();
        }
        m_server.stop();
    }

    void roomMembersGetTheMessageAfterTheRoomUpdate()
    {
        m_a.call(CallName::CreateMessage, fields({{"body", str("hello")}}));
        for (TestClient *member : {&m_a, &m_b}) {
            const auto changed = member->expect(nameOf(ResultName::RoomChanged));
            QVERIFY(changed);
            QCOMPARE(Room::fromJson(changed->object())->sum, 1);
            const auto created = member->expect(nameOf(ResultName::MessageCreated));
            QVERIFY(created);
            const QJsonObject json = created->object();
            QCOMPARE(json.keys(),
                     (QStringList {str("body"), str("created"), str("name"), str("room_uuid"), str("user"),
                                   str("uuid")}));
            const auto message = Message::fromJson(json);
            QCOMPARE(message->body, str("hello"));
            QCOMPARE(message->roomUuid, m_r1.uuid);
            QCOMPARE(message->user.uuid, m_a.user().uuid);
            QCOMPARE(json.value(str("name")).toString(), str("message-") + message->uuid);
            const QRegularExpression isoformat(
                str("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?$"));
            QVERIFY2(isoformat.match(message->created).hasMatch(), qPrintable(message->created));
        }
        for (TestClient *outsider : {&m_c, &m_lobby}) { // everyone sees the count, only members the message
            QVERIFY(outsider->expect(nameOf(ResultName::RoomChanged)));
            QVERIFY(outsider->receivesNothing());
        }
    }

    void textsComeBackExactlyWhateverTheyHold()
    {
        // U+0000 is valid JSON text but not PostgreSQL text; U+0001 is how such texts are stored there.
        const QString bodies[] = {QString(QChar(0)), str("a") + QChar(0) + str("b"), QChar(1) + str("1x"),
                                  QChar(1) + QString(QChar(0)), str("\u00e9\u4e2d\U0001f600 ok")};
        const QString name = str("Ann") + QChar(0) + QChar(1) + str("e");
        m_a.call(CallName::ChangeUserName, fields({{"name", name}}));
        EXPECT_STATEMENT(got1, m_a, nameOf(ResultName::UserChanged));
        QCOMPARE(got1.object().value(str("name")).toString(), name);
        for (const QString &body : bodies)
            m_a.call(CallName::CreateMessage, fields({{"body", body}}));
        m_a.drain();
        m_a.call(CallName::ListMessages);
        const auto listed = m_a.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(listed);
        const QJsonArray history = listed->list();
        QCOMPARE(history.size(), int(std::size(bodies)));
        for (int i = 0; i < history.size(); ++i) {
            const auto message = Message::fromJson(history.at(i).toObject());
            QCOMPARE(message->body, bodies[i]);
            QCOMPARE(message->user.name, name);
        }
    }

    void historyKeepsOrderUuidsAndLiveAuthors()
    {
        QStringList uuids;
        const QStringList bodies {str(""), str("Привіт, світ 👋 \"quoted\" \\ \n tab\t"), QString(5000, u'x'),
                                  str("last")};
        for (const QString &body : bodies) {
            m_a.call(CallName::CreateMessage, fields({{"body", body}}));
            QVERIFY(m_a.expect(nameOf(ResultName::RoomChanged)));
            EXPECT_STATEMENT(got2, m_a, nameOf(ResultName::MessageCreated));
            uuids << Message::fromJson(got2.object())->uuid;
        }
        m_a.call(CallName::ChangeUserName, fields({{"name", str("Alice")}}));
        QVERIFY(m_a.expect(nameOf(ResultName::UserChanged)));
        m_a.call(CallName::LeaveRoom);
        m_a.drain();
        m_b.drain();

        m_b.call(CallName::ListMessages);
        const auto listed = m_b.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(listed);
        QCOMPARE(listed->list().size(), bodies.size());
        for (int i = 0; i < bodies.size(); ++i) {
            const auto message = Message::fromJson(listed->list().at(i).toObject());
            QCOMPARE(message->uuid, uuids.at(i)); // stable, unlike the original with SQLite (Q11)
            QCOMPARE(message->body, bodies.at(i));
            QCOMPARE(message->user.name, str("Alice")); // the author as they are now (Q12)
            QVERIFY(message->user.roomUuid.isEmpty());
        }

        m_lobby.drain();
        m_lobby.call(CallName::EnterRoom, fields({{"uuid", m_r1.uuid}}));
        QVERIFY(m_lobby.expect(nameOf(ResultName::RoomEntered)));
        EXPECT_STATEMENT(got3, m_lobby, nameOf(ResultName::MessagesListed));
        QCOMPARE(got3.list(), listed->list());
    }

    void messagesNeedARoomAndAStringBody()
    {
        m_lobby.call(CallName::CreateMessage, fields({{"body", str("x")}}));
        QVERIFY(m_lobby.expect(nameOf(ErrorName::NoSelectedRoom)));
        m_lobby.call(CallName::CreateMessage); // the body is read before the room (as the original)
        QVERIFY(m_lobby.expect(nameOf(GeneralReply::NotSufficientData)));
        m_lobby.call(CallName::ListMessages);
        QVERIFY(m_lobby.expect(nameOf(ErrorName::NoSelectedRoom)));

        for (const QJsonValue &body :
             {QJsonValue(42), QJsonValue(QJsonValue::Null), QJsonValue(QJsonArray {1}),
              QJsonValue(QJsonObject {{str("a"), 1}}), QJsonValue(true)}) {
            m_a.call(CallName::CreateMessage, fields({{"body", body}}));
            QVERIFY(m_a.expect(nameOf(GeneralReply::NotSufficientData)));
        }
        QVERIFY(m_b.receivesNothing());
        m_a.call(CallName::ListMessages); // nothing was stored (Q13)
        EXPECT_STATEMENT(got4, m_a, nameOf(ResultName::MessagesListed));
        QVERIFY(got4.list().isEmpty());
        m_a.call(CallName::ListRooms);
        EXPECT_STATEMENT(got5, m_a, nameOf(ResultName::RoomsListed));
        QCOMPARE(Room::fromJson(got5.list().first().toObject())->sum, 0);
    }

    void renamingInsideARoomUpdatesTheRoom()
    {
        m_a.call(CallName::ChangeUserName, fields({{"name", str("Alice")}}));
        const auto changed = m_a.expect(nameOf(ResultName::UserChanged));
        QVERIFY(changed);
        QCOMPARE(User::fromJson(changed->object())->name, str("Alice"));
        QCOMPARE(User::fromJson(changed->object())->roomUuid, m_r1.uuid);
        for (TestClient *client : {&m_a, &m_b, &m_lobby}) {
            EXPECT_STATEMENT(got6, *client, nameOf(ResultName::RoomChanged));
            const auto room = Room::fromJson(got6.object());
            QCOMPARE(room->users.first().name, str("Alice"));
        }
        QVERIFY(m_b.receivesNothing()); // user_changed goes to the caller only

        m_lobby.call(CallName::ChangeUserName, fields({{"name", str("")}}));
        EXPECT_STATEMENT(got7, m_lobby, nameOf(ResultName::UserChanged));
        QCOMPARE(User::fromJson(got7.object())->name, m_lobby.user().name);
        m_lobby.call(CallName::ChangeUserName);
        QVERIFY(m_lobby.expect(nameOf(GeneralReply::NotSufficientData)));
        QVERIFY(m_a.receivesNothing());
    }

private:
    TestServer m_server;
    TestClient m_a, m_b, m_c, m_lobby;
    Room m_r1, m_r2;
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
