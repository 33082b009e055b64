#include "SqlStore.h"

#include "SqlStatements.h"
#include "StorageError.h"
#include "model/Color.h"
#include "model/Timestamp.h"
#include "model/Uuid.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>

namespace chat::server {

// One call's unit of work: a transaction of its own, or a savepoint inside the open batch (group commit).
// Rolled back unless commit() was reached, so a failed call leaves nothing behind.
class SqlStore::Transaction
{
public:
    explicit Transaction(SqlStore &store)
        : m_store(store)
    {
        if (m_store.m_inBatch)
            m_store.execOrThrow(QStringLiteral("SAVEPOINT call"));
        else if (!m_store.m_database.transaction())
            throw StorageError(
                QStringLiteral("cannot begin a transaction: %1").arg(m_store.m_database.lastError().text()));
    }
    ~Transaction()
    {
        if (m_committed)
            return;
        if (m_store.m_inBatch) {
            QSqlQuery undo(m_store.m_database);
            undo.exec(QStringLiteral("ROLLBACK TO call"));
            undo.exec(QStringLiteral("RELEASE call"));
        } else {
            m_store.m_database.rollback();
        }
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit()
    {
        if (m_store.m_inBatch)
            m_store.execOrThrow(QStringLiteral("RELEASE call"));
        else if (!m_store.m_database.commit())
            throw StorageError(
                QStringLiteral("cannot commit: %1").arg(m_store.m_database.lastError().text()));
        m_committed = true;
    }

private:
    SqlStore &m_store;
    bool m_committed = false;
};

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("chat-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

void execPragma(QSqlDatabase &database, const QString &pragma)
{
    QSqlQuery query(database);
    if (!query.exec(pragma))
        throw StorageError(QStringLiteral("%1: %2").arg(pragma, query.lastError().text()));
}

} // namespace

std::unique_ptr<SqlStore> SqlStore::openSqlite(const QString &path)
{
    // ":memory:" is SQLite's private in-memory database (the fuzzer uses it): no file, no folder.
    const bool inMemory = path == QLatin1String(":memory:");
    const QFileInfo file(path);
    if (!inMemory && !QDir().mkpath(file.absolutePath()))
        throw StorageError(QStringLiteral("cannot create the folder %1").arg(file.absolutePath()));
    if (file.isDir())
        throw StorageError(QStringLiteral("%1 is a folder, not a database file").arg(path));

    const QString connection = uniqueConnectionName();
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    if (!database.isValid())
        throw StorageError(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    database.setDatabaseName(inMemory ? path : file.absoluteFilePath());
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open()) {
        const QString reason = database.lastError().text();
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        throw StorageError(QStringLiteral("cannot open %1: %2").arg(path, reason));
    }
    // The store must hold the only handle, or closing it after an error warns that it is still in use.
    database = QSqlDatabase();
    std::unique_ptr<SqlStore> store(new SqlStore(QSqlDatabase::database(connection, false),
                                                 QStringLiteral("sqlite:%1").arg(file.absoluteFilePath())));
    // WAL lets readers run beside the writer; FULL syncs every commit, so an acknowledged call survives
    // a power cut as well as a crash.
    execPragma(store->m_database, QStringLiteral("PRAGMA journal_mode=WAL"));
    execPragma(store->m_database, QStringLiteral("PRAGMA synchronous=FULL"));
    execPragma(store->m_database, QStringLiteral("PRAGMA foreign_keys=ON"));
    SqlSchema::migrate(store->m_database, SqlSchema::Dialect::Sqlite);
    return store;
}

SqlStore::SqlStore(QSqlDatabase database, QString description)
    : m_database(std::move(database))
    , m_description(std::move(description))
{ }

SqlStore::~SqlStore()
{
    const QString connection = m_database.connectionName();
    m_queries.clear();
    m_database.close();
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(connection);
}

QString SqlStore::description() const
{
    return m_description;
}

QSqlQuery &SqlStore::prepared(const char *sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery query(m_database);
        query.setForwardOnly(true);
        if (!query.prepare(QString::fromUtf8(sql)))
            throw StorageError(QStringLiteral("cannot prepare \"%1\": %2")
                                   .arg(QString::fromUtf8(sql), query.lastError().text()));
        it = m_queries.insert(sql, query);
    }
    return it.value();
}

QSqlQuery &SqlStore::run(const char *sql, const QVariantList &values)
{
    QSqlQuery &query = prepared(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        throw StorageError(
            QStringLiteral("\"%1\": %2").arg(QString::fromUtf8(sql), query.lastError().text()));
    return query;
}

std::optional<qint64> SqlStore::roomIdOf(const QString &roomUuid)
{
    QSqlQuery &query = run(sql::roomIdByUuid, {roomUuid});
    std::optional<qint64> id;
    if (query.next())
        id = query.value(0).toLongLong();
    query.finish();
    return id;
}

std::optional<SqlStore::UserRow> SqlStore::userRow(const QString &userUuid)
{
    QSqlQuery &query = run(sql::userByUuid, {userUuid});
    std::optional<UserRow> row;
    if (query.next()) {
        row = UserRow {query.value(0).toLongLong(), query.value(2).toLongLong(),
                       User {userUuid, query.value(1).toString(), query.value(3).toString()}};
    }
    query.finish();
    return row;
}

QVector<User> SqlStore::membersOf(qint64 roomId)
{
    QSqlQuery &query = run(sql::membersOfRoom, {roomId});
    QVector<User> users;
    while (query.next())
        users.append(User {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    query.finish();
    return users;
}

std::optional<Room> SqlStore::loadRoom(qint64 roomId)
{
    QSqlQuery &query = run(sql::roomById, {roomId});
    if (!query.next()) {
        query.finish();
        return std::nullopt;
    }
    Room room;
    room.uuid = query.value(0).toString();
    room.name = query.value(1).toString();
    room.color = query.value(2).toString();
    room.sum = query.value(3).toLongLong();
    query.finish();
    room.users = membersOf(roomId);
    return room;
}

QVector<Message> SqlStore::messagesOf(qint64 roomId)
{
    QSqlQuery &query = run(sql::messagesOfRoom, {roomId});
    QVector<Message> messages;
    while (query.next()) {
        Message message;
        message.uuid = query.value(0).toString();
        message.body = query.value(1).toString();
        message.created = query.value(2).toString();
        message.user = User {query.value(3).toString(), query.value(4).toString(), query.value(5).toString()};
        message.roomUuid = query.value(6).toString();
        messages.append(message);
    }
    query.finish();
    return messages;
}

Drawing SqlStore::drawingOf(qint64 roomId)
{
    QSqlQuery &drawingQuery = run(sql::drawingOfRoom, {roomId});
    if (!drawingQuery.next())
        throw StorageError(QStringLiteral("room %1 has no drawing").arg(roomId));
    const qint64 drawingId = drawingQuery.value(0).toLongLong();
    Drawing drawing;
    drawing.uuid = drawingQuery.value(1).toString();
    drawingQuery.finish();

    QSqlQuery &query = run(sql::linesOfDrawing, {drawingId});
    while (query.next()) {
        Line line;
        line.uuid = query.value(0).toString();
        line.name = query.value(1).toString();
        line.pointsJson = query.value(2).toString().toUtf8();
        line.tool = query.value(3).toString();
        line.color = query.value(4).toString();
        drawing.lines.append(line);
    }
    query.finish();
    return drawing;
}

std::optional<Room> SqlStore::removeFromRoom(const UserRow &row)
{
    if (row.roomId == 0)
        return std::nullopt;
    run(sql::leaveRoom, {row.id});
    return loadRoom(row.roomId);
}

void SqlStore::execOrThrow(const QString &statement)
{
    QSqlQuery query(m_database);
    if (!query.exec(statement))
        throw StorageError(QStringLiteral("%1: %2").arg(statement, query.lastError().text()));
}

void SqlStore::beginBatch()
{
    if (m_inBatch)
        return;
    if (!m_database.transaction())
        throw StorageError(QStringLiteral("cannot begin a batch: %1").arg(m_database.lastError().text()));
    m_inBatch = true;
}

void SqlStore::commitBatch()
{
    if (!m_inBatch)
        return;
    m_inBatch = false;
    if (!m_database.commit()) {
        const QString reason = m_database.lastError().text();
        m_database.rollback();
        throw StorageError(QStringLiteral("cannot commit a batch: %1").arg(reason));
    }
}

void SqlStore::rollbackBatch()
{
    if (!m_inBatch)
        return;
    m_inBatch = false;
    if (!m_database.rollback())
        throw StorageError(QStringLiteral("cannot roll back a batch: %1").arg(m_database.lastError().text()));
}

std::optional<QString> SqlStore::roomOfUser(const QString &userUuid)
{
    Transaction transaction(*this);
    const auto row = userRow(userUuid);
    transaction.commit();
    if (!row)
        return std::nullopt;
    return row->user.roomUuid;
}

void SqlStore::clearMemberships()
{
    Transaction transaction(*this);
    run(sql::clearMemberships, {});
    transaction.commit();
}

User SqlStore::createUser()
{
    Transaction transaction(*this);
    const User user = User::create();
    run(sql::insertUser, {user.uuid, user.name});
    transaction.commit();
    return user;
}

std::optional<Room> SqlStore::disconnectUser(const QString &userUuid)
{
    Transaction transaction(*this);
    const auto row = userRow(userUuid);
    if (!row)
        return std::nullopt;
    const auto room = removeFromRoom(*row);
    // Nobody can refer to a user without messages any more: keep the table from growing with every visit.
    run(sql::deleteUserWithoutMessages, {row->id, row->id});
    transaction.commit();
    return room;
}

Store::RenamedUser SqlStore::renameUser(const QString &userUuid, const std::optional<QString> &name)
{
    Transaction transaction(*this);
    if (name)
        run(sql::renameUser, {*name, userUuid});
    const auto row = userRow(userUuid);
    if (!row)
        throw StorageError(QStringLiteral("unknown user %1").arg(userUuid));
    RenamedUser renamed {row->user, std::nullopt};
    if (row->roomId != 0)
        renamed.room = loadRoom(row->roomId);
    transaction.commit();
    return renamed;
}

QVector<Room> SqlStore::listRooms()
{
    Transaction transaction(*this);
    QVector<Room> rooms;
    QHash<qint64, qsizetype> indexOfRoom;
    QSqlQuery &roomQuery = run(sql::allRooms, {});
    while (roomQuery.next()) {
        indexOfRoom.insert(roomQuery.value(0).toLongLong(), rooms.size());
        rooms.append(Room {roomQuery.value(1).toString(),
                           roomQuery.value(2).toString(),
                           roomQuery.value(3).toString(),
                           {},
                           roomQuery.value(4).toLongLong()});
    }
    roomQuery.finish();

    QSqlQuery &memberQuery = run(sql::allMembers, {});
    while (memberQuery.next()) {
        const qsizetype index = indexOfRoom.value(memberQuery.value(0).toLongLong(), -1);
        if (index >= 0) {
            rooms[index].users.append(User {memberQuery.value(1).toString(), memberQuery.value(2).toString(),
                                            memberQuery.value(3).toString()});
        }
    }
    memberQuery.finish();
    transaction.commit();
    return rooms;
}

bool SqlStore::hasRoom(const QString &roomUuid)
{
    Transaction transaction(*this);
    const bool exists = roomIdOf(roomUuid).has_value();
    transaction.commit();
    return exists;
}

Room SqlStore::createRoom()
{
    Transaction transaction(*this);
    const Room room = Room::create();
    QSqlQuery &insert = run(sql::insertRoom, {room.uuid, room.name, room.color, Timestamp::nowLocal()});
    if (!insert.next())
        throw StorageError(QStringLiteral("no id for the new room"));
    const qint64 roomId = insert.value(0).toLongLong();
    insert.finish();
    run(sql::insertDrawing, {Uuid::create(), roomId});
    transaction.commit();
    return room;
}

std::optional<Room> SqlStore::renameRoom(const QString &roomUuid, const std::optional<QString> &name)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return std::nullopt;
    if (name)
        run(sql::renameRoom, {*name, *roomId});
    auto room = loadRoom(*roomId);
    transaction.commit();
    return room;
}

std::optional<Room> SqlStore::recolorRoom(const QString &roomUuid, const std::optional<QString> &color)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return std::nullopt;
    if (color)
        run(sql::recolorRoom, {*color, *roomId});
    auto room = loadRoom(*roomId);
    transaction.commit();
    return room;
}

Store::DeletedRoom SqlStore::deleteRoom(const QString &roomUuid)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return {DeleteOutcome::NotFound, {}};
    const auto room = loadRoom(*roomId);
    if (!room->users.isEmpty())
        return {DeleteOutcome::NotEmpty, *room};
    // Lines, the drawing and messages go with the room (ON DELETE CASCADE).
    run(sql::deleteRoom, {*roomId});
    transaction.commit();
    return {DeleteOutcome::Deleted, *room};
}

std::optional<Store::EnteredRoom> SqlStore::enterRoom(const QString &userUuid, const QString &roomUuid)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    const auto row = userRow(userUuid);
    if (!roomId || !row)
        return std::nullopt;
    // Entering the room one is in keeps one's place in the member list.
    if (row->roomId != *roomId) {
        run(sql::enterRoom, {*roomId, *roomId, row->id});
    }
    EnteredRoom entered;
    if (row->roomId != 0)
        entered.previousRoom = loadRoom(row->roomId);
    entered.room = *loadRoom(*roomId);
    entered.history = messagesOf(*roomId);
    entered.drawing = drawingOf(*roomId);
    transaction.commit();
    return entered;
}

