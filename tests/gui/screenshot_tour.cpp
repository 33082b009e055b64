// chat-client-tour: starts a chat-server, drives the real client against it and saves a screenshot of every
// screen in the themes given; then stops the server to show the reconnecting state and starts it again to
// show the client restoring its name and room. Used for docs/screenshots (run it under Xvfb or offscreen):
//   chat-client-tour PATH/TO/chat-server OUTDIR [THEME...]
#include "app/ClientSettings.h"
#include "models/RoomListModel.h"
#include "net/ProtocolClient.h"
#include "widgets/ColorPalettePopup.h"
#include "widgets/DrawingPanel.h"
#include "widgets/HeaderWidget.h"
#include "widgets/LeftPanel.h"
#include "widgets/LobbyPage.h"
#include "widgets/MainWindow.h"
#include "widgets/RoomCardDelegate.h"
#include "widgets/RoomListView.h"
#include "widgets/RoomPage.h"
#include "widgets/SettingsDialog.h"
#include "widgets/ThemeSlider.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QMouseEvent>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>

#include <cmath>
#include <functional>

using namespace chat;

namespace {

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return condition();
}

void settle(int ms = 300)
{
    waitFor([] { return false; }, ms);
}

QString roomNamed(ProtocolClient &client, const QString &name)
{
    for (int row = 0; row < client.rooms()->rowCount(); ++row) {
        if (client.rooms()->at(row).name == name)
            return client.rooms()->at(row).uuid;
    }
    return {};
}

QJsonArray wave(double x0, double y0, double width, double amplitude, double phase)
{
    QJsonArray points;
    for (int i = 0; i <= 40; ++i) {
        const double x = x0 + width * i / 40.0;
        points.append(std::round(x * 10) / 10);
        points.append(std::round((y0 + amplitude * std::sin(phase + i / 4.0)) * 10) / 10);
    }
    return points;
}

class Tour
{
public:
    Tour(const QString &serverBinary, const QString &outDir)
        : m_binary(serverBinary)
        , m_out(outDir)
    {
        QTcpServer probe; // a free port for the server
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        m_server = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port));
    }
    ~Tour() { stopServer(); }

    int run(const QList<int> &themes);

private:
    void shot(QWidget *widget, const QString &name);
    void prepareRooms();
    void shotPalette();
    void shotAbout();
    void bobTalks();
    bool startServer();
    void stopServer();

    QString m_binary;
    quint16 m_port = 0;
    QProcess m_process;
    QUrl m_server;
    QString m_out;
    ClientSettings m_settings;
    ProtocolClient m_alice;
    ProtocolClient m_bob;
    std::unique_ptr<MainWindow> m_window;
    int m_theme = 0;
};

void Tour::shot(QWidget *widget, const QString &name)
{
    settle(250);
    const QString path = QStringLiteral("%1/%2-theme%3.png").arg(m_out, name).arg(m_theme);
    widget->grab().save(path);
    qInfo("saved %s", qPrintable(path));
}

bool Tour::startServer()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(m_binary,
                    {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                     QString::number(m_port), QStringLiteral("--db"), m_out + QStringLiteral("/tour.db")});
    return m_process.waitForStarted();
}

void Tour::stopServer()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000))
        m_process.kill();
    m_process.waitForFinished(1000);
}

