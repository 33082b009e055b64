// Message-count updates (docs/EXTENSIONS.md): the room's members get every one before its message; under a
// small budget those outside the room get them merged, ending at the true count; so are the updates of users
// entering and leaving; a full room update replaces a held one; socketchat.v1 clients get room_sum_changed
// instead of the whole room.
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocketHandshakeOptions>

#include <optional>

using namespace chat;

namespace {

constexpr int messageCount = 10;

// The sums of the room_changed (or room_sum_changed) statements about one room, in arrival order.
QVector<qint64> sumsOf(const QVector<ServerStatement> &statements, const QString &roomUuid)
{
    QVector<qint64> sums;
    for (const ServerStatement &statement : statements) {
        const bool count = statement.name() == nameOf(ResultName::RoomChanged)
            || statement.name() == nameOf(ResultName::RoomSumChanged);
        const QJsonObject object = statement.object();
        if (count && object.value(str("uuid")).toString() == roomUuid)
            sums.append(object.value(str("sum")).toInteger());
    }
    return sums;
}

// The number of users in each room_changed about one room, in arrival order.
QVector<int> usersOf(const QVector<ServerStatement> &statements, const QString &roomUuid)
{
    QVector<int> users;
    for (const ServerStatement &statement : statements) {
        const QJsonObject object = statement.object();
        if (statement.name() == nameOf(ResultName::RoomChanged)
            && object.value(str("uuid")).toString() == roomUuid)
            users.append(int(object.value(str("users")).toArray().size()));
    }
    return users;
}

} // namespace

class TestCountUpdates : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        m_clients.clear();
        m_server.stop();
    }

    void membersGetEveryUpdateOutsidersGetThemMerged()
    {
        QVERIFY(startWithBudget(1)); // one frame per second for everyone outside the room
        const auto pair = memberAndOutsider();
        QVERIFY(pair);
        const auto [member, outsider, room] = *pair;

        postMessages(*member, messageCount);
        for (int i = 1; i <= messageCount; ++i) {
            const auto changed = member->expect(nameOf(ResultName::RoomChanged));
            QVERIFY(changed);
            QCOMPARE(changed->object().value(str("sum")).toInteger(), i);
            QVERIFY(member->expect(nameOf(ResultName::MessageCreated)));
        }
        // The last count arrives within a couple of seconds, older ones were merged into it.
        QVector<qint64> seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += sumsOf(outsider->takeAll(), room.uuid), seen.value(seen.size() - 1) == messageCount),
            5000);
        QVERIFY2(seen.size() < messageCount, qPrintable(QString::number(seen.size())));
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        // Nothing older comes after it: once the server holds no count update, a sync round trip has
        // everything it sent queued.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server()->heldCountUpdates(), 0, 10000);
        QVERIFY(outsider->receivesNothing());
    }

    void entriesAndExitsReachOutsidersMergedMembersGetEach()
    {
        QVERIFY(startWithBudget(1));
        const auto pair = memberAndOutsider();
        QVERIFY(pair);
        const auto [member, outsider, room] = *pair;
        QVector<TestClient *> visitors;
        for (int i = 0; i < 3; ++i) {
            TestClient *visitor = plainClient();
            QVERIFY(visitor);
            visitors << visitor;
        }
        // Three enter and leave again: six changes of the room's users. The first goes to those outside at
        // once and spends the budget for seconds; the others wait and are merged into one.
        for (TestClient *visitor : visitors)
            visitor->call(CallName::EnterRoom, fields({{"uuid", room.uuid}}));
        // A visitor may get an earlier visitor's update (to those outside) before its own room_entered.
        for (TestClient *visitor : visitors)
            QVERIFY(answerArrives(*visitor, nameOf(ResultName::RoomEntered)));
        for (TestClient *visitor : visitors)
            visitor->call(CallName::LeaveRoom);
        // The member gets every one, in order: 2, 3, 4 users, then 3, 2, 1.
        for (const int users : {2, 3, 4, 3, 2, 1}) {
            const auto changed = member->expect(nameOf(ResultName::RoomChanged), 10000);
            QVERIFY(changed);
            QCOMPARE(changed->object().value(str("users")).toArray().size(), users);
        }
        // The outsider ends with the true room (the member alone), after fewer updates.
        QVector<int> seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += usersOf(outsider->takeAll(), room.uuid),
             !seen.isEmpty() && seen.constLast() == 1 && m_server.server()->heldCountUpdates() == 0),
            20000);
        QVERIFY2(seen.size() < 6, qPrintable(QString::number(seen.size())));
        QVERIFY(outsider->receivesNothing());
        QVERIFY(member->receivesNothing());
    }

    void aFullRoomUpdateReplacesAHeldCount()
    {
        QVERIFY(startWithBudget(1));
        const auto pair = memberAndOutsider();
        QVERIFY(pair);
        const auto [member, outsider, room] = *pair;

        postMessages(*member, 3); // the first goes out, the next two are held; the rename comes after them
        member->call(CallName::ChangeName, fields({{"uuid", room.uuid}, {"name", str("renamed")}}));
        QVector<ServerStatement> received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received += outsider->takeAll(),
             !received.isEmpty()
                 && received.constLast().object().value(str("name")).toString() == str("renamed")),
            3000);
        QCOMPARE(received.constLast().object().value(str("sum")).toInteger(), 3);
        // The held count (older than the rename) was dropped, never to be sent: nothing is held, and nothing
        // came before the answer of a sync round trip.
        QCOMPARE(m_server.server()->heldCountUpdates(), 0);
        QVERIFY(outsider->receivesNothing());
    }

    void withoutABudgetNothingIsMerged()
    {
        QVERIFY(startWithBudget(0));
        const auto pair = memberAndOutsider();
        QVERIFY(pair);
        const auto [member, outsider, room] = *pair;

        postMessages(*member, messageCount);
        QVector<qint64> seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += sumsOf(outsider->takeAll(), room.uuid), seen.size() == messageCount), 3000);
        for (int i = 0; i < messageCount; ++i)
            QCOMPARE(seen.at(i), qint64(i + 1));
    }

    void extendedClientsGetCompactCounts()
    {
        QVERIFY(startWithBudget(0));
        TestClient *member = extendedClient();
        TestClient *outsider = extendedClient();
        TestClient *plain = plainClient();
        QVERIFY(member && outsider && plain);
        const Room room = member->createRoom().value_or(Room {});
        QVERIFY(member->enterRoom(room.uuid));
        outsider->drain();
        plain->drain();

        member->call(CallName::CreateMessage, fields({{"body", str("hi")}}));
        for (TestClient *client : {member, outsider}) {
            const auto count = client->expect(nameOf(ResultName::RoomSumChanged));
            QVERIFY(count);
            QCOMPARE(count->object().keys(), (QStringList {str("sum"), str("uuid")}));
            QCOMPARE(count->object().value(str("uuid")).toString(), room.uuid);
            QCOMPARE(count->object().value(str("sum")).toInteger(), 1);
        }
        QVERIFY(member->expect(nameOf(ResultName::MessageCreated)));
        const auto whole = plain->expect(nameOf(ResultName::RoomChanged));
        QVERIFY(whole);
        QCOMPARE(whole->object().value(str("sum")).toInteger(), 1);

        // Anything else about a room still comes whole.
        member->call(CallName::ChangeName, fields({{"uuid", room.uuid}, {"name", str("renamed")}}));
        for (TestClient *client : {member, outsider, plain}) {
            const auto changed = client->expect(nameOf(ResultName::RoomChanged));
            QVERIFY(changed);
            QCOMPARE(changed->object().value(str("name")).toString(), str("renamed"));
        }
    }

