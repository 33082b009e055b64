#include "FrameDecoder.h"

#include "FrameEncoder.h"
#include "protocol/Utf8Validator.h"

#include <QtEndian>

#include <algorithm>
#include <utility>

namespace chat::server {

namespace {
using Frame = FrameEncoder; // the opcodes and the final bit
constexpr quint8 reservedBits = 0x70;
constexpr quint8 maskBit = 0x80;
constexpr quint16 closeProtocolError = 1002;
constexpr quint16 closeWrongDatatype = 1007;
constexpr quint16 closeTooMuchData = 1009;

} // namespace

FrameDecoder::FrameDecoder(qint64 maxMessageBytes)
    : m_maxMessageBytes(maxMessageBytes)
{ }

void FrameDecoder::append(const char *data, qsizetype size)
{
    if (!m_failed)
        m_input.append(data, size);
}

std::optional<FrameDecoder::Event> FrameDecoder::next()
{
    while (!m_failed) {
        if (m_skipBytes > 0) { // the rest of a frame that is dropped: counted off, never held
            const qsizetype skipped = qsizetype(std::min<quint64>(m_skipBytes, quint64(bufferedBytes())));
            m_consumed += skipped;
            m_skipBytes -= quint64(skipped);
            if (m_skipBytes > 0)
                break;
        }
        bool needMore = false;
        auto event = takeFrame(&needMore);
        if (event)
            return event;
        if (needMore)
            break;
    }
    compact();
    return std::nullopt;
}

// Consumed frames are removed once the caller has taken every event, not one by one: a peer that sends many
// small frames at once would otherwise make every frame move all that follows it.
void FrameDecoder::compact()
{
    if (m_failed || m_consumed >= m_input.size()) {
        m_input = QByteArray(); // gives the memory back between messages
        m_consumed = 0;
    } else if (m_consumed > 0) {
        m_input.remove(0, std::exchange(m_consumed, 0));
    }
}

// One frame from the front of the input: an event, or none with *needMore when the frame is not complete
// (none without it: the frame was taken and gave nothing to report, e.g. a fragment).
std::optional<FrameDecoder::Event> FrameDecoder::takeFrame(bool *needMore)
{
    const qsizetype available = bufferedBytes();
    *needMore = true;
    if (available < 2)
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const uchar *>(m_input.constData() + m_consumed);
    const bool final = bytes[0] & Frame::finBit;
    const quint8 opcode = bytes[0] & 0x0F;
    if ((bytes[0] & reservedBits) || !(bytes[1] & maskBit)) // no extension was agreed; clients must mask
        return fail(closeProtocolError);
    quint64 length = bytes[1] & 0x7F;
    qsizetype at = 2;
    if (length == 126) {
        if (available < 4)
            return std::nullopt;
        length = qFromBigEndian<quint16>(bytes + 2);
        at = 4;
    } else if (length == 127) {
        if (available < 10)
            return std::nullopt;
        length = qFromBigEndian<quint64>(bytes + 2);
        at = 10;
        if (length >> 63) // RFC 6455 5.2: the most significant bit must be 0
            return fail(closeProtocolError);
    }
    const quint64 frameBytes = quint64(at) + 4 + length; // the mask, then the payload; below 2^63 + 14
    const bool control = opcode & 0x8;
    if (control && (!final || length > quint64(Frame::maxControlPayload)))
        return fail(closeProtocolError);
    *needMore = false;
    // Checked before the payload is waited for, so a peer cannot make the server hold more than the limit.
    // As "what is held plus this frame over the limit", without the sum: a length near 2^63 must not wrap.
    const bool tooBig = !control && length > quint64(m_maxMessageBytes) - quint64(m_message.size());
    if (!control && (tooBig || m_dropData)) {
        // Dropped as it comes: a peer busy sending a big frame only sees our close frame once it is
        // through, and then answers it.
        m_skipBytes = frameBytes;
        m_message = QByteArray();
        m_messageOpcode = 0;
        if (tooBig && !m_dropData)
            return Event {Kind::TooBig, closeTooMuchData, {}};
        return std::nullopt;
    }
    if (quint64(available) < frameBytes) {
        *needMore = true;
        return std::nullopt;
    }
    const uchar *mask = bytes + at;
    QByteArray payload(reinterpret_cast<const char *>(bytes) + at + 4, qsizetype(length));
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(uchar(payload[i]) ^ mask[i % 4]);
    m_consumed += qsizetype(frameBytes);
    if (control)
        return controlFrame(opcode, std::move(payload));
    return dataFrame(opcode, final, payload);
}

std::optional<FrameDecoder::Event> FrameDecoder::controlFrame(quint8 opcode, QByteArray payload)
{
    switch (opcode) {
    case Frame::Ping:
        return Event {Kind::Ping, 0, std::move(payload)};
    case Frame::Pong:
        return Event {Kind::Pong, 0, {}};
    case Frame::Close:
        return Event {Kind::Close, closeAnswerTo(payload), {}};
    default:
        return fail(closeProtocolError);
    }
}

std::optional<FrameDecoder::Event> FrameDecoder::dataFrame(quint8 opcode, bool final,
                                                           const QByteArray &payload)
{
    const bool continuation = opcode == Frame::Continuation;
    if ((continuation && m_messageOpcode == 0) || (!continuation && m_messageOpcode != 0)
        || (opcode != Frame::Continuation && opcode != Frame::Text && opcode != Frame::Binary))
        return fail(closeProtocolError);
    if (!continuation)
        m_messageOpcode = opcode;
    m_message.append(payload);
    if (!final)
        return std::nullopt;
    QByteArray message = std::exchange(m_message, {});
    if (std::exchange(m_messageOpcode, 0) == Frame::Binary)
        return Event {Kind::Binary, 0, std::move(message)};
    if (!isWellFormedUtf8(message))
        return fail(closeWrongDatatype);
    return Event {Kind::Text, 0, std::move(message)};
}

FrameDecoder::Event FrameDecoder::fail(quint16 code)
{
    // The framing can no longer be trusted: nothing more is read.
    m_failed = true;
    m_message = QByteArray();
    m_messageOpcode = 0;
    m_skipBytes = 0;
    compact();
    return Event {Kind::Fail, code, {}};
}

quint16 FrameDecoder::closeAnswerTo(const QByteArray &payload)
{
    if (payload.isEmpty())
        return 0; // no code: none in the answer either
    if (payload.size() == 1)
        return closeProtocolError; // half a code
    const quint16 code = qFromBigEndian<quint16>(payload.constData());
    // Codes a peer may send (RFC 6455 7.4, and 1012-1014 registered since): not 1004-1006, 1015, the
    // reserved 1016-2999, nor anything outside 1000-4999.
    const bool sendable =
        (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    if (!sendable)
        return closeProtocolError;
    return isWellFormedUtf8(QByteArrayView(payload.constData() + 2, payload.size() - 2)) ? code
                                                                                         : closeWrongDatatype;
}

} // namespace chat::server