void Tour::shotPalette()
{
    // The palette is a popup window: draw it onto the window's picture where it appeared.
    RoomListView *list = m_window->lobby()->roomList();
    auto *delegate = static_cast<RoomCardDelegate *>(list->itemDelegate());
    const QRect swatch =
        delegate->partRect(list->visualRect(list->model()->index(1, 0)), RoomCardDelegate::Part::Swatch);
    QMouseEvent press(QEvent::MouseButtonPress, swatch.center(),
                      list->viewport()->mapToGlobal(swatch.center()), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, swatch.center(),
                        list->viewport()->mapToGlobal(swatch.center()), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(list->viewport(), &press);
    QCoreApplication::sendEvent(list->viewport(), &release);
    settle(250);
    auto *palette = list->findChild<ColorPalettePopup *>();
    if (!palette)
        return;
    QPixmap picture = m_window->grab();
    QPainter painter(&picture);
    painter.drawPixmap(m_window->mapFromGlobal(palette->mapToGlobal(QPoint(0, 0))), palette->grab());
    painter.end();
    const QString path =
        QStringLiteral("%1/%2-theme%3.png").arg(m_out, QStringLiteral("01b-palette")).arg(m_theme);
    picture.save(path);
    qInfo("saved %s", qPrintable(path));
    palette->close();
    settle(100);
}

void Tour::shotAbout()
{
    // The About box is modal: it is grabbed and closed from a timer while its own event loop runs.
    bool saved = false;
    QTimer grabber; // ends with this function, so the lambda never outlives `saved`
    grabber.setSingleShot(true);
    QObject::connect(&grabber, &QTimer::timeout, [this, &saved] {
        auto *about = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!about)
            return;
        const QString path =
            QStringLiteral("%1/%2-theme%3.png").arg(m_out, QStringLiteral("07b-about")).arg(m_theme);
        about->grab().save(path);
        qInfo("saved %s", qPrintable(path));
        saved = true;
        about->accept();
    });
    grabber.start(400);
    for (QAction *action : m_window->actions()) {
        if (action->shortcut() == QKeySequence(Qt::Key_F1))
            action->trigger(); // F1: About
    }
    if (!saved)
        qWarning("the About box did not appear");
}

void Tour::prepareRooms()
{
    const QStringList names {QStringLiteral("Kitchen"), QStringLiteral("Garden"),
                             QStringLiteral("Board games"), QStringLiteral("Travel plans"),
                             QStringLiteral("Quiet room")};
    const QStringList colors {QStringLiteral("#cf2e24"), QStringLiteral("#5da247"), QStringLiteral("#2b347e"),
                              QStringLiteral("#e69635"), QStringLiteral("#888888")};
    for (int i = 0; i < names.size(); ++i) {
        if (!roomNamed(m_alice, names.at(i)).isEmpty())
            continue;
        const int before = m_alice.rooms()->rowCount();
        m_alice.createRoom();
        waitFor([&] { return m_alice.rooms()->rowCount() > before; });
        const QString uuid = m_alice.rooms()->at(m_alice.rooms()->rowCount() - 1).uuid;
        m_alice.renameRoom(uuid, names.at(i));
        m_alice.recolorRoom(uuid, colors.at(i));
    }
    waitFor([&] { return !roomNamed(m_alice, names.last()).isEmpty(); });
}

void Tour::bobTalks()
{
    const QString kitchen = roomNamed(m_bob, QStringLiteral("Kitchen"));
    m_bob.enterRoom(kitchen);
    waitFor([&] { return m_bob.currentRoom() == kitchen; });
    const QStringList lines {QStringLiteral("Hi! Who is cooking tonight?"),
                             QStringLiteral("I can bring a salad and some bread. The oven is free after six, "
                                            "so we could bake something too.")};
    for (const QString &line : lines)
        m_bob.sendMessage(line);
    m_bob.sendLine(QUuid::createUuid().toString(QUuid::WithoutBraces), wave(60, 120, 520, 40, 0),
                   QStringLiteral("#0167ca"), QStringLiteral("pen"));
}

