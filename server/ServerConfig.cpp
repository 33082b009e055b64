#include "ServerConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace chat::server {

namespace {

const QStringList logLevels {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                             QStringLiteral("error")};

QString fromEnvironment(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

// A value given on the command line wins over the environment variable, which wins over the default.
QString setting(const QCommandLineParser &parser, const QCommandLineOption &option, const char *environment,
                const QString &fallback)
{
    return parser.isSet(option) ? parser.value(option) : fromEnvironment(environment, fallback);
}

ServerConfigParse failure(const QString &message)
{
    return {std::nullopt, 2, QStringLiteral("chat-server: %1").arg(message)};
}

} // namespace

QString ServerConfig::defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("chat.db"));
}

bool ServerConfig::applyLogLevel(const QString &level)
{
    const qsizetype index = logLevels.indexOf(level.toLower());
    if (index < 0)
        return false;
    QStringList rules;
    const char *const levelNames[] = {"debug", "info", "warning", "critical"};
    for (qsizetype i = 0; i < 4; ++i)
        rules << QStringLiteral("chat.*.%1=%2")
                     .arg(QLatin1String(levelNames[i]),
                          i >= index ? QStringLiteral("true") : QStringLiteral("false"));
    QLoggingCategory::setFilterRules(rules.join(u'\n'));
    return true;
}

ServerConfigParse ServerConfig::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Headless socket_chat-compatible WebSocket chat server.\n"
        "Environment: CHAT_HOST, CHAT_PORT, CHAT_DB, CHAT_LOG_LEVEL (the options win)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption hostOption(
        QStringLiteral("host"), QStringLiteral("Address to listen on (127.0.0.1)."), QStringLiteral("ADDR"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (9000; 0 picks a free one)."),
                                        QStringLiteral("N"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("SQLite database file (%1).").arg(defaultDatabasePath()),
                                      QStringLiteral("PATH"));
    const QCommandLineOption logOption(QStringLiteral("log-level"),
                                       QStringLiteral("debug, info, warning or error (info)."),
                                       QStringLiteral("LEVEL"));
    const QCommandLineOption pingOption(
        QStringLiteral("ping-interval"),
        QStringLiteral("Seconds between keepalive pings; a peer that does not "
                       "answer by the next ping is closed (20; 0: off)."),
        QStringLiteral("SECONDS"));
    parser.addOptions({hostOption, portOption, dbOption, logOption, pingOption});

    if (!parser.parse(arguments))
        return failure(parser.errorText());
    if (parser.isSet(helpOption))
        return {std::nullopt, 0, parser.helpText()};
    if (parser.isSet(versionOption))
        return {std::nullopt, 0,
                QStringLiteral("chat-server %1").arg(QCoreApplication::applicationVersion())};
    if (!parser.positionalArguments().isEmpty())
        return failure(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    ServerConfig config;
    config.host = setting(parser, hostOption, "CHAT_HOST", config.host);
    if (config.host == QLatin1String("localhost"))
        config.address = QHostAddress::LocalHost;
    else if (!config.address.setAddress(config.host))
        return failure(QStringLiteral("\"%1\" is not an IP address").arg(config.host));

    const QString portText = setting(parser, portOption, "CHAT_PORT", QString::number(config.port));
    bool portOk = false;
    const uint port = portText.toUInt(&portOk);
    if (!portOk || port > 65535)
        return failure(QStringLiteral("\"%1\" is not a port number (0-65535)").arg(portText));
    config.port = static_cast<quint16>(port);

    config.database = setting(parser, dbOption, "CHAT_DB", defaultDatabasePath());
    if (config.database.isEmpty())
        return failure(QStringLiteral("the database path is empty"));

    config.logLevel = setting(parser, logOption, "CHAT_LOG_LEVEL", config.logLevel);
    if (!logLevels.contains(config.logLevel.toLower()))
        return failure(
            QStringLiteral("unknown log level \"%1\" (debug, info, warning, error)").arg(config.logLevel));

    const QString pingText =
        setting(parser, pingOption, "CHAT_PING_INTERVAL", QString::number(config.pingIntervalSeconds));
    bool pingOk = false;
    config.pingIntervalSeconds = pingText.toInt(&pingOk);
    if (!pingOk || config.pingIntervalSeconds < 0 || config.pingIntervalSeconds > 3600)
        return failure(QStringLiteral("\"%1\" is not a ping interval in seconds (0-3600)").arg(pingText));
    return {config, 0, {}};
}

} // namespace chat::server
