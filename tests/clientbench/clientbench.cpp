// chat-client-bench: feeds the real client window with big server statements and prints load and repaint
// times.
//   chat-client-bench [--scale F]   (F = 1: 100 000 messages, 100 000 log entries, 2 000 rooms, 5 000
//   strokes)
#include "app/ClientSettings.h"
#include "drawing/BoardScene.h"
#include "drawing/BoardView.h"
#include "drawing/StrokeLayerItem.h"
#include "model/Message.h"
#include "models/EventLogModel.h"
#include "net/ProtocolClient.h"
#include "protocol/ServerStatement.h"
#include "widgets/DrawingPanel.h"
#include "widgets/EventLogPanel.h"
#include "widgets/LeftPanel.h"
#include "widgets/LobbyPage.h"
#include "widgets/MainWindow.h"
#include "widgets/MessagesPanel.h"
#include "widgets/RoomListView.h"
#include "widgets/RoomPage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QStandardPaths>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace chat;

namespace {

QByteArray result(const char *name, const QString &key, const QJsonValue &value)
{
    QJsonObject payload {{QStringLiteral("message"), QString::fromLatin1(name)}};
    if (!key.isEmpty())
        payload.insert(key, value);
    return QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("result")},
                                      {QStringLiteral("payload"), payload}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject user(int i)
{
    return {{QStringLiteral("uuid"), QStringLiteral("u%1").arg(i)},
            {QStringLiteral("name"), QStringLiteral("user %1").arg(i)},
            {QStringLiteral("room_uuid"), QStringLiteral("r0")}};
}

double elapsedMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

// The time one full repaint of the widget (and its children) takes, averaged: rendered into an image, which
// is what the backing store does without depending on the platform's exposure.
double repaintMs(QWidget *widget)
{
    constexpr int rounds = 20;
    QImage target(widget->size(), QImage::Format_ARGB32_Premultiplied);
    widget->render(&target);
    return elapsedMs([&] {
               for (int i = 0; i < rounds; ++i)
                   widget->render(&target);
           })
        / rounds;
}

// CPU time of this thread: on a shared machine it varies far less than the wall-clock time.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

void report(const char *what, int count, double loadMs, double paintMs)
{
    std::printf("%-14s %7d   load %8.1f ms   repaint %6.2f ms   %s\n", what, count, loadMs, paintMs,
                loadMs < 1000 && paintMs < 16 ? "ok" : "SLOW");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    double scale = 1.0;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--scale")); at >= 0 && at + 1 < args.size())
        scale = args.at(at + 1).toDouble();
    const int messages = int(100000 * scale), logEntries = int(100000 * scale),
              rooms = qMax(1, int(2000 * scale)), strokes = int(5000 * scale);

    ClientSettings settings;
    ProtocolClient client;
    client.setTransportForTesting([](const QString &) { return true; });
    MainWindow window(&client, &settings);
    window.resize(1280, 800);
    window.show();
    QElapsedTimer exposing; // let the window get exposed, or repaint() paints nothing
    exposing.start();
    while (exposing.elapsed() < 300)
        QCoreApplication::processEvents();
    client.handleStatement(result("user_created", QStringLiteral("object"), user(0)));

    // Rooms: one rooms_listed, as after connecting.
    QJsonArray roomList;
    for (int i = 0; i < rooms; ++i)
        roomList.append(QJsonObject {{QStringLiteral("uuid"), QStringLiteral("r%1").arg(i)},
                                     {QStringLiteral("name"), QStringLiteral("Room number %1").arg(i)},
                                     {QStringLiteral("color"), QStringLiteral("#cf2e24")},
                                     {QStringLiteral("users"), QJsonArray {user(i)}},
                                     {QStringLiteral("sum"), i}});
    const QByteArray roomsStatement = result("rooms_listed", QStringLiteral("list"), roomList);
    double load = elapsedMs([&] {
        client.handleStatement(roomsStatement);
        window.repaint();
    });
    report("rooms", rooms, load, repaintMs(&window)); // the whole window: header, log and cards

    // Log: entries arriving one by one while the log is shown and follows the bottom.
    EventLogModel *log = client.log();
    load = elapsedMs([&] {
        for (int i = 0; i < logEntries; ++i)
            log->append(EventLogModel::Origin::Received, QStringLiteral("result"),
                        QStringLiteral("room_changed"), QByteArrayLiteral("{\"type\":\"result\"}"));
        QCoreApplication::processEvents();
        window.repaint();
    });
    report("log entries", log->rowCount(), load,
           repaintMs(window.leftPanel()->logPanel()->view()->viewport()));

    // Messages: entering a room with a long history (one messages_listed).
    client.enterRoom(QStringLiteral("r0"));
    client.handleStatement(result("room_entered", {}, {}));
    QJsonArray history;
    for (int i = 0; i < messages; ++i)
        history.append(QJsonObject {
            {QStringLiteral("uuid"), QStringLiteral("m%1").arg(i)},
            {QStringLiteral("body"),
             QStringLiteral("Message %1: some text of a usual length, to be wrapped maybe").arg(i)},
            {QStringLiteral("name"), QStringLiteral("message-m%1").arg(i)},
            {QStringLiteral("user"), user(i % 7)},
            {QStringLiteral("room_uuid"), QStringLiteral("r0")},
            {QStringLiteral("created"), QStringLiteral("2024-05-01T10:00:00.123456")}});
    const QByteArray historyStatement = result("messages_listed", QStringLiteral("list"), history);
    window.roomPage()->showTab(RoomPage::Messages);
    // For comparison: the general path, which messages_listed no longer takes (MessageListReader).
    std::printf("  general path: QJsonDocument %.1f ms",
                elapsedMs([&] { (void)QJsonDocument::fromJson(historyStatement); }));
    {
        const auto parsed = chat::ServerStatement::parse(historyStatement);
        std::printf(", Message::fromJson %.1f ms\n", elapsedMs([&] {
                        QVector<chat::Message> all;
                        all.reserve(parsed->list().size());
                        for (const QJsonValue &value : parsed->list())
                            all.append(*chat::Message::fromJson(value.toObject()));
                    }));
    }
    load = elapsedMs([&] {
        const double handle = elapsedMs([&] { client.handleStatement(historyStatement); });
        std::printf("  (statement handled in %.1f ms)\n", handle);
        QCoreApplication::processEvents();
        window.repaint();
    });
    report("messages", messages, load, repaintMs(window.roomPage()->messages()->view()->viewport()));

    // Strokes: a drawing_got with many lines of 40 points each.
    QJsonArray lines;
    for (int i = 0; i < strokes; ++i) {
        QJsonArray points;
        for (int p = 0; p < 40; ++p) {
            points.append(std::fmod(i * 7.0 + p * 5, 640));
            points.append(std::fmod(i * 3.0 + 40 * std::sin(p / 5.0) + 240, 480));
        }
        lines.append(QJsonObject {
            {QStringLiteral("uuid"), QStringLiteral("l%1").arg(i)},
            {QStringLiteral("name"), QStringLiteral("line-%1").arg(i)},
            {QStringLiteral("points"), points},
            {QStringLiteral("tool"), i % 10 == 9 ? QStringLiteral("eraser") : QStringLiteral("pen")},
            {QStringLiteral("color"), QStringLiteral("#e02d25")}});
    }
    const QByteArray drawingStatement =
        result("drawing_got", QStringLiteral("object"),
               QJsonObject {{QStringLiteral("uuid"), QStringLiteral("d0")},
                            {QStringLiteral("name"), QStringLiteral("drawing-d0")},
                            {QStringLiteral("lines"), lines}});
    window.roomPage()->showTab(RoomPage::Drawing);
    QCoreApplication::processEvents();
    StrokeLayerItem *layer = window.roomPage()->drawing()->scene()->layer();
    load = elapsedMs([&] {
        client.handleStatement(drawingStatement);
        window.repaint();
    });
    double complete = load;
    // Big drawings are rasterised in slices between events: "load" is until the board is shown and usable,
    // "complete" until the last stroke is on it.
    const double cpuBefore = threadCpuMs();
    complete += elapsedMs([&] {
        while (layer->isRebuilding())
            QCoreApplication::processEvents();
        window.repaint();
    });
    const double completeCpu = threadCpuMs() - cpuBefore;
    report("strokes", strokes, load, repaintMs(window.roomPage()->drawing()->view()->viewport()));
    std::printf("%-14s %7d   complete %6.1f ms (sliced, the window stays responsive; %.0f ms of CPU after "
                "load)\n",
                "strokes", strokes, complete, completeCpu);
    return 0;
}
