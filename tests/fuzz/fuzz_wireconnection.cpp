// libFuzzer target: WireConnection reading what a peer sends after the handshake. The input's first byte
// says where the bytes are split between "read with the handshake" and "arriving on the socket", and
// whether the peer then ends the stream; the rest is the stream itself. Whatever comes, the connection must
// not crash, must stay within its message limit, and everything it writes back must be well-formed
// server frames (unmasked, known opcodes, control frames short and final).
#include "transport/WireConnection.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

using namespace chat::server;

namespace {

constexpr qint64 maxMessageBytes = 1024; // small, so the too-big path is reached
constexpr int maxTurns = 16;

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_wireconnection: %s\n", what);
    std::abort();
}

// What the server wrote: a sequence of whole or cut-off frames, each well-formed.
void checkServerFrames(const QByteArray &written)
{
    const auto *bytes = reinterpret_cast<const uchar *>(written.constData());
    qsizetype at = 0;
    while (written.size() - at >= 2) {
        const quint8 opcode = bytes[at] & 0x0F;
        const bool final = bytes[at] & 0x80;
        if (bytes[at] & 0x70)
            fail("reserved bits set");
        if (bytes[at + 1] & 0x80)
            fail("a server frame was masked");
        if (opcode != 0x0 && opcode != 0x1 && opcode != 0x2 && opcode != 0x8 && opcode != 0x9
            && opcode != 0xA)
            fail("unknown opcode");
        quint64 length = bytes[at + 1] & 0x7F;
        qsizetype header = 2;
        if (length == 126 && written.size() - at >= 4) {
            length = (quint64(bytes[at + 2]) << 8) | bytes[at + 3];
            header = 4;
        } else if (length == 127 && written.size() - at >= 10) {
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | bytes[at + 2 + i];
            header = 10;
        } else if (length >= 126) {
            return; // cut off in the header: the rest was not written yet
        }
        if ((opcode & 0x8) && (!final || length > 125))
            fail("a long or fragmented control frame");
        if (opcode == 0x8 && length == 1)
            fail("a close frame with half a code");
        if (length > quint64(written.size() - at - header))
            return; // cut off in the payload
        at += header + qsizetype(length);
    }
}

QByteArray drain(int descriptor)
{
    QByteArray all;
    char chunk[65536];
    for (;;) {
        const ssize_t got = ::read(descriptor, chunk, sizeof chunk);
        if (got > 0) {
            all.append(chunk, got);
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        return all;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication application(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int control = data[0];
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = std::min<qsizetype>(stream.size(), (control & 0x7F) * 8);
    const bool peerEnds = control & 0x80;

    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair) != 0)
        fail("socketpair");
    auto *connection = new WireConnection(pair[0], stream.left(split), maxMessageBytes);
    bool disconnected = false;
    QObject::connect(connection, &WireConnection::textMessageReceived, connection,
                     [&](const QByteArray &utf8) {
                         if (utf8.size() > maxMessageBytes)
                             fail("a text message over the limit was delivered");
                         connection->sendTexts({utf8}); // an echo exercises the write path
                     });
    QObject::connect(connection, &WireConnection::binaryMessageReceived, connection,
                     [&](const QByteArray &bytes) {
                         if (bytes.size() > maxMessageBytes)
                             fail("a binary message over the limit was delivered");
                         connection->ping();
                     });
    QObject::connect(connection, &WireConnection::disconnected, connection, [&]() { disconnected = true; });

    const QByteArray rest = stream.mid(split);
    if (!rest.isEmpty() && ::write(pair[1], rest.constData(), size_t(rest.size())) != rest.size())
        fail("the socket pair did not take the input"); // at most 4096 bytes (-max_len)
    if (peerEnds)
        ::shutdown(pair[1], SHUT_WR);
    QByteArray written;
    for (int turn = 0; turn < maxTurns && !disconnected; ++turn) {
        QCoreApplication::processEvents();
        written += drain(pair[1]);
    }
    written += drain(pair[1]);
    checkServerFrames(written);
    delete connection;
    ::close(pair[1]);
    return 0;
}
