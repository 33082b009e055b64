#pragma once

#include <QString>

#include <optional>

// The database a test's server uses: a SQLite file, or with CHAT_TEST_DATABASE=postgres a fresh schema on the
// PostgreSQL at CHAT_TEST_POSTGRES_URL (scripts/with-postgres.sh starts one).
namespace TestDatabase {

bool usesPostgres();
// The --db value for a new, empty database (sqlitePath when on SQLite). Without CHAT_TEST_POSTGRES_URL when
// it is needed: nullopt and a warning naming it, which ctest takes for a skip.
std::optional<QString> freshDatabase(const QString &sqlitePath);
// PRAGMA integrity_check on a SQLite file (best with no server on it): "ok", or what it found; empty when the
// file cannot be opened.
QString sqliteIntegrity(const QString &path);

} // namespace TestDatabase
