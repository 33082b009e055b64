#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace chat {

class ClientSettings;

// New-message feedback: a short sound (own and others' messages sound different) and, while the window is
// not active, a desktop notification. Both can be turned off in the settings.
class Notifier : public QObject
{
    Q_OBJECT
public:
    Notifier(ClientSettings *settings, QWidget *window);

    void onMessage(bool own, const QString &author, const QString &body);
    // The total of unread messages, shown in the tray icon's tooltip when there is one.
    void setUnreadTotal(qint64 total);
    QString trayToolTip() const;

private:
    void playSound(bool own);
    void notify(const QString &author, const QString &body);
    QString soundFile(bool own);

    ClientSettings *m_settings;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_unread = 0;
    QString m_player; // paplay or aplay when present: QtMultimedia is not a dependency
};

} // namespace chat
