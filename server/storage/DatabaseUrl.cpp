#include "DatabaseUrl.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace chat::server {

namespace {

// A schema name goes into a connection option and an SQL identifier: keep it to plain identifiers.
bool isPlainIdentifier(const QString &name)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    return identifier.match(name).hasMatch();
}

// Values end up in a libpq conninfo string, where spaces and quotes would change its meaning.
bool isPlainOptionValue(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+-]*$"));
    return plain.match(value).hasMatch();
}

} // namespace

bool DatabaseUrl::isPostgresUrl(const QString &value)
{
    return value.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || value.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &value, QString *error)
{
    DatabaseUrl result;
    if (!isPostgresUrl(value)) {
        result.sqlitePath = value;
        return result;
    }
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("not a usable PostgreSQL URL (postgresql://USER:PASSWORD@HOST:PORT/DBNAME)");
        return std::nullopt;
    }
    result.dialect = SqlSchema::Dialect::PostgreSql;
    result.host = url.host();
    result.port = url.port(5432);
    result.user = url.userName();
    result.password = url.password();
    result.databaseName = url.path().mid(1);
    if (result.databaseName.isEmpty() || result.databaseName.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("the PostgreSQL URL names no database (postgresql://HOST/DBNAME)");
        return std::nullopt;
    }
    const QUrlQuery query(url);
    for (const auto &[key, item] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("schema")) {
            if (!isPlainIdentifier(item)) {
                *error = QStringLiteral("schema \"%1\" is not a plain identifier").arg(item);
                return std::nullopt;
            }
            result.schema = item;
        } else if (isPlainIdentifier(key) && isPlainOptionValue(item)) {
            result.connectOptions.append(QStringLiteral("%1=%2").arg(key, item));
        } else {
            *error = QStringLiteral("the PostgreSQL URL option %1 cannot be used").arg(key);
            return std::nullopt;
        }
    }
    return result;
}

QString DatabaseUrl::display() const
{
    if (!isPostgres())
        return QStringLiteral("sqlite:%1").arg(sqlitePath);
    QString shown = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        shown += user + QLatin1Char('@');
    shown += QStringLiteral("%1:%2/%3").arg(host).arg(port).arg(databaseName);
    if (!schema.isEmpty())
        shown += QStringLiteral("?schema=") + schema;
    return shown;
}

} // namespace chat::server
