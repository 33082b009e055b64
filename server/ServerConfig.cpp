#include "ServerConfig.h"

#include "storage/DatabaseUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUuid>

#include <functional>
#include <vector>

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

// A whole-number limit: its option, environment variable, accepted range and where it goes.
struct NumberSetting
{
    QCommandLineOption option;
    const char *environment;
    qint64 minimum;
    qint64 maximum;
    qint64 current; // the default, shown in --help
    std::function<void(ServerConfig &, qint64)> apply;
};

NumberSetting number(const char *name, const char *environment, const char *help, qint64 maximum,
                     qint64 current, std::function<void(ServerConfig &, qint64)> apply)
{
    const QString description = QStringLiteral("%1 (%2; env %3).")
                                    .arg(QString::fromUtf8(help))
                                    .arg(current)
                                    .arg(QString::fromUtf8(environment));
    return {QCommandLineOption(QString::fromUtf8(name), description, QStringLiteral("N")),
            environment,
            0,
            maximum,
            current,
            std::move(apply)};
}

// Seconds in the options, milliseconds inside.
constexpr qint64 msPerSecond = 1000;

std::vector<NumberSetting> numberSettings(const ServerConfig &defaults)
{
    const ConnectionLimits &l = defaults.limits;
    const CallCaps &c = defaults.caps;
    const qint64 big = 1000000000;
    return {
        number("ping-interval", "CHAT_PING_INTERVAL", "Seconds between keepalive pings; 0: off", 3600,
               l.pingIntervalMs / msPerSecond,
               [](ServerConfig &s, qint64 v) { s.limits.pingIntervalMs = int(v * msPerSecond); }),
        number("pong-timeout", "CHAT_PONG_TIMEOUT", "Seconds a ping may go unanswered before the close 1011",
               3600, l.pongTimeoutMs / msPerSecond,
               [](ServerConfig &s, qint64 v) { s.limits.pongTimeoutMs = int(v * msPerSecond); }),
        number("handshake-timeout", "CHAT_HANDSHAKE_TIMEOUT",
               "Seconds a new TCP connection has to finish the WebSocket handshake; 0: Qt's default", 3600,
               l.handshakeTimeoutMs / msPerSecond,
               [](ServerConfig &s, qint64 v) { s.limits.handshakeTimeoutMs = int(v * msPerSecond); }),
        number("rate-limit", "CHAT_RATE_LIMIT", "Calls per second one connection may make; 0: no limit", big,
               qint64(l.callsPerSecond),
               [](ServerConfig &s, qint64 v) { s.limits.callsPerSecond = double(v); }),
        number("rate-burst", "CHAT_RATE_BURST", "Calls one connection may make at once", big, l.callBurst,
               [](ServerConfig &s, qint64 v) { s.limits.callBurst = int(v); }),
        number("flood-close", "CHAT_FLOOD_CLOSE",
               "Rate-limited calls within 10 s that close the connection with 1008; 0: never", big,
               l.floodCloseAfter, [](ServerConfig &s, qint64 v) { s.limits.floodCloseAfter = int(v); }),
        number("flood-ban", "CHAT_FLOOD_BAN",
               "Seconds an address that flooded is refused new connections; 0: never", 3600,
               l.floodBanMs / msPerSecond,
               [](ServerConfig &s, qint64 v) { s.limits.floodBanMs = int(v * msPerSecond); }),
        number("max-connections", "CHAT_MAX_CONNECTIONS", "Connections in total; 0: no limit", big,
               l.maxConnections, [](ServerConfig &s, qint64 v) { s.limits.maxConnections = int(v); }),
        number("max-per-address", "CHAT_MAX_PER_ADDRESS", "Connections from one IP address; 0: no limit", big,
               l.maxConnectionsPerAddress,
               [](ServerConfig &s, qint64 v) { s.limits.maxConnectionsPerAddress = int(v); }),
        number("max-unsent-kib", "CHAT_MAX_UNSENT_KIB",
               "KiB queued for a peer that does not read before it is dropped; 0: no limit", 16 * 1024 * 1024,
               l.maxUnsentBytes / 1024,
               [](ServerConfig &s, qint64 v) { s.limits.maxUnsentBytes = v * 1024; }),
        number("room-update-budget", "CHAT_ROOM_UPDATE_BUDGET",
               "Frames per second that message-count updates may send outside their room before they are "
               "merged per room; 0: never merge",
               big, l.roomUpdateBudget,
               [](ServerConfig &s, qint64 v) { s.limits.roomUpdateBudget = int(v); }),
        number("max-name", "CHAT_MAX_NAME", "Code points in a room or user name; 0: no cap", big,
               c.maxNameLength, [](ServerConfig &s, qint64 v) { s.caps.maxNameLength = int(v); }),
        number("max-body", "CHAT_MAX_BODY", "Code points in a message body; 0: no cap", big, c.maxBodyLength,
               [](ServerConfig &s, qint64 v) { s.caps.maxBodyLength = int(v); }),
        number("max-points", "CHAT_MAX_POINTS", "Numbers in one line's points; 0: no cap", big,
               c.maxPointsPerLine, [](ServerConfig &s, qint64 v) { s.caps.maxPointsPerLine = int(v); }),
        number("max-lines", "CHAT_MAX_LINES", "Lines in one room's drawing; 0: no cap", big,
               c.maxLinesPerDrawing, [](ServerConfig &s, qint64 v) { s.caps.maxLinesPerDrawing = int(v); }),
    };
}

