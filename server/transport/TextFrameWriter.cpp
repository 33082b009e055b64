#include "TextFrameWriter.h"

#include <QIODevice>
#include <QtEndian>

namespace chat::server {

namespace {
constexpr quint8 opText = 0x1;
constexpr quint8 opContinuation = 0x0;
constexpr quint8 finBit = 0x80;
constexpr qsizetype maxShortLength = 125;
constexpr quint8 length16 = 126;
constexpr quint8 length64 = 127;
} // namespace

QByteArray TextFrameWriter::header(quint8 opcode, bool final, qsizetype payloadSize)
{
    QByteArray header;
    header.reserve(10);
    header.append(char((final ? finBit : 0) | opcode));
    if (payloadSize <= maxShortLength) {
        header.append(char(payloadSize));
    } else if (payloadSize <= 0xFFFF) {
        header.append(char(length16));
        const quint16 size = qToBigEndian(quint16(payloadSize));
        header.append(reinterpret_cast<const char *>(&size), sizeof size);
    } else {
        header.append(char(length64));
        const quint64 size = qToBigEndian(quint64(payloadSize));
        header.append(reinterpret_cast<const char *>(&size), sizeof size);
    }
    return header;
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

} // namespace chat::server
