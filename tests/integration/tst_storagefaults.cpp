// Storage faults at run time: when the disk refuses writes, calls get internal_error, the server logs it and
// keeps running, nothing is half-written, and it serves again once writes succeed. Two real mechanisms: the
// file-size limit of RLIMIT_FSIZE (every write past it fails with EFBIG) and a truly full file system (a
// small tmpfs in a private mount namespace, filled up: ENOSPC; skipped where mounting is not permitted).
#include "metrics/MetricsWriter.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
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

// A small tmpfs mounted over a folder, in a mount namespace of this process's own (so nothing outside sees
// it); lazily unmounted when it goes, even while files on it are still open.
class SmallTmpfs
{
public:
    explicit SmallTmpfs(const QString &folder)
        : m_folder(folder.toLocal8Bit())
    {
        if (::unshare(CLONE_NEWNS) != 0
            || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
            m_error = QStringLiteral("no private mount namespace: %1")
                          .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        if (::mount("tmpfs", m_folder.constData(), "tmpfs", 0, "size=1m") != 0) {
            m_error =
                QStringLiteral("cannot mount a tmpfs: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
    }
    ~SmallTmpfs()
    {
        if (m_mounted)
            ::umount2(m_folder.constData(), MNT_DETACH);
    }
    bool ok() const { return m_mounted; }
    QString error() const { return m_error; }

private:
    QByteArray m_folder;
    bool m_mounted = false;
    QString m_error;
};

// Writes a file until the file system is full; returns the bytes written.
qint64 fillUp(const QString &path)
{
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return -1;
    const QByteArray block(4096, 'x');
    qint64 written = 0;
    while (filler.write(block) == block.size())
        written += block.size();
    return written;
}

// The bodies of the caller's room history, oldest first; a marker when list_messages got no answer.
QStringList listedBodies(TestClient &client)
{
    client.call(CallName::ListMessages);
    const auto history = client.expect(nameOf(ResultName::MessagesListed));
    if (!history)
        return {str("<no messages_listed>")};
    QStringList bodies;
    for (const QJsonValue &message : history->list())
        bodies << message.toObject().value(str("body")).toString();
    return bodies;
}

// chat_commit_failures_total as /metrics would show it.
int commitFailures(chat::server::ChatServer &server)
{
    QByteArray text;
    chat::server::MetricsWriter writer(text);
    server.metrics().writeTo(writer);
    static const QRegularExpression line(str("\nchat_commit_failures_total (\\d+)\n"));
    const auto match = line.match(QString::fromUtf8(text));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

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
        TestClient a, b, leaver;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(b.connectTo(m_server.url()));
        QVERIFY(leaver.connectTo(m_server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(leaver.enterRoom(room->uuid));
        QVERIFY(a.enterRoom(room->uuid));
        QVERIFY(post(a, str("before")));
        b.drain();
        leaver.drain();
        QCOMPARE(commitFailures(*m_server.server()), 0);

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
            // Leaving cannot be stored either: nobody hears of it yet.
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(str("calls was not stored")));
            leaver.close();
            QVERIFY(leaver.waitForDisconnected());
            QVERIFY(a.receivesNothing());
            QVERIFY(commitFailures(*m_server.server()) >= 1); // the batches the disk refused, for operators
        }

        // The disk has room again: the one who left leaves the room now, and everyone is told.
        const auto left = a.expect(nameOf(ResultName::RoomChanged), 20000);
        QVERIFY(left);
        QCOMPARE(left->object().value(str("users")).toArray().size(), 1);
        QVERIFY(b.expect(nameOf(ResultName::RoomChanged)));
        // The same server and connections carry on.
        QVERIFY(a.isConnected() && b.isConnected());
        QVERIFY(post(a, str("after")));
        QCOMPARE(listedBodies(a), (QStringList {str("before"), str("after")}));
        b.drain();
        b.call(CallName::ListRooms);
        const auto rooms = b.expect(nameOf(ResultName::RoomsListed));
        QVERIFY(rooms);
        QCOMPARE(rooms->list().size(), 1); // the refused create_room left no room behind
        QCOMPARE(rooms->list().first().toObject().value(str("sum")).toInt(),
                 2); // nor a count without message
    }

    void aFullFileSystemGivesInternalErrorsAndServesAgainWhenSpaceIsFreed()
    {
        TestServer server;
        const QString folder = QFileInfo(server.databasePath()).absolutePath();
        SmallTmpfs disk(folder); // destroyed first: unmounted while the server still has its files open
        if (!disk.ok())
            QSKIP(qPrintable(str("a full disk needs a tmpfs in a private mount namespace (root or "
                                 "CAP_SYS_ADMIN): ")
                             + disk.error()));
        QVERIFY(server.start());
        TestClient a;
        QVERIFY(a.connectTo(server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        QVERIFY(post(a, str("before")));

        const QString filler = folder + str("/filler");
        QVERIFY(fillUp(filler) > 0);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(str("create_message\"? failed|calls was not stored")));
        a.call(CallName::CreateMessage, fields({{"body", str("lost")}}));
        QVERIFY(a.expect(nameOf(ErrorName::InternalError)));
        QVERIFY(a.receivesNothing()); // no room_changed: nothing happened

        QVERIFY(QFile::remove(filler)); // space again: the same server and connection carry on
        QVERIFY(a.isConnected());
        QVERIFY(post(a, str("after")));
        QCOMPARE(listedBodies(a), (QStringList {str("before"), str("after")}));
        server.stop();
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