// Reads every number setting into config; an error message for the first bad one.
std::optional<QString> readNumbers(const QCommandLineParser &parser,
                                   const std::vector<NumberSetting> &settings, ServerConfig &config)
{
    for (const NumberSetting &entry : settings) {
        const QString text = setting(parser, entry.option, entry.environment, QString::number(entry.current));
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (!ok || value < entry.minimum || value > entry.maximum)
            return QStringLiteral("\"%1\" is not a valid --%2 (%3-%4)")
                .arg(text, entry.option.names().constFirst())
                .arg(entry.minimum)
                .arg(entry.maximum);
        entry.apply(config, value);
    }
    return std::nullopt;
}

QStringList originsFrom(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (parser.isSet(option))
        return parser.values(option);
    // The environment variable holds them separated by spaces or commas.
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return qEnvironmentVariable("CHAT_ALLOWED_ORIGINS").split(separators, Qt::SkipEmptyParts);
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

std::optional<QString> ServerConfig::parseMetricsAddress(const QString &text, ServerConfig &config)
{
    const auto invalid = [&text](const QString &why) {
        return QStringLiteral("\"%1\" is not a valid --metrics (%2)").arg(text, why);
    };
    QString host;
    QString portText = text;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return invalid(QStringLiteral("[IPv6]:PORT expected"));
        host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else if (const qsizetype colon = text.lastIndexOf(u':'); colon >= 0) {
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.contains(u':'))
            return invalid(QStringLiteral("write an IPv6 address in brackets: [ADDR]:PORT"));
    }
    bool portOk = false;
    const uint port = portText.toUInt(&portOk);
    if (!portOk || port > 65535)
        return invalid(QStringLiteral("PORT, :PORT or ADDR:PORT with a port of 0-65535"));
    QHostAddress address = QHostAddress::LocalHost;
    if (host.isEmpty() || host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    else if (!address.setAddress(host))
        return invalid(QStringLiteral("\"%1\" is not an IP address").arg(host));
    config.metrics = true;
    config.metricsAddress = address;
    config.metricsHost =
        address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(host) : host;
    config.metricsPort = quint16(port);
    return std::nullopt;
}

ServerConfigParse ServerConfig::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Headless socket_chat-compatible WebSocket chat server.\n"
        "Operator tools: chat-server admin --help.\n"
        "Environment: CHAT_HOST, CHAT_PORT, CHAT_DB, CHAT_NODE_ID, CHAT_LOG_LEVEL, CHAT_TLS_CERT, "
        "CHAT_TLS_KEY,\n"
        "CHAT_CONTROL_SOCKET, "
        "CHAT_ALLOWED_ORIGINS, CHAT_METRICS and the one named with each limit (the options win)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption hostOption(
        QStringLiteral("host"), QStringLiteral("Address to listen on (127.0.0.1)."), QStringLiteral("ADDR"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (9000; 0 picks a free one)."),
                                        QStringLiteral("N"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("SQLite database file (%1), or postgresql://USER:PASSWORD@HOST:PORT/DBNAME for "
                       "several nodes on one database.")
            .arg(defaultDatabasePath()),
        QStringLiteral("PATH|URL"));
    const QCommandLineOption nodeOption(
        QStringLiteral("node-id"),
        QStringLiteral("This node's name among several on one PostgreSQL database (HOSTNAME:PORT)."),
        QStringLiteral("ID"));
    const QCommandLineOption logOption(QStringLiteral("log-level"),
                                       QStringLiteral("debug, info, warning or error (info)."),
                                       QStringLiteral("LEVEL"));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"),
                                        QStringLiteral("PEM certificate (chain): serve wss:// only."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(
        QStringLiteral("tls-key"), QStringLiteral("PEM private key of --tls-cert."), QStringLiteral("FILE"));
    const QCommandLineOption originOption(
        QStringLiteral("allowed-origin"),
        QStringLiteral("A browser Origin allowed to connect (repeatable; default: any)."),
        QStringLiteral("ORIGIN"));
    const QCommandLineOption controlOption(
        QStringLiteral("control-socket"),
        QStringLiteral("SQLite: the local socket (0600) where \"chat-server admin\" reaches this server "
                       "(<database file>.control)."),
        QStringLiteral("PATH"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QStringLiteral(
            "Print whether the database answers and, on PostgreSQL, every node with its last "
            "heartbeat and users; exit 0 when healthy (with --node-id: when that node is alive)."));
    const QCommandLineOption metricsOption(
        QStringLiteral("metrics"),
        QStringLiteral("Serve Prometheus metrics at http://ADDR:PORT/metrics (PORT or :PORT: on 127.0.0.1; "
                       "port 0 picks a free one; default: off)."),
        QStringLiteral("ADDR:PORT"));
    parser.addOptions({hostOption, portOption, dbOption, nodeOption, logOption, certOption, keyOption,
                       originOption, controlOption, checkOption, metricsOption});
    ServerConfig config;
    const std::vector<NumberSetting> numbers = numberSettings(config);
    for (const NumberSetting &entry : numbers)
        parser.addOption(entry.option);

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
    QString urlError;
    if (!DatabaseUrl::parse(config.database, &urlError))
        return failure(QStringLiteral("--db: %1").arg(urlError));
    // The same id after a restart lets a node clean up after its last run at once.
    config.nodeId = setting(parser, nodeOption, "CHAT_NODE_ID",
                            QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(config.port));
    config.nodeIdGiven = parser.isSet(nodeOption) || !qEnvironmentVariableIsEmpty("CHAT_NODE_ID");
    if (config.port == 0 && !config.nodeIdGiven)
        config.nodeId = QStringLiteral("%1:%2").arg(
            QSysInfo::machineHostName(), QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
    if (config.nodeId.trimmed().isEmpty() || config.nodeId.size() > 200)
        return failure(QStringLiteral("--node-id must be 1 to 200 characters"));

    config.controlSocket = setting(parser, controlOption, "CHAT_CONTROL_SOCKET", {});
    config.check = parser.isSet(checkOption);
    config.logLevel = setting(parser, logOption, "CHAT_LOG_LEVEL", config.logLevel);
    if (!logLevels.contains(config.logLevel.toLower()))
        return failure(
            QStringLiteral("unknown log level \"%1\" (debug, info, warning, error)").arg(config.logLevel));

    if (const auto error = readNumbers(parser, numbers, config))
        return failure(*error);
    config.tlsCertificate = setting(parser, certOption, "CHAT_TLS_CERT", {});
    config.tlsKey = setting(parser, keyOption, "CHAT_TLS_KEY", {});
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return failure(QStringLiteral("--tls-cert and --tls-key go together"));
    config.allowedOrigins = originsFrom(parser, originOption);
    const QString metrics = setting(parser, metricsOption, "CHAT_METRICS", {});
    if (parser.isSet(metricsOption) || !metrics.isEmpty()) {
        if (const auto error = parseMetricsAddress(metrics, config))
            return failure(*error);
    }
    return {config, 0, {}};
}

} // namespace chat::server
