#include "FrameEncoder.h"

#include <QtEndian>

#include <algorithm>

namespace chat::server {

namespace {
constexpr qsizetype maxShortLength = 125;
constexpr quint8 length16 = 126;
constexpr quint8 length64 = 127;
} // namespace

QByteArray FrameEncoder::header(quint8 opcode, bool final, qsizetype payloadSize)
{
    char bytes[maxHeaderSize];
    return QByteArray(bytes, writeHeader(bytes, opcode, final, payloadSize));
}

qsizetype FrameEncoder::writeHeader(char *to, quint8 opcode, bool final, qsizetype payloadSize)
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

QVector<FrameEncoder::Fragment> FrameEncoder::fragments(qsizetype messageSize)
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

QByteArray FrameEncoder::controlFrame(quint8 opcode, const QByteArray &payload)
{
    const QByteArray fitting = payload.left(maxControlPayload);
    return header(opcode, true, fitting.size()) + fitting;
}

QByteArray FrameEncoder::closePayload(quint16 code, const QByteArray &reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    qsizetype cut = std::min(reason.size(), maxCloseReasonBytes);
    // Cut between characters, never inside one: a reason that is not UTF-8 would make the peer fail the
    // connection with 1007 instead of reading the close.
    while (cut < reason.size() && cut > 0 && (uchar(reason.at(cut)) & 0xC0) == 0x80)
        --cut;
    return payload + reason.left(cut);
}

} // namespace chat::server