std::optional<Room> SqlStore::leaveRoom(const QString &userUuid)
{
    Transaction transaction(*this);
    const auto row = userRow(userUuid);
    if (!row)
        return std::nullopt;
    auto room = removeFromRoom(*row);
    transaction.commit();
    return room;
}

std::optional<Store::PostedMessage> SqlStore::createMessage(const QString &userUuid, const QString &roomUuid,
                                                            const QString &body)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    const auto row = userRow(userUuid);
    if (!roomId || !row)
        return std::nullopt;
    PostedMessage posted;
    posted.message.uuid = Uuid::create();
    posted.message.body = body;
    posted.message.user = row->user;
    posted.message.roomUuid = roomUuid;
    posted.message.created = Timestamp::nowLocal();
    run(sql::insertMessage, {posted.message.uuid, *roomId, row->id, body, posted.message.created});
    run(sql::countMessage, {*roomId});
    posted.room = *loadRoom(*roomId);
    transaction.commit();
    return posted;
}

QVector<Message> SqlStore::listMessages(const QString &roomUuid)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    QVector<Message> messages;
    if (roomId)
        messages = messagesOf(*roomId);
    transaction.commit();
    return messages;
}

std::optional<Drawing> SqlStore::drawing(const QString &roomUuid)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return std::nullopt;
    auto drawing = drawingOf(*roomId);
    transaction.commit();
    return drawing;
}

