#pragma once

#include <QByteArray>
#include <QVector>

namespace chat::server {

// The server's side of RFC 6455 section 5.2 for what it sends: frame headers (a server never masks), how a
// message is cut into frames, and close payloads. Bytes only: no socket, so every sender (WireConnection on
// a descriptor, TextFrameWriter on a Qt socket) writes the same frames.
class FrameEncoder
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
    static constexpr qsizetype maxHeaderSize = 10;
    // A control frame's payload (RFC 6455 5.5), and what is left of it for a close reason after the code.
    static constexpr qsizetype maxControlPayload = 125;
    static constexpr qsizetype maxCloseReasonBytes = maxControlPayload - 2;
    // Fragments are at most this big, as QWebSocket's own, so a peer with a frame size limit accepts them.
    static constexpr qsizetype maxFramePayload = 512 * 1024;

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
    // The header of an unmasked frame.
    static QByteArray header(quint8 opcode, bool final, qsizetype payloadSize);
    // The same into `to` (room for maxHeaderSize bytes); returns its size.
    static qsizetype writeHeader(char *to, quint8 opcode, bool final, qsizetype payloadSize);
    // A whole control frame (ping, pong, close); the payload must fit a control frame.
    static QByteArray controlFrame(quint8 opcode, const QByteArray &payload = {});
    // A close frame's payload: the code, then the reason (UTF-8), cut to fit a control frame.
    static QByteArray closePayload(quint16 code, const QByteArray &reason = {});
};

} // namespace chat::server
