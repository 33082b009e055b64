#include "Connection.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QWebSocketHandshakeOptions>

#include <algorithm>
#include <utility>

namespace chat {

namespace {
constexpr int firstRetryMs = 500;
constexpr int maxRetryMs = 30000;
constexpr int restartJitterMs = 250;
constexpr int serviceRestart = 1012;

// Qt 6.4 counts 1012 "service restart" (registered after RFC 6455, sent by ChatServer::restartSessions,
// docs/PROTOCOL.md section 1) among the invalid close codes: QWebSocket answers the close frame with 1002
// and reports closeCode() 1002 with a reason of its own, "Invalid close code 1002 detected." (the code in the
// text is already the replaced one), and the server's reason is lost. Our server sends no other code that Qt
// takes for invalid, so that reason, in English or in Qt's translation, stands for 1012. A Qt that reports
// 1012 itself is recognised by the code.
bool isServiceRestart(int code, const QString &reason)
{
    if (code == serviceRestart)
        return true;
    if (code != QWebSocketProtocol::CloseCodeProtocolError)
        return false;
    static const char source[] = "Invalid close code %1 detected.";
    for (const QString &text :
         {QString::fromLatin1(source), QCoreApplication::translate("QWebSocketDataProcessor", source)}) {
        for (const int reported : {int(QWebSocketProtocol::CloseCodeProtocolError), serviceRestart}) {
            if (reason == text.arg(reported))
                return true;
        }
    }
    return false;
}
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
    int code = clean ? int(m_socket.closeCode()) : int(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
    QString reason = clean ? m_socket.closeReason() : QString();
    const bool restart = clean && isServiceRestart(code, reason);
    if (restart) {
        code = serviceRestart;
        reason = QStringLiteral("server restarting");
    }
    if (m_state == State::Connected)
        emit closed(code, reason);
    if (!m_wanted) {
        setState(State::Disconnected);
        return;
    }
    // A server that restarts its sessions is up and wants the clients back to a fresh state: back at once,
    // without the backoff. A little jitter keeps many clients from coming back in the same millisecond.
    const int jitter = int(QRandomGenerator::global()->bounded(restartJitterMs));
    int delay = jitter;
    if (restart)
        m_attempt = 0;
    else
        delay += nextRetryDelayMs();
    ++m_attempt;
    setState(State::WaitingToReconnect);
    m_retryTimer.start(delay);
}

void Connection::onError(QAbstractSocket::SocketError)
{
    emit problem(m_socket.errorString());
}

} // namespace chat
