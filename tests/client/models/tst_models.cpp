// The client's item models: room list and its search proxy, messages, users, the event log and the drawing.
#include "app/ClientSettings.h"
#include "drawing/CssColor.h"
#include "models/DrawingModel.h"
#include "models/EventLogModel.h"
#include "models/MessageLinks.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/RoomSearchModel.h"
#include "models/UserListModel.h"

#include <QBuffer>
#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace chat;

namespace {
Room room(const QString &uuid, const QString &name, int users = 0)
{
    Room r;
    r.uuid = uuid;
    r.name = name;
    r.color = QStringLiteral("#cf2e24");
    for (int i = 0; i < users; ++i)
        r.users.append(User {QStringLiteral("u%1").arg(i), QStringLiteral("user %1").arg(i), uuid});
    return r;
}

Room withSum(Room r, qint64 sum)
{
    r.sum = sum;
    return r;
}

Line line(const QString &uuid, double x)
{
    Line l;
    l.uuid = uuid;
    l.points = QJsonArray {x, 1, x + 1, 2};
    l.tool = QStringLiteral("pen");
    l.color = QStringLiteral("#000000");
    return l;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    // What the room cards and their tooltips read (no translation installed: the source texts).
    void roomRolesGiveWhatTheCardsShow()
    {
        RoomListModel rooms;
        Room kitchen = room(QStringLiteral("k"), QStringLiteral("Kitchen"), 2);
        kitchen.color = QStringLiteral("#5da247");
        kitchen.sum = 3;
        rooms.reset({kitchen});
        const QModelIndex index = rooms.index(0);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), QStringLiteral("Kitchen"));
        QCOMPARE(index.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Kitchen"));
        QCOMPARE(index.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Kitchen: 3 message(s)\nInside: user 0, user 1"));
        QCOMPARE(index.data(RoomListModel::UuidRole).toString(), QStringLiteral("k"));
        QCOMPARE(index.data(RoomListModel::ColorRole).toString(), QStringLiteral("#5da247"));
        QCOMPARE(index.data(RoomListModel::SumRole).toLongLong(), 3);
        QCOMPARE(index.data(RoomListModel::UserCountRole).toInt(), 2);
        QVERIFY(!index.data(Qt::DecorationRole).isValid());
        QVERIFY(index.flags() & Qt::ItemIsEditable);
        QCOMPARE(rooms.roleNames().value(RoomListModel::SumRole), QByteArray("sum"));
        QCOMPARE(rooms.roleNames().value(RoomListModel::ColorRole), QByteArray("color"));
        rooms.setSum(QStringLiteral("k"), 1);
        QCOMPARE(index.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Kitchen: 1 message(s)\nInside: user 0, user 1"));
        // Presence (issue 15): who is inside, for the avatars and the screen reader.
        QCOMPARE(index.data(RoomListModel::UserNamesRole).toStringList(),
                 QStringList({QStringLiteral("user 0"), QStringLiteral("user 1")}));
        QCOMPARE(index.data(RoomListModel::UserUuidsRole).toStringList(),
                 QStringList({QStringLiteral("u0"), QStringLiteral("u1")}));
        QVERIFY2(index.data(Qt::AccessibleDescriptionRole)
                     .toString()
                     .endsWith(QStringLiteral("colour: Green, inside: user 0, user 1")),
                 qPrintable(index.data(Qt::AccessibleDescriptionRole).toString()));
    }

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void unreadCountsFollowSumsSinceLastLooked()
    {
        RoomListModel rooms;
        QSignalSpy total(&rooms, &RoomListModel::totalUnreadChanged);
        const QString a = QStringLiteral("a"), b = QStringLiteral("b");
        // First sight: what was there before counts as read.
        rooms.reset(
            {withSum(room(a, QStringLiteral("Alpha")), 5), withSum(room(b, QStringLiteral("Beta")), 2)});
        QCOMPARE(rooms.totalUnread(), 0);
        rooms.upsert(withSum(room(a, QStringLiteral("Alpha")), 7)); // room_changed
        rooms.setSum(b, 3); // socketchat.v1's room_sum_changed
        QCOMPARE(rooms.unread(a), 2);
        QCOMPARE(rooms.index(0).data(RoomListModel::UnreadRole).toLongLong(), 2);
        QCOMPARE(rooms.unread(b), 1);
        QCOMPARE(rooms.totalUnread(), 3);
        QCOMPARE(total.last().at(0).toLongLong(), 3);
        QVERIFY(rooms.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("2 unread")));
        // A screen reader hears it in the card's description, between the users and the colour (without
        // chat_en.qm the counts read "message(s)").
        const auto description = [&rooms](int row) {
            return rooms.index(row).data(Qt::AccessibleDescriptionRole).toString();
        };
        QVERIFY2(description(0).contains(QStringLiteral(", 2 unread, colour: ")), qPrintable(description(0)));

        // Looking at a room reads it, and it stays read while viewed.
        rooms.setViewedRoom(a);
        QCOMPARE(rooms.unread(a), 0);
        QVERIFY2(!description(0).contains(QStringLiteral("unread")), qPrintable(description(0)));
        rooms.setSum(a, 9);
        QCOMPARE(rooms.unread(a), 0);
        rooms.setViewedRoom({});
        rooms.setSum(a, 10);
        QCOMPARE(rooms.unread(a), 1);
        QCOMPARE(rooms.totalUnread(), 2);

        // A new room starts read; a deleted room's count (and what was seen of it) goes.
        rooms.upsert(withSum(room(QStringLiteral("c"), QStringLiteral("Gamma")), 4));
        QCOMPARE(rooms.unread(QStringLiteral("c")), 0);
        rooms.remove(b);
        QCOMPARE(rooms.totalUnread(), 1);
        QVERIFY(!rooms.seenSums().contains(b));
        // A new list drops rooms missing from it.
        rooms.reset({withSum(room(a, QStringLiteral("Alpha")), 12)});
        QCOMPARE(rooms.unread(a), 3);
        QCOMPARE(rooms.seenSums().keys(), QStringList {a});
        // Disconnecting forgets the rooms, not what was read.
        rooms.clear();
        QCOMPARE(rooms.totalUnread(), 0);
        rooms.reset({withSum(room(a, QStringLiteral("Alpha")), 13)});
        QCOMPARE(rooms.unread(a), 4);
    }

    void mentionsAreWholeWordsInAnyCase()
    {
        const QString ann = QStringLiteral("Ann");
        QVERIFY(MessageListModel::mentions(QStringLiteral("hi ann!"), ann));
        QVERIFY(MessageListModel::mentions(QStringLiteral("ANN"), ann));
        QVERIFY(MessageListModel::mentions(QStringLiteral("@ann, look"), ann));
        QVERIFY(!MessageListModel::mentions(QStringLiteral("annual report"), ann));
        QVERIFY(!MessageListModel::mentions(QStringLiteral("Joanne"), ann));
        QVERIFY(!MessageListModel::mentions(QStringLiteral("ann_b"), ann));
        QVERIFY(MessageListModel::mentions(QStringLiteral("x annual, then Ann."), ann)); // the second one
        QVERIFY(MessageListModel::mentions(QStringLiteral("Привіт, Олена"), QStringLiteral("олена")));
        QVERIFY(
            MessageListModel::mentions(QStringLiteral("ping Mary Jane now"), QStringLiteral("mary jane")));
        QVERIFY(!MessageListModel::mentions(QStringLiteral("anything"), QString()));

        MessageListModel messages;
        Message m;
        m.uuid = QStringLiteral("m1");
        m.body = QStringLiteral("ann, are you there?");
        messages.append(m);
        QVERIFY(!messages.index(0).data(MessageListModel::MentionRole).toBool());
        QSignalSpy changed(&messages, &MessageListModel::dataChanged);
        messages.setSelfName(ann); // renamed: the highlights follow
        QCOMPARE(changed.count(), 1);
        QVERIFY(messages.index(0).data(MessageListModel::MentionRole).toBool());
    }

    void linksAreHttpHttpsAndRoomLinksOnly()
    {
        const QString body =
            QStringLiteral("see https://example.org/a_(b)?q=1. and (http://x.example/p), "
                           "socketchat://room/abcdef12?server=ws%3A%2F%2Fh%3A9 ftp://no.example "
                           "<a href=\"http://evil.example\">y</a> notalinkhttp://z.example");
        const QVector<MessageLink> links = MessageLinks::find(body);
        QStringList urls;
        for (const MessageLink &link : links) {
            urls << link.url.toString();
            QCOMPARE(body.mid(link.start, link.length), link.url.toString());
        }
        QCOMPARE(urls,
                 (QStringList {QStringLiteral("https://example.org/a_(b)?q=1"),
                               QStringLiteral("http://x.example/p"),
                               QStringLiteral("socketchat://room/abcdef12?server=ws%3A%2F%2Fh%3A9"),
                               QStringLiteral("http://evil.example")}));
        QVERIFY(MessageLinks::find(QStringLiteral("<b>x</b>")).isEmpty());
    }

    void unreadCountsPersistPerServer()
    {
        ClientSettings settings;
        const QUrl one(QStringLiteral("ws://127.0.0.1:9000")), two(QStringLiteral("wss://chat.example/ws"));
        settings.setSeenSums(one, {{QStringLiteral("a"), 5}});
        settings.setSeenSums(two, {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}});
        QCOMPARE(settings.seenSums(one).value(QStringLiteral("a")), 5);
        QCOMPARE(settings.seenSums(two).size(), 2);
        QVERIFY(settings.seenSums(QUrl(QStringLiteral("ws://elsewhere:1"))).isEmpty());

        // A new run: the model gets the remembered sums before the server lists its rooms.
        RoomListModel rooms;
        rooms.setSeenSums(settings.seenSums(one));
        rooms.reset({withSum(room(QStringLiteral("a"), QStringLiteral("Alpha")), 8),
                     withSum(room(QStringLiteral("n"), QStringLiteral("New")), 3)});
        QCOMPARE(rooms.unread(QStringLiteral("a")), 3); // arrived while we were away
        QCOMPARE(rooms.unread(QStringLiteral("n")), 0);
        QCOMPARE(rooms.totalUnread(), 3);
    }

