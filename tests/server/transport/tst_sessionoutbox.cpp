// SessionOutbox (server/transport/SessionOutbox.h): the dispatcher's Outbox on this node's sessions. Each
// statement goes to the recipients of docs/PROTOCOL.md section 4 (the caller, everyone, a room's members),
// through the group-commit batch, and to the other nodes; what other nodes send comes in here. Sessions on
// fake connections, a real DeliveryBatch on SQLite in memory.
#include "cluster/EventRelay.h"
#include "dispatch/CallDispatcher.h"
#include "dispatch/LiveStatements.h"
#include "storage/SqlStore.h"
#include "support/FakeSessions.h"
#include "transport/DeliveryBatch.h"
#include "transport/RoomMembership.h"
#include "transport/SessionOutbox.h"

#include <QJsonObject>
#include <QTest>

using namespace chat;
using namespace chat::server;
using namespace chat::server::testing;

namespace {

const QString roomA = QStringLiteral("room-a");
const QString roomB = QStringLiteral("room-b");

ServerStatement statement(const QString &text)
{
    return ServerStatement::result(ResultName::MessageCreated, QJsonObject {{QStringLiteral("text"), text}});
}

class FakeRelay : public EventRelay
{
public:
    void catchUp() override { }
    void record(const QString &roomUuid, const QByteArray &text) override
    {
        recorded << QStringLiteral("%1 %2").arg(roomUuid, QString::fromUtf8(text));
    }
    void flush() override { }
    void committed() override { }
    void discard() override { }
    void relayLive(const QString &roomUuid, const QByteArray &text) override
    {
        live << QStringLiteral("%1 %2").arg(roomUuid, QString::fromUtf8(text));
    }

    QStringList recorded;
    QStringList live;
};

struct Fixture
{
    Session *connect(bool extended = false, const QString &room = {})
    {
        Session *session = sessions.add(extended);
        rooms.add(session);
        if (!room.isEmpty())
            outbox.setRoom(session->peer(), room);
        return session;
    }
    QVector<QByteArray> messagesOf(const Session *session)
    {
        return sessions.connectionOf(session).messages();
    }

    FakeSessions sessions;
    std::unique_ptr<SqlStore> store = SqlStore::openSqlite(QStringLiteral(":memory:"));
    RoomMembership rooms;
    SessionOutbox outbox {rooms, batch, dispatcher};
    CallDispatcher dispatcher {*store, outbox};
    DeliveryBatch batch {*store, dispatcher, rooms, outbox, sessions.metrics(), 0.0};
};

using Texts = QVector<QByteArray>;

} // namespace

class TestSessionOutbox : public QObject
{
    Q_OBJECT

private slots:
    void toCallerReachesOnlyTheCallerOnceCommitted()
    {
        Fixture f;
        Session *alice = f.connect();
        Session *bob = f.connect();
        f.batch.join(alice->peer());
        f.outbox.toCaller(alice->peer(), statement(QStringLiteral("answer")));
        QCOMPARE(f.messagesOf(alice), Texts {}); // held until the batch is stored
        QVERIFY(f.batch.commit());
        QCOMPARE(f.messagesOf(alice), Texts {statement(QStringLiteral("answer")).toUtf8()});
        QCOMPARE(f.messagesOf(bob), Texts {});
        // Without a batch it goes at once; a caller whose connection ended gets nothing.
        f.outbox.toCaller(bob->peer(), statement(QStringLiteral("now")));
        QCOMPARE(f.messagesOf(bob), Texts {statement(QStringLiteral("now")).toUtf8()});
        Peer gone;
        gone.id = 99;
        f.outbox.toCaller(gone, statement(QStringLiteral("lost")));
    }

