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
    // True when nothing arrives for quietMs.
    bool receivesNothing(int quietMs = 150);
    // Waits quietMs, then forgets everything queued.
    void drain(int quietMs = 100);
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