    void roomListKeepsCreationOrderAndUpdatesInPlace()
    {
        RoomListModel rooms;
        rooms.reset({room(QStringLiteral("a"), QStringLiteral("Alpha")),
                     room(QStringLiteral("b"), QStringLiteral("Beta"))});
        QSignalSpy changed(&rooms, &RoomListModel::dataChanged);
        rooms.upsert(room(QStringLiteral("a"), QStringLiteral("Alpha 2"), 2));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(rooms.index(0).data(RoomListModel::NameRole).toString(), QStringLiteral("Alpha 2"));
        QCOMPARE(rooms.index(0).data(RoomListModel::UserCountRole).toInt(), 2);
        rooms.upsert(room(QStringLiteral("a"), QStringLiteral("Alpha 2"), 2));
        QCOMPARE(changed.count(), 1); // nothing new: no repaint
        rooms.upsert(room(QStringLiteral("c"), QStringLiteral("Gamma")));
        QCOMPARE(rooms.rowCount(), 3);
        QCOMPARE(rooms.at(2).uuid, QStringLiteral("c"));
        rooms.remove(QStringLiteral("a"));
        QCOMPARE(rooms.rowCount(), 2);
        QCOMPARE(rooms.rowOf(QStringLiteral("c")), 1);
        QVERIFY(!rooms.find(QStringLiteral("a")));
    }

