#pragma once

#include "dispatch/CallCaps.h"
#include "transport/ConnectionLimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace chat::server {

// The server's settings from the command line, then the environment, then the defaults.
struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 9000;
    QString database; // a SQLite file path or a postgresql:// URL
    QString nodeId; // among several nodes on one PostgreSQL database
    bool nodeIdGiven = false; // by --node-id or CHAT_NODE_ID, not made up
    QString logLevel = QStringLiteral("info");
    ConnectionLimits limits;
    CallCaps caps;
    QString tlsCertificate; // PEM files; both set: wss:// only
    QString tlsKey;
    QStringList allowedOrigins; // empty: any origin
    QString controlSocket; // SQLite: the operator's control socket (default <database file>.control)
    bool check = false; // print the database's and the nodes' state and exit instead of serving
    // --metrics ADDR:PORT: Prometheus metrics over HTTP (MetricsEndpoint); off unless given.
    bool metrics = false;
    QHostAddress metricsAddress = QHostAddress::LocalHost;
    QString metricsHost = QStringLiteral("127.0.0.1");
    quint16 metricsPort = 0;

    // arguments as QCoreApplication::arguments(); environment lookups through qEnvironmentVariable.
    static struct ServerConfigParse parse(const QStringList &arguments);
    static QString defaultDatabasePath();
    // "PORT", ":PORT", "ADDR:PORT" or "[IPv6]:PORT" into the metrics fields (no address: 127.0.0.1); an
    // error message when it is none of them.
    static std::optional<QString> parseMetricsAddress(const QString &text, ServerConfig &config);
    // Applies logLevel to the logging categories; false for an unknown level.
    static bool applyLogLevel(const QString &level);
};

struct ServerConfigParse
{
    std::optional<ServerConfig>
        config; // nullopt: exit now with exitCode (after --help, --version or an error)
    int exitCode = 0;
    QString output; // what to print: help/version text (stdout) or a one-line error (stderr)
};

} // namespace chat::server
