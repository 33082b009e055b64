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

    static constexpr int currentVersion = 1;

    // Brings the database to currentVersion. Throws StorageError; refuses a database newer than this build.
    static void migrate(QSqlDatabase &database, Dialect dialect);
    static int versionOf(QSqlDatabase &database);

private:
    static void applyMigration(QSqlDatabase &database, Dialect dialect, int version);
};

} // namespace chat::server
