#include "RoomLink.h"

#include "ServerAddress.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace chat {

namespace {
bool looksLikeUuid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-fA-F-]{8,64}$"));
    return pattern.match(text).hasMatch();
}
QUrl normalized(const QUrl &server)
{
    QUrl url = server.adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash);
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    const int defaultPort = url.scheme() == QLatin1String("wss") ? 443 : 80;
    if (url.port() == defaultPort)
        url.setPort(-1);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url;
}
} // namespace

bool RoomLink::sameServer(const QUrl &a, const QUrl &b)
{
    return normalized(a) == normalized(b);
}

QUrl RoomLink::toUrl() const
{
    QUrl url;
    url.setScheme(scheme());
    url.setHost(QStringLiteral("room"));
    url.setPath(QLatin1Char('/') + room);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("server"),
                       QString::fromUtf8(QUrl::toPercentEncoding(server.toString())));
    url.setQuery(query);
    return url;
}

std::optional<RoomLink> RoomLink::parse(const QString &text)
{
    const QUrl url(text.trimmed());
    const QString room = url.path().section(QLatin1Char('/'), -1);
    if (!url.isValid() || !looksLikeUuid(room))
        return std::nullopt;
    if (url.scheme() == scheme() && url.host() == QLatin1String("room")) {
        const QString server = QUrlQuery(url).queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded);
        RoomLink link {QUrl(QUrl::fromPercentEncoding(server.toUtf8())), room};
        if (!ServerAddress::isValid(link.server))
            return std::nullopt;
        return link;
    }
    const bool web = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
    if (web && url.path().startsWith(QLatin1String("/room/"))) {
        QUrl server;
        server.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                : QStringLiteral("ws"));
        server.setHost(url.host());
        server.setPort(url.port());
        server.setPath(QStringLiteral("/api"));
        return RoomLink {server, room};
    }
    return std::nullopt;
}

} // namespace chat
