// Desktop notifications through org.freedesktop.Notifications, for real over D-Bus: the test starts its own
// session bus (dbus-daemon), registers a fake notification service on it and checks what the client asks of
// it, and that clicking a notification (ActionInvoked "default") raises the window in that room.
#include "GuiFixture.h"
#include "widgets/Notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QThread>

using namespace chat;

namespace {
const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString objectPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

// Records every Notify call, as a notification server would receive it.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString appName, icon, summary, body;
        QStringList actions;
        QVariantMap hints;
    };
    QVector<Call> calls;

public slots:
    uint Notify(const QString &appName, uint, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({appName, icon, summary, body, actions, hints});
        return uint(100 + calls.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
};

// A StatusNotifier host's watcher (what KDE's and other panels' trays register): Qt's QSystemTrayIcon finds
// a tray through it on the session bus and registers its icon with it.
class FakeStatusNotifierWatcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
public:
    QStringList registered;
    bool isHostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const { return registered; }

public slots:
    void RegisterStatusNotifierItem(const QString &service) { registered.append(service); }
    void RegisterStatusNotifierHost(const QString &) { }
};

// A connection of its own to the test's private session bus that serves a fake (the notification server, the
// tray's watcher) at an object path under a well-known name. The name, the object and the connection are
// given up again when it goes out of scope.
class BusService
{
public:
    explicit BusService(const QString &connectionName)
        : m_name(connectionName)
        , m_connection(connectionName)
    { }
    BusService(const BusService &) = delete;
    BusService &operator=(const BusService &) = delete;
    ~BusService()
    {
        if (!m_service.isEmpty())
            m_connection.unregisterService(m_service);
        if (!m_path.isEmpty())
            m_connection.unregisterObject(m_path);
        QDBusConnection::disconnectFromBus(m_name);
    }

    // Connects to the bus at `address`, exports `object` at `path` and takes the name `service`; false (with
    // a warning saying which step) when any of that fails.
    bool publish(const QString &address, const QString &path, QObject *object,
                 QDBusConnection::RegisterOptions options, const QString &service)
    {
        m_connection = QDBusConnection::connectToBus(address, m_name);
        if (!m_connection.isConnected()) {
            qWarning("cannot connect to the private bus %s", qPrintable(address));
            return false;
        }
        if (!m_connection.registerObject(path, object, options)) {
            qWarning("cannot register the object %s", qPrintable(path));
            return false;
        }
        m_path = path;
        if (!m_connection.registerService(service)) {
            qWarning("cannot take the name %s", qPrintable(service));
            return false;
        }
        m_service = service;
        return true;
    }

    QDBusConnection &connection() { return m_connection; }

private:
    QString m_name;
    QDBusConnection m_connection;
    QString m_path;
    QString m_service;
};

class TestNotifications : public QObject
{
    Q_OBJECT

private:
    QProcess m_bus;
    QString m_address;

    static QByteArray messageCreated(const char *uuid, const char *body)
    {
        return QString::fromUtf8(jsonText("{'type': 'result', 'payload': {'message': 'message_created', "
                                          "'object': {'uuid': '%1', 'body': '%2', 'name': 'message-%1', "
                                          "'user': {'uuid': 'other', 'name': 'Bob', 'room_uuid': 'r1'}, "
                                          "'room_uuid': 'r1', 'created': '2024-05-01T10:00:00.5'}}}"))
            .arg(QLatin1String(uuid), QLatin1String(body))
            .toUtf8();
    }

    // Notifications on (for every message, or only for mentions of the user), in room Kitchen, and `other`
    // the active window, so that notifications are wanted; false when `other` did not become active.
    static bool inRoomWithAnotherWindowActive(GuiFixture &f, QWidget &other, bool onlyMentions)
    {
        f.settings.setNotificationsEnabled(true);
        f.settings.setNotifyOnlyMentions(onlyMentions);
        f.enterRoom();
        other.show();
        other.activateWindow();
        return QTest::qWaitForWindowActive(&other);
    }

