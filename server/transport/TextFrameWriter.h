#pragma once

#include <QByteArray>
#include <QVector>

class QIODevice;
class QTcpSocket;

namespace chat::server {

// Writes a server → client WebSocket text message (RFC 6455 section 5) that is already UTF-8 straight onto
// the connection's TCP (or TLS) socket, in the frames FrameEncoder makes. QWebSocket only takes a QString for
// text, which it converts back to UTF-8 for every recipient; a broadcast encoded once can instead be written
// to hundreds of sockets, and Qt's write buffers share the payload instead of copying it.
class TextFrameWriter
{
public:
    // A QTcpSocket sends one block of its write buffer per write notification. Small frames are therefore
    // copied into the buffer, where consecutive ones share a block; only big payloads are shared (no copy)
    // as a block of their own.
    static constexpr qsizetype minSharedPayload = 64 * 1024;

    // Writes whole frames only, so frames QWebSocket itself writes (pings, pongs, close) never interleave.
    static void write(QIODevice &device, const QByteArray &utf8);
    // As write(), for a plain TCP socket with nothing waiting in its buffer: the frame goes to the kernel at
    // once (sendmsg on the descriptor, without copying); what the kernel does not take is left to the socket.
    // Through the socket, a frame is first copied into its buffer and a write notifier is enabled, then
    // disabled again once sent; with a glib event loop disabling one walks the list of all notifiers, which
    // cost more than anything else in a busy fan-out. Not for TLS: a QSslSocket must encrypt what it sends.
    static void writeDirect(QTcpSocket &socket, const QByteArray &utf8);
};

} // namespace chat::server
