#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

class QSoundEffect;
class QSystemTrayIcon;
class QWidget;

namespace chat {

class ClientSettings;

// New-message feedback: a short sound (own and others' messages sound different, played with QSoundEffect)
// and, while the window is not active, a desktop notification through the freedesktop Notifications service
// (org.freedesktop.Notifications over D-Bus); only where that service is missing, a QSystemTrayIcon message.
// Clicking a notification asks for its room (roomRequested). Sounds and notifications can be turned off in
// the settings, and notifications limited to messages that mention the user.
class Notifier : public QObject
{
    Q_OBJECT
public:
    Notifier(ClientSettings *settings, QWidget *window);

    struct Incoming
    {
        bool own = false;
        bool mentioned = false; // the body names the user (MessageListModel::mentions)
        QString roomUuid;
        QString roomName;
        QString author;
        QString body;
    };
    void onMessage(const Incoming &message);
    // The total of unread messages, shown in the tray icon's tooltip when there is one.
    void setUnreadTotal(qint64 total);
    QString trayToolTip() const;

    static QString serviceName(); // org.freedesktop.Notifications

    // Which way the last notification went: the Notifications service, else the tray icon's message, else
    // (no tray either) the taskbar entry asking for attention.
    enum class Route { None, Desktop, Tray, Attention };
    Route lastRoute() const { return m_lastRoute; }
    QSystemTrayIcon *trayIcon() const { return m_tray; } // made on the first tray message
    // Tests: whether there is a system tray, instead of asking QSystemTrayIcon (offscreen has none).
    void setTrayAvailableForTesting(std::optional<bool> available) { m_trayForTesting = available; }
    // What was asked of the service, for tests: the ids it returned, with their rooms.
    QHash<uint, QString> shownNotifications() const { return m_roomByNotification; }

signals:
    void roomRequested(const QString &roomUuid); // a notification was clicked
    void notificationShown(uint id); // the service accepted a notification

private slots:
    // Signals of org.freedesktop.Notifications (Desktop Notifications Specification 1.2).
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    void playSound(bool own);
    bool notifyDesktop(const Incoming &message); // false: no notification service on the session bus
    void notifyTray(const Incoming &message);

    ClientSettings *m_settings;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QSoundEffect *m_ownSound = nullptr; // made on first use: the audio backend starts then
    QSoundEffect *m_otherSound = nullptr;
    bool m_listening = false; // connected to the service's signals
    QHash<uint, QString> m_roomByNotification; // notification id -> room uuid, until closed
    QString m_trayRoom; // the room of the last tray message
    qint64 m_unread = 0;
    Route m_lastRoute = Route::None;
    std::optional<bool> m_trayForTesting;
};

} // namespace chat
