#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVector>

namespace chat::server {

// One WebSocket connection after its handshake, as a Session uses it, whatever carries it. Two kinds
// (ConnectionAcceptor picks one per connection):
// - WireConnection: ws:// on the TCP descriptor itself, with our FrameDecoder and write queue;
// - QtWebSocketConnection: QWebSocket, for wss:// (TLS stays with QSslSocket) and for the rare plain
//   connection that cannot leave QWebSocket (docs/ARCHITECTURE.md, "Two transports").
class Connection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Open: neither closed, nor closing, nor gone.
    virtual bool isOpen() const = 0;
    // Each a whole statement in UTF-8, sent as one text message, in order (docs/PROTOCOL.md section 1).
    virtual void sendTexts(const QByteArray *messages, qsizetype count) = 0;
    void sendTexts(const QVector<QByteArray> &messages) { sendTexts(messages.constData(), messages.size()); }
    // One statement: no list is made for it (a broadcast calls this once per recipient).
    void sendText(const QByteArray &utf8) { sendTexts(&utf8, 1); }
    // Bytes accepted by sendTexts() and not yet taken by the kernel: what the peer has not read.
    virtual qint64 bytesToWrite() const = 0;
    virtual void ping() = 0;
    // Sends a close frame; the connection ends when the peer answers it (or with abort()).
    virtual void close(quint16 code, const QString &reason) = 0;
    // Ends the TCP connection now.
    virtual void abort() = 0;

signals:
    void textMessageReceived(const QByteArray &utf8); // well-formed UTF-8
    void binaryMessageReceived(const QByteArray &data);
    void pong();
    void bytesWritten(); // some of what waited went out
    void disconnected(); // once, queued: never from inside a call of the caller
};

} // namespace chat::server
