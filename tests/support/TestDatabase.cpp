#include "TestDatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace TestDatabase {

bool usesPostgres()
{
    return qEnvironmentVariable("CHAT_TEST_DATABASE") == QLatin1String("postgres");
}

std::optional<QString> freshDatabase(const QString &sqlitePath)
{
    if (!usesPostgres())
        return sqlitePath;
    const QString base = qEnvironmentVariable("CHAT_TEST_POSTGRES_URL");
    if (base.isEmpty()) {
        qWarning("CHAT_TEST_POSTGRES_URL is not set (run the tests through scripts/with-postgres.sh)");
        return std::nullopt;
    }
    return QStringLiteral("%1?schema=test_%2").arg(base, QUuid::createUuid().toString(QUuid::Id128).left(16));
}

QString sqliteIntegrity(const QString &path)
{
    const QString connection = QStringLiteral("integrity");
    QString verdict;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(path);
        if (database.open()) {
            QSqlQuery query(database);
            if (query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
                verdict = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return verdict;
}

} // namespace TestDatabase
