#include "PostgresConnection.h"

#include <algorithm>

namespace chat::server {

QSqlDatabase addPostgresConnection(const DatabaseUrl &url, const QString &connectionName,
                                   const QString &applicationName)
{
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    database.setHostName(url.host);
    database.setPort(url.port);
    database.setUserName(url.user);
    database.setPassword(url.password);
    database.setDatabaseName(url.databaseName);
    QStringList options = url.connectOptions;
    const bool timeoutGiven = std::any_of(options.cbegin(), options.cend(), [](const QString &option) {
        return option.startsWith(QLatin1String("connect_timeout="));
    });
    if (!timeoutGiven)
        options.append(QStringLiteral("connect_timeout=5"));
    QString serverOptions = QStringLiteral(
        "-c lock_timeout=5000 -c idle_in_transaction_session_timeout=20000 -c client_min_messages=warning");
    if (!url.schema.isEmpty())
        serverOptions += QStringLiteral(" -c search_path=%1").arg(url.schema);
    options.append(QStringLiteral("options='%1'").arg(serverOptions));
    options.append(QStringLiteral("application_name=%1").arg(applicationName));
    database.setConnectOptions(options.join(QLatin1Char(';')));
    return database;
}

} // namespace chat::server
