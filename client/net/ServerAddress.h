#pragma once

#include <QString>
#include <QUrl>

namespace chat {

// The servers the settings dialog offers, and what counts as a usable server address.
class ServerAddress
{
public:
    static QUrl localServer(); // "This computer": the default of both servers
    static QUrl publicServer(); // the original's public deployment, behind TLS
    static bool isValid(const QUrl &url); // ws:// or wss:// with a host
    static QUrl fromUserText(const QString &text); // accepts "host:port" as ws://host:port
};

} // namespace chat
