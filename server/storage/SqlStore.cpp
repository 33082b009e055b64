#include "SqlStore.h"

#include "PostgresConnection.h"
#include "ServerLogging.h"
#include "SqlStatements.h"
#include "StorageError.h"
#include "model/Color.h"
#include "model/MessageView.h"
#include "model/Timestamp.h"
#include "model/Uuid.h"
#include "protocol/ExactText.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>

#include <algorithm>
#include <array>
#include <limits>

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
        else
            m_store.beginTransaction("a transaction");
    }
    ~Transaction()
    {
        if (m_committed)
            return;
        m_store.forgetMembers(); // what the call read or wrote is undone
        if (m_store.m_inBatch) {
            QSqlQuery undo(m_store.m_database);
            undo.exec(QStringLiteral("ROLLBACK TO call"));
            undo.exec(QStringLiteral("RELEASE call"));
        } else {
            m_store.m_database.rollback();
        }
        m_store.checkConnection();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit()
    {
        if (m_store.m_inBatch)
            m_store.execOrThrow(QStringLiteral("RELEASE call"));
        else if (!m_store.m_database.commit()) {
            const QString reason = m_store.m_database.lastError().text();
            m_store.m_database.rollback();
            m_store.checkConnection();
            throw StorageError(QStringLiteral("cannot commit: %1").arg(reason));
        }
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

// PostgreSQL's text cannot hold U+0000, which the protocol allows in names and bodies. Such a text is stored
// as U+0001 followed by the text with U+0000 written as U+0001 '0' and U+0001 as U+0001 '1'; a text that
// starts with U+0001 is stored the same way, so reading back is exact.
constexpr QChar textMark(0x0001);

QString encodedForPostgres(const QString &text)
{
    if (!text.contains(QChar(0)) && !text.startsWith(textMark))
        return text;
    QString encoded(textMark);
    encoded.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == QChar(0) || c == textMark)
            encoded.append(textMark).append(c == textMark ? u'1' : u'0');
        else
            encoded.append(c);
    }
    return encoded;
}

QString decodedFromPostgres(const QString &stored)
{
    if (!stored.startsWith(textMark))
        return stored;
    QString text;
    text.reserve(stored.size());
    for (qsizetype i = 1; i < stored.size(); ++i) {
        if (stored.at(i) == textMark && i + 1 < stored.size()) {
            text.append(stored.at(++i) == u'1' ? textMark : QChar(0));
        } else {
            text.append(stored.at(i));
        }
    }
    return text;
}

QString unavailable()
{
    return QStringLiteral("the database is unavailable (reconnecting)");
}

constexpr int firstReconnectDelayMs = 250;
constexpr int maxReconnectDelayMs = 4000;

void execPragma(QSqlDatabase &database, const QString &pragma)
{
    QSqlQuery query(database);
    if (!query.exec(pragma))
        throw StorageError(QStringLiteral("%1: %2").arg(pragma, query.lastError().text()));
}

} // namespace

std::unique_ptr<SqlStore> SqlStore::open(const DatabaseUrl &url, const QString &nodeId)
{
    std::unique_ptr<SqlStore> store =
        url.isPostgres() ? openPostgres(url, nodeId) : openSqlite(url.sqlitePath);
    store->m_nodeId = nodeId;
    return store;
}

