#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace chat {

// A link to one room on one server: socketchat://room/<uuid>?server=<ws or wss URL>. The .desktop file
// registers the scheme, so opening such a link starts chat-client in that room. Web links of the original
// (https://host/room/<uuid>) are understood too: their server is wss://host/api.
struct RoomLink
{
    QUrl server;
    QString room;

    static QString scheme() { return QStringLiteral("socketchat"); }
    QUrl toUrl() const;
    static std::optional<RoomLink> parse(const QString &text);
    // Whether two server addresses name the same server: scheme and host in any case, the default port
    // written or not (ws 80, wss 443), an empty path or "/".
    static bool sameServer(const QUrl &a, const QUrl &b);
};

} // namespace chat
