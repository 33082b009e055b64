// chat-server admin against a running chat-server (SQLite, and PostgreSQL with CHAT_TEST_DATABASE=postgres):
// what it prints, what connected clients are told after each change, backups, check, bad input, and the
// control socket's defences.
#include "admin/ControlServer.h"
#include "storage/DatabaseUrl.h"
#include "storage/PostgresConnection.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestDatabase.h"
#include "testlib/ServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <unistd.h>
#include <vector>

using namespace chat;

namespace {

constexpr int adminTimeoutMs = 60000;

struct AdminRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QStringList lines() const { return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts); }
    // One line on stderr, ending the output.
    bool oneLineError() const { return exitCode != 0 && err.count('\n') == 1 && err.endsWith('\n'); }
};

} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsRoomsAndMessages();
    void exportsJsonAndMarkdown();
    void renameReachesClients();
    void deleteMessageReachesClients();
    void deleteRoomNeedsForceWithUsersInside();
    void purgeReachesClients();
    void backupIsAValidDatabase();
    void checkSaysOk();
    void badInputChangesNothing();
    void worksWithoutARunningServer();
    void lockedDatabaseFailsQuickly();
    void newerSchemaIsRefused();
    void controlSocketRefusesHostileRequests();
    void controlSocketRefusesTheConnectionBeyondItsLimit();
    void controlSocketFileLifecycle();
    void controlSocketIsForTheServersUserOnly();

private:
    AdminRun admin(const QStringList &arguments, const QString &database = {});
    bool postgres() const { return TestDatabase::usesPostgres(); }
    QString controlPath() const { return m_sqlitePath + str(".control"); }
    // Skips statements until one with this name that satisfies the test comes; nullopt after the timeout.
    std::optional<ServerStatement> waitFor(TestClient &client, ResultName name,
                                           const std::function<bool(const ServerStatement &)> &matches = {},
                                           int timeoutMs = 10000);
    std::optional<QString> postMessage(const QString &body); // by m_inside; the message's uuid
    QStringList roomLines() { return admin({str("rooms")}).lines(); }
    // Runs one statement on the test's database itself (SQLite or PostgreSQL).
    bool execSql(const QString &statement);

    QTemporaryDir m_folder;
    QString m_sqlitePath;
    QString m_database;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestClient> m_inside; // in m_room
    std::unique_ptr<TestClient> m_lobby; // in no room
    Room m_room;
    Room m_other;
};