    void toRoomReachesTheMembersAndTheOtherNodes()
    {
        Fixture f;
        FakeRelay relay;
        f.batch.setRelay(&relay);
        Session *alice = f.connect(false, roomA);
        Session *bob = f.connect(true, roomA);
        Session *outside = f.connect(false, roomB);
        f.batch.join(alice->peer());
        f.outbox.toRoom(roomA, statement(QStringLiteral("hello")));
        const QByteArray text = statement(QStringLiteral("hello")).toUtf8();
        QVERIFY(f.batch.commit());
        QCOMPARE(f.messagesOf(alice), Texts {text});
        QCOMPARE(f.messagesOf(bob), Texts {text});
        QCOMPARE(f.messagesOf(outside), Texts {});
        QCOMPARE(relay.recorded, QStringList {roomA + QLatin1Char(' ') + QString::fromUtf8(text)});
        // A room with nobody here: nothing sent here, but the other nodes still hear of it.
        f.batch.join(alice->peer());
        f.outbox.toRoom(QStringLiteral("empty"), statement(QStringLiteral("x")));
        QVERIFY(f.batch.commit());
        QCOMPARE(relay.recorded.size(), 2);
        QCOMPARE(f.messagesOf(alice).size(), 1);
    }

    void toRoomByKindGivesEachClientItsKind()
    {
        Fixture f;
        FakeRelay relay;
        f.batch.setRelay(&relay);
        Session *plain = f.connect(false, roomA);
        Session *extended = f.connect(true, roomA);
        f.batch.join(plain->peer()); // a broadcast is relayed with the batch that stores it
        f.outbox.toRoomByKind(roomA, statement(QStringLiteral("plain")), statement(QStringLiteral("ext")));
        QVERIFY(f.batch.commit());
        QCOMPARE(f.messagesOf(plain), Texts {statement(QStringLiteral("plain")).toUtf8()});
        QCOMPARE(f.messagesOf(extended), Texts {statement(QStringLiteral("ext")).toUtf8()});
        // Other nodes cannot tell their clients apart: they get the plain one.
        QCOMPARE(relay.recorded,
                 QStringList {roomA + QLatin1Char(' ')
                              + QString::fromUtf8(statement(QStringLiteral("plain")).toUtf8())});
    }

    void toAllReachesEveryoneInConnectionOrder()
    {
        Fixture f;
        FakeRelay relay;
        f.batch.setRelay(&relay);
        Session *first = f.connect(false, roomA);
        Session *second = f.connect();
        f.batch.join(first->peer());
        f.outbox.toAll(roomA, statement(QStringLiteral("one")));
        f.outbox.toAll(roomA, statement(QStringLiteral("two")));
        QVERIFY(f.batch.commit());
        const Texts both {statement(QStringLiteral("one")).toUtf8(),
                          statement(QStringLiteral("two")).toUtf8()};
        QCOMPARE(f.messagesOf(first), both);
        QCOMPARE(f.messagesOf(second), both);
        QCOMPARE(f.sessions.connectionOf(second).writes.size(), 1); // one write for the batch
        QCOMPARE(relay.recorded.size(), 2);
        QVERIFY(relay.recorded.first().startsWith(QLatin1Char(' '))); // to everyone: no room
    }

    void countUpdatesGoToMembersWithTheCallAndToOutsidersAfter()
    {
        Fixture f;
        Session *plainMember = f.connect(false, roomA);
        Session *extendedMember = f.connect(true, roomA);
        Session *plainOutside = f.connect();
        Session *extendedOutside = f.connect(true);
        const ServerStatement full = statement(QStringLiteral("full"));
        const ServerStatement compact = statement(QStringLiteral("compact"));
        f.batch.join(plainMember->peer());
        f.outbox.toAllCountUpdate(roomA, full, compact);
        QVERIFY(f.batch.commit());
        QCOMPARE(f.messagesOf(plainMember), Texts {full.toUtf8()});
        QCOMPARE(f.messagesOf(extendedMember), Texts {compact.toUtf8()});
        QCOMPARE(f.messagesOf(plainOutside), Texts {full.toUtf8()});
        QCOMPARE(f.messagesOf(extendedOutside), Texts {compact.toUtf8()});
    }

