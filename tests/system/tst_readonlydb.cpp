// A database whose file system turns read-only under the running server (ext4 errors=remount-ro after an I/O
// error, a forced remount, a storage failover): from then on every write to it fails with EROFS. Calls that
// write get internal_error, the server keeps running, answers the calls that only read, and logs the failure;
// nothing refused reaches the file; once the file system is writable again the same server and connections
// carry on. The chat-server executable runs with faultinject/ReadOnlyFs.cpp preloaded (why a shim and not a
// real remount is explained there), which fails the writes under the database's folder while a trigger file
// exists. SQLite only: PostgreSQL's own files are out of the server's reach (tst_server_postgresrestart).
#include "support/Json.h"
#include "testlib/ServerProcess.h"
#include "support/TestClient.h"
#include "support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;

// AddressSanitizer wants its runtime first among the libraries a process loads, and a preloaded library comes
// before it ("ASan runtime does not come first in initial library list"); it also intercepts the same calls.
#if defined(__SANITIZE_ADDRESS__)
#define CHAT_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHAT_UNDER_ASAN 1
#endif
#endif

namespace {

const char *const skipUnderAsan =
    "the read-only file system shim cannot be preloaded into a server built with AddressSanitizer "
    "(its runtime must be the first library loaded); this test runs in the plain build";

// The trigger file the shim looks for: while it exists, the database's folder is read-only.
class ReadOnlySwitch
{
public:
    explicit ReadOnlySwitch(QString trigger)
        : m_trigger(std::move(trigger))
    { }
    ~ReadOnlySwitch() { off(); }
    ReadOnlySwitch(const ReadOnlySwitch &) = delete;
    ReadOnlySwitch &operator=(const ReadOnlySwitch &) = delete;

    bool on()
    {
        QFile file(m_trigger);
        return file.open(QIODevice::WriteOnly);
    }
    bool off() { return !QFile::exists(m_trigger) || QFile::remove(m_trigger); }
    QString path() const { return m_trigger; }

private:
    QString m_trigger;
};

QStringList bodiesOf(const ServerStatement &history)
{
    QStringList bodies;
    for (const QJsonValue &message : history.list())
        bodies << message.toObject().value(str("body")).toString();
    return bodies;
}

// The bodies of the caller's room history, oldest first; a marker when list_messages got no answer.
QStringList listedBodies(TestClient &client)
{
    client.call(CallName::ListMessages);
    const auto history = client.expect(nameOf(ResultName::MessagesListed));
    return history ? bodiesOf(*history) : QStringList {str("<no messages_listed>")};
}

QJsonArray listedRooms(TestClient &client)
{
    client.call(CallName::ListRooms);
    const auto rooms = client.expect(nameOf(ResultName::RoomsListed));
    return rooms ? rooms->list() : QJsonArray {};
}

QStringList usersIn(const QJsonObject &room)
{
    QStringList users;
    for (const QJsonValue &user : room.value(str("users")).toArray())
        users << user.toObject().value(str("uuid")).toString();
    return users;
}

QJsonObject lineCall(const QString &uuid)
{
    return fields({{"uuid", uuid},
                   {"points", QJsonArray {1, 2, 30, 40}},
                   {"tool", str("pen")},
                   {"color", str("#ff0000")}});
}

} // namespace

class TestReadOnlyDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
#ifdef CHAT_UNDER_ASAN
        QSKIP(skipUnderAsan);