AdminRun TestAdmin::admin(const QStringList &arguments, const QString &database)
{
    QProcess process;
    process.start(str(CHAT_SERVER_PATH),
                  QStringList {str("admin"), str("--db"), database.isEmpty() ? m_database : database}
                      + arguments);
    AdminRun run;
    if (!process.waitForFinished(adminTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out\n";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

std::optional<ServerStatement> TestAdmin::waitFor(TestClient &client, ResultName name,
                                                  const std::function<bool(const ServerStatement &)> &matches,
                                                  int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const auto statement = client.next(int(qMax<qint64>(1, timeoutMs - timer.elapsed())));
        if (!statement)
            break;
        if (statement->name() == nameOf(name) && (!matches || matches(*statement)))
            return statement;
    }
    qWarning("no %s arrived", qPrintable(nameOf(name)));
    return std::nullopt;
}

std::optional<QString> TestAdmin::postMessage(const QString &body)
{
    m_inside->call(CallName::CreateMessage, fields({{"body", body}}));
    const auto created = waitFor(*m_inside, ResultName::MessageCreated, [&](const ServerStatement &s) {
        return s.object().value(str("body")) == body;
    });
    if (!created)
        return std::nullopt;
    return created->object().value(str("uuid")).toString();
}

void TestAdmin::init()
{
    QVERIFY(m_folder.isValid());
    m_sqlitePath = m_folder.filePath(str("chat-%1.db").arg(QLatin1String(QTest::currentTestFunction())));
    const auto fresh = TestDatabase::freshDatabase(m_sqlitePath);
    QVERIFY(fresh);
    m_database = *fresh;
    m_server = std::make_unique<ServerProcess>(str(CHAT_SERVER_PATH));
    QVERIFY(m_server->start({str("--db"), m_database}));
    m_inside = std::make_unique<TestClient>();
    m_lobby = std::make_unique<TestClient>();
    QVERIFY(m_inside->connectTo(m_server->url()));
    QVERIFY(m_lobby->connectTo(m_server->url()));
    const auto room = m_inside->createRoom();
    QVERIFY(room);
    m_room = *room;
    const auto other = m_inside->createRoom();
    QVERIFY(other);
    m_other = *other;
    QVERIFY(m_inside->enterRoom(m_room.uuid));
    m_inside->call(CallName::ChangeName, fields({{"uuid", m_room.uuid}, {"name", str("General")}}));
    for (TestClient *client : {m_inside.get(), m_lobby.get()}) {
        QVERIFY(waitFor(*client, ResultName::RoomChanged, [](const ServerStatement &s) {
            return s.object().value(str("name")) == str("General");
        }));
    }
    m_room.name = str("General");
}

void TestAdmin::cleanup()
{
    m_inside.reset();
    m_lobby.reset();
    if (m_server)
        m_server->terminate();
    m_server.reset();
}

void TestAdmin::listsRoomsAndMessages()
{
    QVERIFY(postMessage(str("first")));
    QVERIFY(postMessage(str("second\nline")));
    QVERIFY(postMessage(str("third")));

    const AdminRun rooms = admin({str("rooms")});
    QCOMPARE(rooms.exitCode, 0);
    QCOMPARE(rooms.lines().size(), 2);
    QCOMPARE(rooms.lines().at(0),
             str("%1\tGeneral\t3 messages\t1 user").arg(m_room.uuid)); // creation order
    QVERIFY(rooms.lines().at(1).startsWith(m_other.uuid + str("\t")));
    QVERIFY(rooms.lines().at(1).endsWith(str("\t0 messages\t0 users")));

    const AdminRun newest = admin({str("messages"), str("General"), str("--limit"), str("2")}); // by name
    QCOMPARE(newest.exitCode, 0);
    const QStringList lines = newest.lines();
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).endsWith(str("\t%1\tsecond\\nline").arg(m_inside->user().name)),
             qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).endsWith(str("\tthird")));

    const AdminRun all = admin({str("messages"), m_room.uuid});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.lines().size(), 3);
}