std::unique_ptr<SqlStore> SqlStore::openPostgres(const DatabaseUrl &url, const QString &nodeId)
{
    const QString connection = uniqueConnectionName();
    QSqlDatabase database = addPostgresConnection(url, connection);
    if (!database.isValid())
        throw StorageError(QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not available"));
    if (!database.open()) {
        const QString reason = database.lastError().text().simplified(); // libpq's reasons span lines
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        throw StorageError(QStringLiteral("cannot connect to %1: %2").arg(url.display(), reason));
    }
    database = QSqlDatabase();
    std::unique_ptr<SqlStore> store(new SqlStore(QSqlDatabase::database(connection, false),
                                                 SqlSchema::Dialect::PostgreSql, url.display(), nodeId));
    if (!url.schema.isEmpty()) {
        QSqlQuery create(store->m_database);
        // Nodes starting together would race to create it; the lock makes one of them do it.
        if (!store->m_database.transaction()
            || !create.exec(
                QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(SqlSchema::migrationLockKey))
            || !create.exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(url.schema))
            || !store->m_database.commit())
            throw StorageError(
                QStringLiteral("cannot create schema %1: %2").arg(url.schema, create.lastError().text()));
    }
    SqlSchema::migrate(store->m_database, SqlSchema::Dialect::PostgreSql);
    return store;
}

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
    std::unique_ptr<SqlStore> store(
        new SqlStore(QSqlDatabase::database(connection, false), SqlSchema::Dialect::Sqlite,
                     QStringLiteral("sqlite:%1").arg(file.absoluteFilePath()), QStringLiteral("local")));
    // WAL lets readers run beside the writer; FULL syncs every commit, so an acknowledged call survives
    // a power cut as well as a crash.
    execPragma(store->m_database, QStringLiteral("PRAGMA journal_mode=WAL"));
    execPragma(store->m_database, QStringLiteral("PRAGMA synchronous=FULL"));
    execPragma(store->m_database, QStringLiteral("PRAGMA foreign_keys=ON"));
    SqlSchema::migrate(store->m_database, SqlSchema::Dialect::Sqlite);
    return store;
}

SqlStore::SqlStore(QSqlDatabase database, SqlSchema::Dialect dialect, QString description, QString nodeId)
    : m_database(std::move(database))
    , m_dialect(dialect)
    , m_description(std::move(description))
    , m_nodeId(std::move(nodeId))
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
        if (!query.prepare(SqlSchema::dialectSql(sql, m_dialect))) {
            const QString reason = query.lastError().text();
            if (!m_inBatch)
                checkConnection();
            throw StorageError(
                QStringLiteral("cannot prepare \"%1\": %2").arg(QString::fromUtf8(sql), reason));
        }
        it = m_queries.insert(sql, query);
        QVector<bool> &isText = m_textParameters[sql];
        const QByteArrayView text(sql);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == '?')
                isText.append(false);
            else if (text.sliced(i).startsWith("{text}"))
                isText.append(true);
        }
    }
    return it.value();
}

QSqlQuery &SqlStore::run(const char *sql, const QVariantList &values)
{
    QSqlQuery &query = prepared(sql);
    const QVector<bool> &isText = m_textParameters[sql];
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.typeId() != QMetaType::QString) {
            query.bindValue(i, value);
        } else if (isPostgres()) {
            query.bindValue(i, encodedForPostgres(value.toString()));
        } else if (i < isText.size() && isText[i]) {
            // UTF-8 bytes, which CAST(? AS TEXT) makes TEXT unchanged (SqlSchema::dialectSql). Not null
            // unless the string is: an empty one is stored as ''.
            const QString string = value.toString();
            QByteArray utf8 = string.toUtf8();
            if (utf8.isNull() && !string.isNull())
                utf8 = QByteArray("", 0);
            query.bindValue(i,
                            string.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(utf8));
        } else {
            // A string bound as UTF-16 would not be stored exactly: every text parameter is {text}.
            throw StorageError(QStringLiteral("\"%1\": parameter %2 is text but not marked {text}")
                                   .arg(QString::fromUtf8(sql))
                                   .arg(i + 1));
        }
    }
    // Posting a message (its row and its room's count) leaves every room's members as they were; any other
    // write may not (and a failed one is undone with its call).
    if (sql != sql::insertMessage && sql != sql::countMessage && !QByteArrayView(sql).startsWith("SELECT"))
        forgetMembers();
    if (!query.exec())
        throw StorageError(
            QStringLiteral("\"%1\": %2").arg(QString::fromUtf8(sql), query.lastError().text()));
    return query;
}

QSqlQuery &SqlStore::runAlone(const char *sql, const QVariantList &values)
{
    if (!m_inBatch && !ensureConnected())
        throw StorageError(unavailable());
    try {
        return run(sql, values);
    } catch (const StorageError &) {
        // Outside a transaction the connection answers a probe unless it is gone; inside the batch it would
        // not (the failed statement aborted it), and the batch's own end checks.
        if (!m_inBatch)
            checkConnection();
        throw;
    }
}

