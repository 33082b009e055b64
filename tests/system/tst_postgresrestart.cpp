// A node whose PostgreSQL goes away and comes back (CHAT_TEST_POSTGRES_CTL, from scripts/with-postgres.sh):
// calls meanwhile get an error reply and nothing half-written, the node keeps its clients, and serves again
// without a restart once the database is back; live previews and typing (docs/EXTENSIONS.md, "Several
// nodes") cross nodes again. Runs alone: it stops the cluster the other tests share.
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "testlib/ServerProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace chat;

namespace {

bool controlCluster(const QString &command)
{
    QProcess control;
    control.start(str("/bin/sh"),
                  {str("-c"), qEnvironmentVariable("CHAT_TEST_POSTGRES_CTL") + str(" ") + command});
    return control.waitForFinished(60000) && control.exitStatus() == QProcess::NormalExit
        && control.exitCode() == 0;
}

QJsonObject liveCall(const QString &uuid, const QJsonArray &points)
{
    return fields({{"uuid", uuid},
                   {"from", 0},
                   {"points", points},
                   {"tool", str("pen")},
                   {"color", str("#112233")},
                   {"end", false}});
}

// Sends what send() sends every ~second until receiver gets a statement named name whose object satisfies
// accept, within timeoutMs; other statements are skipped. How long it took, or -1.
template<typename Send, typename Accept>
qint64 untilCrossed(TestClient &receiver, Send send, const QString &name, Accept accept, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        send();
        for (auto statement = receiver.next(1100); statement; statement = receiver.next(100)) {
            if (statement->name() == name && accept(statement->object()))
                return timer.elapsed();
        }
    }
    return -1;
}

} // namespace

class TestPostgresRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("CHAT_TEST_POSTGRES_URL")
            || qEnvironmentVariableIsEmpty("CHAT_TEST_POSTGRES_CTL"))
            QSKIP("CHAT_TEST_POSTGRES_URL is not set (run the tests through scripts/with-postgres.sh)");
    }

    void cleanupTestCase()
    {
        controlCluster(str("-w start")); // whatever happened, the other tests need it
    }

    void aNodeSurvivesAPostgresRestart()
    {
        const QString schema = str("restart_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
        const QString database =
            str("%1?schema=%2").arg(qEnvironmentVariable("CHAT_TEST_POSTGRES_URL"), schema);
        ServerProcess node(str(CHAT_SERVER_PATH));
        QVERIFY(
            node.start({str("--db"), database, str("--node-id"), str("R"), str("--log-level"), str("info")}));
        const qint64 pid = node.pid();
        TestClient client;
        QVERIFY(client.connectTo(node.url()));
        const auto room = client.createRoom();
        QVERIFY(room);
        QVERIFY(client.enterRoom(room->uuid));
        client.call(CallName::CreateMessage, fields({{"body", str("before")}}));
        QVERIFY(client.expect(nameOf(ResultName::RoomChanged)));
        QVERIFY(client.expect(nameOf(ResultName::MessageCreated)));

        QVERIFY(controlCluster(str("-m fast -w stop")));
        client.call(CallName::CreateMessage, fields({{"body", str("while away")}}));
        const auto refused = client.next(10000);
        QVERIFY(refused);
        QCOMPARE(refused->name(), nameOf(ErrorName::InternalError));
        client.call(CallName::ListRooms);
        const auto refusedAgain = client.next(10000);
        QVERIFY(refusedAgain);
        QCOMPARE(refusedAgain->name(), nameOf(ErrorName::InternalError));
        QVERIFY(client.isConnected());

        QVERIFY(controlCluster(str("-w start")));
        QElapsedTimer sinceBack;
        sinceBack.start();
        bool served = false;
        while (!served && sinceBack.elapsed() < 30000) {
            client.call(CallName::CreateMessage, fields({{"body", str("after")}}));
            for (auto statement = client.next(1000); statement; statement = client.next(300)) {
                if (statement->name() == nameOf(ResultName::MessageCreated))
                    served = true;
            }
        }
        QVERIFY2(served, "the node did not serve again within 30 s of the database's return");
        qInfo("served again %lld ms after PostgreSQL was back", sinceBack.elapsed());
        QCOMPARE(node.pid(), pid);
        QVERIFY(client.isConnected());

        // Nothing half-written: the history holds "before" and "after", never "while away"; the client is
        // still in its room, as the newcomer sees.
        TestClient other;
        QVERIFY(other.connectTo(node.url()));
        other.call(CallName::EnterRoom, fields({{"uuid", room->uuid}}));
        QVERIFY(other.expect(nameOf(ResultName::RoomEntered)));
        const auto history = other.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(history);
        QStringList bodies;
        for (const QJsonValue &message : history->list())
            bodies << message.toObject().value(str("body")).toString();
        QCOMPARE(bodies.first(), str("before"));
        QVERIFY(!bodies.contains(str("while away")));
        QVERIFY(bodies.contains(str("after")));
        const auto roomNow = other.expect(nameOf(ResultName::DrawingGot));
        QVERIFY(roomNow);
        const QString log = node.log();
        QVERIFY2(log.contains(str("lost the connection")), qPrintable(log));
        QVERIFY2(log.contains(str("again after")), qPrintable(log));
    }

    // The connection a node sends live statements on (ClusterNode::sendLive) dies with the database; once
    // it is back, previews and typing cross nodes again, with no restart of either node.
    void liveStatementsCrossNodesAgainAfterAPostgresRestart()
    {
        const QString schema = str("restart_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
        const QString database =
            str("%1?schema=%2").arg(qEnvironmentVariable("CHAT_TEST_POSTGRES_URL"), schema);
        ServerProcess nodeA(str(CHAT_SERVER_PATH));
        ServerProcess nodeB(str(CHAT_SERVER_PATH));
        QVERIFY(nodeA.start(
            {str("--db"), database, str("--node-id"), str("LA"), str("--log-level"), str("info")}));
        QVERIFY(nodeB.start(
            {str("--db"), database, str("--node-id"), str("LB"), str("--log-level"), str("info")}));
        TestClient a;
        TestClient b;
        for (TestClient *client : {&a, &b})
            client->offerSubprotocols({extensionSubprotocol()});
        QVERIFY(a.connectTo(nodeA.url()));
        QVERIFY(b.connectTo(nodeB.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        QVERIFY(b.enterRoom(room->uuid));
        const QString author = a.user().uuid;
        int stroke = 0;
        const auto preview = [&] {
            a.call(CallName::DrawLive, liveCall(str("s%1").arg(++stroke), {stroke, stroke}));
        };
        const auto isLatest = [&](const QJsonObject &object) {
            return object.value(str("uuid")).toString() == str("s%1").arg(stroke)
                && object.value(str("user")).toString() == author;
        };
        const auto typing = [&] { a.call(CallName::SetTyping, fields({{"typing", true}})); };
        const auto isTyping = [&](const QJsonObject &object) {
            return object == fields({{"user", author}, {"room_uuid", room->uuid}, {"typing", true}});
        };
        const QString live = nameOf(ResultName::LiveLineChanged);
        const QString typingChanged = nameOf(ResultName::TypingChanged);
        QVERIFY(untilCrossed(b, preview, live, isLatest, 20000) >= 0); // they cross before
        QVERIFY(untilCrossed(b, typing, typingChanged, isTyping, 20000) >= 0);

        QVERIFY(controlCluster(str("-m fast -w stop")));
        preview(); // to a sender whose database is gone: lost, nothing else
        typing();
        QVERIFY(a.isConnected() && b.isConnected());
        QVERIFY(controlCluster(str("-w start")));

        const qint64 previewMs = untilCrossed(b, preview, live, isLatest, 30000);
        QVERIFY2(previewMs >= 0, "no preview crossed within 30 s of the database's return");
        const qint64 typingMs = untilCrossed(b, typing, typingChanged, isTyping, 30000);
        QVERIFY2(typingMs >= 0, "no typing crossed within 30 s of the previews");
        qInfo("previews crossed again %lld ms after PostgreSQL was back, typing %lld ms later", previewMs,
              typingMs);
        QVERIFY(a.isConnected() && b.isConnected());
        QCOMPARE(nodeA.process().state(), QProcess::Running);
        QCOMPARE(nodeB.process().state(), QProcess::Running);
    }
};

QTEST_GUILESS_MAIN(TestPostgresRestart)
#include "tst_postgresrestart.moc"
