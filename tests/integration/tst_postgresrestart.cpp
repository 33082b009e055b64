// A node whose PostgreSQL goes away and comes back (CHAT_TEST_POSTGRES_CTL, from scripts/with-postgres.sh):
// calls meanwhile get an error reply and nothing half-written, the node keeps its clients, and serves again
// without a restart once the database is back. Runs alone: it stops the cluster the other tests share.
#include "model/Room.h"
#include "support/Json.h"
#include "testlib/ServerProcess.h"
#include "support/TestClient.h"

#include <QElapsedTimer>
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
};

QTEST_GUILESS_MAIN(TestPostgresRestart)
#include "tst_postgresrestart.moc"
