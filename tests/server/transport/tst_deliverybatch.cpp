// DeliveryBatch (server/transport/DeliveryBatch.h): group commit. What the calls of a batch send is held in
// order until the batch is stored, then each session's share goes out in one write; a failed batch sends
// nothing but internal_error and puts its callers back; the cluster relay and the count-update merger run
// around it. Sessions on fake connections, a real SqlStore on SQLite in memory.
#include "cluster/EventRelay.h"
#include "dispatch/CallDispatcher.h"
#include "dispatch/Outbox.h"
#include "protocol/CallStatement.h"
#include "storage/SqlStore.h"
#include "storage/StorageError.h"
#include "support/FakeSessions.h"
#include "transport/DeliveryBatch.h"
#include "transport/RoomMembership.h"

#include <QJsonArray>
#include <QTest>

using namespace chat;
using namespace chat::server;
using namespace chat::server::testing;

namespace {

const QString roomA = QStringLiteral("room-a");

// The part of the server's Outbox (SessionOutbox) that the batch calls back (setRoom), with the recipients
// chosen as SessionOutbox chooses them.
class Front : public Outbox
{
public:
    void toCaller(const Peer &caller, const ServerStatement &statement) override
    {
        if (Session *session = rooms.find(caller.id))
            batch->deliver(session, statement.toUtf8());
    }
    void toAll(const QString &, const ServerStatement &statement) override
    {
        for (const auto &[id, session] : rooms.all())
            batch->deliver(session, statement.toUtf8());
    }
    void toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                          const ServerStatement &compact) override
    {
        batch->offerCountUpdate(roomUuid, {full.toUtf8(), compact.toUtf8()});
    }
    void toRoom(const QString &roomUuid, const ServerStatement &statement) override
    {
        if (const auto *members = rooms.membersOf(roomUuid)) {
            for (Session *session : *members)
                batch->deliver(session, statement.toUtf8());
        }
    }
    void setRoom(Peer &peer, const QString &roomUuid) override
    {
        if (rooms.move(peer, roomUuid) && peer.extended)
            batch->entered(peer);
    }

    RoomMembership rooms;
    DeliveryBatch *batch = nullptr;
};

class FakeRelay : public EventRelay
{
public:
    void catchUp() override { calls << QStringLiteral("catchUp"); }
    void record(const QString &roomUuid, const QByteArray &text) override
    {
        calls << QStringLiteral("record %1 %2").arg(roomUuid, QString::fromUtf8(text));
    }
    void flush() override
    {
        calls << QStringLiteral("flush");
        if (failFlush)
            throw StorageError(QStringLiteral("injected"));
    }
    void committed() override { calls << QStringLiteral("committed"); }
    void discard() override { calls << QStringLiteral("discard"); }

    QStringList calls;
    bool failFlush = false;
};

struct Fixture
{
    // countUpdateBudget: CountUpdateMerger's frames a second for those outside a room (0: never merge).
    explicit Fixture(double countUpdateBudget = 0.0)
        : budget(countUpdateBudget)
    {
        front.batch = &batch;
    }

    Session *connect(bool extended = false)
    {
        Session *session = sessions.add(extended);
        front.rooms.add(session);
        return session;
    }
    QVector<QByteArray> messagesOf(const Session *session)
    {
        return sessions.connectionOf(session).messages();
    }
    int writesOf(const Session *session) { return int(sessions.connectionOf(session).writes.size()); }

    double budget;
    FakeSessions sessions;
    std::unique_ptr<SqlStore> store = SqlStore::openSqlite(QStringLiteral(":memory:"));
    Front front;
    CallDispatcher dispatcher {*store, front};
    DeliveryBatch batch {*store, dispatcher, front.rooms, front, sessions.metrics(), budget};
};

using Texts = QVector<QByteArray>;

} // namespace