void TestAdmin::exportsJsonAndMarkdown()
{
    QVERIFY(postMessage(str("hello *world*")));
    QVERIFY(postMessage(str("two\nlines")));

    const AdminRun json = admin({str("export"), m_room.uuid, str("--format"), str("json")});
    QCOMPARE(json.exitCode, 0);
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value(str("room")).toObject().value(str("uuid")).toString(), m_room.uuid);
    const QJsonArray messages = document.object().value(str("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(str("body")).toString(), str("hello *world*"));
    QCOMPARE(messages.at(1).toObject().value(str("body")).toString(), str("two\nlines"));

    const QString file = m_folder.filePath(str("export.md"));
    const AdminRun markdown =
        admin({str("export"), m_room.uuid, str("--format"), str("markdown"), str("--output"), file});
    QCOMPARE(markdown.exitCode, 0);
    QVERIFY(markdown.out.isEmpty());
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(exported.readAll());
    QVERIFY(text.startsWith(str("# General\n")));
    QVERIFY(text.contains(str("> hello *world*\n")));
    QVERIFY(text.contains(str("> two\n> lines\n")));
    QVERIFY(text.contains(m_inside->user().name));
}

void TestAdmin::renameReachesClients()
{
    const AdminRun run = admin({str("rename-room"), str("General"), str("Announcements")});
    QCOMPARE(run.exitCode, 0);
    for (TestClient *client : {m_inside.get(), m_lobby.get()}) {
        const auto changed = waitFor(*client, ResultName::RoomChanged);
        QVERIFY(changed);
        QCOMPARE(changed->object().value(str("uuid")).toString(), m_room.uuid);
        QCOMPARE(changed->object().value(str("name")).toString(), str("Announcements"));
    }
    // The server's cached room list was refreshed: a fresh list shows the new name.
    TestClient late;
    QVERIFY(late.openOnly(m_server->url()));
    QVERIFY(late.expect(nameOf(ResultName::UserCreated)));
    const auto listed = late.expect(nameOf(ResultName::RoomsListed));
    QVERIFY(listed);
    QCOMPARE(listed->list().at(0).toObject().value(str("name")).toString(), str("Announcements"));
}

void TestAdmin::deleteMessageReachesClients()
{
    const auto first = postMessage(str("keep"));
    const auto second = postMessage(str("spam"));
    QVERIFY(first && second);
    TestClient extended; // socketchat.v1: gets the newest page
    extended.offerSubprotocols({extensionSubprotocol()});
    QVERIFY(extended.connectTo(m_server->url()));
    QVERIFY(extended.enterRoom(m_room.uuid));
    for (TestClient *client : {m_inside.get(), m_lobby.get()}) { // what came before the command
        QVERIFY(waitFor(*client, ResultName::RoomChanged, [](const ServerStatement &s) {
            return s.object().value(str("users")).toArray().size() == 2;
        }));
    }

    const AdminRun run = admin({str("delete-message"), *second});
    QCOMPARE(run.exitCode, 0);
    const auto count = waitFor(*m_lobby, ResultName::RoomChanged);
    QVERIFY(count);
    QCOMPARE(count->object().value(str("sum")).toInt(), 1);
    // Members: the new count, then a fresh history without the message.
    QVERIFY(waitFor(*m_inside, ResultName::RoomChanged,
                    [](const ServerStatement &s) { return s.object().value(str("sum")).toInt() == 1; }));
    const auto history = m_inside->expect(nameOf(ResultName::MessagesListed));
    QVERIFY(history);
    QCOMPARE(history->list().size(), 1);
    QCOMPARE(history->list().at(0).toObject().value(str("uuid")).toString(), *first);
    QVERIFY(history->members().isEmpty()); // a plain client gets the plain protocol
    const auto page = waitFor(extended, ResultName::MessagesListed);
    QVERIFY(page);
    QCOMPARE(page->list().size(), 1);
    if (!postgres()) // the other nodes relay one text to every client: the plain history
        QCOMPARE(page->member(key::more), QJsonValue(false));

    QCOMPARE(admin({str("messages"), m_room.uuid}).lines().size(), 1);
    QCOMPARE(admin({str("check")}).exitCode, 0); // the count matches the messages
}

void TestAdmin::deleteRoomNeedsForceWithUsersInside()
{
    const AdminRun refused = admin({str("delete-room"), m_room.uuid});
    QVERIFY(refused.oneLineError());
    QVERIFY(refused.err.contains("--force"));
    QCOMPARE(roomLines().size(), 2);

    const AdminRun forced = admin({str("delete-room"), m_room.uuid, str("--force")});
    QCOMPARE(forced.exitCode, 0);
    for (TestClient *client : {m_lobby.get(), m_inside.get()}) {
        const auto left = waitFor(*client, ResultName::RoomChanged);
        QVERIFY(left);
        QCOMPARE(left->object().value(str("uuid")).toString(), m_room.uuid);
        QVERIFY(left->object().value(str("users")).toArray().isEmpty());
        const auto deleted = client->expect(nameOf(ResultName::RoomDeleted));
        QVERIFY(deleted);
        QCOMPARE(deleted->object().value(str("uuid")).toString(), m_room.uuid);
    }
    QCOMPARE(roomLines().size(), 1);
    m_inside->call(CallName::LeaveRoom); // the server knows that it left
    QVERIFY(m_inside->expect(nameOf(ErrorName::NoSpecifiedRoom)));
    m_lobby->call(CallName::ListRooms);
    const auto listed = waitFor(*m_lobby, ResultName::RoomsListed);
    QVERIFY(listed);
    QCOMPARE(listed->list().size(), 1);
    QCOMPARE(listed->list().at(0).toObject().value(str("uuid")).toString(), m_other.uuid);

    // An empty room goes without --force.
    QCOMPARE(admin({str("delete-room"), m_other.uuid}).exitCode, 0);
    QVERIFY(waitFor(*m_lobby, ResultName::RoomDeleted));
    QCOMPARE(roomLines().size(), 0);
}

void TestAdmin::purgeReachesClients()
{
    QVERIFY(postMessage(str("old one")));
    QVERIFY(postMessage(str("old two")));
    QVERIFY(m_lobby->enterRoom(m_other.uuid));
    m_lobby->call(CallName::CreateMessage, fields({{"body", str("elsewhere")}}));
    QVERIFY(waitFor(*m_lobby, ResultName::MessageCreated));

    const AdminRun nothing = admin({str("purge"), str("--older-than"), str("1h")});
    QCOMPARE(nothing.exitCode, 0);
    QVERIFY(nothing.out.startsWith("purged 0 messages"));
    QVERIFY(roomLines().at(0).contains(str("\t2 messages\t")));

    // Once a second has passed, they are older than 1s: purge this room until they are gone.
    QTRY_VERIFY_WITH_TIMEOUT(
        admin({str("purge"), str("--older-than"), str("1s"), str("--room"), m_room.uuid}).exitCode == 0
            && roomLines().at(0).contains(str("\t0 messages\t")),
        20000);
    QVERIFY(roomLines().at(1).contains(str("\t1 message\t"))); // another room is left alone
    QVERIFY(waitFor(*m_lobby, ResultName::RoomChanged, [&](const ServerStatement &s) {
        return s.object().value(str("uuid")) == m_room.uuid && s.object().value(str("sum")).toInt() == 0;
    }));
    QVERIFY(waitFor(*m_inside, ResultName::MessagesListed,
                    [](const ServerStatement &s) { return s.list().isEmpty(); }));
}

void TestAdmin::backupIsAValidDatabase()
{
    QVERIFY(postMessage(str("saved")));
    const QString file = m_folder.filePath(str("backup.db"));
    const AdminRun run = admin({str("backup"), file});
    if (postgres()) {
        QVERIFY(run.oneLineError());
        QVERIFY(run.err.contains("pg_dump"));
        return;
    }
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(TestDatabase::sqliteIntegrity(file), str("ok"));
    {
        QSqlDatabase copy = QSqlDatabase::addDatabase(str("QSQLITE"), str("backup"));
        copy.setDatabaseName(file);
        QVERIFY(copy.open());
        QSqlQuery query(copy);
        QVERIFY(query.exec(str("SELECT body FROM messages")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), str("saved"));
    }
    QSqlDatabase::removeDatabase(str("backup"));
    QCOMPARE(admin({str("check")}, file).exitCode, 0);
    QVERIFY(admin({str("messages"), m_room.uuid}, file).out.contains("saved"));

    const AdminRun again = admin({str("backup"), file}); // never overwritten
    QVERIFY(again.oneLineError());
}

void TestAdmin::checkSaysOk()
{
    QVERIFY(postMessage(str("x")));
    const AdminRun run = admin({str("check")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.trimmed().endsWith(": ok"));

    // A room whose count does not match its messages is reported, with exit code 1.
    m_inside.reset();
    m_lobby.reset();
    QVERIFY(m_server->terminate());
    QVERIFY(execSql(str("UPDATE rooms SET message_count = 99")));
    const AdminRun broken = admin({str("check")});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.out.contains("rooms whose message count is wrong: 2"), broken.out.constData());
    QVERIFY(broken.oneLineError());
}

bool TestAdmin::execSql(const QString &statement)
{
    bool done = false;
    {
        QString error;
        const auto url = chat::server::DatabaseUrl::parse(m_database, &error);
        if (!url)
            return false;
        QSqlDatabase database = url->isPostgres() ? chat::server::addPostgresConnection(*url, str("direct"))
                                                  : QSqlDatabase::addDatabase(str("QSQLITE"), str("direct"));
        if (!url->isPostgres())
            database.setDatabaseName(m_sqlitePath);
        QSqlQuery query(database);
        done = database.open() && query.exec(statement);
    }
    QSqlDatabase::removeDatabase(str("direct"));
    return done;
}

void TestAdmin::badInputChangesNothing()
{
    const auto message = postMessage(str("stays"));
    QVERIFY(message);
    const QStringList before = roomLines();
    const QList<QStringList> bad {
        {str("frobnicate")},
        {},
        {str("rooms"), str("--bogus")},
        {str("rooms"), str("--force")},
        {str("rooms"), str("extra")},
        {str("messages"), str("no-such-room")},
        {str("messages"), m_room.uuid, str("--limit"), str("0")},
        {str("delete-room"), str("no-such-room"), str("--force")},
        {str("delete-message"), str("no-such-message")},
        {str("rename-room"), str("no-such-room"), str("x")},
        {str("export"), m_room.uuid, str("--format"), str("xml")},
        {str("export"), str("no-such-room"), str("--format"), str("json")},
        {str("purge"), str("--older-than"), str("3x")},
        {str("purge"), str("--older-than"), str("10")},
        {str("purge"), str("--older-than"), str("-5d")},
        {str("purge")},
        {str("purge"), str("--older-than"), str("1s"), str("--room"), str("no-such-room")},
    };
    for (const QStringList &arguments : bad) {
        const AdminRun run = admin(arguments);
        QVERIFY2(run.oneLineError(),
                 qPrintable(arguments.join(u' ') + str(": ") + QString::fromUtf8(run.err)));
    }
    const AdminRun unreachable = admin({str("rooms")},
                                       postgres() ? str("postgresql://nobody@127.0.0.1:1/none")
                                                  : m_folder.filePath(str("missing.db")));
    QVERIFY2(unreachable.oneLineError(), unreachable.err.constData());
    QVERIFY(!QFileInfo::exists(m_folder.filePath(str("missing.db"))));
    QCOMPARE(roomLines(), before);
    QCOMPARE(admin({str("messages"), m_room.uuid}).lines().size(), 1);
}

void TestAdmin::worksWithoutARunningServer()
{
    const auto message = postMessage(str("gone soon"));
    QVERIFY(message);
    m_inside.reset();
    m_lobby.reset();
    QVERIFY(m_server->terminate());
    QCOMPARE(admin({str("delete-message"), *message}).exitCode, 0);
    QCOMPARE(admin({str("rename-room"), m_room.uuid, str("Renamed")}).exitCode, 0);
    QVERIFY(m_server->start({str("--db"), m_database}));
    TestClient client;
    QVERIFY(client.openOnly(m_server->url()));
    QVERIFY(client.expect(nameOf(ResultName::UserCreated)));
    const auto listed = client.expect(nameOf(ResultName::RoomsListed));
    QVERIFY(listed);
    QCOMPARE(listed->list().at(0).toObject().value(str("name")).toString(), str("Renamed"));
    QCOMPARE(listed->list().at(0).toObject().value(str("sum")).toInt(), 0);
}

void TestAdmin::lockedDatabaseFailsQuickly()
{
    if (postgres())
        QSKIP("a locked file is a SQLite matter");
    const auto message = postMessage(str("locked in"));
    QVERIFY(message);
    m_inside.reset();
    m_lobby.reset();
    QVERIFY(m_server->terminate());
    {
        QSqlDatabase holder = QSqlDatabase::addDatabase(str("QSQLITE"), str("holder"));
        holder.setDatabaseName(m_sqlitePath);
        QVERIFY(holder.open());
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(str("BEGIN IMMEDIATE")));
        QVERIFY(lock.exec(str("UPDATE rooms SET name = name")));
        QElapsedTimer timer;
        timer.start();
        const AdminRun run = admin({str("delete-message"), *message});
        QVERIFY2(run.oneLineError(), run.err.constData());
        QVERIFY(run.err.contains("locked by another process"));
        QVERIFY(timer.elapsed() < 30000); // a short busy timeout, never a hang
        QVERIFY(lock.exec(str("ROLLBACK")));
    }
    QSqlDatabase::removeDatabase(str("holder"));
    QCOMPARE(admin({str("messages"), m_room.uuid}).lines().size(), 1);
}

