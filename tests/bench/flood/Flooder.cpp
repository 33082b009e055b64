#include "Flooder.h"

#include "protocol/CallStatement.h"
#include "protocol/MessageNames.h"

#include <QJsonDocument>
#include <QTimer>

namespace {
// Keep this much queued in our own socket: enough to saturate the connection, not a memory hog here.
constexpr qint64 queuedBytes = 64 * 1024;
} // namespace

Flooder::Flooder(QUrl url, double durationS, bool reconnect, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_durationMs(qint64(durationS * 1000))
    , m_reconnect(reconnect)
{ }

void Flooder::start()
{
    m_clock.start();
    QTimer::singleShot(m_durationMs, this, [this] {
        m_reconnect = false;
        if (m_socket)
            m_socket->abort();
        emit finished();
    });
    open();
}

void Flooder::open()
{
    if (m_socket)
        m_socket->deleteLater();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        ++m_connections;
        pump();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Flooder::onText);
    connect(m_socket, &QWebSocket::bytesWritten, this, &Flooder::pump);
    connect(m_socket, &QWebSocket::disconnected, this, &Flooder::onDisconnected);
    m_socket->open(m_url);
}

void Flooder::pump()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    static const QString call = QString::fromUtf8(
        QJsonDocument(chat::makeCall(chat::CallName::ListRooms)).toJson(QJsonDocument::Compact));
    while (m_socket->bytesToWrite() < queuedBytes) {
        m_socket->sendTextMessage(call);
        ++m_sent;
    }
}

void Flooder::onText(const QString &text)
{
    if (text.contains(chat::nameOf(chat::ErrorName::RateLimited)))
        ++m_rateLimited;
    else if (text.contains(chat::nameOf(chat::ResultName::RoomsListed)))
        ++m_answered;
}

void Flooder::onDisconnected()
{
    if (m_socket->closeCode() == QWebSocketProtocol::CloseCodePolicyViolated)
        ++m_closed1008;
    if (m_reconnect && m_clock.elapsed() < m_durationMs)
        QTimer::singleShot(100, this, &Flooder::open);
}

QString Flooder::summary() const
{
    return QStringLiteral(
               "{\"flooder_sent\": %1, \"answered\": %2, \"rate_limited\": %3, \"connections\": %4, "
               "\"closed_1008\": %5, \"seconds\": %6}")
        .arg(m_sent)
        .arg(m_answered)
        .arg(m_rateLimited)
        .arg(m_connections)
        .arg(m_closed1008)
        .arg(double(m_clock.elapsed()) / 1000.0);
}