class TestDeliveryBatch : public QObject
{
    Q_OBJECT

private slots:
    void holdsUntilCommitThenWritesOncePerSession()
    {
        Fixture f;
        Session *alice = f.connect();
        Session *bob = f.connect();
        f.batch.join(alice->peer());
        QVERIFY(f.batch.isOpen());
        f.batch.deliver(alice, "a1");
        f.batch.deliver(bob, "b1");
        f.batch.deliver(alice, "a2");
        QCOMPARE(f.writesOf(alice), 0);
        QCOMPARE(f.writesOf(bob), 0);
        QVERIFY(f.batch.commit());
        QVERIFY(!f.batch.isOpen());
        QCOMPARE(f.sessions.connectionOf(alice).writes, QVector<Texts>({Texts {"a1", "a2"}}));
        QCOMPARE(f.sessions.connectionOf(bob).writes, QVector<Texts>({Texts {"b1"}}));
    }

    void sendsAtOnceWithoutABatch()
    {
        Fixture f;
        Session *alice = f.connect();
        f.batch.deliver(alice, "now");
        QCOMPARE(f.messagesOf(alice), Texts {"now"});
        QVERIFY(f.batch.commit()); // nothing open: nothing to do
    }

    void commitsOnceTheWaitingEventsAreHandled()
    {
        Fixture f;
        Session *alice = f.connect();
        f.batch.join(alice->peer());
        f.batch.deliver(alice, "answer");
        QTRY_VERIFY_WITH_TIMEOUT(!f.batch.isOpen(), 10000);
        QCOMPARE(f.messagesOf(alice), Texts {"answer"});
    }

    void stepsRunAtTheCommitInTheirPlace()
    {
        Fixture f;
        Session *alice = f.connect();
        QStringList ran;
        f.batch.afterCommit([&] { ran << QStringLiteral("at once"); });
        QCOMPARE(ran, QStringList {QStringLiteral("at once")});
        f.batch.join(alice->peer());
        f.batch.afterCommit([&] { ran << QStringLiteral("first"); });
        f.batch.deliver(alice, "between");
        f.batch.afterCommit([&] { ran << QStringLiteral("second"); });
        QCOMPARE(ran.size(), 1);
        QVERIFY(f.batch.commit());
        QCOMPARE(
            ran,
            (QStringList {QStringLiteral("at once"), QStringLiteral("first"), QStringLiteral("second")}));
        QCOMPARE(f.messagesOf(alice), Texts {"between"});
    }

    void countUpdatesReachOutsidersInOrderAfterTheCommit()
    {
        Fixture f;
        Session *member = f.connect();
        Session *plain = f.connect();
        Session *extended = f.connect(true);
        f.front.setRoom(member->peer(), roomA);
        f.batch.join(plain->peer());
        f.batch.deliver(plain, "before");
        f.batch.offerCountUpdate(roomA, {"full", "compact"});
        f.batch.deliver(plain, "after");
        QCOMPARE(f.writesOf(plain), 0);
        QCOMPARE(f.writesOf(extended), 0);
        QVERIFY(f.batch.commit());
        QCOMPARE(f.sessions.connectionOf(plain).writes, QVector<Texts>({Texts {"before", "full", "after"}}));
        QCOMPARE(f.messagesOf(extended), Texts {"compact"});
        QCOMPARE(f.writesOf(member),
                 0); // the members had theirs with the call (SessionOutbox::toAllCountUpdate)
        QCOMPARE(f.batch.heldCountUpdates(), 0);
    }