void TestAdmin::newerSchemaIsRefused()
{
    m_inside.reset();
    m_lobby.reset();
    QVERIFY(m_server->terminate());
    QVERIFY(execSql(str("INSERT INTO schema_version (version) VALUES (99)")));
    for (const QStringList &arguments : {QStringList {str("rooms")}, QStringList {str("check")},
                                         QStringList {str("rename-room"), m_room.uuid, str("x")}}) {
        const AdminRun run = admin(arguments);
        QVERIFY2(run.oneLineError(), run.err.constData());
        QVERIFY(run.err.contains("newer"));
    }
}

void TestAdmin::controlSocketRefusesHostileRequests()
{
    if (postgres())
        QSKIP("the control socket is for SQLite");
    QCOMPARE(QFileInfo(controlPath()).permissions()
                 & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
             QFile::Permissions());
    const QStringList before = roomLines();
    const auto ask = [this](const QByteArray &request) {
        QLocalSocket socket;
        socket.connectToServer(controlPath());
        if (!socket.waitForConnected(10000))
            return QByteArray("no connection");
        socket.write(request);
        socket.flush();
        QByteArray reply;
        while (!reply.contains('\n') && socket.waitForReadyRead(10000))
            reply += socket.readAll();
        return reply;
    };
    const QList<QByteArray> hostile {
        "not json\n",
        "[1, 2]\n",
        "{\"command\": \"format-disk\"}\n",
        "{\"command\": \"delete-room\", \"room\": 42, \"force\": true}\n",
        "{\"command\": \"delete-room\", \"room\": \"" + m_room.uuid.toUtf8() + "\", \"force\": \"yes\"}\n",
        "{\"command\": \"purge\", \"older_than_ms\": -1}\n",
        "{\"command\": \"rename-room\", \"room\": \"" + m_room.uuid.toUtf8() + "\"}\n", // no name
        "{\"command\": \"delete-room\"}\n",
        "{\"command\": \"backup\", \"file\": \"/tmp/x\"}\n",
        QByteArray(100 * 1024, 'x'), // no line end, over the limit
    };
    for (const QByteArray &request : hostile) {
        const QJsonObject reply = QJsonDocument::fromJson(ask(request)).object();
        QVERIFY2(reply.value(str("exit")).toInt() != 0 && !reply.value(str("error")).toString().isEmpty(),
                 request.left(80).constData());
    }
    // A peer that says nothing is dropped, with an error.
    QLocalSocket silent;
    silent.connectToServer(controlPath());
    QVERIFY(silent.waitForConnected(10000));
    QByteArray timedOut;
    QTRY_VERIFY_WITH_TIMEOUT((timedOut += silent.readAll(), silent.state() == QLocalSocket::UnconnectedState),
                             15000);
    QVERIFY2(timedOut.contains("no request within"), timedOut.constData());

    QCOMPARE(roomLines(), before);
    m_lobby->call(CallName::CreateRoom); // and the server serves on
    QVERIFY(waitFor(*m_lobby, ResultName::RoomCreated));
    // A well-formed request works after all that.
    const QByteArray rename =
        "{\"command\": \"rename-room\", \"room\": \"" + m_room.uuid.toUtf8() + "\", \"name\": \"ok\"}\n";
    QTRY_COMPARE_WITH_TIMEOUT(QJsonDocument::fromJson(ask(rename)).object().value(str("exit")).toInt(-1), 0,
                              10000);
    QVERIFY(waitFor(*m_lobby, ResultName::RoomChanged,
                    [](const ServerStatement &s) { return s.object().value(str("name")) == str("ok"); }));
}

