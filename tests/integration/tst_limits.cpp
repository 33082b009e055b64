// The server's limits (README, "Limits"): the per-connection rate limit and flood close, connection caps,
// the handshake timeout, and the caps on names, bodies, points and lines. Every refusal a plain client can
// see is an error statement it ignores, or the end of its connection.
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"
#include "transport/ConnectionLimits.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace chat;
using chat::server::ChatServer;

namespace {

QString repeated(int count)
{
    return QString(count, u'é');
}

QJsonObject line(const QString &uuid, int numbers)
{
    QJsonArray points;
    for (int i = 0; i < numbers; ++i)
        points.append(i);
    return fields({{"uuid", uuid}, {"points", points}, {"color", str("#000000")}, {"tool", str("pen")}});
}

int countNamed(const QVector<ServerStatement> &statements, const QString &name)
{
    return int(std::count_if(statements.cbegin(), statements.cend(),
                             [&](const ServerStatement &s) { return s.name() == name; }));
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { m_server.stop(); }

    void callsOverTheRateAreAnsweredRateLimited()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 5;
        options.limits.callBurst = 5;
        options.limits.floodCloseAfter = 0;
        QVERIFY(m_server.start(options));
        TestClient a;
        QVERIFY(a.connectTo(m_server.url()));
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 20; ++i)
            a.call(CallName::ListRooms);
        QTRY_VERIFY_WITH_TIMEOUT(a.pending() >= 20, 20000); // every call is answered, one way or the other
        const qint64 elapsedMs = clock.elapsed();
        const auto replies = a.takeAll();
        QCOMPARE(replies.size(), 20);
        // The burst, plus what the bucket earned (5 a second) while the calls were being answered: a bound
        // from the time this run took, not from a guess of how fast the machine is.
        const int listed = countNamed(replies, nameOf(ResultName::RoomsListed));
        const int earned = int(elapsedMs * 5 / 1000) + 1;
        QVERIFY2(listed >= 5 && listed <= 5 + earned,
                 qPrintable(QStringLiteral("%1 listed in %2 ms").arg(listed).arg(elapsedMs)));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(replies.at(i).name(), nameOf(ResultName::RoomsListed));
        QCOMPARE(countNamed(replies, nameOf(ErrorName::RateLimited)), 20 - listed);
        if (listed < 20)
            QCOMPARE(replies.last().type(), StatementType::Error);