    void emitSignal(QDBusConnection &bus, const QString &name, const QVariantList &arguments)
    {
        QDBusMessage signal = QDBusMessage::createSignal(objectPath, service, name);
        signal.setArguments(arguments);
        QVERIFY(bus.send(signal));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing (scripts/install-deps.sh installs package dbus)");
        // A private session bus: the client's QDBusConnection::sessionBus() connects to it.
        m_bus.start(
            daemon,
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY(m_bus.waitForStarted(20000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 20000);
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
        QVERIFY(QDBusConnection::sessionBus().isConnected());
    }

    void cleanupTestCase()
    {
        m_bus.terminate();
        m_bus.waitForFinished(10000);
    }

    void notifyCarriesRoomAuthorEscapedBodyAndClickEntersTheRoom()
    {
        FakeNotifications fake;
        BusService fakeBus(QStringLiteral("fake-service"));
        QVERIFY(fakeBus.publish(m_address, objectPath, &fake, QDBusConnection::ExportAllSlots, service));

        GuiFixture f;
        QWidget other;
        QVERIFY(inRoomWithAnotherWindowActive(f, other, false));

        QSignalSpy shown(f.window->notifier(), &Notifier::notificationShown);
        f.feed(messageCreated("m1", "<b>hi</b> & bye"));
        QTRY_COMPARE_WITH_TIMEOUT(fake.calls.size(), 1, 20000);
        const FakeNotifications::Call call = fake.calls.first();
        QCOMPARE(call.appName, QStringLiteral("Chat"));
        QCOMPARE(call.icon, QStringLiteral("chat-client"));
        QCOMPARE(call.summary, QStringLiteral("Bob in Kitchen"));
        QCOMPARE(call.body, QStringLiteral("&lt;b&gt;hi&lt;/b&gt; &amp; bye"));
        QVERIFY(call.actions.contains(QStringLiteral("default")));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        const uint id = shown.first().at(0).toUInt();
        QCOMPARE(id, 101u);

        // Back in the lobby, the notification is clicked: the window comes up and enters Kitchen again.
        QVERIFY(f.client.leaveRoom());
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_left'}}"));
        QTRY_VERIFY(f.client.currentRoom().isEmpty());
        f.sent.clear();
        emitSignal(fakeBus.connection(), QStringLiteral("ActionInvoked"), {id, QStringLiteral("default")});
        QTRY_VERIFY_WITH_TIMEOUT(!f.sent.isEmpty(), 20000);
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("enter_room"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("r1"));
        QTRY_VERIFY(f.window->isActiveWindow());

        // Closed notifications are forgotten: a late click on one does nothing.
        emitSignal(fakeBus.connection(), QStringLiteral("NotificationClosed"), {id, 2u});
        QTRY_VERIFY_WITH_TIMEOUT(f.window->notifier()->shownNotifications().isEmpty(), 20000);
    }

    // A real tray (xcb only: Qt finds a D-Bus tray through the platform theme, which offscreen has not): a
    // StatusNotifier watcher on the bus, no Notifications service. The message goes to the tray, whose icon
    // registers with the watcher. (Qt's D-Bus tray shows its message through the Notifications service
    // itself, so without one only the icon's "needs attention" state is left.) Run by hand under Xvfb:
    //   QT_QPA_PLATFORM=xcb DISPLAY=:42 tst_gui_notifications realTrayWithoutTheService
    // It runs before the next function, since Qt decides once per process whether there is a D-Bus tray.
    void realTrayWithoutTheService()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs the xcb platform (Qt finds a D-Bus tray through the platform theme)");
        // Qt asks the watcher with blocking calls: it answers from a thread of its own.
        QThread thread;
        FakeStatusNotifierWatcher watcher;
        watcher.moveToThread(&thread);
        thread.start();
        auto stop = qScopeGuard([&] {
            thread.quit();
            thread.wait();
        });
        BusService watcherBus(QStringLiteral("watcher")); // given up before the thread stops
        QVERIFY(watcherBus.publish(m_address, QStringLiteral("/StatusNotifierWatcher"), &watcher,
                                   QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties,
                                   QStringLiteral("org.kde.StatusNotifierWatcher")));
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(service));
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());