QString SqlStore::text(const QSqlQuery &query, int column) const
{
    // A {utf8 column} arrives as its UTF-8 bytes (SqlSchema::dialectSql); others (uuids) as text.
    const QVariant stored = query.value(column);
    const QString value = stored.typeId() == QMetaType::QByteArray ? ExactText::fromUtf8(stored.toByteArray())
                                                                   : stored.toString();
    return isPostgres() ? decodedFromPostgres(value) : value;
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
                       User {userUuid, text(query, 1), text(query, 3)}};
    }
    query.finish();
    return row;
}

QVector<User> SqlStore::membersOf(qint64 roomId, const QString &roomUuid)
{
    // Read for every message posted (its room_changed carries the members): two columns a row, and the
    // room's uuid shared by all of them instead of read, converted and allocated once per member.
    if (!isPostgres()) {
        const auto cached = m_membersCache.constFind(roomId);
        if (cached != m_membersCache.cend())
            return *cached; // shared, not copied
    }
    QSqlQuery &query = run(sql::membersOfRoom, {roomId});
    QVector<User> users;
    while (query.next())
        users.append(User {text(query, 0), text(query, 1), roomUuid});
    query.finish();
    if (!isPostgres())
        m_membersCache.insert(roomId, users);
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
    room.uuid = text(query, 0);
    room.name = text(query, 1);
    room.color = text(query, 2);
    room.sum = query.value(3).toLongLong();
    query.finish();
    room.users = membersOf(roomId, room.uuid);
    return room;
}

void SqlStore::visitMessages(QSqlQuery &query, const QString &roomUuid, const MessageVisitor &visit)
{
    // One row at a time, viewed where it lies: a room of any size costs the memory of one message here.
    // The columns arrive as their stored UTF-8 bytes ({utf8 …}); only a PostgreSQL value that holds NUL (it
    // starts with U+0001, encodedForPostgres) is decoded first.
    constexpr int columns = 6;
    std::array<QByteArray, columns> bytes;
    std::array<QString, columns> texts;
    std::array<QAnyStringView, columns> fields;
    while (query.next()) {
        for (int i = 0; i < columns; ++i) {
            bytes[i] = query.value(i).toByteArray();
            if (isPostgres() && bytes[i].startsWith('\x01')) {
                texts[i] = decodedFromPostgres(ExactText::fromUtf8(bytes[i]));
                fields[i] = texts[i];
            } else {
                fields[i] = QUtf8StringView(bytes[i]);
            }
        }
        visit(MessageView {fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], roomUuid});
    }
    query.finish();
}

std::optional<Store::MessagePage> SqlStore::pageOf(qint64 roomId, const QString &roomUuid,
                                                   const QString &beforeUuid, int limit)
{
    qint64 beforeId = std::numeric_limits<qint64>::max(); // the newest page: below any id
    if (!beforeUuid.isEmpty()) {
        QSqlQuery &query = run(sql::messageIdInRoom, {beforeUuid, roomId});
        const bool found = query.next();
        beforeId = found ? query.value(0).toLongLong() : 0;
        query.finish();
        if (!found)
            return std::nullopt;
    }
    // One row more than asked tells whether older messages exist, without counting them.
    QVector<Message> messages;
    visitMessages(run(sql::messagePageOfRoom, {roomId, beforeId, limit + 1}), roomUuid,
                  [&messages](const MessageView &message) { messages.append(message.toMessage()); });
    MessagePage page;
    page.more = messages.size() > limit;
    if (page.more)
        messages.removeLast();
    std::reverse(messages.begin(), messages.end());
    page.messages = std::move(messages);
    return page;
}

Drawing SqlStore::drawingOf(qint64 roomId)
{
    QSqlQuery &drawingQuery = run(sql::drawingOfRoom, {roomId});
    if (!drawingQuery.next())
        throw StorageError(QStringLiteral("room %1 has no drawing").arg(roomId));
    const qint64 drawingId = drawingQuery.value(0).toLongLong();
    Drawing drawing;
    drawing.uuid = text(drawingQuery, 1);
    drawingQuery.finish();

    QSqlQuery &query = run(sql::linesOfDrawing, {drawingId});
    while (query.next()) {
        Line line;
        line.uuid = text(query, 0);
        line.name = text(query, 1);
        line.pointsJson = text(query, 2).toUtf8();
        line.tool = text(query, 3);
        line.color = text(query, 4);
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

void SqlStore::beginTransaction(const char *what)
{
    if (!ensureConnected())
        throw StorageError(unavailable());
    if (!m_database.transaction()) {
        const QString reason = m_database.lastError().text();
        checkConnection();
        throw StorageError(QStringLiteral("cannot begin %1: %2").arg(QLatin1String(what), reason));
    }
    if (!isPostgres())
        return;
    QSqlQuery lock(m_database);
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(SqlSchema::writeLockKey))) {
        const QString reason = lock.lastError().text();
        m_database.rollback();
        checkConnection();
        throw StorageError(QStringLiteral("cannot take the write lock: %1").arg(reason));
    }
}

