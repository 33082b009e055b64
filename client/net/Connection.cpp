#include "Connection.h"

#include <QRandomGenerator>
#include <QWebSocketHandshakeOptions>

#include <algorithm>
#include <utility>

namespace chat {

namespace {
constexpr int firstRetryMs = 500;
constexpr int maxRetryMs = 30000;
} // namespace

Connection::Connection(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Connection::startSocket);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        setState(State::Connected);
        emit opened();
    });
    // QWebSocket says aboutToClose when it sends a close frame: its own, or the answer to the peer's. A
    // connection that ends without one (a crashed server, a cut cable) never says it.
    connect(&m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeFrame = true; });
    connect(&m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            &Connection::onError);
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Certificates are checked as Qt does by default; a bad one is reported, never ignored.
        for (const QSslError &error : errors)
            emit problem(error.errorString());
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { emit textReceived(text.toUtf8()); });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) { emit textReceived(data); });
}

Connection::~Connection()
{
    // The socket is destroyed after the retry timer and says "disconnected" while it goes: that must not
    // reach this half-destroyed object.
    m_socket.disconnect(this);
}

void Connection::open(const QUrl &url)
{
    m_url = url;
    m_wanted = true;
    m_attempt = 0;
    m_retryTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        // Leaving on purpose is not a lost connection: no closed() for it. onDisconnected starts the new
        // socket.
        setState(State::Connecting);
        m_socket.abort();
        return;
    }
    startSocket();
}

void Connection::close()
{
    m_wanted = false;
    m_retryTimer.stop();
    m_socket.close();
    setState(State::Disconnected);
}

bool Connection::sendText(const QString &text)
{
    if (m_state != State::Connected)
        return false;
    return m_socket.sendTextMessage(text) >= 0;
}

int Connection::nextRetryDelayMs() const
{
    const int exponent = std::min(m_attempt, 6);
    return std::min(maxRetryMs, firstRetryMs << exponent);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Connection::startSocket()
{
    if (!m_wanted)
        return;
    setState(State::Connecting);
    m_closeFrame = false;
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(m_subprotocols);
    m_socket.open(m_url, options);
}

void Connection::onDisconnected()
{
    // Without a close frame QWebSocket still reports 1000 (normal); RFC 6455 section 7.1.5 calls that an
    // abnormal closure, 1006, which is what the log and the notice must say.
    const bool clean = std::exchange(m_closeFrame, false);
    const int code =
        clean ? int(m_socket.closeCode()) : int(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
    const QString reason = clean ? m_socket.closeReason() : QString();
    if (m_state == State::Connected)
        emit closed(code, reason);
    if (!m_wanted) {
        setState(State::Disconnected);
        return;
    }
    // A little jitter keeps many clients from coming back in the same millisecond after a server restart.
    const int delay = nextRetryDelayMs() + int(QRandomGenerator::global()->bounded(250));
    ++m_attempt;
    setState(State::WaitingToReconnect);
    m_retryTimer.start(delay);
}

void Connection::onError(QAbstractSocket::SocketError)
{
    emit problem(m_socket.errorString());
}

} // namespace chat