        GuiFixture f;
        QWidget other;
        QVERIFY(inRoomWithAnotherWindowActive(f, other, false));
        f.feed(messageCreated("m1", "to the tray"));
        QCOMPARE(f.window->notifier()->lastRoute(), Notifier::Route::Tray);
        QVERIFY(f.window->notifier()->trayIcon() && f.window->notifier()->trayIcon()->isVisible());
        const auto iconRegistered = [&] { // read in the watcher's thread
            bool any = false;
            QMetaObject::invokeMethod(
                &watcher, [&] { return !watcher.registered.isEmpty(); }, Qt::BlockingQueuedConnection, &any);
            return any;
        };
        QTRY_VERIFY_WITH_TIMEOUT(iconRegistered(), 20000);
    }

    // Where the session bus has no org.freedesktop.Notifications (nothing registers it on this private bus
    // in this function), a message goes to the tray icon when there is a tray, else the taskbar entry asks
    // for attention; neither crashes, and a click on the tray message enters the room.
    void withoutTheServiceTheTrayOrTheTaskbarIsUsed()
    {
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        QVERIFY(bus);
        QVERIFY(!bus->isServiceRegistered(service));

        GuiFixture f;
        QWidget other;
        QVERIFY(inRoomWithAnotherWindowActive(f, other, false));
        Notifier *notifier = f.window->notifier();

        // No tray either (the offscreen platform really has none): the taskbar entry asks for attention.
        notifier->setTrayAvailableForTesting(std::nullopt);
        if (!QSystemTrayIcon::isSystemTrayAvailable()) {
            f.feed(messageCreated("m1", "first"));
            QCOMPARE(notifier->lastRoute(), Notifier::Route::Attention);
            QVERIFY(!notifier->trayIcon());
        }
        notifier->setTrayAvailableForTesting(false);
        f.feed(messageCreated("m2", "second"));
        QCOMPARE(notifier->lastRoute(), Notifier::Route::Attention);
        QVERIFY(!notifier->trayIcon());

        // A tray: the icon appears with the unread total and shows the message.
        notifier->setTrayAvailableForTesting(true);
        notifier->setUnreadTotal(3);
        f.feed(messageCreated("m3", "third"));
        QCOMPARE(notifier->lastRoute(), Notifier::Route::Tray);
        QSystemTrayIcon *tray = notifier->trayIcon();
        QVERIFY(tray);
        QVERIFY(tray->isVisible());
        QCOMPARE(tray->toolTip(), notifier->trayToolTip());
        QVERIFY(tray->toolTip().contains(QLatin1Char('3')));

        // Back in the lobby, the tray message is clicked: the window comes up and enters Kitchen again.
        QVERIFY(f.client.leaveRoom());
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_left'}}"));
        QTRY_VERIFY(f.client.currentRoom().isEmpty());
        f.sent.clear();
        emit tray->messageClicked();
        QTRY_VERIFY_WITH_TIMEOUT(!f.sent.isEmpty(), 20000);
        QCOMPARE(f.lastPayload().value(QStringLiteral("message")).toString(), QStringLiteral("enter_room"));
        QCOMPARE(f.lastPayload().value(QStringLiteral("uuid")).toString(), QStringLiteral("r1"));
        notifier->setTrayAvailableForTesting(std::nullopt);
    }

    void onlyMentionsWhenAsked()
    {
        FakeNotifications fake;
        BusService fakeBus(QStringLiteral("fake-service-2"));
        QVERIFY(fakeBus.publish(m_address, objectPath, &fake, QDBusConnection::ExportAllSlots, service));

        GuiFixture f;
        QWidget other;
        QVERIFY(inRoomWithAnotherWindowActive(f, other, true));
        f.feed(messageCreated("m1", "nothing for you, user-meh"));
        f.feed(messageCreated("m2", "USER-ME: look"));
        QTRY_COMPARE_WITH_TIMEOUT(fake.calls.size(), 1, 20000);
        QCOMPARE(fake.calls.first().body, QStringLiteral("USER-ME: look"));
        f.settings.setNotifyOnlyMentions(false);
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