    void liveGoesToTheOtherExtendedMembersAtOnce()
    {
        Fixture f;
        FakeRelay relay;
        f.batch.setRelay(&relay);
        Session *sender = f.connect(true, roomA);
        Session *extended = f.connect(true, roomA);
        Session *plain = f.connect(false, roomA);
        Session *outside = f.connect(true, roomB);
        f.batch.join(plain->peer()); // never held for a commit
        f.outbox.toRoomLive(sender->peer(), "live");
        QCOMPARE(f.messagesOf(extended), Texts {"live"});
        QCOMPARE(f.messagesOf(sender), Texts {});
        QCOMPARE(f.messagesOf(plain), Texts {});
        QCOMPARE(f.messagesOf(outside), Texts {});
        QCOMPARE(relay.live, QStringList {roomA + QStringLiteral(" live")});
        // From another node: to every extended member, the sender being elsewhere.
        f.outbox.deliverLiveFromOtherNode(roomA, "remote");
        QCOMPARE(f.messagesOf(sender), Texts {"remote"});
        QCOMPARE(f.messagesOf(extended), (Texts {"live", "remote"}));
        QCOMPARE(f.messagesOf(plain), Texts {});
        QVERIFY(f.batch.commit());
    }

    void aTypistThatLeavesStopsTyping()
    {
        Fixture f;
        Session *typist = f.connect(true, roomA);
        Session *other = f.connect(true, roomA);
        typist->peer().userUuid = QStringLiteral("user-t");
        typist->peer().typing = true;
        typist->peer().typingForwardedMs = 5;
        f.outbox.setRoom(typist->peer(), roomB);
        QCOMPARE(typist->peer().roomUuid, roomB);
        QVERIFY(!typist->peer().typing);
        QCOMPARE(typist->peer().typingForwardedMs, qint64(-1));
        // docs/EXTENSIONS.md, "Typing": the room it left hears typing false.
        QCOMPARE(f.messagesOf(other), Texts {typingChangedText(QStringLiteral("user-t"), roomA, false)});
        QCOMPARE(*f.rooms.membersOf(roomA), RoomMembership::Members {other});
        QCOMPARE(*f.rooms.membersOf(roomB), RoomMembership::Members {typist});
    }

    void mayHaveMembersKnowsOnlyThisNode()
    {
        Fixture f;
        f.connect(false, roomA);
        QVERIFY(f.outbox.mayHaveMembers(roomA));
        QVERIFY(!f.outbox.mayHaveMembers(roomB));
        FakeRelay relay;
        f.batch.setRelay(&relay); // other nodes' members are not known here
        QVERIFY(f.outbox.mayHaveMembers(roomB));
    }

    void emptyRoomTakesEffectOnceCommitted()
    {
        Fixture f;
        Session *alice = f.connect(false, roomA);
        Session *bob = f.connect(false, roomA);
        f.batch.join(alice->peer());
        f.outbox.emptyRoom(roomA);
        QCOMPARE(alice->peer().roomUuid, roomA); // a failed batch would leave them inside
        QVERIFY(f.batch.commit());
        QVERIFY(alice->peer().roomUuid.isEmpty());
        QVERIFY(bob->peer().roomUuid.isEmpty());
        QVERIFY(!f.rooms.hasMembers(roomA));
    }

    void statementsFromOtherNodesGoOutAtOnce()
    {
        Fixture f;
        Session *member = f.connect(false, roomA);
        Session *outside = f.connect();
        f.batch.join(member->peer()); // committed elsewhere already: not held here
        f.outbox.deliverFromOtherNode(roomA, "to the room");
        QCOMPARE(f.messagesOf(member), Texts {"to the room"});
        QCOMPARE(f.messagesOf(outside), Texts {});
        f.outbox.deliverFromOtherNode({}, "to everyone");
        QCOMPARE(f.messagesOf(member), (Texts {"to the room", "to everyone"}));
        QCOMPARE(f.messagesOf(outside), Texts {"to everyone"});
        QVERIFY(f.batch.commit());

        // The operator deleted a room with members here: they are no longer in it.
        const QByteArray deleted =
            ServerStatement::result(ResultName::RoomDeleted, QJsonObject {{QStringLiteral("uuid"), roomA}})
                .toUtf8();
        f.outbox.deliverFromOtherNode({}, deleted);
        QCOMPARE(f.messagesOf(member).last(), deleted);
        QVERIFY(member->peer().roomUuid.isEmpty());
        QVERIFY(!f.rooms.hasMembers(roomA));
    }
};

QTEST_GUILESS_MAIN(TestSessionOutbox)
#include "tst_sessionoutbox.moc"
