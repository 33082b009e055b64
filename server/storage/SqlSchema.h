#pragma once

#include <QSqlDatabase>
#include <QString>

namespace chat::server {

// The database schema and its migrations. A table "schema_version" records the version a database is at;
// opening a database applies the missing migrations in order, each in one transaction.
class SqlSchema
{
public:
    enum class Dialect { Sqlite, PostgreSql };

    static constexpr int currentVersion = 2;
    // PostgreSQL advisory lock keys: one for migrations, one that every writing transaction holds, so that
    // the nodes' transactions (and the events they publish) commit one after another, in id order.
    static constexpr qint64 migrationLockKey = 0x63686174'0001; // "chat"
    static constexpr qint64 writeLockKey = 0x63686174'0002;

    // Brings the database to currentVersion. Throws StorageError; refuses a database newer than this build.
    static void migrate(QSqlDatabase &database, Dialect dialect);
    static int versionOf(QSqlDatabase &database, Dialect dialect);
    // The statement in the dialect: fills in the {id}, {bigint}, {now} and {utf8 …} placeholders.
    static QString dialectSql(const char *sql, Dialect dialect);

private:
    static bool hasVersionTable(QSqlDatabase &database, Dialect dialect);
    static void applyMigration(QSqlDatabase &database, Dialect dialect, int version);
};

} // namespace chat::server
