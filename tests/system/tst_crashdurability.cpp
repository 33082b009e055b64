// Crash durability: SIGKILL the chat-server while 50 clients post; after a restart every message whose
// message_created reached its sender is in the history, the database passes PRAGMA integrity_check, and the
// server serves at once.
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestDatabase.h"
#include "testlib/ServerProcess.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace chat;

namespace {

constexpr int clientCount = 50;
// Posting goes on for at least minPostingMs, and until twice as many messages as clients were acknowledged
// (a sanitizer build is slower), but no longer than maxPostingMs.
constexpr int minPostingMs = 2000;
constexpr int maxPostingMs = 20000;

// One poster: sends a message, waits for its own message_created, sends the next.
struct Poster
{
    std::unique_ptr<TestClient> client = std::make_unique<TestClient>();
    bool waiting = false;
    int sent = 0;
};

} // namespace

class TestCrashDurability : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedMessagesSurviveSigkill()
    {
        const auto fresh = TestDatabase::freshDatabase(m_folder.filePath(str("crash.db")));
        QVERIFY(fresh);
        const QString database = *fresh;
        ServerProcess server(str(CHAT_SERVER_PATH));
        QVERIFY(server.start({str("--db"), database}));

        std::vector<Poster> posters(clientCount);
        for (Poster &poster : posters)
            QVERIFY(poster.client->connectTo(server.url()));
        const auto room = posters[0].client->createRoom();
        QVERIFY(room);
        for (Poster &poster : posters)
            QVERIFY(poster.client->enterRoom(room->uuid));

        QSet<QString> acknowledged;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < minPostingMs
               || (acknowledged.size() < 2 * clientCount && timer.elapsed() < maxPostingMs)) {
            collectAndPost(posters, acknowledged, true);
            QTest::qWait(2);
        }
        const qint64 postedMs = timer.elapsed();
        server.kill(); // mid-flight: calls are being committed as it dies
        // What the server wrote before it died may still be on its way through loopback: all of it has come
        // once each connection has seen its end (the kernel closed the dead server's sockets after it).
        for (Poster &poster : posters)
            QVERIFY(poster.client->waitForDisconnected(30000));
        collectAndPost(posters, acknowledged, false);
        QVERIFY(acknowledged.size() > clientCount);

        QElapsedTimer restart;
        restart.start();
        QVERIFY(server.start({str("--db"), database}));
        TestClient reader;
        QVERIFY(reader.connectTo(server.url()));
        const qint64 servingMs = restart.elapsed();
        reader.call(CallName::EnterRoom, fields({{"uuid", room->uuid}}));
        QVERIFY(reader.expect(nameOf(ResultName::RoomEntered)));
        const auto history = reader.expect(nameOf(ResultName::MessagesListed), 10000);
        QVERIFY(history);
        QSet<QString> persisted;
        for (const QJsonValue &message : history->list())
            persisted.insert(message.toObject().value(str("uuid")).toString());
        const QSet<QString> lost = acknowledged - persisted;
        qInfo(
            "SIGKILL after %lld ms of 50 posters: %lld acknowledged, %lld persisted (%lld committed but not "
            "yet acknowledged), %lld lost; serving again %lld ms after the restart",
            postedMs, qint64(acknowledged.size()), qint64(persisted.size()),
            qint64((persisted - acknowledged).size()), qint64(lost.size()), servingMs);
        QVERIFY2(lost.isEmpty(), qPrintable(QStringList(lost.values()).join(u' ')));
        if (!TestDatabase::usesPostgres()) // PostgreSQL checks its own pages
            QCOMPARE(TestDatabase::sqliteIntegrity(database), str("ok"));
        // servingMs is a figure (printed above), not a check: on a loaded machine it measures the machine.
        QVERIFY(server.terminate());
    }

private:
    static void collectAndPost(std::vector<Poster> &posters, QSet<QString> &acknowledged, bool post)
    {
        for (Poster &poster : posters) {
            for (const ServerStatement &statement : poster.client->takeAll()) {
                if (statement.name() != nameOf(ResultName::MessageCreated))
                    continue;
                const QJsonObject message = statement.object();
                const QString author = message.value(str("user")).toObject().value(str("uuid")).toString();
                if (author != poster.client->user().uuid)
                    continue;
                acknowledged.insert(message.value(str("uuid")).toString());
                poster.waiting = false;
            }
            if (post && !poster.waiting && poster.client->isConnected()) {
                poster.client->call(CallName::CreateMessage,
                                    fields({{"body", QStringLiteral("message %1").arg(++poster.sent)}}));
                poster.waiting = true;
            }
        }
    }

    QTemporaryDir m_folder;
};

QTEST_GUILESS_MAIN(TestCrashDurability)
#include "tst_crashdurability.moc"
