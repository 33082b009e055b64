// libFuzzer target: FrameDecoder alone (RFC 6455 section 5, server side), without a socket. The input's
// first byte picks how the rest is cut into pieces as a network would cut it; the rest is what a peer sends.
// Whatever comes, the decoder must not crash, must never deliver a message over its limit, must give
// nothing after a violation, and must give the same events however the bytes are cut.
#include "websocket/FrameDecoder.h"

#include <QStringDecoder>

#include <cstdio>
#include <cstdlib>
#include <vector>

using chat::server::FrameDecoder;

namespace {

constexpr qint64 maxMessageBytes = 1024; // small, so the too-big path is reached

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_framedecoder: %s\n", what);
    std::abort();
}

// Our validator (Utf8Validator) against Qt's strict decoder: a text message passed on must be UTF-8 to both.
bool isUtf8ForQt(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

// Events in a comparable form; checks each on the way.
std::vector<QByteArray> decode(const QByteArray &stream, qsizetype piece, bool dropDataAfterClose)
{
    FrameDecoder decoder(maxMessageBytes);
    std::vector<QByteArray> events;
    bool failed = false;
    for (qsizetype at = 0; at < stream.size(); at += piece) {
        decoder.append(stream.constData() + at, std::min(piece, stream.size() - at));
        while (auto event = decoder.next()) {
            if (failed)
                fail("an event after a violation");
            QByteArray described =
                QByteArray::number(int(event->kind)) + ':' + QByteArray::number(event->code);
            switch (event->kind) {
            case FrameDecoder::Kind::Text:
                if (event->payload.size() > maxMessageBytes)
                    fail("a text message over the limit");
                if (!isUtf8ForQt(event->payload))
                    fail("a text message that Qt's strict decoder refuses");
                described += event->payload;
                break;
            case FrameDecoder::Kind::Binary:
                if (event->payload.size() > maxMessageBytes)
                    fail("a binary message over the limit");
                described += event->payload;
                break;
            case FrameDecoder::Kind::Ping:
                if (event->payload.size() > 125)
                    fail("a ping payload longer than a control frame");
                described += event->payload;
                break;
            case FrameDecoder::Kind::Fail:
                if (event->code != 1002 && event->code != 1007)
                    fail("a violation with an unexpected code");
                failed = true;
                break;
            case FrameDecoder::Kind::TooBig:
                if (event->code != 1009)
                    fail("too big without 1009");
                if (dropDataAfterClose)
                    decoder.dropDataFrames(); // what the connection does when it sends its close
                break;
            case FrameDecoder::Kind::Close:
                if (dropDataAfterClose)
                    decoder.dropDataFrames();
                break;
            case FrameDecoder::Kind::Pong:
                break;
            }
            events.push_back(described);
        }
        if (decoder.bufferedBytes() > maxMessageBytes + 14 + qsizetype(stream.size()))
            fail("more held than was sent");
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int control = data[0];
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype piece = 1 + (control & 0x3F);
    const bool dropDataAfterClose = control & 0x40;
    const auto whole = decode(stream, std::max<qsizetype>(1, stream.size()), dropDataAfterClose);
    const auto cut = decode(stream, piece, dropDataAfterClose);
    if (whole != cut)
        fail("the events depend on how the bytes were cut");
    const auto byteByByte = decode(stream, 1, dropDataAfterClose);
    if (whole != byteByByte)
        fail("the events depend on how the bytes were cut (byte by byte)");
    return 0;
}
