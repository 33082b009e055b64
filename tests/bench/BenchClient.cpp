#include "BenchClient.h"

#include "Clock.h"
#include "FrameSniffer.h"
#include "protocol/CallStatement.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QWebSocketHandshakeOptions>

#include <optional>

namespace chat::bench {

BenchClient::BenchClient(int id, const Config &config, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_config(config)
{
    connect(&m_socket, &QWebSocket::connected, this, &BenchClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &BenchClient::onDisconnected);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &BenchClient::onSocketError);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BenchClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &data) { onText(QString::fromUtf8(data)); });
}

BenchClient::~BenchClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void BenchClient::open()
{
    if (m_opened)
        return;
    m_opened = true;
    m_openedNs = Clock::nowNs();
    QWebSocketHandshakeOptions options;
    if (!m_config.subprotocol.isEmpty())
        options.setSubprotocols({m_config.subprotocol});
    m_socket.open(QNetworkRequest(m_config.url), options);
}

void BenchClient::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_waiters.clear();
    if (!m_opened || m_disconnected) {
        m_disconnected = true;
        return;
    }
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.close();
    else
        m_socket.abort();
}

bool BenchClient::isDisconnected() const
{
    return !m_opened || m_disconnected || m_socket.state() == QAbstractSocket::UnconnectedState;
}

void BenchClient::send(CallName name, const QJsonObject &fields)
{
    if (!m_connected || m_closing || m_failed)
        return;
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(makeCall(name, fields)).toJson(QJsonDocument::Compact)));
}

void BenchClient::expect(ResultName name, Waiter waiter)
{
    m_waiters[name].push_back(std::move(waiter));
}

void BenchClient::onConnected()
{
    m_connected = true;
    m_connectedNs = Clock::nowNs();
}

void BenchClient::onDisconnected()
{
    m_connected = false;
    if (m_disconnected)
        return;
    m_disconnected = true;
    if (!m_closing) {
        const auto code = int(m_socket.closeCode());
        const QString reason = m_socket.closeReason();
        if (m_connectedNs == 0)
            fail(QStringLiteral("could not connect: %1").arg(m_socket.errorString()));
        else if (m_ready)
            fail(QStringLiteral("connection closed by the server (code %1%2)")
                     .arg(code)
                     .arg(reason.isEmpty() ? QString() : QStringLiteral(", ") + reason));
        else
            fail(QStringLiteral("connection closed before user_created and rooms_listed (code %1%2)")
                     .arg(code)
                     .arg(reason.isEmpty() ? QString() : QStringLiteral(", ") + reason));
    }
    emit disconnected(this);
}

void BenchClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_closing)
        return;
    // A remote close after ready shows up as RemoteHostClosedError and then disconnected(): report it there.
    if (m_ready && error == QAbstractSocket::RemoteHostClosedError)
        return;
    fail(QStringLiteral("socket error %1: %2").arg(int(error)).arg(m_socket.errorString()));
    if (m_socket.state() == QAbstractSocket::UnconnectedState && !m_disconnected) {
        m_disconnected = true;
        emit disconnected(this);
    }
}

void BenchClient::fail(const QString &reason)
{
    if (m_failed || m_closing)
        return;
    m_failed = true;
    m_failure = reason;
    m_waiters.clear();
    emit failed(this, reason);
}

void BenchClient::onText(const QString &text)
{
    const qint64 now = Clock::nowNs();
    ++m_frames;
    m_chars += quint64(text.size());
    m_lastChars = text.size();
    if (m_closing)
        return;

    std::optional<ServerStatement> parsed;
    const auto parseOnce = [&]() -> const std::optional<ServerStatement> & {
        if (!parsed)
            parsed = ServerStatement::parse(text.toUtf8());
        return parsed;
    };

    std::optional<ResultName> result;
    QString otherName;
    const QStringView sniffed = FrameSniffer::messageName(text);
    if (!sniffed.isEmpty()) {
        result = resultNameFrom(sniffed);
        if (!result)
            otherName = sniffed.toString();
    } else if (const auto &statement = parseOnce()) {
        if (statement->type() == StatementType::Result)
            result = statement->resultName();
        if (!result)
            otherName = statement->name();
    } else {
        fail(QStringLiteral("the server sent something that is not a statement: %1").arg(text.left(120)));
        return;
    }

    if (!result) {
        if (errorNameFrom(otherName) || generalReplyFrom(otherName))
            emit errorReceived(this, otherName);
        return; // an unknown result name (an extension): ignorable
    }

    bool becameReady = false;
    if (*result == ResultName::UserCreated && m_userCreatedNs == 0) {
        m_userCreatedNs = now;
        if (const auto &statement = parseOnce()) {
            if (const auto user = User::fromJson(statement->object()))
                m_user = *user;
        }
    } else if (*result == ResultName::RoomsListed && !m_ready) {
        if (m_userCreatedNs == 0) {
            fail(QStringLiteral("rooms_listed arrived before user_created"));
            return;
        }
        m_ready = true;
        m_readyNs = now;
        becameReady = true;
    }

    const auto waiting = m_waiters.find(*result);
    if (waiting != m_waiters.end() && !waiting->second.empty()) {
        Waiter waiter = std::move(waiting->second.front());
        waiting->second.pop_front();
        if (const auto &statement = parseOnce())
            waiter(*statement, now);
    }
    emit frameReceived(this, *result, text, now);
    if (becameReady)
        emit ready(this);
}

} // namespace chat::bench
