#include "TextFrameWriter.h"

#include <QTcpSocket>
#include <QtEndian>

#include <algorithm>
#include <sys/socket.h>
#include <sys/uio.h>
#include <vector>

namespace chat::server {

namespace {
constexpr quint8 opText = 0x1;
constexpr quint8 opContinuation = 0x0;
constexpr quint8 finBit = 0x80;
constexpr qsizetype maxShortLength = 125;
constexpr quint8 length16 = 126;
constexpr quint8 length64 = 127;
constexpr qsizetype maxHeaderSize = 10;
// Two iovecs per message, well under the kernel's IOV_MAX of 1024.
constexpr qsizetype maxMessagesPerCall = 256;
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

void TextFrameWriter::write(QIODevice &device, const QByteArray &utf8)
{
    if (utf8.size() <= maxFramePayload) {
        device.write(header(opText, true, utf8.size()));
        if (utf8.size() >= minSharedPayload)
            device.write(utf8); // this overload lets the socket keep a shared copy: one block of its own
        else
            device.write(utf8.constData(), utf8.size()); // copied after the header: one block with it
        return;
    }
    for (qsizetype offset = 0; offset < utf8.size(); offset += maxFramePayload) {
        const qsizetype size = std::min(maxFramePayload, utf8.size() - offset);
        const bool final = offset + size == utf8.size();
        device.write(header(offset == 0 ? opText : opContinuation, final, size));
        device.write(utf8.constData() + offset, size);
    }
}

void TextFrameWriter::writeDirect(QTcpSocket &socket, const QByteArray &utf8)
{
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0 || socket.bytesToWrite() > 0 || utf8.size() > maxFramePayload) {
        write(socket, utf8); // behind what waits already, or fragmented: through the socket, in order
        return;
    }
    QByteArray frameHeader = header(opText, true, utf8.size());
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

void TextFrameWriter::writeDirect(QTcpSocket &socket, const QVector<QByteArray> &messages)
{
    if (messages.size() > maxMessagesPerCall) {
        for (qsizetype start = 0; start < messages.size(); start += maxMessagesPerCall)
            writeDirect(socket, messages.mid(start, maxMessagesPerCall));
        return;
    }
    const bool anyFragmented = std::any_of(messages.cbegin(), messages.cend(), [](const QByteArray &utf8) {
        return utf8.size() > maxFramePayload;
    });
    if (messages.size() == 1 || anyFragmented || socket.socketDescriptor() < 0 || socket.bytesToWrite() > 0) {
        for (const QByteArray &utf8 : messages)
            writeDirect(socket, utf8);
        return;
    }
    // All headers in one buffer, which must not move while the iovecs point into it.
    QByteArray headers;
    headers.reserve(messages.size() * maxHeaderSize);
    QVector<qsizetype> headerEnds;
    for (const QByteArray &utf8 : messages) {
        headers += header(opText, true, utf8.size());
        headerEnds.append(headers.size());
    }
    std::vector<iovec> parts;
    parts.reserve(size_t(messages.size()) * 2);
    qsizetype headerStart = 0;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        parts.push_back({headers.data() + headerStart, size_t(headerEnds.at(i) - headerStart)});
        parts.push_back({const_cast<char *>(messages.at(i).constData()), size_t(messages.at(i).size())});
        headerStart = headerEnds.at(i);
    }
    msghdr message {};
    message.msg_iov = parts.data();
    message.msg_iovlen = parts.size();
    const ssize_t sent = ::sendmsg(int(socket.socketDescriptor()), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    // What the kernel did not take goes through the socket, in order.
    size_t skip = sent > 0 ? size_t(sent) : 0;
    for (const iovec &part : parts) {
        if (skip >= part.iov_len) {
            skip -= part.iov_len;
            continue;
        }
        socket.write(static_cast<const char *>(part.iov_base) + skip, qint64(part.iov_len - skip));
        skip = 0;
    }
}

} // namespace chat::server