// At most ControlServer::maxConnections at once: the one beyond them is answered with an error at once.
// In-process, on a control socket of the test's own whose request timeout no run reaches: on the executable
// the 5 s timeout could drop an early member of the crowd on a loaded machine before the last one came, and
// let that one in. The crowd members are asserted to be held, not refused, and served afterwards.
void TestAdmin::controlSocketRefusesTheConnectionBeyondItsLimit()
{
    using server::ControlServer;
    QStringList handled; // the requests the handler was given
    ControlServer control([&](const server::AdminRequest &request) {
        handled << server::AdminRequest::nameOf(request.command);
        return server::AdminReply::success("done\n");
    });
    control.setRequestTimeout(24 * 3600 * 1000);
    const QString path = m_folder.filePath(str("crowd.control"));
    QVERIFY2(control.listen(path), qPrintable(control.errorString()));
    const auto connectOne = [&path] {
        auto socket = std::make_unique<QLocalSocket>();
        socket->connectToServer(path);
        return socket;
    };
    const auto replyOf = [](QLocalSocket &socket) {
        QByteArray reply;
        // The server runs in this thread: wait in its event loop.
        const bool complete =
            QTest::qWaitFor([&] { return (reply += socket.readAll()).contains('\n'); }, 20000);
        return complete ? QJsonDocument::fromJson(reply).object()
                        : QJsonObject {{str("error"), str("no reply")}};
    };
    const QByteArray rename =
        "{\"command\": \"rename-room\", \"room\": \"" + m_room.uuid.toUtf8() + "\", \"name\": \"x\"}\n";

    std::vector<std::unique_ptr<QLocalSocket>> crowd;
    for (int i = 0; i < ControlServer::maxConnections; ++i) {
        crowd.push_back(connectOne());
        QTRY_VERIFY_WITH_TIMEOUT(crowd.back()->state() == QLocalSocket::ConnectedState, 20000);
    }
    const auto beyond = connectOne();
    beyond->write(rename);
    const QJsonObject refused = replyOf(*beyond);
    QVERIFY2(refused.value(str("error")).toString().contains(str("too many")),
             QJsonDocument(refused).toJson().constData());
    QVERIFY(refused.value(str("exit")).toInt() != 0);
    QVERIFY(handled.isEmpty());
    // Each member of the crowd was taken in, not refused, and is served.
    for (const auto &member : crowd) {
        member->write(rename);
        const QJsonObject served = replyOf(*member);
        QVERIFY2(served.value(str("exit")).toInt(-1) == 0, QJsonDocument(served).toJson().constData());
    }
    QCOMPARE(handled.size(), ControlServer::maxConnections);
    crowd.clear();
    // Once the crowd is gone (the server notices in its own time), a newcomer is served again.
    const auto newcomerServed = [&] {
        const auto newcomer = connectOne();
        newcomer->write(rename);
        return replyOf(*newcomer).value(str("exit")).toInt(-1) == 0;
    };
    const QDeadlineTimer deadline(20000);
    bool served = false;
    while (!served && !deadline.hasExpired())
        served = newcomerServed();
    QVERIFY(served);
    QCOMPARE(handled.size(), ControlServer::maxConnections + 1);
}

