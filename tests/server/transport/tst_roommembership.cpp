// RoomMembership (server/transport/RoomMembership.h): who is connected, in connection order, and who is in
// which room, as the recipients of docs/PROTOCOL.md section 4 are chosen from it.
#include "support/FakeSessions.h"
#include "transport/RoomMembership.h"

#include <QTest>

using namespace chat::server;
using namespace chat::server::testing;

namespace {
const QString roomA = QStringLiteral("room-a");
const QString roomB = QStringLiteral("room-b");

QVector<quint64> idsOf(const RoomMembership &rooms)
{
    QVector<quint64> ids;
    for (const auto &[id, session] : rooms.all())
        ids.append(id);
    return ids;
}
} // namespace

class TestRoomMembership : public QObject
{
    Q_OBJECT

private slots:
    void keepsConnectionOrder()
    {
        FakeSessions sessions;
        RoomMembership rooms;
        Session *first = sessions.add();
        Session *second = sessions.add();
        Session *third = sessions.add();
        rooms.add(first);
        rooms.add(second);
        rooms.add(third);
        QCOMPARE(rooms.count(), 3);
        QCOMPARE(idsOf(rooms), (QVector<quint64> {1, 2, 3}));
        QCOMPARE(rooms.find(2), second);
        rooms.remove(second);
        QCOMPARE(idsOf(rooms), (QVector<quint64> {1, 3}));
        QCOMPARE(rooms.find(2), nullptr);
        QCOMPARE(rooms.count(), 2);
    }

    void movesBetweenRooms()
    {
        FakeSessions sessions;
        RoomMembership rooms;
        Session *alice = sessions.add();
        Session *bob = sessions.add();
        rooms.add(alice);
        rooms.add(bob);
        QVERIFY(!rooms.hasMembers(roomA));
        QCOMPARE(rooms.membersOf(roomA), nullptr);
        QCOMPARE(rooms.outsidersOf(roomA), 2);

        QVERIFY(rooms.move(alice->peer(), roomA));
        QCOMPARE(alice->peer().roomUuid, roomA);
        QVERIFY(rooms.hasMembers(roomA));
        QCOMPARE(*rooms.membersOf(roomA), RoomMembership::Members {alice});
        QCOMPARE(rooms.outsidersOf(roomA), 1);

        QVERIFY(rooms.move(bob->peer(), roomA));
        QCOMPARE(*rooms.membersOf(roomA), (RoomMembership::Members {alice, bob}));
        QCOMPARE(rooms.outsidersOf(roomA), 0);

        // Entering another room leaves the first; an emptied room is gone from the index.
        QVERIFY(rooms.move(alice->peer(), roomB));
        QCOMPARE(*rooms.membersOf(roomA), RoomMembership::Members {bob});
        QCOMPARE(*rooms.membersOf(roomB), RoomMembership::Members {alice});
        QVERIFY(!rooms.move(bob->peer(), {}));
        QVERIFY(bob->peer().roomUuid.isEmpty());
        QVERIFY(!rooms.hasMembers(roomA));
        QCOMPARE(rooms.outsidersOf(roomB), 1);
    }

    void anEndedConnectionLeavesItsRoom()
    {
        FakeSessions sessions;
        RoomMembership rooms;
        Session *alice = sessions.add();
        Session *bob = sessions.add();
        rooms.add(alice);
        rooms.add(bob);
        rooms.move(alice->peer(), roomA);
        rooms.move(bob->peer(), roomA);
        rooms.remove(alice);
        QCOMPARE(*rooms.membersOf(roomA), RoomMembership::Members {bob});
        QCOMPARE(rooms.outsidersOf(roomA), 0);
        rooms.remove(bob);
        QVERIFY(!rooms.hasMembers(roomA));
        QCOMPARE(rooms.count(), 0);
    }

    void aPeerWithoutConnectionOnlyChangesItsRoom()
    {
        // The retried leaving of a user whose connection ended (DeliveryBatch) moves a peer that has none.
        RoomMembership rooms;
        Peer gone;
        gone.id = 0;
        QVERIFY(!rooms.move(gone, roomA));
        QCOMPARE(gone.roomUuid, roomA);
        QVERIFY(!rooms.hasMembers(roomA));
        QVERIFY(!rooms.move(gone, {}));
        QVERIFY(gone.roomUuid.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRoomMembership)
#include "tst_roommembership.moc"
