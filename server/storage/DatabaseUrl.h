#pragma once

#include "SqlSchema.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace chat::server {

// Where the data lives, from the --db value: a SQLite file path, or
// postgresql://USER:PASSWORD@HOST:PORT/DBNAME[?schema=NAME&sslmode=...] for PostgreSQL. Other query items
// are libpq connection parameters (sslmode, connect_timeout, ...).
struct DatabaseUrl
{
    SqlSchema::Dialect dialect = SqlSchema::Dialect::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QString schema; // empty: the server's default search path
    QStringList connectOptions; // key=value for libpq

    // nullopt with error set for a postgresql:// value that cannot be used.
    static std::optional<DatabaseUrl> parse(const QString &value, QString *error);
    static bool isPostgresUrl(const QString &value);

    bool isPostgres() const { return dialect == SqlSchema::Dialect::PostgreSql; }
    // For logs and errors: never shows the password.
    QString display() const;
};

} // namespace chat::server
