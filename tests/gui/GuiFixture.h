#pragma once

#include "TestJson.h"
#include "app/ClientSettings.h"
#include "net/ProtocolClient.h"
#include "widgets/MainWindow.h"

#include <QEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

// Asks the widget to repaint and waits (in the event loop, up to timeoutMs) for the paint event that comes of
// it: no window of time. Qt lays out what is pending (posted layout requests; an item view runs its delayed
// item layout at the start of its paintEvent) before it paints, so what follows sees the widget as it is on
// the screen. False (with a warning) when no paint came, e.g. because the widget is hidden.
inline bool waitForPaint(QWidget *widget, int timeoutMs = 10000)
{
    struct PaintFilter : QObject
    {
        bool painted = false;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                painted = true;
            return false;
        }
    } filter;
    widget->installEventFilter(&filter);
    widget->update();
    const bool painted = QTest::qWaitFor([&] { return filter.painted; }, timeoutMs);
    widget->removeEventFilter(&filter);
    if (!painted)
        qWarning("waitForPaint: %s was not painted within %d ms", widget->metaObject()->className(),
                 timeoutMs);
    return painted;
}

// A mouse event of the left button at `pos` of `target`, delivered at once (a drag on the board: press, moves
// with the button held, release with `buttons` none).
inline void sendMouse(QWidget *target, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, target->mapToGlobal(pos), Qt::LeftButton, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &event);
}

// A main window over a ProtocolClient whose socket is replaced: the test feeds server statements and reads
// what the client sent.
struct GuiFixture
{
    GuiFixture()
    {
        QStandardPaths::setTestModeEnabled(true);
        client.setTransportForTesting([this](const QString &text) {
            sent.append(QJsonDocument::fromJson(text.toUtf8()).object());
            return true;
        });
        window = std::make_unique<chat::MainWindow>(&client, &settings);
        window->resize(1280, 800);
        window->show();
        // Widgets of a window that is not exposed are not laid out or painted as the tests assume: that fails
        // the test (QTest::qFail records the failure; a constructor cannot return from the test function).
        if (!QTest::qWaitForWindowExposed(window.get(), 20000))
            QTest::qFail("the main window was not exposed within 20 s", __FILE__, __LINE__);
        feed(jsonText("{'type': 'result', 'payload': {'message': 'user_created', 'object': {'uuid': 'me', "
                      "'name': 'user-me', 'room_uuid': null}}}"));
    }

    void feed(const QByteArray &json) { client.handleStatement(json); }

    void feedRooms()
    {
        feed(jsonText("{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': [ {'uuid': 'r1', "
                      "'name': 'Kitchen', 'color': '#cf2e24', 'users': [], 'sum': 3}, {'uuid': 'r2', 'name': "
                      "'Garden', 'color': '#5da247', 'users': [], 'sum': 0}, {'uuid': 'r3', 'name': 'kitchen "
                      "two', 'color': '#2b347e', 'users': [], 'sum': 1}]}}"));
    }

    void enterRoom()
    {
        feedRooms();
        client.enterRoom(QStringLiteral("r1"));
        feed(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}"));
        feed(jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': []}}"));
        feed(jsonText("{'type': 'result', 'payload': {'message': 'drawing_got', 'object': {'uuid': 'd1', "
                      "'name': 'drawing-d1', 'lines': []}}}"));
        feed(jsonText("{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': 'r1', "
                      "'name': 'Kitchen', 'color': '#cf2e24', 'users': [{'uuid': 'me', 'name': 'user-me', "
                      "'room_uuid': 'r1'}], 'sum': 3}}}"));
        sent.clear();
    }

    QJsonObject lastPayload() const
    {
        return sent.isEmpty() ? QJsonObject() : sent.last().value(QStringLiteral("payload")).toObject();
    }

    chat::ClientSettings settings;
    chat::ProtocolClient client;
    std::unique_ptr<chat::MainWindow> window;
    QVector<QJsonObject> sent;
};
