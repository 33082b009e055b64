// Soak: many clients with random valid traffic against the chat-server executable. Its memory and open
// files stay flat, and nobody gets an error. CHAT_SOAK_SECONDS sets the length (CI: 30 s; a real soak
// runs for minutes). The rooms are replaced by fresh ones every few thousand messages and the old ones
// deleted once empty: in the original protocol every entry sends the whole history, so with ever-growing
// rooms the replies, and the memory they take while on their way, would grow with the data rather than with
// time.
#include "support/Json.h"
#include "testlib/ServerProcess.h"
#include "support/TestClient.h"
#include "support/TestDatabase.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace chat;

namespace {

constexpr int clientCount = 20;
constexpr int roomCount = 5;
constexpr int messagesPerRoomSet = 1500;

struct SoakClient
{
    std::unique_ptr<TestClient> client = std::make_unique<TestClient>();
    bool inRoom = false; // as the server last said
    bool moving = false; // an enter_room or leave_room is unanswered: room calls would race it
    qint64 nextCallMs = 0;
};

int soakSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("CHAT_SOAK_SECONDS", &ok);
    return ok && seconds > 0 ? seconds : 30;
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void randomTrafficKeepsMemoryAndFilesFlat()
    {
        ServerProcess server(str(CHAT_SERVER_PATH));
        const auto database = TestDatabase::freshDatabase(m_folder.filePath(str("soak.db")));
        QVERIFY(database);
        QVERIFY(server.start({str("--db"), *database}));
        const int filesAtStart = server.openFiles();

        std::vector<SoakClient> clients(clientCount);
        for (SoakClient &c : clients)
            QVERIFY(c.client->connectTo(server.url()));
        QVERIFY(m_janitor.connectTo(server.url()));
        QVERIFY(replaceRooms());

        const qint64 totalMs = soakSeconds() * 1000LL;
        QElapsedTimer timer;
        timer.start();
        qint64 warmKiB = -1;
        qint64 peakKiB = 0;
        qint64 calls = 0;
        while (timer.elapsed() < totalMs) {
            for (SoakClient &c : clients)
                calls += step(c, timer.elapsed(), server.url()) ? 1 : 0;
            if (m_messagesInRoomSet >= messagesPerRoomSet) {
                QVERIFY(replaceRooms());
                m_nextCleanupMs =
                    timer.elapsed() + 3000; // enter_room calls on their way find them still there
            }
            deleteEmptyOldRooms(timer.elapsed());
            QTest::qWait(5);
            if (warmKiB < 0 && timer.elapsed() > totalMs / 4)
                warmKiB = server.residentKiB();
            if (warmKiB >= 0)
                peakKiB = std::max(peakKiB, server.residentKiB());
        }
        const int filesWithClients = server.openFiles();
        for (SoakClient &c : clients) {
            c.client->close();
            QVERIFY(c.client->waitForDisconnected());
        }
        m_janitor.close();
        QVERIFY(m_janitor.waitForDisconnected());
        // The server needs a moment to see every close (longer in a sanitizer build); a leak never returns.
        QDeadlineTimer settle(10000);
        while (server.openFiles() != filesAtStart && !settle.hasExpired())
            QTest::qWait(50);
        const int filesAfter = server.openFiles();
        qInfo("soak %lld s, %d clients, %lld calls, %d room sets: RSS %lld KiB after warm-up, peak %lld KiB "
              "afterwards; open files %d at start, %d with clients, %d after; %d errors",
              totalMs / 1000, clientCount, calls, m_roomSets, warmKiB, peakKiB, filesAtStart,
              filesWithClients, filesAfter, m_errors);
        QCOMPARE(m_errors, 0);
        QVERIFY(calls > clientCount * soakSeconds()); // it did run
        QVERIFY2(peakKiB - warmKiB < 16 * 1024, "the server's memory kept growing");
        QCOMPARE(filesAfter, filesAtStart);
        const QString log = server.log();
        QVERIFY(server.terminate());
        QVERIFY2(!log.contains(str("warning")), qPrintable(log.right(2000)));
    }

private:
    // Reads what came in, then makes one random call when it is this client's turn; true when it called.
    bool step(SoakClient &c, qint64 nowMs, const QUrl &url)
    {
        for (const ServerStatement &statement : c.client->takeAll()) {
            if (statement.type() == StatementType::Error || statement.name() == nameOf(GeneralReply::BadData)
                || statement.name() == nameOf(GeneralReply::NotSufficientData)) {
                qWarning("soak: %s", qPrintable(statement.toText()));
                ++m_errors;
            }
            if (statement.name() == nameOf(ResultName::RoomEntered)
                || statement.name() == nameOf(ResultName::RoomLeft)) {
                c.inRoom = statement.name() == nameOf(ResultName::RoomEntered);
                c.moving = false;
            }
        }
        if (nowMs < c.nextCallMs || c.moving)
            return false;
        auto *random = QRandomGenerator::global();
        c.nextCallMs = nowMs + random->bounded(40, 160); // well under the rate limit
        randomCall(c, url, random->bounded(100));
        return true;
    }