        // The bucket refills; the connection was never closed: a call is answered again (asked every 200
        // ms, which the bucket earns back, so the asking itself cannot keep it empty).
        bool answered = false;
        QDeadlineTimer deadline(20000);
        while (!answered && !deadline.hasExpired() && a.isConnected()) {
            a.call(CallName::ListRooms);
            const auto reply = a.next(5000);
            QVERIFY(reply);
            answered = reply->name() == nameOf(ResultName::RoomsListed);
            if (!answered) {
                QCOMPARE(reply->name(), nameOf(ErrorName::RateLimited));
                QTest::qWait(
                    200); // paces the retries while the bucket refills; the loop waits for the answer
            }
        }
        QVERIFY(answered);
        QVERIFY(a.isConnected());
    }

    void aClientThatKeepsFloodingIsClosedWith1008()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 5;
        options.limits.callBurst = 5;
        options.limits.floodCloseAfter = 20;
        QVERIFY(m_server.start(options));
        TestClient flooder, bystander;
        QVERIFY(flooder.connectTo(m_server.url()));
        QVERIFY(bystander.connectTo(m_server.url()));
        for (int i = 0; i < 200; ++i)
            flooder.call(CallName::CreateRoom);
        QVERIFY(flooder.waitForDisconnected());
        QCOMPARE(flooder.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        // Only the calls within the burst ran: the bystander heard of at most a handful of rooms. Its own
        // list_rooms is answered after everything the flooder's calls sent it (they ran first).
        bystander.call(CallName::ListRooms);
        QVector<ServerStatement> heard;
        while (heard.isEmpty() || heard.last().name() != nameOf(ResultName::RoomsListed)) {
            const auto statement = bystander.next(10000);
            QVERIFY2(statement, "no rooms_listed for the bystander");
            heard.append(*statement);
        }
        QVERIFY(countNamed(heard, nameOf(ResultName::RoomCreated)) <= 6);
        QVERIFY(heard.last().list().size() <= 6);
    }

    void aFlooderCannotComeStraightBack()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 5;
        options.limits.callBurst = 5;
        options.limits.floodCloseAfter = 20;
        options.limits.floodBanMs = 3000; // long enough for "at once" on a loaded machine
        QVERIFY(m_server.start(options));
        TestClient flooder;
        QVERIFY(flooder.connectTo(m_server.url()));
        for (int i = 0; i < 200; ++i)
            flooder.call(CallName::ListRooms);
        QVERIFY(flooder.waitForDisconnected());
        QCOMPARE(flooder.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

        TestClient again; // same address, at once: refused before any statement
        QVERIFY(again.openOnly(m_server.url()));
        QVERIFY(again.waitForDisconnected());
        QCOMPARE(again.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(again.pending(), 0);

        // The ban is over within a few seconds: a new connection gets its user (tried until it does).
        QElapsedTimer sinceClose;
        sinceClose.start();
        bool admitted = false;
        while (!admitted && sinceClose.elapsed() < 30000) {
            TestClient later;
            QVERIFY(later.openOnly(m_server.url()));
            admitted = later.expect(nameOf(ResultName::UserCreated), 5000).has_value();
            if (!admitted) {
                QVERIFY(later.waitForDisconnected());
                QCOMPARE(later.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
                QTest::qWait(250); // paces the retries until the ban ends; the loop waits for the admission
            }
        }
        QVERIFY(admitted);
    }

    void connectionsOverTheCapsAreClosedBeforeAnyStatement_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("perAddress");
        QTest::newRow("total") << 3 << 0;
        QTest::newRow("per address") << 0 << 3;
    }

    void connectionsOverTheCapsAreClosedBeforeAnyStatement()
    {
        QFETCH(int, total);
        QFETCH(int, perAddress);
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.maxConnections = total;
        options.limits.maxConnectionsPerAddress = perAddress;
        QVERIFY(m_server.start(options));
        TestClient clients[3];
        for (TestClient &client : clients)
            QVERIFY(client.connectTo(m_server.url()));
        TestClient extra;
        QVERIFY(extra.openOnly(m_server.url()));
        QVERIFY(extra.waitForDisconnected());
        QCOMPARE(extra.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(extra.pending(), 0); // no user was made for it
        QCOMPARE(m_server.server()->sessionCount(), 3);

        clients[0].close(); // a place comes free
        QVERIFY(clients[0].waitForDisconnected());
        QTRY_COMPARE(m_server.server()->sessionCount(), 2);
        TestClient late;
        QVERIFY(late.connectTo(m_server.url()));
    }

    void aPeerThatDoesNotFinishTheHandshakeIsDropped()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.handshakeTimeoutMs = 300;
        QVERIFY(m_server.start(options));
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, m_server.server()->port());
        // The server runs in this thread: wait by running the event loop, never by blocking.
        QTRY_COMPARE(silent.state(), QAbstractSocket::ConnectedState);
        // Closed before the default timeout of 10 s could have: so by the configured one, however loaded the
        // machine (a 300 ms timer has 9 s to fire).
        QVERIFY(chat::server::ConnectionLimits {}.handshakeTimeoutMs >= 10000);
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 9000);
        TestClient a; // and the server still serves
        QVERIFY(a.connectTo(m_server.url()));
    }

    void namesOverTheCapAreRefused()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.caps.maxNameLength = 10;
        QVERIFY(m_server.start(options));
        TestClient a;
        QVERIFY(a.connectTo(m_server.url()));
        a.call(CallName::ChangeUserName, fields({{"name", repeated(11)}}));
        QVERIFY(a.expect(nameOf(ErrorName::NameTooLong)));
        a.call(CallName::ChangeUserName, fields({{"name", repeated(10)}}));
        const auto changed = a.expect(nameOf(ResultName::UserChanged));
        QVERIFY(changed);
        QCOMPARE(changed->object().value(str("name")).toString(), repeated(10));

        const auto room = a.createRoom();
        QVERIFY(room);
        a.call(CallName::ChangeName, fields({{"uuid", room->uuid}, {"name", repeated(11)}}));
        QVERIFY(a.expect(nameOf(ErrorName::NameTooLong)));
        a.call(CallName::ListRooms);
        const auto listed = a.expect(nameOf(ResultName::RoomsListed));
        QVERIFY(listed);
        QCOMPARE(listed->list().first().toObject().value(str("name")).toString(), room->name); // unchanged
    }

    void bodiesOverTheCapAreRefusedAndNotStored()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.caps.maxBodyLength = 50;
        QVERIFY(m_server.start(options));
        TestClient a;
        QVERIFY(a.connectTo(m_server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        a.call(CallName::CreateMessage, fields({{"body", repeated(51)}}));
        QVERIFY(a.expect(nameOf(ErrorName::BodyTooLong)));
        QVERIFY(a.receivesNothing()); // no room_changed either: the count did not move
        a.call(CallName::CreateMessage, fields({{"body", repeated(50)}}));
        QVERIFY(a.expect(nameOf(ResultName::RoomChanged)));
        QVERIFY(a.expect(nameOf(ResultName::MessageCreated)));
        a.call(CallName::ListMessages);
        const auto history = a.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(history);
        QCOMPARE(history->list().size(), 1);
    }

    void linesOverThePointCapAreRefused()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.caps.maxPointsPerLine = 100;
        QVERIFY(m_server.start(options));
        TestClient a;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(a.enterRoom(a.createRoom().value_or(Room {}).uuid));
        a.call(CallName::ChangeDrawLine, line(str("l1"), 101));
        QVERIFY(a.expect(nameOf(ErrorName::TooManyPoints)));
        a.call(CallName::ChangeDrawLine, line(str("l1"), 100));
        QVERIFY(a.expect(nameOf(ResultName::DrawLineChanged)));
        a.call(CallName::GetDrawing);
        const auto drawing = a.expect(nameOf(ResultName::DrawingGot));
        QVERIFY(drawing);
        const QJsonArray lines = drawing->object().value(str("lines")).toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().toObject().value(str("points")).toArray().size(), 100);
    }

    void aFullDrawingTakesNoNewLinesButKnownOnesChange()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.caps.maxLinesPerDrawing = 3;
        QVERIFY(m_server.start(options));
        TestClient a;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(a.enterRoom(a.createRoom().value_or(Room {}).uuid));
        for (const char *uuid : {"l1", "l2", "l3"}) {
            a.call(CallName::ChangeDrawLine, line(str(uuid), 4));
            QVERIFY(a.expect(nameOf(ResultName::DrawLineChanged)));
        }
        a.call(CallName::ChangeDrawLine, line(str("l4"), 4));
        QVERIFY(a.expect(nameOf(ErrorName::TooManyLines)));
        a.call(CallName::ChangeDrawLine, line(str("l2"), 6)); // replacing in place adds no line
        QVERIFY(a.expect(nameOf(ResultName::DrawLineChanged)));
        a.call(CallName::ResetDrawing);
        QVERIFY(a.expect(nameOf(ResultName::DrawingGot)));
        a.call(CallName::ChangeDrawLine, line(str("l4"), 4));
        QVERIFY(a.expect(nameOf(ResultName::DrawLineChanged)));
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