    void aUsersChangeMergedWithACountStaysWholeForEveryone()
    {
        // A budget so small that after the first update everything for those outside waits (until flushed).
        Fixture f(0.001);
        Session *member = f.connect();
        Session *plain = f.connect();
        Session *extended = f.connect(true);
        f.front.setRoom(member->peer(), roomA);
        f.batch.offerCountUpdate(roomA, {"full1", "compact1"});
        QCOMPARE(f.messagesOf(plain), Texts {"full1"});
        QCOMPARE(f.messagesOf(extended), Texts {"compact1"});
        QCOMPARE(f.batch.heldCountUpdates(), 0);

        // Two counts merged: the latest, and still compact for socketchat.v1.
        f.batch.offerCountUpdate(roomA, {"full2", "compact2"});
        f.batch.offerCountUpdate(roomA, {"full3", "compact3"});
        QCOMPARE(f.batch.heldCountUpdates(), 1);
        f.batch.flushCountUpdates();
        QCOMPARE(f.messagesOf(plain), (Texts {"full1", "full3"}));
        QCOMPARE(f.messagesOf(extended), (Texts {"compact1", "compact3"}));

        // Someone entered (the whole room for everyone), then a message was posted: merged into one, the
        // latest room, whole for socketchat.v1 clients too or they would miss who entered.
        f.batch.offerCountUpdate(roomA, CountUpdateMerger::Update::wholeRoom("users4"));
        f.batch.offerCountUpdate(roomA, {"full5", "compact5"});
        QCOMPARE(f.batch.heldCountUpdates(), 1);
        f.batch.flushCountUpdates();
        QCOMPARE(f.messagesOf(plain), (Texts {"full1", "full3", "full5"}));
        QCOMPARE(f.messagesOf(extended), (Texts {"compact1", "compact3", "full5"}));

        // And the other way round: a count, then a change of users.
        f.batch.offerCountUpdate(roomA, {"full6", "compact6"});
        f.batch.offerCountUpdate(roomA, CountUpdateMerger::Update::wholeRoom("users7"));
        f.batch.flushCountUpdates();
        QCOMPARE(f.messagesOf(plain), (Texts {"full1", "full3", "full5", "users7"}));
        QCOMPARE(f.messagesOf(extended), (Texts {"compact1", "compact3", "full5", "users7"}));
        QCOMPARE(f.writesOf(member), 0); // the members get theirs with the call, never from the merger
    }

    void liveWaitsForARoomEnteredInTheBatch()
    {
        Fixture f;
        Session *entering = f.connect(true);
        Session *inside = f.connect(true);
        f.front.setRoom(inside->peer(), roomA); // before the batch
        f.batch.join(entering->peer());
        f.front.setRoom(entering->peer(), roomA);
        f.batch.deliver(entering, "room_entered");
        f.batch.deliverLive(entering, "live");
        f.batch.deliverLive(inside, "live");
        QCOMPARE(f.messagesOf(inside), Texts {"live"}); // at once: nothing of it waits
        QCOMPARE(f.writesOf(entering), 0);
        QVERIFY(f.batch.commit());
        QCOMPARE(f.messagesOf(entering), (Texts {"room_entered", "live"}));
        // A live statement is dropped, not queued, for a session with a write backlog.
        f.sessions.connectionOf(inside).backlog = 100;
        f.batch.deliverLive(inside, "dropped");
        QCOMPARE(f.messagesOf(inside), Texts {"live"});
    }

    void relayRunsAroundTheBatch()
    {
        Fixture f;
        FakeRelay relay;
        f.batch.setRelay(&relay);
        Session *alice = f.connect();
        f.batch.join(alice->peer());
        f.batch.relay(roomA, "to the room");
        f.batch.relay({}, "to everyone");
        QVERIFY(f.batch.commit());
        QCOMPARE(relay.calls,
                 (QStringList {QStringLiteral("catchUp"), QStringLiteral("record room-a to the room"),
                               QStringLiteral("record  to everyone"), QStringLiteral("flush"),
                               QStringLiteral("committed")}));
    }