    void randomCall(SoakClient &c, const QUrl &url, int dice)
    {
        auto *random = QRandomGenerator::global();
        TestClient &client = *c.client;
        if (dice < 10 || !c.inRoom) {
            client.call(CallName::EnterRoom, fields({{"uuid", m_rooms[random->bounded(roomCount)]}}));
            c.moving = true;
        } else if (dice < 45) {
            client.call(CallName::CreateMessage, fields({{"body", QStringLiteral("soak %1").arg(dice)}}));
            ++m_messagesInRoomSet;
        } else if (dice < 65) {
            QJsonArray points;
            for (int i = 0; i < 20; ++i)
                points.append(random->bounded(500));
            client.call(CallName::ChangeDrawLine,
                        fields({{"uuid", QStringLiteral("l%1").arg(random->generate())},
                                {"points", points},
                                {"color", str("#336699")},
                                {"tool", str("pen")}}));
        } else if (dice < 72) {
            client.call(CallName::ChangeUserName, fields({{"name", QStringLiteral("soaker %1").arg(dice)}}));
        } else if (dice < 80) {
            client.call(CallName::ListMessages);
        } else if (dice < 86) {
            client.call(CallName::GetDrawing);
        } else if (dice < 92) {
            client.call(CallName::ListRooms);
        } else if (dice < 96) {
            client.call(CallName::LeaveRoom);
            c.moving = true;
        } else {
            reconnect(c, url); // connections come and go: their sockets must not pile up
        }
    }

    void reconnect(SoakClient &c, const QUrl &url)
    {
        c.client->close();
        c.client->waitForDisconnected();
        c.client = std::make_unique<TestClient>();
        c.inRoom = false;
        c.moving = false;
        if (!c.client->connectTo(url))
            ++m_errors;
    }

    // A fresh set of rooms for the clients to move to; the old ones go once their last member has left.
    bool replaceRooms()
    {
        m_oldRooms += m_rooms;
        m_rooms.clear();
        for (int i = 0; i < roomCount; ++i)
            m_janitor.call(CallName::CreateRoom);
        // Everyone's room_changed flows in meanwhile; only the janitor creates rooms.
        QDeadlineTimer deadline(15000);
        while (m_rooms.size() < roomCount && !deadline.hasExpired()) {
            const auto statement = m_janitor.next(int(deadline.remainingTime()));
            if (statement && statement->name() == nameOf(ResultName::RoomCreated))
                m_rooms << statement->object().value(str("uuid")).toString();
            else if (statement && statement->name() == nameOf(ResultName::RoomDeleted))
                m_oldRooms.removeAll(statement->object().value(str("uuid")).toString());
        }
        if (m_rooms.size() < roomCount)
            return false;
        m_messagesInRoomSet = 0;
        ++m_roomSets;
        return true;
    }

    // Tries to delete the old rooms now and then: not_empty_room only means someone is still inside.
    void deleteEmptyOldRooms(qint64 nowMs)
    {
        for (const ServerStatement &statement : m_janitor.takeAll()) {
            if (statement.name() == nameOf(ResultName::RoomDeleted))
                m_oldRooms.removeAll(statement.object().value(str("uuid")).toString());
        }
        if (nowMs < m_nextCleanupMs)
            return;
        m_nextCleanupMs = nowMs + 1000;
        for (const QString &room : std::as_const(m_oldRooms))
            m_janitor.call(CallName::DeleteRoom, fields({{"uuid", room}}));
    }

    QTemporaryDir m_folder;
    TestClient m_janitor;
    QStringList m_rooms;
    QStringList m_oldRooms;
    int m_messagesInRoomSet = 0;
    int m_roomSets = 0;
    qint64 m_nextCleanupMs = 0;
    int m_errors = 0;
};

// QTest stops a test function after 5 minutes unless told otherwise: a longer soak needs more.
int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((soakSeconds() + 120) * 1000));
    QCoreApplication app(argc, argv);
    TestSoak test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_soak.moc"