private:
    bool startWithBudget(int framesPerSecond)
    {
        auto options = TestServer::defaultOptions();
        options.limits.roomUpdateBudget = framesPerSecond;
        return m_server.start(options);
    }

    struct MemberAndOutsider
    {
        TestClient *member;
        TestClient *outsider;
        Room room;
    };
    // Two plain clients: one inside a new room, one outside it, with nothing queued.
    std::optional<MemberAndOutsider> memberAndOutsider()
    {
        TestClient *member = plainClient();
        TestClient *outsider = plainClient();
        if (!member || !outsider)
            return std::nullopt;
        const auto room = member->createRoom();
        if (!room || !member->enterRoom(room->uuid))
            return std::nullopt;
        outsider->drain();
        return MemberAndOutsider {member, outsider, *room};
    }

    TestClient *plainClient()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->connectTo(m_server.url()))
            return nullptr;
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    // A client that offered socketchat.v1 and got it.
    TestClient *extendedClient()
    {
        auto client = std::make_unique<TestClient>();
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({extensionSubprotocol()});
        QSignalSpy connected(&client->socket(), &QWebSocket::connected);
        client->socket().open(QNetworkRequest(m_server.url()), options);
        if (!connected.wait(5000) || client->socket().subprotocol() != extensionSubprotocol())
            return nullptr;
        if (!client->expect(nameOf(ResultName::UserCreated))
            || !client->expect(nameOf(ResultName::RoomsListed)))
            return nullptr;
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    // Takes statements off the client's queue until one with this name, skipping room_changed only.
    static bool answerArrives(TestClient &client, const QString &name)
    {
        for (;;) {
            const auto statement = client.next(10000);
            if (!statement || statement->name() == name)
                return statement.has_value();
            if (statement->name() != nameOf(ResultName::RoomChanged)) {
                qWarning("expected %s, got %s", qPrintable(name), qPrintable(statement->name()));
                return false;
            }
        }
    }

    static void postMessages(TestClient &client, int count)
    {
        for (int i = 0; i < count; ++i)
            client.call(CallName::CreateMessage, fields({{"body", str("m%1").arg(i)}}));
    }

    TestServer m_server;
    std::vector<std::unique_ptr<TestClient>> m_clients;
};

QTEST_GUILESS_MAIN(TestCountUpdates)
#include "tst_countupdates.moc"