void SqlStore::beginBatch()
{
    if (m_inBatch)
        return;
    beginTransaction("a batch");
    m_inBatch = true;
}

void SqlStore::beginWritingBatch()
{
    if (isPostgres())
        return beginBatch(); // the write lock is taken at the start anyway
    if (m_inBatch)
        return;
    execOrThrow(QStringLiteral("BEGIN IMMEDIATE"));
    m_inBatch = true;
}

void SqlStore::commitBatch()
{
    if (!m_inBatch)
        return;
    m_inBatch = false;
    if (!m_database.commit()) {
        const QString reason = m_database.lastError().text();
        forgetMembers();
        m_database.rollback();
        checkConnection();
        throw StorageError(QStringLiteral("cannot commit a batch: %1").arg(reason));
    }
}

void SqlStore::rollbackBatch()
{
    if (!m_inBatch)
        return;
    m_inBatch = false;
    forgetMembers();
    m_database.rollback();
    checkConnection();
}

void SqlStore::checkConnection()
{
    if (!isPostgres() || !m_connected)
        return;
    QString reason = QStringLiteral("closed");
    if (m_database.isOpen()) {
        QSqlQuery probe(m_database);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return;
        reason = probe.lastError().text().simplified();
    }
    qCWarning(lcStorage).noquote() << "lost the connection to" << m_description << "(" << reason
                                   << "); calls fail until it is back, reconnecting with backoff";
    m_queries.clear(); // prepared on the old connection
    m_database.close();
    m_inBatch = false;
    m_connected = false;
    m_sinceLost.start();
    m_reconnectDelayMs = 0;
    m_nextAttemptMs = 0;
}

