#pragma once

#include <QByteArray>
#include <QVector>

class QIODevice;
class QTcpSocket;

namespace chat::server {

// Writes a server → client WebSocket text message (RFC 6455 section 5) that is already UTF-8 straight onto
// the connection's TCP (or TLS) socket. QWebSocket only takes a QString for text, which it converts back to
// UTF-8 for every recipient; a broadcast encoded once can instead be written to hundreds of sockets, and Qt's
// write buffers share the payload instead of copying it.
class TextFrameWriter
{
public:
    // RFC 6455 5.2: the opcodes, and the bit that marks a message's last frame.
    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA
    };
    static constexpr quint8 finBit = 0x80;

    // Fragments are at most this big, as QWebSocket's own, so a peer with a frame size limit accepts them.
    static constexpr qsizetype maxFramePayload = 512 * 1024;
    // A QTcpSocket sends one block of its write buffer per write notification. Small frames are therefore
    // copied into the buffer, where consecutive ones share a block; only big payloads are shared (no copy)
    // as a block of their own.
    static constexpr qsizetype minSharedPayload = 64 * 1024;

    // One frame of a text message: its header, and which bytes of the message are its payload.
    struct Fragment
    {
        QByteArray header;
        qsizetype offset = 0;
        qsizetype size = 0;
    };
    // How a text message of `messageSize` bytes goes in frames, in order (an empty message in one). The
    // payloads stay in the message: a sender sends them from there instead of copying them out.
    static QVector<Fragment> fragments(qsizetype messageSize);
    // Writes whole frames only, so frames QWebSocket itself writes (pings, pongs, close) never interleave.
    static void write(QIODevice &device, const QByteArray &utf8);
    // As write(), for a plain TCP socket with nothing waiting in its buffer: the frame goes to the kernel at
    // once (sendmsg on the descriptor, without copying); what the kernel does not take is left to the socket.
    // Through the socket, a frame is first copied into its buffer and a write notifier is enabled, then
    // disabled again once sent; with a glib event loop disabling one walks the list of all notifiers, which
    // cost more than anything else in a busy fan-out. Not for TLS: a QSslSocket must encrypt what it sends.
    static void writeDirect(QTcpSocket &socket, const QByteArray &utf8);
    // The header of an unmasked frame (a server never masks).
    static QByteArray header(quint8 opcode, bool final, qsizetype payloadSize);
    // The same into `to` (room for 10 bytes); returns its size.
    static qsizetype writeHeader(char *to, quint8 opcode, bool final, qsizetype payloadSize);
};

} // namespace chat::server
