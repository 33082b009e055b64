#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace chat {

// One WebSocket to the server that comes back by itself: after an unexpected close it retries with an
// exponential backoff until close() is called; after a server restart (1012) it comes back at once. It knows
// nothing about statements.
class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, WaitingToReconnect };
    Q_ENUM(State)

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    void open(const QUrl &url);
    void close();
    bool sendText(const QString &text);

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    void setUrlForTesting(const QUrl &url) { m_url = url; } // tests without a socket: the server "used"
    // For tests: whether the socket is gone (its disconnected() handled), and a reconnect is on its way.
    bool socketClosedForTesting() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    bool reconnectScheduledForTesting() const { return m_retryTimer.isActive(); }
    int nextRetryDelayMs() const;
    // The delay before the next attempt while WaitingToReconnect, else -1.
    int scheduledRetryMs() const { return m_retryTimer.isActive() ? m_retryTimer.interval() : -1; }
    QString negotiatedSubprotocol() const { return m_socket.subprotocol(); }

    // Offered in the handshake; the original server ignores them (docs/PROTOCOL.md section 11).
    void setSubprotocols(const QStringList &subprotocols) { m_subprotocols = subprotocols; }

signals:
    void stateChanged(chat::Connection::State state);
    void opened();
    void closed(int code, const QString &reason);
    void textReceived(const QByteArray &utf8);
    void problem(const QString &text);

private:
    void setState(State state);
    void startSocket();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);

    QWebSocket m_socket;
    QTimer m_retryTimer;
    QUrl m_url;
    QStringList m_subprotocols;
    State m_state = State::Disconnected;
    int m_attempt = 0;
    bool m_wanted = false; // false after close(): no reconnect
    bool m_closeFrame = false; // a close frame was sent or received on this socket
};

} // namespace chat