bool SqlStore::ensureConnected()
{
    if (m_connected)
        return true;
    if (m_sinceLost.elapsed() < m_nextAttemptMs)
        return false;
    if (!m_database.open()) {
        m_reconnectDelayMs = qBound(firstReconnectDelayMs, m_reconnectDelayMs * 2, maxReconnectDelayMs);
        m_nextAttemptMs = m_sinceLost.elapsed() + m_reconnectDelayMs;
        qCDebug(lcStorage).noquote() << "cannot reconnect to" << m_description << ":"
                                     << m_database.lastError().text().trimmed();
        return false;
    }
    m_connected = true;
    ++m_generation;
    qCInfo(lcStorage).noquote() << "connected to" << m_description << "again after"
                                << QStringLiteral("%1 s").arg(m_sinceLost.elapsed() / 1000.0, 0, 'f', 1);
    return true;
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
    run(sql::insertUser, {user.uuid, user.name, m_nodeId});
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
        rooms.append(Room {
            text(roomQuery, 1), text(roomQuery, 2), text(roomQuery, 3), {}, roomQuery.value(4).toLongLong()});
    }
    roomQuery.finish();

    QSqlQuery &memberQuery = run(sql::allMembers, {});
    while (memberQuery.next()) {
        const qsizetype index = indexOfRoom.value(memberQuery.value(0).toLongLong(), -1);
        if (index >= 0) {
            rooms[index].users.append(
                User {text(memberQuery, 1), text(memberQuery, 2), text(memberQuery, 3)});
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

std::optional<Store::EnteredRoom> SqlStore::enterRoom(const QString &userUuid, const QString &roomUuid,
                                                      int historyLimit, const MessageVisitor &history)
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
    if (historyLimit == wholeHistory) {
        visitMessages(run(sql::messagesOfRoom, {*roomId}), entered.room.uuid, history);
    } else {
        const MessagePage page = *pageOf(*roomId, roomUuid, {}, historyLimit);
        for (const Message &message : page.messages)
            history(MessageView::of(message));
        entered.moreHistory = page.more;
    }
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

void SqlStore::listMessages(const QString &roomUuid, const MessageVisitor &history)
{
    Transaction transaction(*this);
    if (const auto roomId = roomIdOf(roomUuid))
        visitMessages(run(sql::messagesOfRoom, {*roomId}), roomUuid, history);
    transaction.commit();
}

std::optional<Store::MessagePage> SqlStore::messagePage(const QString &roomUuid, const QString &beforeUuid,
                                                        int limit)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    std::optional<MessagePage> page;
    if (roomId)
        page = pageOf(*roomId, roomUuid, beforeUuid, limit);
    else if (beforeUuid.isEmpty())
        page = MessagePage {};
    transaction.commit();
    return page;
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
    stored.name = text(upsert, 0);
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

std::optional<Room> SqlStore::emptyRoom(const QString &roomUuid)
{
    Transaction transaction(*this);
    const auto roomId = roomIdOf(roomUuid);
    if (!roomId)
        return std::nullopt;
    run(sql::emptyRoom, {*roomId});
    auto room = loadRoom(*roomId);
    transaction.commit();
    return room;
}

std::optional<Room> SqlStore::deleteMessage(const QString &messageUuid)
{
    Transaction transaction(*this);
    QSqlQuery &query = run(sql::messageByUuid, {messageUuid});
    if (!query.next()) {
        query.finish();
        return std::nullopt;
    }
    const qint64 messageId = query.value(0).toLongLong();
    const qint64 roomId = query.value(1).toLongLong();
    query.finish();
    run(sql::deleteMessage, {messageId});
    run(sql::recountMessages, {roomId, roomId});
    auto room = loadRoom(roomId);
    transaction.commit();
    return room;
}

Store::PurgedMessages SqlStore::purgeMessages(const QString &createdBefore, const QString &roomUuid)
{
    Transaction transaction(*this);
    QVector<qint64> roomIds;
    if (!roomUuid.isEmpty()) {
        if (const auto roomId = roomIdOf(roomUuid))
            roomIds.append(*roomId);
    } else {
        QSqlQuery &rooms = run(sql::allRooms, {});
        while (rooms.next())
            roomIds.append(rooms.value(0).toLongLong());
        rooms.finish();
    }
    PurgedMessages purged;
    for (const qint64 roomId : roomIds) {
        const int deleted = run(sql::purgeRoomMessages, {roomId, createdBefore}).numRowsAffected();
        if (deleted <= 0)
            continue;
        purged.deleted += deleted;
        run(sql::recountMessages, {roomId, roomId});
        purged.rooms.append(*loadRoom(roomId));
    }
    transaction.commit();
    return purged;
}

QStringList SqlStore::consistencyProblems()
{
    QStringList problems;
    const int version = SqlSchema::versionOf(m_database, m_dialect);
    if (version != SqlSchema::currentVersion)
        problems.append(
            QStringLiteral("schema version %1, expected %2").arg(version).arg(SqlSchema::currentVersion));
    const auto collect = [&](const QString &statement, const QString &what) {
        QSqlQuery query(m_database);
        if (!query.exec(statement))
            throw StorageError(QStringLiteral("%1: %2").arg(what, query.lastError().text()));
        while (query.next()) {
            const QString row = query.value(0).toString();
            if (row != QLatin1String("ok") && row != QLatin1String("0"))
                problems.append(QStringLiteral("%1: %2").arg(what, row));
        }
    };
    if (!isPostgres()) {
        collect(QStringLiteral("PRAGMA integrity_check"), QStringLiteral("integrity_check"));
        QSqlQuery foreignKeys(m_database);
        if (!foreignKeys.exec(QStringLiteral("PRAGMA foreign_key_check")))
            throw StorageError(QStringLiteral("foreign_key_check: %1").arg(foreignKeys.lastError().text()));
        while (foreignKeys.next())
            problems.append(QStringLiteral("foreign_key_check: row %1 of %2 refers to a missing row of %3")
                                .arg(foreignKeys.value(1).toString(), foreignKeys.value(0).toString(),
                                     foreignKeys.value(2).toString()));
    }
    for (const auto &check : sql::consistencyChecks)
        collect(SqlSchema::dialectSql(check.text, m_dialect), QString::fromUtf8(check.name));
    return problems;
}

void SqlStore::backupTo(const QString &path)
{
    if (isPostgres())
        throw StorageError(QStringLiteral("a PostgreSQL database is backed up with pg_dump"));
    QString literal = QFileInfo(path).absoluteFilePath();
    literal.replace(u'\'', QStringLiteral("''"));
    execOrThrow(QStringLiteral("VACUUM INTO '%1'").arg(literal));
}

void SqlStore::registerNode()
{
    Transaction transaction(*this);
    run(sql::registerNode, {m_nodeId});
    transaction.commit();
}

bool SqlStore::beatHeart()
{
    // Alone, outside any transaction: a heartbeat must not wait for the write lock.
    return runAlone(sql::beatHeart, {m_nodeId}).numRowsAffected() == 1;
}

QStringList SqlStore::silentNodes(int silentForMs)
{
    Transaction transaction(*this);
    QSqlQuery &query = run(sql::silentNodes, {m_nodeId, silentForMs});
    QStringList nodes;
    while (query.next())
        nodes.append(text(query, 0));
    query.finish();
    transaction.commit();
    return nodes;
}

void SqlStore::forgetNode(const QString &nodeId)
{
    Transaction transaction(*this);
    run(sql::forgetNode, {nodeId});
    transaction.commit();
}

QVector<Room> SqlStore::removeNodeUsers(const QString &nodeId)
{
    Transaction transaction(*this);
    QVector<qint64> roomIds;
    QSqlQuery &query = run(sql::roomsOfNodeUsers, {nodeId});
    while (query.next())
        roomIds.append(query.value(0).toLongLong());
    query.finish();
    run(sql::deleteNodeUsersWithoutMessages, {nodeId});
    run(sql::releaseNodeUsers, {nodeId});
    QVector<Room> rooms;
    for (const qint64 roomId : roomIds) {
        if (auto room = loadRoom(roomId))
            rooms.append(*room);
    }
    transaction.commit();
    return rooms;
}

QStringList SqlStore::usersOfNode(const QString &nodeId)
{
    Transaction transaction(*this);
    QSqlQuery &query = run(sql::usersOfNode, {nodeId});
    QStringList users;
    while (query.next())
        users.append(text(query, 0));
    query.finish();
    transaction.commit();
    return users;
}

QVector<ClusterStore::NodeStatus> SqlStore::nodes()
{
    Transaction transaction(*this);
    QSqlQuery &query = run(sql::nodeStatus, {});
    QVector<NodeStatus> nodes;
    while (query.next())
        nodes.append({text(query, 0), query.value(1).toLongLong(), query.value(2).toLongLong()});
    query.finish();
    transaction.commit();
    return nodes;
}

qint64 SqlStore::appendEvent(const QString &roomUuid, const QString &text)
{
    QSqlQuery &query = run(sql::appendEvent, {m_nodeId, roomUuid.isEmpty() ? QVariant() : roomUuid, text});
    if (!query.next())
        throw StorageError(QStringLiteral("no id for a new event"));
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

void SqlStore::notifyNodes()
{
    // The payload names the sender, which need not read its own events back.
    if (isPostgres())
        run(sql::notifyNodes, {m_nodeId});
}

QVector<ClusterStore::Event> SqlStore::eventsAfter(qint64 afterId)
{
    // One statement, outside the write lock: commits happen in id order, so what it sees is a prefix.
    QSqlQuery &query = runAlone(sql::eventsAfter, {afterId, m_nodeId});
    QVector<Event> events;
    while (query.next())
        events.append({query.value(0).toLongLong(), text(query, 1), text(query, 2)});
    query.finish();
    return events;
}

qint64 SqlStore::lastEventId()
{
    Transaction transaction(*this);
    QSqlQuery &query = run(sql::lastEventId, {});
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    transaction.commit();
    return id;
}

void SqlStore::pruneEvents(int olderThanMs)
{
    Transaction transaction(*this);
    run(sql::pruneEvents, {olderThanMs});
    transaction.commit();
}

} // namespace chat::server
