#include "Notifier.h"

#include "Icons.h"
#include "app/ClientSettings.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QWidget>

namespace chat {

Notifier::Notifier(ClientSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
{
    for (const QString &candidate : {QStringLiteral("paplay"), QStringLiteral("aplay")}) {
        m_player = QStandardPaths::findExecutable(candidate);
        if (!m_player.isEmpty())
            break;
    }
}

QString Notifier::trayToolTip() const
{
    return m_unread > 0 ? tr("Chat: %n unread message(s)", nullptr, int(m_unread)) : tr("Chat");
}

void Notifier::setUnreadTotal(qint64 total)
{
    m_unread = total;
    if (m_tray)
        m_tray->setToolTip(trayToolTip());
}

void Notifier::onMessage(bool own, const QString &author, const QString &body)
{
    if (m_settings->soundsEnabled())
        playSound(own);
    if (!own && m_settings->notificationsEnabled() && !m_window->isActiveWindow())
        notify(author, body);
}

QString Notifier::soundFile(bool own)
{
    // The player needs a real file: copy the embedded sound to the cache once.
    const QString name = own ? QStringLiteral("own.wav") : QStringLiteral("other.wav");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString path = dir + QLatin1Char('/') + name;
    if (!QFile::exists(path)) {
        QDir().mkpath(dir);
        QFile::copy(QStringLiteral(":/resources/sounds/") + name, path);
    }
    return path;
}

void Notifier::playSound(bool own)
{
    if (m_player.isEmpty()) {
        if (!own)
            QApplication::beep();
        return;
    }
    const QString file = soundFile(own);
    const QStringList arguments = m_player.endsWith(QLatin1String("aplay"))
        ? QStringList {QStringLiteral("-q"), file}
        : QStringList {file};
    QProcess::startDetached(m_player, arguments);
}

void Notifier::notify(const QString &author, const QString &body)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        QApplication::alert(m_window); // the taskbar entry asks for attention instead
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(Icons::get(QStringLiteral("chat-client")), this);
        m_tray->setToolTip(trayToolTip());
        connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
            m_window->showNormal();
            m_window->activateWindow();
        });
        m_tray->show();
    }
    m_tray->showMessage(tr("New message from %1").arg(author), body.left(200));
}

} // namespace chat
