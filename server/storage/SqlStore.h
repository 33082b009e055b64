#pragma once

#include "SqlSchema.h"
#include "Store.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace chat::server {

// Store on QtSql: a SQLite file (WAL mode) by default. Statements are prepared once and reused.
class SqlStore final : public Store
{
public:
    // Opens or creates the SQLite database at path (its folder is created too) and migrates it.
    // Throws StorageError with a one-line reason.
    static std::unique_ptr<SqlStore> openSqlite(const QString &path);
    ~SqlStore() override;

    SqlStore(const SqlStore &) = delete;
    SqlStore &operator=(const SqlStore &) = delete;

    QString description() const;

    void beginBatch() override;
    void commitBatch() override;
    // Drops everything the open batch wrote. The fuzzer gives each input the same store this way.
    void rollbackBatch();
    bool inBatch() const override { return m_inBatch; }
    std::optional<QString> roomOfUser(const QString &userUuid) override;
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
    std::optional<EnteredRoom> enterRoom(const QString &userUuid, const QString &roomUuid) override;
    std::optional<Room> leaveRoom(const QString &userUuid) override;
    std::optional<PostedMessage> createMessage(const QString &userUuid, const QString &roomUuid,
                                               const QString &body) override;
    QVector<Message> listMessages(const QString &roomUuid) override;
    std::optional<Drawing> drawing(const QString &roomUuid) override;
    std::optional<Line> putLine(const QString &roomUuid, const Line &line) override;
    std::optional<Drawing> resetDrawing(const QString &roomUuid) override;
    LineCount countLines(const QString &roomUuid, const QString &lineUuid) override;

private:
    class Transaction;
    struct UserRow
    {
        qint64 id = 0;
        qint64 roomId = 0; // 0: in no room
        User user;
    };

    SqlStore(QSqlDatabase database, QString description);

    QSqlQuery &prepared(const char *sql);
    void execOrThrow(const QString &statement);
    QSqlQuery &run(const char *sql, const QVariantList &values);

    std::optional<qint64> roomIdOf(const QString &roomUuid);
    std::optional<UserRow> userRow(const QString &userUuid);
    std::optional<Room> loadRoom(qint64 roomId);
    QVector<User> membersOf(qint64 roomId);
    QVector<Message> messagesOf(qint64 roomId);
    Drawing drawingOf(qint64 roomId);
    std::optional<Room> removeFromRoom(const UserRow &row);

    QSqlDatabase m_database;
    QString m_description;
    QHash<const char *, QSqlQuery> m_queries;
    bool m_inBatch = false;
};

} // namespace chat::server