#endif
        QVERIFY(m_folder.isValid());
        // The shim compares the paths the kernel reports (/proc/self/fd), so the folder is named canonically.
        QVERIFY(QDir().mkpath(m_folder.filePath(str("data"))));
        m_dataFolder = QFileInfo(m_folder.filePath(str("data"))).canonicalFilePath();
        QVERIFY(!m_dataFolder.isEmpty());
    }

    void init()
    {
        QFile::remove(m_dataFolder + str("/chat.db"));
        QFile::remove(m_dataFolder + str("/chat.db-wal"));
        QFile::remove(m_dataFolder + str("/chat.db-shm"));
    }

    void writesFailWhileReadOnlyAndWorkAgainWithoutARestart()
    {
        ReadOnlySwitch readOnly(m_folder.filePath(str("read-only")));
        ServerProcess server(str(CHAT_SERVER_PATH));
        QVERIFY(startWithShim(server));
        TestClient a, b, leaver;
        QVERIFY(leaver.connectTo(server.url()));
        QVERIFY(a.connectTo(server.url()));
        QVERIFY(b.connectTo(server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        QVERIFY(b.enterRoom(room->uuid));
        QVERIFY(leaver.enterRoom(room->uuid));
        a.drain();
        b.drain();
        QVERIFY(post(a, b, str("one")));
        QVERIFY(post(b, a, str("two")));
        b.call(CallName::ChangeDrawLine, lineCall(str("line-before")));
        QVERIFY(b.expect(nameOf(ResultName::DrawLineChanged)));
        QVERIFY(a.expect(nameOf(ResultName::DrawLineChanged)));

        QVERIFY(readOnly.on());
        // Every call that writes: internal_error to the caller and nothing to anyone else.
        a.call(CallName::CreateMessage, fields({{"body", str("lost")}}));
        QVERIFY(a.expect(nameOf(ErrorName::InternalError)));
        QVERIFY(a.receivesNothing());
        QVERIFY(b.receivesNothing());
        b.call(CallName::CreateRoom);
        QVERIFY(b.expect(nameOf(ErrorName::InternalError)));
        a.call(CallName::ChangeName, fields({{"uuid", room->uuid}, {"name", str("renamed")}}));
        QVERIFY(a.expect(nameOf(ErrorName::InternalError)));
        b.call(CallName::ChangeDrawLine, lineCall(str("line-lost")));
        QVERIFY(b.expect(nameOf(ErrorName::InternalError)));
        a.call(CallName::ChangeUserName, fields({{"name", str("lost name")}}));
        QVERIFY(a.expect(nameOf(ErrorName::InternalError)));
        // Leaving is a write too: nobody hears of it yet, and it is tried again later.
        leaver.close();
        QVERIFY(leaver.waitForDisconnected());
        QVERIFY(a.receivesNothing());
        QVERIFY(b.receivesNothing());
        // A new connection needs its user stored: it is closed before user_created.
        TestClient late;
        QVERIFY(late.openOnly(server.url()));
        QVERIFY(late.waitForDisconnected());
        QCOMPARE(late.closeCode(), QWebSocketProtocol::CloseCodeBadOperation);
        QCOMPARE(late.closeReason(), str("server unavailable"));
        QCOMPARE(late.pending(), 0);

        // Reading goes on, and shows only what was acknowledged.
        QCOMPARE(server.process().state(), QProcess::Running);
        QVERIFY(a.isConnected() && b.isConnected());
        QCOMPARE(listedBodies(a), (QStringList {str("one"), str("two")}));
        const QJsonArray rooms = listedRooms(b);
        QCOMPARE(rooms.size(), 1);
        // The one who left is still in the room as stored, since its leaving was refused.
        QCOMPARE(usersIn(rooms.first().toObject()),
                 (QStringList {a.user().uuid, b.user().uuid, leaver.user().uuid}));
        QCOMPARE(rooms.first().toObject().value(str("name")).toString(), room->name);
        QCOMPARE(rooms.first().toObject().value(str("sum")).toInt(), 2);
        a.call(CallName::GetDrawing);
        const auto drawing = a.expect(nameOf(ResultName::DrawingGot));
        QVERIFY(drawing);
        QCOMPARE(drawing->object().value(str("lines")).toArray().size(), 1);
        // The failures were real EROFS from the file system, and the server said so.
        const QString log = server.log();
        QVERIFY2(log.contains(str("readonly-fs: pwrite64 ") + m_dataFolder), qPrintable(log));
        QVERIFY2(log.contains(str("calls was not stored")), qPrintable(log));

        QVERIFY(readOnly.off());
        // The one who left meanwhile leaves the room now (everyone is told), not at the next restart.
        const auto left = a.expect(nameOf(ResultName::RoomChanged), 20000);
        QVERIFY(left);
        QCOMPARE(usersIn(left->object()), (QStringList {a.user().uuid, b.user().uuid}));
        QVERIFY(b.expect(nameOf(ResultName::RoomChanged)));
        QCOMPARE(usersIn(listedRooms(a).first().toObject()), (QStringList {a.user().uuid, b.user().uuid}));
        QVERIFY2(server.log().contains(str("left their rooms")), qPrintable(server.log()));
        // Writable again: the same server and connections carry on, and newcomers are served.
        QVERIFY(post(a, b, str("three")));
        a.call(CallName::ChangeName, fields({{"uuid", room->uuid}, {"name", str("renamed")}}));
        QVERIFY(a.expect(nameOf(ResultName::RoomChanged)));
        QVERIFY(b.expect(nameOf(ResultName::RoomChanged)));
        b.call(CallName::ChangeDrawLine, lineCall(str("line-after")));
        QVERIFY(b.expect(nameOf(ResultName::DrawLineChanged)));
        QVERIFY(a.expect(nameOf(ResultName::DrawLineChanged)));
        TestClient newcomer;
        QVERIFY(newcomer.connectTo(server.url()));
        QVERIFY(newcomer.createRoom());
        QVERIFY(server.terminate());

        // Stored is exactly what was acknowledged, and the file is sound.
        QCOMPARE(TestDatabase::sqliteIntegrity(databasePath()), str("ok"));
        QVERIFY(server.start({str("--db"), databasePath()}));
        TestClient reader;
        QVERIFY(reader.connectTo(server.url()));
        const QJsonArray roomsAfter = listedRooms(reader);
        QCOMPARE(roomsAfter.size(), 2);
        QCOMPARE(roomsAfter.first().toObject().value(str("name")).toString(), str("renamed"));
        QCOMPARE(roomsAfter.first().toObject().value(str("sum")).toInt(), 3);
        QCOMPARE(historyOf(reader, room->uuid), (QStringList {str("one"), str("two"), str("three")}));
        QVERIFY(server.terminate());
    }

    void aServerStoppedWhileReadOnlyKeepsExactlyWhatWasAcknowledged()
    {
        ReadOnlySwitch readOnly(m_folder.filePath(str("read-only")));
        ServerProcess server(str(CHAT_SERVER_PATH));
        QVERIFY(startWithShim(server));
        TestClient a;
        QVERIFY(a.connectTo(server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        QVERIFY(post(a, a, str("one")));

        QVERIFY(readOnly.on());
        a.call(CallName::CreateMessage, fields({{"body", str("lost")}}));
        QVERIFY(a.expect(nameOf(ErrorName::InternalError)));
        a.call(CallName::CreateRoom);
        QVERIFY(a.expect(nameOf(ErrorName::InternalError)));
        // SIGTERM still ends it cleanly; what it cannot write at the end (its users leaving, the WAL's
        // checkpoint) is left as after a crash.
        QVERIFY(server.terminate());
        QVERIFY(readOnly.off());

        // The next start recovers from the write-ahead log: nothing refused is in it.
        QCOMPARE(TestDatabase::sqliteIntegrity(databasePath()), str("ok"));
        QVERIFY(server.start({str("--db"), databasePath()}));
        TestClient reader;
        QVERIFY(reader.connectTo(server.url()));
        const QJsonArray rooms = listedRooms(reader);
        QCOMPARE(rooms.size(), 1);
        QCOMPARE(rooms.first().toObject().value(str("sum")).toInt(), 1);
        QVERIFY(rooms.first().toObject().value(str("users")).toArray().isEmpty());
        QCOMPARE(historyOf(reader, room->uuid), QStringList {str("one")});
        QVERIFY(server.terminate());
    }

private:
    QString databasePath() const
    {
        return m_dataFolder + str("/chat.db");
    }

    bool startWithShim(ServerProcess &server)
    {
        server.setEnvironmentVariable(str("LD_PRELOAD"), str(CHAT_READONLYFS_PATH));
        server.setEnvironmentVariable(str("CHAT_READONLY_DIR"), m_dataFolder);
        server.setEnvironmentVariable(str("CHAT_READONLY_TRIGGER"), m_folder.filePath(str("read-only")));
        if (!server.start({str("--db"), databasePath()})) {
            qWarning("the server did not start: %s", qPrintable(server.log()));
            return false;
        }
        // The shim is really in the process (a preload that fails to load is only a warning of ld.so).
        QFile maps(QStringLiteral("/proc/%1/maps").arg(server.pid()));
        if (!maps.open(QIODevice::ReadOnly)
            || !maps.readAll().contains(QFileInfo(str(CHAT_READONLYFS_PATH)).fileName().toUtf8())) {
            qWarning("the read-only shim is not loaded into the server: %s", qPrintable(server.log()));
            return false;
        }
        return true;
    }

    // A message from poster, acknowledged to it and seen by the other member.
    static bool post(TestClient &poster, TestClient &other, const QString &body)
    {
        poster.call(CallName::CreateMessage, fields({{"body", body}}));
        if (!poster.expect(nameOf(ResultName::RoomChanged))
            || !poster.expect(nameOf(ResultName::MessageCreated)))
            return false;
        return &other == &poster
            || (other.expect(nameOf(ResultName::RoomChanged))
                && other.expect(nameOf(ResultName::MessageCreated)));
    }

    static QStringList historyOf(TestClient &reader, const QString &roomUuid)
    {
        reader.call(CallName::EnterRoom, fields({{"uuid", roomUuid}}));
        if (!reader.expect(nameOf(ResultName::RoomEntered)))
            return {str("<no room_entered>")};
        const auto history = reader.expect(nameOf(ResultName::MessagesListed));
        return history ? bodiesOf(*history) : QStringList {str("<no messages_listed>")};
    }

    QTemporaryDir m_folder;
    QString m_dataFolder;
};

QTEST_GUILESS_MAIN(TestReadOnlyDatabase)
#include "tst_readonlydb.moc"
