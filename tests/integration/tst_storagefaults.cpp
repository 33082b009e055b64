// Storage faults at run time: when the disk refuses writes (here a real one: the file-size limit of
// RLIMIT_FSIZE makes every write past it fail with EFBIG, as a full disk fails with ENOSPC), calls get
// internal_error, the server logs it and keeps running, and nothing is half-written.
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace chat;

namespace {

// Limits how far this process may grow files, and puts the old limit back when it goes.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_ok = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() { ::setrlimit(RLIMIT_FSIZE, &m_old); }
    bool ok() const { return m_ok; }

private:
    rlimit m_old {};
    bool m_ok = false;
};

} // namespace

class TestStorageFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails instead of killing the process
    }

    void aDiskThatRefusesWritesGivesInternalErrorsAndNoPartialWrites()
    {
        QVERIFY(m_server.start());
        TestClient a, b;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(b.connectTo(m_server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        QVERIFY(post(a, str("before")));
        b.drain();

        {
            // Commits append to the write-ahead log: with it at its limit, the next commit cannot be written.
            const qint64 wal = QFileInfo(m_server.databasePath() + str("-wal")).size();
            QVERIFY(wal > 0);
            const FileSizeLimit full {rlim_t(wal)};
            QVERIFY(full.ok());
            // With group commit the failure shows when the batch is committed.
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(str("create_message\"? failed|calls was not stored")));
            a.call(CallName::CreateMessage, fields({{"body", str("lost")}}));
            QVERIFY(a.expect(nameOf(ErrorName::InternalError)));
            QVERIFY(a.receivesNothing()); // no room_changed: nothing happened
            QVERIFY(b.receivesNothing());
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(str("create_room\"? failed|calls was not stored")));
            b.call(CallName::CreateRoom);
            QVERIFY(b.expect(nameOf(ErrorName::InternalError)));
            QVERIFY(a.receivesNothing());
        }

        // The disk has room again: the same server and connections carry on.
        QVERIFY(a.isConnected() && b.isConnected());
        QVERIFY(post(a, str("after")));
        a.call(CallName::ListMessages);
        const auto history = a.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(history);
        QStringList bodies;
        for (const QJsonValue &message : history->list())
            bodies << message.toObject().value(str("body")).toString();
        QCOMPARE(bodies, (QStringList {str("before"), str("after")}));
        b.drain();
        b.call(CallName::ListRooms);
        const auto rooms = b.expect(nameOf(ResultName::RoomsListed));
        QVERIFY(rooms);
        QCOMPARE(rooms->list().size(), 1); // the refused create_room left no room behind
        QCOMPARE(rooms->list().first().toObject().value(str("sum")).toInt(),
                 2); // nor a count without message
    }

private:
    static bool post(TestClient &client, const QString &body)
    {
        client.call(CallName::CreateMessage, fields({{"body", body}}));
        return client.expect(nameOf(ResultName::RoomChanged))
            && client.expect(nameOf(ResultName::MessageCreated));
    }

    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
