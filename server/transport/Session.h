#pragma once

#include "dispatch/Peer.h"

#include <QObject>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketProtocol>

namespace chat::server {

// One client connection: owns its QWebSocket, knows its Peer state, and answers keepalive pings.
class Session : public QObject
{
    Q_OBJECT

public:
    Session(quint64 id, QWebSocket *socket, QObject *parent = nullptr);
    ~Session() override;

    Peer &peer() { return m_peer; }
    const Peer &peer() const { return m_peer; }
    QString peerAddress() const;

    void send(const QString &text);
    void close(QWebSocketProtocol::CloseCode code, const QString &reason = {});
    // Pings the peer, or closes the connection when the previous ping went unanswered.
    void keepAlive();
    bool isClosing() const { return m_closing; }

signals:
    void textReceived(chat::server::Session *session, const QString &text);
    void binaryReceived(chat::server::Session *session, const QByteArray &data);
    void disconnected(chat::server::Session *session);

private:
    QWebSocket *m_socket;
    Peer m_peer;
    bool m_awaitingPong = false;
    bool m_closing = false;
};

} // namespace chat::server