    void searchFiltersByNameCaseInsensitively()
    {
        RoomListModel rooms;
        rooms.reset({room(QStringLiteral("a"), QStringLiteral("Kitchen")),
                     room(QStringLiteral("b"), QStringLiteral("Garden")),
                     room(QStringLiteral("c"), QStringLiteral("kitchen 2"))});
        RoomSearchModel search;
        search.setSourceModel(&rooms);
        search.setSearchText(QStringLiteral("KITCH"));
        QCOMPARE(search.rowCount(), 2);
        QCOMPARE(search.index(1, 0).data(RoomListModel::UuidRole).toString(), QStringLiteral("c"));
        rooms.upsert(room(QStringLiteral("d"), QStringLiteral("Kitchenette")));
        QCOMPARE(search.rowCount(), 3);
        search.setSearchText(QString());
        QCOMPARE(search.rowCount(), 4);
    }

    void messagesKnowWhichAreOwn()
    {
        MessageListModel messages;
        Message mine {QStringLiteral("m1"), QStringLiteral("hi"),
                      User {QStringLiteral("me"), QStringLiteral("Me"), {}}, QStringLiteral("r"),
                      QStringLiteral("2024-01-02T03:04:05.123456")};
        Message theirs = mine;
        theirs.user.uuid = QStringLiteral("you");
        messages.reset({mine, theirs});
        messages.setSelfUuid(QStringLiteral("me"));
        QVERIFY(messages.index(0).data(MessageListModel::OwnRole).toBool());
        QVERIFY(!messages.index(1).data(MessageListModel::OwnRole).toBool());
        QVERIFY(!messages.index(0).data(MessageListModel::TimeRole).toString().isEmpty());
        QCOMPARE(messages.index(0).data(MessageListModel::AuthorRole).toString(), QStringLiteral("Me"));
    }