void TestAdmin::controlSocketFileLifecycle()
{
    if (postgres())
        QSKIP("the control socket is for SQLite");
    QVERIFY(QFileInfo::exists(controlPath()));
    m_inside.reset();
    m_lobby.reset();
    m_server->kill(); // leaves the socket file behind
    QVERIFY(QFileInfo::exists(controlPath()));
    QVERIFY(m_server->start({str("--db"), m_database})); // replaces it
    TestClient client;
    QVERIFY(client.connectTo(m_server->url()));
    QCOMPARE(admin({str("rename-room"), m_room.uuid, str("After a crash")}).exitCode, 0);
    QVERIFY(waitFor(client, ResultName::RoomChanged, [](const ServerStatement &s) {
        return s.object().value(str("name")) == str("After a crash");
    }));
    QVERIFY(m_server->terminate());
    QVERIFY(!QFileInfo::exists(controlPath())); // removed at a clean exit

    // Elsewhere, for the server and the tool alike.
    const QString elsewhere = m_folder.filePath(str("elsewhere.sock"));
    QVERIFY(m_server->start({str("--db"), m_database, str("--control-socket"), elsewhere}));
    QVERIFY(QFileInfo::exists(elsewhere));
    QVERIFY(!QFileInfo::exists(controlPath()));
    TestClient again;
    QVERIFY(again.connectTo(m_server->url()));
    QCOMPARE(admin({str("--control-socket"), elsewhere, str("rename-room"), m_room.uuid, str("Elsewhere")})
                 .exitCode,
             0);
    QVERIFY(waitFor(again, ResultName::RoomChanged, [](const ServerStatement &s) {
        return s.object().value(str("name")) == str("Elsewhere");
    }));
}

void TestAdmin::controlSocketIsForTheServersUserOnly()
{
    if (postgres())
        QSKIP("the control socket is for SQLite");
    if (::geteuid() != 0 || QStandardPaths::findExecutable(str("setpriv")).isEmpty())
        QSKIP("needs root and setpriv to run the tool as another user");
    // Another user who may reach the files (but not the 0600 socket) must not change the database beside
    // the running server.
    QVERIFY(QFile::setPermissions(m_folder.path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                                      | QFile::ExeOther));
    QProcess process;
    process.start(str("setpriv"),
                  {str("--reuid=nobody"), str("--regid=nogroup"), str("--clear-groups"),
                   str(CHAT_SERVER_PATH), str("admin"), str("--db"), m_database, str("rename-room"),
                   m_room.uuid, str("Hijacked")});
    QVERIFY(process.waitForFinished(adminTimeoutMs));
    const QByteArray error = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(error.contains("control socket") && error.count('\n') == 1, error.constData());
    QVERIFY(roomLines().at(0).contains(str("\tGeneral\t")));
}

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