int Tour::run(const QList<int> &themes)
{
    m_alice.setPreferredName(QStringLiteral("Alice"));
    m_bob.setPreferredName(QStringLiteral("Bob"));
    m_window = std::make_unique<MainWindow>(&m_alice, &m_settings);
    m_window->resize(1280, 800);
    m_window->show();
    QFile::remove(m_out + QStringLiteral("/tour.db"));
    if (!startServer())
        return 1;
    settle(500);
    m_alice.connectTo(m_server);
    m_bob.connectTo(m_server);
    if (!waitFor([&] {
            return m_alice.self().name == QLatin1String("Alice") && m_bob.self().name == QLatin1String("Bob");
        }))
        return 1;
    prepareRooms();
    waitFor([&] { return !roomNamed(m_bob, QStringLiteral("Quiet room")).isEmpty(); });
    bobTalks();
    const QString kitchen = roomNamed(m_alice, QStringLiteral("Kitchen"));
    const QString quiet = roomNamed(m_alice, QStringLiteral("Quiet room"));
    bool first = true;
    for (const int theme : themes) {
        m_theme = theme;
        m_window->header()->themeSlider()->setValue(theme);
        shot(m_window.get(), QStringLiteral("01-lobby"));
        shotPalette();
        m_alice.enterRoom(kitchen);
        waitFor([&] { return m_alice.currentRoom() == kitchen; });
        if (first) {
            m_alice.sendMessage(QStringLiteral("Me! Pasta for everyone."));
            m_alice.sendLine(QUuid::createUuid().toString(QUuid::WithoutBraces), wave(80, 300, 480, 60, 1.5),
                             QStringLiteral("#e02d25"), QStringLiteral("pen"));
            m_alice.sendLine(QUuid::createUuid().toString(QUuid::WithoutBraces), wave(300, 120, 60, 10, 0),
                             QStringLiteral("#000000"), QStringLiteral("eraser"));
            first = false;
        }
        m_window->roomPage()->showTab(RoomPage::Messages);
        shot(m_window.get(), QStringLiteral("02-messages"));
        m_window->roomPage()->showTab(RoomPage::Drawing);
        shot(m_window.get(), QStringLiteral("03-drawing"));
        m_window->roomPage()->showTab(RoomPage::Users);
        m_window->leftPanel()->showLog(true);
        shot(m_window.get(), QStringLiteral("04-users-log"));
        m_window->leftPanel()->showLog(false);
        m_alice.enterRoom(quiet);
        waitFor([&] { return m_alice.currentRoom() == quiet; });
        m_window->roomPage()->showTab(RoomPage::Messages);
        shot(m_window.get(), QStringLiteral("05-empty-room"));
        m_alice.leaveRoom();
        waitFor([&] { return m_alice.currentRoom().isEmpty(); });
        m_window->resize(820, 700);
        shot(m_window.get(), QStringLiteral("06-narrow"));
        m_window->resize(1280, 800);
    }
    SettingsDialog settings(&m_settings, m_server, m_window.get());
    settings.show();
    shot(&settings, QStringLiteral("07-settings"));
    settings.hide();
    shotAbout();
    // The server goes away while Alice is in a room: the window stays, the header says so, and it reconnects.
    m_alice.enterRoom(kitchen);
    waitFor([&] { return m_alice.currentRoom() == kitchen; });
    m_window->roomPage()->showTab(RoomPage::Drawing);
    m_bob.connection()->close();
    stopServer();
    settle(800);
    shot(m_window.get(), QStringLiteral("08-reconnecting"));
    if (!startServer())
        return 1;
    const bool restored = waitFor(
        [&] {
            return m_alice.isConnected() && m_alice.currentRoom() == kitchen
                && m_alice.self().name == QLatin1String("Alice");
        },
        20000);
    shot(m_window.get(), QStringLiteral("09-restored"));
    qInfo("restored after reconnect: %s", restored ? "yes" : "no");
    return restored ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        qWarning("usage: chat-client-tour PATH/TO/chat-server OUTDIR [THEME...]");
        return 2;
    }
    QList<int> themes;
    for (int i = 3; i < args.size(); ++i)
        themes.append(args.at(i).toInt());
    if (themes.isEmpty())
        themes = {0, 4};
    QDir().mkpath(args.at(2));
    Tour tour(args.at(1), QDir(args.at(2)).absolutePath());
    return tour.run(themes);
}