    void olderMessagesGoInFront()
    {
        MessageListModel messages;
        auto message = [](const char *uuid) {
            return Message {QString::fromLatin1(uuid),
                            QStringLiteral("body"),
                            User {QStringLiteral("u"), QStringLiteral("U"), {}},
                            QStringLiteral("r"),
                            {}};
        };
        messages.reset({message("m3"), message("m4")});
        QSignalSpy inserted(&messages, &MessageListModel::rowsInserted);
        QSignalSpy reset(&messages, &MessageListModel::modelReset);
        messages.prepend({message("m1"), message("m2")});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 1);
        QCOMPARE(reset.count(), 0); // the view keeps its place
        QCOMPARE(messages.rowCount(), 4);
        for (int row = 0; row < 4; ++row)
            QCOMPARE(messages.at(row).uuid, QStringLiteral("m%1").arg(row + 1));
        messages.prepend({}); // an empty page (nothing older) changes nothing
        QCOMPARE(inserted.count(), 1);
    }

    void usersAreListedOnce()
    {
        UserListModel users;
        const User a {QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("r")};
        users.reset(
            {a, a, User {QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("r")}}); // Q10 with SQLite
        QCOMPARE(users.rowCount(), 2);
        users.setSelfUuid(QStringLiteral("b"));
        QVERIFY(users.index(1).data(UserListModel::SelfRole).toBool());
    }

    void eventLogFormatsRowsAndSaves()
    {
        EventLogModel log;
        log.append(EventLogModel::Origin::Received, QStringLiteral("result"), QStringLiteral("user_created"),
                   QByteArrayLiteral("{\"a\":1}"));
        log.append(EventLogModel::Origin::Sent, QStringLiteral("call"), QStringLiteral("list_rooms"));
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.index(0).data(EventLogModel::OriginRole).toString(), QStringLiteral("received"));
        QCOMPARE(log.index(0).data(EventLogModel::NameRole).toString(), QStringLiteral("user_created"));
        QVERIFY(
            log.index(0).data(EventLogModel::PrettyJsonRole).toString().contains(QLatin1String("\"a\": 1")));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(log.writeText(&buffer));
        QCOMPARE(buffer.data().count('\n'), 2);
    }

    // The time column is the local time of arrival as HH:mm:ss.zzz, and a row's text is time, origin, type,
    // name and JSON, separated by one space (what "Save log" writes).
    void eventLogTimeAndRowText()
    {
        EventLogModel log;
        const QDateTime before = QDateTime::currentDateTime();
        log.append(EventLogModel::Origin::Sent, QStringLiteral("call"), QStringLiteral("list_rooms"),
                   QByteArrayLiteral("{\"x\":2}"));
        log.append(EventLogModel::Origin::Local, QStringLiteral("connection"), QStringLiteral("opened WS"));
        const QDateTime after = QDateTime::currentDateTime();
        const QString time = log.index(0).data(EventLogModel::TimeRole).toString();
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d$")).match(time).hasMatch(),
            qPrintable(time));
        const QTime shown = QTime::fromString(time, QStringLiteral("HH:mm:ss.zzz"));
        QVERIFY(shown.isValid());
        if (before.date() == after.date()) // not across midnight
            QVERIFY2(shown >= before.time() && shown <= after.time(), qPrintable(time));
        QCOMPARE(log.rowText(0), time + QStringLiteral(" sent call list_rooms {\"x\":2}"));
        QCOMPARE(log.rowText(1),
                 log.index(1).data(EventLogModel::TimeRole).toString()
                     + QStringLiteral(" local connection opened WS"));
        QCOMPARE(log.index(0).data(Qt::DisplayRole).toString(), log.rowText(0));
    }

    // A client kept open all day: the log keeps at most maxRows rows (the oldest go, in batches of a
    // hundredth) and at most maxBytes of statement text, and its memory stays bounded.
    void eventLogIsBounded()
    {
        EventLogModel log;
        QCOMPARE(log.maxRows(), EventLogModel::defaultMaxRows);
        const QByteArray json = "{\"type\":\"result\",\"payload\":{\"message\":\"room_changed\",\"object\":"
            + QByteArray(900, 'x') + "}}"; // about a kilobyte, as a room_changed with a few users
#ifdef __GLIBC__
        const size_t heapBefore = mallinfo2().uordblks;
#endif
        QSignalSpy removed(&log, &EventLogModel::rowsRemoved);
        constexpr int appended = 100000;
        for (int i = 0; i < appended; ++i)
            log.append(EventLogModel::Origin::Received, QStringLiteral("result"), QString::number(i),
                       json + QByteArray::number(i)); // a text of its own, as statements have
        QVERIFY(log.rowCount() <= EventLogModel::defaultMaxRows);
        QVERIFY(log.rowCount() >= EventLogModel::defaultMaxRows - EventLogModel::defaultMaxRows / 100);
        // The newest rows are kept, in order.
        QCOMPARE(log.index(log.rowCount() - 1).data(EventLogModel::NameRole).toString(),
                 QString::number(appended - 1));
        QCOMPARE(log.index(0).data(EventLogModel::NameRole).toString(),
                 QString::number(appended - log.rowCount()));
        // Removed in batches, not one row per append.
        QVERIFY2(removed.size()
                     <= (appended - EventLogModel::defaultMaxRows) / (EventLogModel::defaultMaxRows / 100)
                         + 1,
                 qPrintable(QString::number(removed.size())));
        QVERIFY(log.bytes() <= qint64(EventLogModel::defaultMaxRows) * (json.size() + 200));
#ifdef __GLIBC__
        // 100 000 rows of 1 kB would hold over 100 MB; the kept rows hold about 20 MB.
        const qint64 heapGrowth = qint64(mallinfo2().uordblks) - qint64(heapBefore);
        qInfo("event log: %d rows kept of %d, %lld bytes counted, heap grew by %lld bytes", log.rowCount(),
              appended, log.bytes(), heapGrowth);
        QVERIFY2(heapGrowth < 40 * 1024 * 1024, qPrintable(QString::number(heapGrowth)));
#endif

        // The byte bound: big statements (a drawing, a long history) push out more rows. The newest row
        // stays.
        log.setLimits(1000, 100 * 1024);
        QVERIFY(log.bytes() <= 100 * 1024);
        log.append(EventLogModel::Origin::Received, QStringLiteral("result"), QStringLiteral("big"),
                   QByteArray(300 * 1024, 'y'));
        QCOMPARE(log.rowCount(), 1);
        QCOMPARE(log.index(0).data(EventLogModel::NameRole).toString(), QStringLiteral("big"));
        log.append(EventLogModel::Origin::Received, QStringLiteral("result"), QStringLiteral("small"), json);
        QCOMPARE(log.rowCount(), 1);
        QCOMPARE(log.index(0).data(EventLogModel::NameRole).toString(), QStringLiteral("small"));
        log.clear();
        QCOMPARE(log.bytes(), 0);
    }

    void drawingReplacesALineWithTheSameUuid()
    {
        DrawingModel drawing;
        QSignalSpy appended(&drawing, &DrawingModel::lineAppended);
        QSignalSpy replaced(&drawing, &DrawingModel::lineReplaced);
        drawing.apply(line(QStringLiteral("l1"), 1));
        drawing.apply(line(QStringLiteral("l2"), 2));
        drawing.apply(line(QStringLiteral("l1"), 9));
        QCOMPARE(appended.count(), 2);
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(drawing.lines().size(), 2);
        QCOMPARE(drawing.lines().at(0).points.at(0).toDouble(), 9.0);
        drawing.clear();
        QCOMPARE(drawing.lines().size(), 0);
    }

    void cssColorsPutAlphaLast()
    {
        QCOMPARE(CssColor::parse(QStringLiteral("#000000cc")), QColor(0, 0, 0, 0xcc));
        QCOMPARE(CssColor::parse(QStringLiteral("#fff")), QColor(Qt::white));
        QCOMPARE(CssColor::parse(QStringLiteral("#e02d25")), QColor(0xe0, 0x2d, 0x25));
        QCOMPARE(CssColor::parse(QStringLiteral("bogus"), Qt::red), QColor(Qt::red));
        QCOMPARE(CssColor::toText(QColor(0, 0, 0, 0xcc)), QStringLiteral("#000000cc"));
        QCOMPARE(CssColor::toText(QColor(0xe0, 0x2d, 0x25)), QStringLiteral("#e02d25"));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
