#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace chat {

// What the client remembers between runs, in QSettings: server, theme, language, sounds, notifications,
// the chosen user name and the window geometry.
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
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
};

} // namespace chat
