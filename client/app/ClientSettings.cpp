#include "ClientSettings.h"

#include "net/ServerAddress.h"

#include <QSettings>

namespace chat {

namespace {
QVariant read(const QString &key, const QVariant &fallback)
{
    return QSettings().value(key, fallback);
}

void write(const QString &key, const QVariant &value)
{
    QSettings().setValue(key, value);
}
} // namespace

QUrl ClientSettings::serverUrl() const
{
    const QUrl url = read(QStringLiteral("server/url"), ServerAddress::localServer()).toUrl();
    return ServerAddress::isValid(url) ? url : ServerAddress::localServer();
}

void ClientSettings::setServerUrl(const QUrl &url)
{
    write(QStringLiteral("server/url"), url);
}

int ClientSettings::themeIndex() const
{
    return read(QStringLiteral("ui/theme"), 0).toInt();
}

void ClientSettings::setThemeIndex(int index)
{
    write(QStringLiteral("ui/theme"), index);
}

QString ClientSettings::language() const
{
    return read(QStringLiteral("ui/language"), QString()).toString();
}

void ClientSettings::setLanguage(const QString &code)
{
    write(QStringLiteral("ui/language"), code);
}

bool ClientSettings::soundsEnabled() const
{
    return read(QStringLiteral("notify/sounds"), true).toBool();
}

void ClientSettings::setSoundsEnabled(bool enabled)
{
    write(QStringLiteral("notify/sounds"), enabled);
}

bool ClientSettings::notificationsEnabled() const
{
    return read(QStringLiteral("notify/desktop"), true).toBool();
}

void ClientSettings::setNotificationsEnabled(bool enabled)
{
    write(QStringLiteral("notify/desktop"), enabled);
}

QString ClientSettings::userName() const
{
    return read(QStringLiteral("user/name"), QString()).toString();
}

void ClientSettings::setUserName(const QString &name)
{
    write(QStringLiteral("user/name"), name);
}

namespace {
QString seenKey(const QUrl &server)
{
    // One key per server: percent-encoded, the URL's slashes do not make QSettings groups.
    return QStringLiteral("unread/")
        + QString::fromLatin1(server.toString(QUrl::NormalizePathSegments).toUtf8().toPercentEncoding());
}
} // namespace

QHash<QString, qint64> ClientSettings::seenSums(const QUrl &server) const
{
    QHash<QString, qint64> seen;
    const QVariantMap map = read(seenKey(server), QVariantMap()).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        bool ok = false;
        const qint64 sum = it.value().toLongLong(&ok);
        if (ok && sum >= 0)
            seen.insert(it.key(), sum);
    }
    return seen;
}

void ClientSettings::setSeenSums(const QUrl &server, const QHash<QString, qint64> &seen)
{
    QVariantMap map;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        map.insert(it.key(), it.value());
    write(seenKey(server), map);
}

bool ClientSettings::notifyOnlyMentions() const
{
    return read(QStringLiteral("notify/onlyMentions"), false).toBool();
}

void ClientSettings::setNotifyOnlyMentions(bool only)
{
    write(QStringLiteral("notify/onlyMentions"), only);
}

QByteArray ClientSettings::windowGeometry() const
{
    return read(QStringLiteral("ui/geometry"), QByteArray()).toByteArray();
}

void ClientSettings::setWindowGeometry(const QByteArray &geometry)
{
    write(QStringLiteral("ui/geometry"), geometry);
}

} // namespace chat
