#include "ServerAddress.h"

namespace chat {

QUrl ServerAddress::localServer()
{
    return QUrl(QStringLiteral("ws://127.0.0.1:9000"));
}

QUrl ServerAddress::publicServer()
{
    return QUrl(QStringLiteral("wss://chat.zoloto.cx.ua/api"));
}

bool ServerAddress::isValid(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && !url.host().isEmpty()
        && (scheme == QLatin1String("ws") || scheme == QLatin1String("wss"));
}

QUrl ServerAddress::fromUserText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.contains(QLatin1String("://")))
        return QUrl(trimmed);
    return QUrl(QStringLiteral("ws://") + trimmed);
}

} // namespace chat