    void aFailedBatchSendsNothingAndPutsItsCallersBack()
    {
        Fixture f;
        FakeRelay relay;
        relay.failFlush = true; // EventRelay::flush throws: the batch is not stored
        f.batch.setRelay(&relay);
        Session *alice = f.connect();
        f.batch.join(alice->peer());
        f.front.setRoom(alice->peer(), roomA);
        f.batch.deliver(alice, "room_entered");
        Session *newcomer = f.connect();
        f.batch.join(newcomer->peer(), DeliveryBatch::Arrival::NewConnection);
        f.batch.deliver(newcomer, "user_created");
        bool stepRan = false;
        f.batch.afterCommit([&] { stepRan = true; });

        QVERIFY(!f.batch.commit());
        QVERIFY(!f.batch.isOpen());
        QCOMPARE(f.messagesOf(alice), Texts {ServerStatement::error(ErrorName::InternalError).toUtf8()});
        QVERIFY(alice->peer().roomUuid.isEmpty()); // back where it was before the batch
        QVERIFY(!f.front.rooms.hasMembers(roomA));
        QCOMPARE(f.messagesOf(newcomer), Texts {}); // its user was never stored: it cannot go on
        QCOMPARE(f.sessions.connectionOf(newcomer).closeCode, quint16(1011));
        QVERIFY(!stepRan);
        QCOMPARE(
            relay.calls,
            (QStringList {QStringLiteral("catchUp"), QStringLiteral("flush"), QStringLiteral("discard")}));

        // The next batch works again.
        relay.failFlush = false;
        f.batch.join(alice->peer());
        f.batch.deliver(alice, "again");
        QVERIFY(f.batch.commit());
        QCOMPARE(f.messagesOf(alice).last(), QByteArray("again"));
    }

    void aLeaveThatWasNotStoredIsRetried()
    {
        Fixture f;
        FakeRelay relay;
        f.batch.setRelay(&relay);
        Session *alice = f.connect();
        Session *bob = f.connect();
        QVERIFY(f.dispatcher.connected(alice->peer()));
        QVERIFY(f.dispatcher.connected(bob->peer()));
        const auto call = [&](Session *session, const QByteArray &frame) {
            const ParsedCall parsed = CallParser::parseUtf8(frame);
            f.batch.join(session->peer());
            f.dispatcher.dispatch(session->peer(), std::get<CallStatement>(parsed));
            QVERIFY(f.batch.commit());
        };
        call(alice, R"({"type": "call", "payload": {"message": "create_room"}})");
        const auto created = ServerStatement::parse(f.messagesOf(alice).last());
        QVERIFY(created && created->resultName() == ResultName::RoomCreated);
        const QString room = created->object().value(QLatin1String("uuid")).toString();
        call(alice,
             QStringLiteral(R"({"type": "call", "payload": {"message": "enter_room", "uuid": "%1"}})")
                 .arg(room)
                 .toUtf8());
        QCOMPARE(alice->peer().roomUuid, room);

        // Alice's connection ends in a batch that is not stored: she is still in the room in the database.
        relay.failFlush = true;
        f.batch.join(alice->peer());
        f.front.setRoom(alice->peer(), {});
        f.front.rooms.remove(alice);
        f.batch.leave(alice->peer());
        const qsizetype bobHad = f.messagesOf(bob).size();
        QVERIFY(!f.batch.commit());
        QCOMPARE(f.batch.lingeringUsers(), 1);
        QCOMPARE(f.messagesOf(bob).size(), bobHad); // nothing of the failed batch was told

        // Once the database takes writes again, the retry stores it and everyone hears the room without her.
        relay.failFlush = false;
        QTRY_COMPARE_WITH_TIMEOUT(f.batch.lingeringUsers(), 0, 20000);
        const auto changed = ServerStatement::parse(f.messagesOf(bob).last());
        QVERIFY(changed && changed->resultName() == ResultName::RoomChanged);
        QCOMPARE(changed->object().value(QLatin1String("uuid")).toString(), room);
        QVERIFY(changed->object().value(QLatin1String("users")).toArray().isEmpty());
    }

    void runAloneCommitsWhatWaitsFirst()
    {
        Fixture f;
        Session *alice = f.connect();
        f.batch.join(alice->peer());
        f.batch.deliver(alice, "waiting");
        QString error;
        QVERIFY(f.batch.runAlone(
            [&](Store &, CallDispatcher &) {
                QCOMPARE(f.messagesOf(alice), Texts {"waiting"}); // committed and sent before
                f.batch.deliver(alice, "operator");
            },
            &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(f.sessions.connectionOf(alice).writes,
                 QVector<Texts>({Texts {"waiting"}, Texts {"operator"}}));
        QVERIFY(!f.batch.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestDeliveryBatch)
#include "tst_deliverybatch.moc"
