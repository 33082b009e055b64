// CallDispatcher (server/dispatch/CallDispatcher.h) on its own: calls run against a real SqlStore (SQLite in
// memory) and a recording Outbox, no transport. Asserts who gets what, in which order (docs/PROTOCOL.md
// section 4, docs/EXTENSIONS.md "Live strokes").
#include "dispatch/CallDispatcher.h"
#include "dispatch/Outbox.h"
#include "protocol/CallStatement.h"
#include "storage/SqlStore.h"

#include <QJsonArray>
#include <QTest>

using namespace chat;
using namespace chat::server;

namespace {

// Writes down each Outbox call as one line: "<how> <to> <statement name>".
class RecordingOutbox : public Outbox
{
public:
    void toCaller(const Peer &caller, const ServerStatement &statement) override
    {
        log << QStringLiteral("caller %1 %2").arg(caller.id).arg(statement.name());
    }
    void toAll(const QString &, const ServerStatement &statement) override
    {
        log << QStringLiteral("all %1").arg(statement.name());
        if (statement.resultName() == ResultName::RoomCreated)
            rooms << statement.object().value(QLatin1String("uuid")).toString();
    }
    void toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                          const ServerStatement &compact) override
    {
        log << QStringLiteral("count %1 %2 %3").arg(nameOf(roomUuid), full.name(), compact.name());
    }
    void toAllUsersChanged(const QString &roomUuid, const ServerStatement &statement) override
    {
        const QJsonArray users = statement.object().value(QLatin1String("users")).toArray();
        log << QStringLiteral("users %1 %2 %3").arg(nameOf(roomUuid), statement.name()).arg(users.size());
    }
    void toRoom(const QString &roomUuid, const ServerStatement &statement) override
    {
        log << QStringLiteral("room %1 %2").arg(nameOf(roomUuid), statement.name());
    }
    void toRoomLive(const Peer &sender, const QByteArray &text) override
    {
        const auto statement = ServerStatement::parse(text);
        log << QStringLiteral("live %1 %2 %3")
                   .arg(nameOf(sender.roomUuid))
                   .arg(sender.id)
                   .arg(statement ? statement->name() : QStringLiteral("<unparsable>"));
    }
    void setRoom(Peer &peer, const QString &roomUuid) override
    {
        peer.roomUuid = roomUuid;
        log << QStringLiteral("setRoom %1 %2").arg(peer.id).arg(nameOf(roomUuid));
    }

    // "room0", "room1", … in the order they were created, so that the log reads without uuids.
    QString nameOf(const QString &roomUuid) const
    {
        const qsizetype index = rooms.indexOf(roomUuid);
        return index < 0 ? (roomUuid.isEmpty() ? QStringLiteral("-") : roomUuid)
                         : QStringLiteral("room%1").arg(index);
    }

    QStringList log;
    QStringList rooms;
};

struct Fixture
{
    Fixture()
    {
        alice.id = 1;
        bob.id = 2;
        bob.extended = true; // socketchat.v1
        QVERIFY(dispatcher.connected(alice));
        QVERIFY(dispatcher.connected(bob));
    }

    // One call frame, parsed as the server parses it.
    void call(Peer &peer, const QByteArray &frame)
    {
        const ParsedCall parsed = CallParser::parseUtf8(frame);
        const auto *statement = std::get_if<CallStatement>(&parsed);
        QVERIFY2(statement, frame.constData());
        dispatcher.dispatch(peer, *statement);
    }
    QStringList take() { return std::exchange(outbox.log, {}); }

    std::unique_ptr<SqlStore> store = SqlStore::openSqlite(QStringLiteral(":memory:"));
    RecordingOutbox outbox;
    CallDispatcher dispatcher {*store, outbox};
    Peer alice;
    Peer bob;
};

const QByteArray createRoom = R"({"type": "call", "payload": {"message": "create_room"}})";

QByteArray enterRoom(const QString &uuid)
{
    return QStringLiteral(R"({"type": "call", "payload": {"message": "enter_room", "uuid": "%1"}})")
        .arg(uuid)
        .toUtf8();
}

} // namespace

class TestCallDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void connectedTellsOnlyTheCaller()
    {
        Fixture f;
        QVERIFY(!f.alice.userUuid.isEmpty());
        QVERIFY(f.alice.userUuid != f.bob.userUuid);
        QCOMPARE(
            f.take(),
            (QStringList {QStringLiteral("caller 1 user_created"), QStringLiteral("caller 1 rooms_listed"),
                          QStringLiteral("caller 2 user_created"), QStringLiteral("caller 2 rooms_listed")}));
    }

    void createRoomTellsEveryone()
    {
        Fixture f;
        f.take();
        f.call(f.alice, createRoom);
        QCOMPARE(f.take(), QStringList {QStringLiteral("all room_created")});
        QCOMPARE(f.outbox.rooms.size(), 1);
    }

    void enterRoomMovesThenAnswersThenTellsEveryone()
    {
        Fixture f;
        f.call(f.alice, createRoom);
        f.call(f.alice, createRoom);
        f.take();
        f.call(f.alice, enterRoom(f.outbox.rooms.at(0)));
        QCOMPARE(f.alice.roomUuid, f.outbox.rooms.at(0));
        QCOMPARE(
            f.take(),
            (QStringList {QStringLiteral("setRoom 1 room0"), QStringLiteral("caller 1 room_entered"),
                          QStringLiteral("caller 1 messages_listed"), QStringLiteral("caller 1 drawing_got"),
                          QStringLiteral("users room0 room_changed 1")}));
        // Moving on: the room left is announced before the room entered.
        f.call(f.alice, enterRoom(f.outbox.rooms.at(1)));
        QCOMPARE(
            f.take(),
            (QStringList {QStringLiteral("setRoom 1 room1"), QStringLiteral("caller 1 room_entered"),
                          QStringLiteral("caller 1 messages_listed"), QStringLiteral("caller 1 drawing_got"),
                          QStringLiteral("users room0 room_changed 0"),
                          QStringLiteral("users room1 room_changed 1")}));
        // A room that does not exist: only the caller hears of it, and it stays where it was.
        f.call(f.alice, enterRoom(QStringLiteral("00000000-0000-0000-0000-000000000000")));
        QCOMPARE(f.take(), QStringList {QStringLiteral("caller 1 no_specified_room")});
        QCOMPARE(f.alice.roomUuid, f.outbox.rooms.at(1));
    }

    void leavingAndDisconnectingAreUsersChanges()
    {
        // Entries and exits go to everyone as changes of the room's users, which those outside the room may
        // get merged under load (docs/PROTOCOL.md section 0); a rename is a whole update for everyone.
        Fixture f;
        f.call(f.alice, createRoom);
        f.call(f.alice, enterRoom(f.outbox.rooms.at(0)));
        f.call(f.bob, enterRoom(f.outbox.rooms.at(0)));
        f.take();
        f.call(f.alice, R"({"type": "call", "payload": {"message": "leave_room"}})");
        QCOMPARE(f.take(),
                 (QStringList {QStringLiteral("setRoom 1 -"), QStringLiteral("caller 1 room_left"),
                               QStringLiteral("users room0 room_changed 1")}));
        QVERIFY(f.dispatcher.disconnected(f.bob));
        QCOMPARE(f.take(),
                 (QStringList {QStringLiteral("setRoom 2 -"), QStringLiteral("users room0 room_changed 0")}));
        f.call(f.alice,
               QStringLiteral(R"({"type": "call", "payload": {"message": "change_name", "uuid": "%1", )"
                              R"("name": "renamed"}})")
                   .arg(f.outbox.rooms.at(0))
                   .toUtf8());
        QCOMPARE(f.take(), QStringList {QStringLiteral("all room_changed")});
    }

    void createMessageCountsThenTellsTheRoom()
    {
        Fixture f;
        f.call(f.alice, createRoom);
        f.call(f.alice, enterRoom(f.outbox.rooms.at(0)));
        f.take();
        f.call(f.alice, R"({"type": "call", "payload": {"message": "create_message", "body": "hi"}})");
        QCOMPARE(f.take(),
                 (QStringList {QStringLiteral("count room0 room_changed room_sum_changed"),
                               QStringLiteral("room room0 message_created")}));
        // Outside any room: only the caller hears it cannot post.
        f.call(f.bob, R"({"type": "call", "payload": {"message": "create_message", "body": "hi"}})");
        const QStringList refused = f.take();
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.first().startsWith(QStringLiteral("caller 2 ")), qPrintable(refused.first()));
    }

    void drawLiveGoesToTheRoomLiveOnly()
    {
        Fixture f;
        f.call(f.alice, createRoom);
        f.call(f.bob, enterRoom(f.outbox.rooms.at(0)));
        f.take();
        const QByteArray preview = R"({"type": "call", "payload": {"message": "draw_live", "uuid": "line-1",
            "from": 0, "points": [10, 20, 11, 21], "tool": "pen", "color": "#112233", "end": false}})";
        f.call(f.bob, preview);
        QCOMPARE(f.take(), QStringList {QStringLiteral("live room0 2 live_line_changed")});
        // Not negotiated: an unknown call (docs/PROTOCOL.md Q1), nothing forwarded.
        f.call(f.alice, enterRoom(f.outbox.rooms.at(0)));
        f.take();
        f.call(f.alice, preview);
        QCOMPARE(f.take(), QStringList {QStringLiteral("caller 1 bad_data")});
        // Outside a room: dropped without a word.
        f.call(f.bob, R"({"type": "call", "payload": {"message": "leave_room"}})");
        f.take();
        f.call(f.bob, preview);
        QCOMPARE(f.take(), QStringList {});
    }
};

QTEST_GUILESS_MAIN(TestCallDispatcher)
#include "tst_calldispatcher.moc"
