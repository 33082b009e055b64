#pragma once

#include "Connection.h"
#include "websocket/FrameDecoder.h"

class QSocketNotifier;
struct iovec;

namespace chat::server {

// A WebSocket connection after its handshake, spoken directly on the TCP descriptor: the socket, the write
// queue and backpressure. What the bytes mean is FrameDecoder's business, the frames it sends FrameEncoder's.
// QWebSocket keeps a QTcpSocket whose buffers hold a 32 KiB write block and a 16 KiB read block for as long
// as the connection lives, used or not: most of an idle connection's memory (PERFORMANCE.md). Here nothing is
// buffered between reads, and only what the kernel refused waits to be written, shared with the other
// recipients of the same statement. Plain TCP only: TLS stays with QWebSocket and QSslSocket.
class WireConnection : public Connection
{
    Q_OBJECT

public:
    // Takes the descriptor (closed with the object) and the bytes that were read past the handshake.
    WireConnection(int descriptor, const QByteArray &alreadyRead, qint64 maxMessageBytes,
                   QObject *parent = nullptr);
    ~WireConnection() override;

    bool isOpen() const override { return m_descriptor >= 0 && !m_closeSent; }
    // The kernel gets all of them in one call when it can.
    using Connection::sendTexts;
    void sendTexts(const QByteArray *messages, qsizetype count) override;
    qint64 bytesToWrite() const override { return m_unsentBytes; }
    void ping() override;
    void close(quint16 code, const QString &reason) override;
    void abort() override;

private:
    void readAvailable();
    void processInput();
    void handle(const FrameDecoder::Event &event);
    void failConnection(quint16 code); // a protocol violation: close frame, then the end
    // False: not the simple case, nothing was sent.
    bool sendAtOnce(const QByteArray *messages, qsizetype count);
    void queueFrame(quint8 opcode, const QByteArray &payload);
    void writeQueued();
    void finish(); // the connection is over: descriptor closed, disconnected() emitted once

    int m_descriptor;
    FrameDecoder m_decoder;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    // Bytes the kernel did not take yet: a header, or part of a message shared with every recipient of it.
    struct Chunk
    {
        QByteArray bytes;
        qsizetype begin = 0; // what of `bytes` is still to send
        qsizetype end = 0;
    };
    void queue(const QByteArray &bytes, qsizetype begin, qsizetype end);
    // One sendmsg of the parts, again when interrupted: the bytes the kernel took (0 when its buffer is
    // full), or -1 when the peer is gone (the connection is finished then).
    qint64 sendParts(iovec *parts, int count);

    QVector<Chunk> m_unsent;
    qint64 m_unsentBytes = 0;
    bool m_closeSent = false;
    bool m_closeAfterWrite = false; // our close answered the peer's: end once it is written
    bool m_finished = false;
};

} // namespace chat::server
