#pragma once

#include "model/Room.h"
#include "model/User.h"
#include "protocol/CallStatement.h"
#include "protocol/ServerStatement.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVector>
#include <QWebSocket>

#include <optional>
#include <utility>

// The next statement of client, which must be named name, as `const chat::ServerStatement &variable`. When it
// does not come, or another does, the test fails there with a message (TestClient::expect says which came);
// it never dereferences an empty optional. Only in a test function (it may return from it).
#define EXPECT_STATEMENT(variable, client, name)                                                             \
    const auto variable##Expected = (client).expect(name);                                                   \
    QVERIFY2(variable##Expected.has_value(), qPrintable(QStringLiteral("expected %1").arg(name)));           \
    const chat::ServerStatement &variable = *variable##Expected

// A protocol client for tests: a real QWebSocket that queues every statement it receives, in order.
class TestClient : public QObject
{
    Q_OBJECT

public:
    explicit TestClient(QObject *parent = nullptr);
    ~TestClient() override;

    // Opens the connection and takes user_created and rooms_listed off the queue. False on failure.
    bool connectTo(const QUrl &url, int timeoutMs = 5000);
    bool openOnly(const QUrl &url, int timeoutMs = 5000); // the handshake only; the queue keeps everything
    // Subprotocols to offer in the next handshakes (none by default: a plain client).
    void offerSubprotocols(const QStringList &subprotocols) { m_subprotocols = subprotocols; }

    void call(chat::CallName name, const QJsonObject &fields = {});
    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);
    void close();
    void abort(); // drops TCP without a close frame

    // The next statement received, waiting up to timeoutMs for it.
    std::optional<chat::ServerStatement> next(int timeoutMs = 3000);
    // The next statement, if it has this name (result, error or general reply).
    std::optional<chat::ServerStatement> expect(const QString &name, int timeoutMs = 3000);
    // A sync round trip (no quiet window): sends get_drawing and waits up to timeoutMs for its answer. The
    // server sends a connection's statements in the order it produced them, and produces every broadcast of
    // a call while running that call (see TestClient.cpp): whatever any call the server ran before this one
    // made for this client is queued here before the answer. Returns the statements that came before it
    // (the answer itself is taken off the queue), or nothing (with a warning) when no answer came. Not for
    // count updates (a message posted, a user entering or leaving a room) held back for those outside the
    // room by --room-update-budget, which a timer sends later (docs/EXTENSIONS.md, "Merged count updates
    // under load").
    std::optional<QVector<chat::ServerStatement>> sync(int timeoutMs = 10000);
    // True when nothing but the answer of a sync round trip arrives: every call the server ran before it
    // (each test's action, when its caller saw its answer first) sent this client nothing. Use only while no
    // call of the test that may be answered with drawing_got, no_selected_room, internal_error or
    // rate_limited is unanswered (its answer would be taken for the sync's). The argument is ignored (it was
    // a quiet window in ms).
    bool receivesNothing(int ignored = 0);
    // Forgets everything the server sent this client before the answer of a sync round trip (so whatever
    // the calls it ran before made for this client); on a closed connection, what is queued. False (with a
    // warning, everything queued forgotten) when the round trip failed. The argument is ignored (it was a
    // quiet window in ms).
    bool drain(int ignored = 0);
    QVector<chat::ServerStatement> takeAll() { return std::exchange(m_inbox, {}); }
    int pending() const { return static_cast<int>(m_inbox.size()); }

    // Setup helpers: they first forget what is queued.
    // Creates a room (everyone is told) and returns it, taking room_created off this client's queue.
    std::optional<chat::Room> createRoom();
    // Enters a room, taking room_entered, messages_listed, drawing_got and the room_changed broadcasts.
    bool enterRoom(const QString &roomUuid);
    // After an enter_room call: takes the caller's frames of a successful enter (see enterRoom).
    bool enterRoomFramesArrive();

    bool waitForDisconnected(int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }
    const chat::User &user() const { return m_user; }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QVector<chat::ServerStatement> m_inbox;
    chat::User m_user;
    QStringList m_subprotocols;
};

// "name object" of each statement (the object in compact JSON), to compare whole sequences.
QStringList describeStatements(const QVector<chat::ServerStatement> &statements);