std::optional<Line> SqlStore::putLine(const QString &roomUuid, const Line &line)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return std::nullopt;
    // A known uuid replaces that line in place: same row, so same position and name.
    const QByteArray points = QJsonDocument(line.points).toJson(QJsonDocument::Compact);
    QSqlQuery &upsert =
        run(sql::putLine,
            {line.uuid, Line::freshName(), QString::fromUtf8(points), line.tool, line.color, *roomId});
    if (!upsert.next())
        throw StorageError(QStringLiteral("room %1 has no drawing").arg(roomUuid));
    Line stored = line;
    stored.name = upsert.value(0).toString();
    stored.pointsJson = points;
    upsert.finish();
    transaction.commit();
    return stored;
}

std::optional<Drawing> SqlStore::resetDrawing(const QString &roomUuid)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return std::nullopt;
    run(sql::resetDrawing, {*roomId});
    auto drawing = drawingOf(*roomId);
    transaction.commit();
    return drawing;
}

Store::LineCount SqlStore::countLines(const QString &roomUuid, const QString &lineUuid)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return {};
    QSqlQuery &query = run(sql::countLines, {lineUuid, *roomId});
    LineCount count;
    if (query.next())
        count = {query.value(0).toInt(), query.value(1).toInt() > 0};
    query.finish();
    transaction.commit();
    return count;
}

} // namespace chat::server
