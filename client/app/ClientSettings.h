#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

namespace chat {

// What the client remembers between runs, in QSettings: server, theme, language, sounds, notifications,
// the chosen user name, the window geometry and, per server, how far each room was read.
class ClientSettings
{
public:
    QUrl serverUrl() const; // the last server used, at first ws://127.0.0.1:9000
    void setServerUrl(const QUrl &url);
    int themeIndex() const;
    void setThemeIndex(int index);
    QString language() const; // empty: follow the system
    void setLanguage(const QString &code);
    bool soundsEnabled() const;
    void setSoundsEnabled(bool enabled);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    QString userName() const;
    void setUserName(const QString &name);
    // The message count of each room when last looked at (RoomListModel::seenSums), per server.
    QHash<QString, qint64> seenSums(const QUrl &server) const;
    void setSeenSums(const QUrl &server, const QHash<QString, qint64> &seen);
    bool notifyOnlyMentions() const;
    void setNotifyOnlyMentions(bool only);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
};

} // namespace chat
