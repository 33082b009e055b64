#include "TestDatabase.h"

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

} // namespace TestDatabase
