#include "TextFrameWriter.h"

#include <QTcpSocket>
#include <QtEndian>

#include <algorithm>
#include <sys/socket.h>
#include <sys/uio.h>
#include <vector>

namespace chat::server {

namespace {
constexpr qsizetype maxShortLength = 125;
constexpr quint8 length16 = 126;
constexpr quint8 length64 = 127;
constexpr qsizetype maxHeaderSize = 10;
} // namespace

QByteArray TextFrameWriter::header(quint8 opcode, bool final, qsizetype payloadSize)
{
    char bytes[maxHeaderSize];
    return QByteArray(bytes, writeHeader(bytes, opcode, final, payloadSize));
}

qsizetype TextFrameWriter::writeHeader(char *to, quint8 opcode, bool final, qsizetype payloadSize)
{
    to[0] = char((final ? finBit : 0) | opcode);
    if (payloadSize <= maxShortLength) {
        to[1] = char(payloadSize);
        return 2;
    }
    if (payloadSize <= 0xFFFF) {
        to[1] = char(length16);
        qToBigEndian(quint16(payloadSize), to + 2);
        return 4;
    }
    to[1] = char(length64);
    qToBigEndian(quint64(payloadSize), to + 2);
    return 10;
}

QVector<TextFrameWriter::Fragment> TextFrameWriter::fragments(qsizetype messageSize)
{
    QVector<Fragment> parts;
    qsizetype offset = 0;
    do { // a message over the fragment size goes in several frames, an empty one in one
        const qsizetype size = std::min(maxFramePayload, messageSize - offset);
        const bool final = offset + size == messageSize;
        parts.append({header(offset == 0 ? Text : Continuation, final, size), offset, size});
        offset += size;
    } while (offset < messageSize);
    return parts;
}

void TextFrameWriter::write(QIODevice &device, const QByteArray &utf8)
{
    for (const Fragment &fragment : fragments(utf8.size())) {
        device.write(fragment.header.constData(), fragment.header.size());
        if (fragment.size == utf8.size() && fragment.size >= minSharedPayload)
            device.write(utf8); // this overload lets the socket keep a shared copy: one block of its own
        else // copied after what precedes it: one block with it
            device.write(utf8.constData() + fragment.offset, fragment.size);
    }
}

void TextFrameWriter::writeDirect(QTcpSocket &socket, const QByteArray &utf8)
{
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0 || socket.bytesToWrite() > 0 || utf8.size() > maxFramePayload) {
        write(socket, utf8); // behind what waits already, or fragmented: through the socket, in order
        return;
    }
    QByteArray frameHeader = header(Text, true, utf8.size());
    iovec parts[2] = {{frameHeader.data(), size_t(frameHeader.size())},
                      {const_cast<char *>(utf8.constData()), size_t(utf8.size())}};
    msghdr message {};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    // Non-blocking (Qt made it so); MSG_NOSIGNAL: a peer that went away must not raise SIGPIPE.
    const ssize_t sent = ::sendmsg(int(descriptor), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    const qsizetype total = frameHeader.size() + utf8.size();
    if (sent == total)
        return;
    // Full kernel buffer or an error: the socket sends the rest when it can, or finds the error itself.
    const qsizetype done = sent > 0 ? qsizetype(sent) : 0;
    if (done < frameHeader.size()) {
        socket.write(frameHeader.constData() + done, frameHeader.size() - done);
        socket.write(utf8.constData(), utf8.size());
    } else {
        socket.write(utf8.constData() + (done - frameHeader.size()), total - done);
    }
}

} // namespace chat::server
