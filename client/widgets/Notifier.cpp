#include "Notifier.h"

#include "Icons.h"
#include "app/ClientSettings.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSoundEffect>
#include <QSystemTrayIcon>
#include <QUrl>
#include <QWidget>

namespace chat {

namespace {
const QString notificationsPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

Notifier::Notifier(ClientSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
{ }

QString Notifier::serviceName()
{
    return QStringLiteral("org.freedesktop.Notifications");
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

void Notifier::onMessage(const Incoming &message)
{
    if (m_settings->soundsEnabled())
        playSound(message.own);
    if (message.own || !m_settings->notificationsEnabled() || m_window->isActiveWindow())
        return;
    if (m_settings->notifyOnlyMentions() && !message.mentioned)
        return;
    if (notifyDesktop(message))
        m_lastRoute = Route::Desktop;
    else
        notifyTray(message);
}

void Notifier::playSound(bool own)
{
    QSoundEffect *&effect = own ? m_ownSound : m_otherSound;
    if (!effect) {
        effect = new QSoundEffect(this);
        effect->setSource(QUrl(own ? QStringLiteral("qrc:/resources/sounds/own.wav")
                                   : QStringLiteral("qrc:/resources/sounds/other.wav")));
        effect->setVolume(0.6f);
    }
    effect->play(); // not loaded yet: QSoundEffect plays it once it is
}

bool Notifier::notifyDesktop(const Incoming &message)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(serviceName()))
        return false;
    if (!m_listening) {
        // Any sender: the service's unique name changes when it restarts.
        bus.connect(QString(), notificationsPath, serviceName(), QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(QString(), notificationsPath, serviceName(), QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
        m_listening = true;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(serviceName(), notificationsPath, serviceName(),
                                                       QStringLiteral("Notify"));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout). The body may be
    // read as markup by the service: escaped, a message shows as typed.
    const QString summary =
        message.roomName.isEmpty() ? message.author : tr("%1 in %2").arg(message.author, message.roomName);
    call << QStringLiteral("Chat") << uint(0) << QStringLiteral("chat-client") << summary
         << message.body.left(400).toHtmlEscaped()
         << QStringList {QStringLiteral("default"), tr("Open the room")}
         << QVariantMap {{QStringLiteral("desktop-entry"), QStringLiteral("chat-client")},
                         {QStringLiteral("category"), QStringLiteral("im.received")}}
         << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    const QString room = message.roomUuid;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, room](QDBusPendingCallWatcher *done) {
        done->deleteLater();
        const QDBusPendingReply<uint> reply = *done;
        if (reply.isError())
            return;
        m_roomByNotification.insert(reply.value(), room);
        emit notificationShown(reply.value());
    });
    return true;
}

void Notifier::onActionInvoked(uint id, const QString &action)
{
    const auto room = m_roomByNotification.constFind(id);
    if (room == m_roomByNotification.cend() || action != QLatin1String("default"))
        return;
    emit roomRequested(*room);
}

void Notifier::onNotificationClosed(uint id, uint)
{
    m_roomByNotification.remove(id);
}

void Notifier::notifyTray(const Incoming &message)
{
    if (!m_trayForTesting.value_or(QSystemTrayIcon::isSystemTrayAvailable())) {
        m_lastRoute = Route::Attention;
        QApplication::alert(m_window); // the taskbar entry asks for attention instead
        return;
    }
    m_lastRoute = Route::Tray;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(Icons::get(QStringLiteral("chat-client")), this);
        m_tray->setToolTip(trayToolTip());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_trayRoom.isEmpty())
                emit roomRequested(m_trayRoom);
        });
        m_tray->show();
    }
    m_trayRoom = message.roomUuid;
    m_tray->showMessage(tr("New message from %1").arg(message.author), message.body.left(200));
}

} // namespace chat
