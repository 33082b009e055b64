// SqlStore on SQLite: schema versions, WAL mode, indexes for every lookup, and what it forgets.
#include "storage/SqlStatements.h"
#include "storage/SqlStore.h"
#include "storage/StorageError.h"
#include "support/Json.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using namespace chat::server;

class TestSqlStore : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_path = m_folder.filePath(QStringLiteral("store-%1.db").arg(m_counter++)); }

    void createsTheSchemaOnceInWalMode()
    {
        {
            auto store = SqlStore::openSqlite(m_path);
            store->createRoom();
        }
        auto store = SqlStore::openSqlite(m_path); // a second open migrates nothing and keeps the data
        QCOMPARE(store->listRooms().size(), 1);
        QSqlDatabase database = inspect();
        QSqlQuery query(database);
        QVERIFY(query.exec(str("SELECT version FROM schema_version ORDER BY version")));
        for (int version = 1; version <= SqlSchema::currentVersion; ++version) { // each migration once
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), version);
        }
        QVERIFY(!query.next());
        QVERIFY(query.exec(str("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), str("wal"));
    }

    void refusesADatabaseFromTheFuture()
    {
        SqlStore::openSqlite(m_path).reset();
        {
            QSqlDatabase database = inspect();
            QSqlQuery query(database);
            QVERIFY(query.exec(str("INSERT INTO schema_version (version) VALUES (999)")));
        }
        QVERIFY_THROWS_EXCEPTION(StorageError, SqlStore::openSqlite(m_path));
    }

    void noStatementScansAWholeTableForOneRoom()
    {
        SqlStore::openSqlite(m_path).reset();
        QSqlDatabase database = inspect();
        for (const auto &statement : sql::all) {
            QSqlQuery query(database);
            QVERIFY(query.prepare(str("EXPLAIN QUERY PLAN ")
                                  + SqlSchema::dialectSql(statement.text, SqlSchema::Dialect::Sqlite)));
            // Counted in the dialect's text: a {text} parameter is one too.
            for (int i = 0; i < SqlSchema::dialectSql(statement.text, SqlSchema::Dialect::Sqlite).count(u'?');
                 ++i)
                query.bindValue(i, 1);
            QVERIFY2(query.exec(), statement.name);
            QStringList plan;
            while (query.next())
                plan << query.value(3).toString();
            const QString name = QString::fromUtf8(statement.name);
            for (const QString &step : plan) {
                // Listing every room reads the rooms table: its answer holds every room.
                const bool wholeListing = (name == str("allRooms") && step == str("SCAN rooms"))
                    || ((name == str("silentNodes") || name == str("nodeStatus"))
                        && step == str("SCAN nodes")); // one row per node
                const bool scans = step.startsWith(str("SCAN ")) && !step.contains(str(" USING "));
                QVERIFY2(wholeListing || !scans, qPrintable(name + str(": ") + plan.join(str(" | "))));
            }
        }
    }

    // A history page walks the (room, id) index backwards from its start and stops after limit + 1 rows: no
    // sorting, no scan, so its cost does not grow with the room.
    void aHistoryPageReadsTheRoomIndexBackwards()
    {
        SqlStore::openSqlite(m_path).reset();
        const QStringList plan = queryPlan(sql::messagePageOfRoom);
        // The room row (one, by its primary key) may be read first; the messages come from the index.
        QVERIFY2(plan.contains(str("SEARCH m USING INDEX messages_by_room (room_id=? AND id<?)")),
                 qPrintable(plan.join(str(" | "))));
        for (const QString &step : plan) {
            QVERIFY2(!step.contains(str("TEMP B-TREE")), qPrintable(plan.join(str(" | "))));
            QVERIFY2(step.startsWith(str("SEARCH ")), qPrintable(plan.join(str(" | "))));
        }
        const QStringList start = queryPlan(sql::messageIdInRoom);
        QCOMPARE(start.size(), 1);
        QVERIFY2(start.first().contains(str("USING INDEX sqlite_autoindex_messages")),
                 qPrintable(start.first()));
    }

    void historyPagesWalkBackToTheFirstMessage()
    {
        auto store = SqlStore::openSqlite(m_path);
        const Room room = store->createRoom();
        const Room other = store->createRoom();
        const User user = store->createUser();
        QStringList uuids; // room's messages, oldest first; the other room's are posted in between
        QString otherUuid;
        for (int i = 0; i < 25; ++i) {
            uuids << store->createMessage(user.uuid, room.uuid, QString::number(i))->message.uuid;
            otherUuid = store->createMessage(user.uuid, other.uuid, str("elsewhere"))->message.uuid;
        }
        QVector<Message> history;
        const auto entered = store->enterRoom(user.uuid, room.uuid, 10, collectInto(history));
        QVERIFY(entered);
        QCOMPARE(uuidsOf(history), uuids.mid(15));
        QVERIFY(entered->moreHistory);

        QStringList walked;
        QString before;
        QVector<bool> mores;
        do {
            const auto page = store->messagePage(room.uuid, before, 10);
            QVERIFY(page && !page->messages.isEmpty());
            walked = uuidsOf(page->messages) + walked;
            mores << page->more;
            before = page->messages.first().uuid;
        } while (mores.last());
        QCOMPARE(walked, uuids);
        QCOMPARE(mores, (QVector<bool> {true, true, false}));
        QCOMPARE(store->messagePage(room.uuid, uuids.at(5), 5)->messages.first().body, str("0"));
        QVERIFY(!store->messagePage(room.uuid, uuids.at(5), 5)->more);
        QVERIFY(store->messagePage(room.uuid, uuids.first(), 10)->messages.isEmpty());

        QVERIFY(!store->messagePage(room.uuid, otherUuid, 10)); // a message of another room
        QVERIFY(!store->messagePage(room.uuid, str("no-such-message"), 10));
        QVERIFY(store->messagePage(str("no-such-room"), {}, 10)->messages.isEmpty());
        QVERIFY(!store->messagePage(str("no-such-room"), uuids.first(), 10));

        const Room empty = store->createRoom();
        history.clear();
        const auto enteredEmpty = store->enterRoom(user.uuid, empty.uuid, 10, collectInto(history));
        QVERIFY(history.isEmpty() && !enteredEmpty->moreHistory);
        const auto whole = store->enterRoom(user.uuid, room.uuid, Store::wholeHistory, collectInto(history));
        QCOMPARE(uuidsOf(history), uuids);
        QCOMPARE(uuidsOf(messagesOf(*store, room.uuid)), uuids);
        QVERIFY(messagesOf(*store, str("no-such-room")).isEmpty());
        QVERIFY(!whole->moreHistory);
    }

    // The history is read as UTF-8 bytes ({utf8 …}): every character comes back as it was stored, NUL too.
    void historyTextComesBackExactly()
    {
        auto store = SqlStore::openSqlite(m_path);
        const Room room = store->createRoom();
        const User author = store->createUser();
        const QString name = str("Ānna \"ü\" 😀");
        store->renameUser(author.uuid, name);
        const QString body = str("a") + QChar(0) + str("b \\ \"q\" \n\t 中文 😀 ") + QChar(0x7f);
        QVERIFY(store->enterRoom(author.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        const Message posted = store->createMessage(author.uuid, room.uuid, body)->message;
        QVector<Message> history;
        store->enterRoom(author.uuid, room.uuid, Store::wholeHistory, collectInto(history));
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().body, body);
        QCOMPARE(history.first().user.name, name);
        QCOMPARE(history.first().user.roomUuid, room.uuid);
        QCOMPARE(history.first().roomUuid, room.uuid);
        QCOMPARE(history.first(), posted);
        store->leaveRoom(author.uuid);
        QVERIFY(messagesOf(*store, room.uuid).first().user.roomUuid.isEmpty()); // null on the wire
    }

    void forgetsVisitorsButKeepsAuthors()
    {
        auto store = SqlStore::openSqlite(m_path);
        const Room room = store->createRoom();
        const User visitor = store->createUser();
        const User author = store->createUser();
        store->renameUser(author.uuid, str("Author"));
        QVERIFY(store->enterRoom(author.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        QVERIFY(store->createMessage(author.uuid, room.uuid, str("hi")));
        QVERIFY(!store->disconnectUser(visitor.uuid));
        const auto left = store->disconnectUser(author.uuid);
        QVERIFY(left && left->users.isEmpty());
        QCOMPARE(countUsers(), 1);
        QCOMPARE(messagesOf(*store, room.uuid).first().user.name, str("Author"));
    }

    void deletingARoomDeletesItsMessagesAndDrawing()
    {
        auto store = SqlStore::openSqlite(m_path);
        const Room room = store->createRoom();
        const User user = store->createUser();
        QVERIFY(store->enterRoom(user.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        QVERIFY(store->createMessage(user.uuid, room.uuid, str("hi")));
        QVERIFY(store->putLine(room.uuid, Line {str("l"), {}, QJsonArray {1, 2}, str("pen"), str("#000")}));
        QCOMPARE(store->deleteRoom(room.uuid).outcome, Store::DeleteOutcome::NotEmpty);
        store->leaveRoom(user.uuid);
        QCOMPARE(store->deleteRoom(room.uuid).outcome, Store::DeleteOutcome::Deleted);
        for (const char *table : {"rooms", "messages", "drawings", "lines"}) {
            QSqlDatabase database = inspect();
            QSqlQuery query(database);
            QVERIFY(query.exec(str("SELECT COUNT(*) FROM ") + str(table)) && query.next());
            QVERIFY2(query.value(0).toInt() == 0, table);
        }
    }

    void clearMembershipsEmptiesEveryRoom()
    {
        auto store = SqlStore::openSqlite(m_path);
        const Room room = store->createRoom();
        const User user = store->createUser();
        QVERIFY(store->enterRoom(user.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        store->clearMemberships();
        QVERIFY(store->listRooms().first().users.isEmpty());
    }

    void aRolledBackBatchLeavesNothingBehind()
    {
        auto store = SqlStore::openSqlite(m_path);
        const Room kept = store->createRoom();
        store->beginBatch();
        const Room dropped = store->createRoom();
        const User user = store->createUser();
        QVERIFY(store->enterRoom(user.uuid, kept.uuid, Store::wholeHistory, ignoreHistory));
        QVERIFY(store->createMessage(user.uuid, kept.uuid, str("dropped")));
        QCOMPARE(store->listRooms().size(), 2); // visible inside the batch
        store->rollbackBatch();
        QVERIFY(!store->inBatch());
        QVERIFY(!store->hasRoom(dropped.uuid));
        QCOMPARE(store->listRooms().size(), 1);
        QVERIFY(messagesOf(*store, kept.uuid).isEmpty());
        store->createRoom(); // and the store works on, outside any batch
        QCOMPARE(store->listRooms().size(), 2);
    }

    // Every posted message carries its room's members (room_changed); they are kept between messages
    // (SqlStore::membersOf) and must still be the members as stored after each entry, rename, exit and
    // rolled-back batch: compared with the room list, which reads them on its own.
    void postedMessagesCarryTheMembersAsStored()
    {
        auto store = SqlStore::openSqlite(m_path);
        const Room room = store->createRoom();
        const User a = store->createUser();
        const User b = store->createUser();
        const auto posted = [&](const User &author) {
            const auto message = store->createMessage(author.uuid, room.uuid, str("hi"));
            return message ? message->room.users : QVector<User> {};
        };
        const auto stored = [&]() {
            for (const Room &listed : store->listRooms()) {
                if (listed.uuid == room.uuid)
                    return listed.users;
            }
            return QVector<User> {};
        };
        const auto uuids = [](const QVector<User> &users) {
            QStringList list;
            for (const User &user : users)
                list << user.uuid;
            return list;
        };
        QVERIFY(store->enterRoom(a.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        QCOMPARE(uuids(posted(a)), QStringList {a.uuid});
        QCOMPARE(uuids(posted(a)), QStringList {a.uuid}); // the second read of the same members
        QVERIFY(store->enterRoom(b.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        QCOMPARE(uuids(posted(a)), (QStringList {a.uuid, b.uuid}));
        QCOMPARE(posted(b), stored());
        store->renameUser(b.uuid, str("Bee"));
        const QVector<User> renamed = posted(a);
        QCOMPARE(renamed.size(), 2);
        QCOMPARE(renamed.at(1).name, str("Bee"));
        QCOMPARE(renamed.at(1).roomUuid, room.uuid);
        QCOMPARE(renamed, stored());
        store->leaveRoom(a.uuid);
        QCOMPARE(uuids(posted(b)), QStringList {b.uuid});

        const User c = store->createUser();
        store->beginBatch();
        QVERIFY(store->enterRoom(c.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        QCOMPARE(uuids(posted(b)), (QStringList {b.uuid, c.uuid})); // inside the batch
        store->rollbackBatch();
        QCOMPARE(uuids(posted(b)), QStringList {b.uuid});
        QCOMPARE(posted(b), stored());
        QVERIFY(!store->disconnectUser(c.uuid));
        store->disconnectUser(b.uuid);
        QVERIFY(store->enterRoom(a.uuid, room.uuid, Store::wholeHistory, ignoreHistory));
        QCOMPARE(uuids(posted(a)), QStringList {a.uuid});
    }

    // A node prunes the events the other nodes have had time to read (ClusterNode, --event retention):
    // those older than the retention by the database's clock go, newer ones stay.
    void pruningDropsOnlyOldEvents()
    {
        auto store = SqlStore::openSqlite(m_path);
        store->beginBatch();
        store->appendEvent(QString(), str("old"));
        store->appendEvent(str("r1"), str("recent"));
        store->commitBatch();
        {
            QSqlDatabase database = inspect();
            QSqlQuery query(database);
            QVERIFY(query.exec(str("UPDATE events SET created = created - 3600000 WHERE body = 'old'")));
        }
        const auto bodies = [&] {
            QSqlDatabase database = inspect();
            QSqlQuery query(database);
            QStringList found;
            if (!query.exec(str("SELECT body FROM events ORDER BY id")))
                return QStringList {str("<cannot read the events>")};
            while (query.next())
                found << query.value(0).toString();
            return found;
        };
        QCOMPARE(bodies(), (QStringList {str("old"), str("recent")}));
        store->pruneEvents(60000);
        QCOMPARE(bodies(), QStringList {str("recent")});
        store->pruneEvents(60000); // nothing else is old enough
        QCOMPARE(bodies(), QStringList {str("recent")});
    }

    void cleanup()
    {
        if (QSqlDatabase::contains(str("inspect")))
            QSqlDatabase::removeDatabase(str("inspect"));
    }

private:
    QSqlDatabase inspect()
    {
        QSqlDatabase database = QSqlDatabase::contains(str("inspect"))
            ? QSqlDatabase::database(str("inspect"))
            : QSqlDatabase::addDatabase(str("QSQLITE"), str("inspect"));
        database.setDatabaseName(m_path);
        database.open();
        return database;
    }

    QStringList queryPlan(const char *statement)
    {
        QSqlDatabase database = inspect();
        QSqlQuery query(database);
        if (!query.prepare(str("EXPLAIN QUERY PLAN ")
                           + SqlSchema::dialectSql(statement, SqlSchema::Dialect::Sqlite)))
            return {str("cannot prepare")};
        for (int i = 0; i < SqlSchema::dialectSql(statement, SqlSchema::Dialect::Sqlite).count(u'?'); ++i)
            query.bindValue(i, 1);
        QStringList plan;
        if (!query.exec())
            return {str("cannot run")};
        while (query.next())
            plan << query.value(3).toString();
        return plan;
    }

    static void ignoreHistory(const MessageView &) { }

    static Store::MessageVisitor collectInto(QVector<Message> &messages)
    {
        return [&messages](const MessageView &message) { messages.append(message.toMessage()); };
    }

    static QVector<Message> messagesOf(Store &store, const QString &roomUuid)
    {
        QVector<Message> messages;
        store.listMessages(roomUuid, collectInto(messages));
        return messages;
    }

    static QStringList uuidsOf(const QVector<Message> &messages)
    {
        QStringList uuids;
        for (const Message &message : messages)
            uuids << message.uuid;
        return uuids;
    }

    int countUsers()
    {
        QSqlDatabase database = inspect();
        QSqlQuery query(database);
        query.exec(str("SELECT COUNT(*) FROM users"));
        query.next();
        return query.value(0).toInt();
    }

    QTemporaryDir m_folder;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestSqlStore)
#include "tst_sqlstore.moc"
