#pragma once

#include "ClusterStore.h"
#include "DatabaseUrl.h"
#include "SqlSchema.h"
#include "Store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace chat::server {

// Store on QtSql: a SQLite file (WAL mode) by default, or PostgreSQL for several nodes on one database.
// Statements are prepared once per connection and reused. On PostgreSQL a lost connection is noticed, calls
// fail with StorageError meanwhile, and it is made again with backoff.
class SqlStore final : public Store, public ClusterStore
{
public:
    // Opens (creating a SQLite file and its folder, or a PostgreSQL schema named in the URL) and migrates.
    // The node id marks the users of this server's connections. Throws StorageError with a one-line reason.
    static std::unique_ptr<SqlStore> open(const DatabaseUrl &url, const QString &nodeId);
    static std::unique_ptr<SqlStore> openSqlite(const QString &path);
    ~SqlStore() override;

    SqlStore(const SqlStore &) = delete;
    SqlStore &operator=(const SqlStore &) = delete;

    QString description() const;
    SqlSchema::Dialect dialect() const { return m_dialect; }

    void beginBatch() override;
    // A batch that will write, for another process than the server (chat-server admin): on SQLite it takes
    // the write lock at once, waiting up to the busy timeout for another writer, instead of failing at its
    // first write when a reader cannot become a writer.
    void beginWritingBatch();
    void commitBatch() override;
    void rollbackBatch() override;
    bool inBatch() const override { return m_inBatch; }
    void clearMemberships() override;
    User createUser() override;
    std::optional<Room> disconnectUser(const QString &userUuid) override;
    RenamedUser renameUser(const QString &userUuid, const std::optional<QString> &name) override;
    QVector<Room> listRooms() override;
    bool hasRoom(const QString &roomUuid) override;
    Room createRoom() override;
    std::optional<Room> renameRoom(const QString &roomUuid, const std::optional<QString> &name) override;
    std::optional<Room> recolorRoom(const QString &roomUuid, const std::optional<QString> &color) override;
    DeletedRoom deleteRoom(const QString &roomUuid) override;
    std::optional<EnteredRoom> enterRoom(const QString &userUuid, const QString &roomUuid, int historyLimit,
                                         const MessageVisitor &history) override;
    std::optional<Room> leaveRoom(const QString &userUuid) override;
    std::optional<PostedMessage> createMessage(const QString &userUuid, const QString &roomUuid,
                                               const QString &body) override;
    void listMessages(const QString &roomUuid, const MessageVisitor &history) override;
    std::optional<MessagePage> messagePage(const QString &roomUuid, const QString &beforeUuid,
                                           int limit) override;
    std::optional<Drawing> drawing(const QString &roomUuid) override;
    std::optional<Line> putLine(const QString &roomUuid, const Line &line) override;
    std::optional<Drawing> resetDrawing(const QString &roomUuid) override;
    LineCount countLines(const QString &roomUuid, const QString &lineUuid) override;
    std::optional<Room> emptyRoom(const QString &roomUuid) override;
    std::optional<Room> deleteMessage(const QString &messageUuid) override;
    PurgedMessages purgeMessages(const QString &createdBefore, const QString &roomUuid) override;

    // Operator tools: what is wrong with the database (PRAGMA integrity_check and foreign_key_check on
    // SQLite, the schema version, and the consistency checks of sql::consistencyChecks); empty when all is
    // well.
    QStringList consistencyProblems();
    // SQLite only: a consistent copy of the database into a new file (VACUUM INTO), while others write.
    // Throws StorageError.
    void backupTo(const QString &path);

    QString nodeId() const override { return m_nodeId; }
    quint64 connectionGeneration() const override { return m_generation; }
    bool ensureConnected() override;
    void registerNode() override;
    bool beatHeart() override;
    QStringList silentNodes(int silentForMs) override;
    void forgetNode(const QString &nodeId) override;
    QVector<Room> removeNodeUsers(const QString &nodeId) override;
    QStringList usersOfNode(const QString &nodeId) override;
    QVector<NodeStatus> nodes() override;
    qint64 appendEvent(const QString &roomUuid, const QString &text) override;
    void notifyNodes() override;
    QVector<Event> eventsAfter(qint64 afterId) override;
    qint64 lastEventId() override;
    void pruneEvents(int olderThanMs) override;

private:
    class Transaction;
    struct UserRow
    {
        qint64 id = 0;
        qint64 roomId = 0; // 0: in no room
        User user;
    };

    SqlStore(QSqlDatabase database, SqlSchema::Dialect dialect, QString description, QString nodeId);
    static std::unique_ptr<SqlStore> openPostgres(const DatabaseUrl &url, const QString &nodeId);

    QSqlQuery &prepared(const char *sql);
    void execOrThrow(const QString &statement);
    QSqlQuery &run(const char *sql, const QVariantList &values);
    // One statement outside any call's transaction (autocommit, or inside the open batch): reconnects first
    // when due, and a failure outside a batch checks whether the connection is gone.
    QSqlQuery &runAlone(const char *sql, const QVariantList &values);
    QString text(const QSqlQuery &query, int column) const;
    bool isPostgres() const { return m_dialect == SqlSchema::Dialect::PostgreSql; }
    // Begins a transaction; on PostgreSQL it also takes the write lock that orders the nodes' commits.
    void beginTransaction(const char *what);
    // After a failure: on PostgreSQL, whether the connection itself is gone (then it is made again later).
    void checkConnection();

    std::optional<qint64> roomIdOf(const QString &roomUuid);
    std::optional<UserRow> userRow(const QString &userUuid);
    std::optional<Room> loadRoom(qint64 roomId);
    // The users in the room, in the order they entered; each carries roomUuid (shared, not read per row).
    QVector<User> membersOf(qint64 roomId, const QString &roomUuid);
    // The columns of sql::messagesOfRoom, one message at a time.
    void visitMessages(QSqlQuery &query, const QString &roomUuid, const MessageVisitor &visit);
    std::optional<MessagePage> pageOf(qint64 roomId, const QString &roomUuid, const QString &beforeUuid,
                                      int limit);
    Drawing drawingOf(qint64 roomId);
    std::optional<Room> removeFromRoom(const UserRow &row);

    QSqlDatabase m_database;
    SqlSchema::Dialect m_dialect;
    QString m_description;
    QString m_nodeId;
    QHash<const char *, QSqlQuery> m_queries;
    // For each statement, which of its parameters are text ({text} in SqlStatements.h).
    QHash<const char *, QVector<bool>> m_textParameters;
    // SQLite only (one server owns the file): each room's members as last read, by room id. Every posted
    // message reads them for its room_changed; only a statement that writes something else than a message
    // and its count, or an undone call or batch, can change them, and each of those empties the cache.
    // PostgreSQL is shared with other nodes, whose writes this one does not see: never cached there.
    QHash<qint64, QVector<User>> m_membersCache;
    void forgetMembers() { m_membersCache.clear(); }
    bool m_inBatch = false;
    bool m_connected = true;
    quint64 m_generation = 0;
    QElapsedTimer m_sinceLost;
    int m_reconnectDelayMs = 0;
    qint64 m_nextAttemptMs = 0;
};

} // namespace chat::server
