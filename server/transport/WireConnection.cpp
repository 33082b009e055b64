#include "WireConnection.h"

#include "TextFrameWriter.h"

#include <QSocketNotifier>
#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <vector>

namespace chat::server {

namespace {
using Frame = TextFrameWriter; // the opcodes and the final bit
constexpr quint8 reservedBits = 0x70;
constexpr quint8 maskBit = 0x80;
constexpr qsizetype maxControlPayload = 125;
constexpr qsizetype maxCloseReasonBytes = 123;
// Read at most this much per turn of the event loop, so one peer that sends without pause cannot hold the
// loop; the descriptor stays readable and the next turn reads on.
constexpr qsizetype maxReadPerTurn = 256 * 1024;
constexpr qsizetype readChunk = 64 * 1024;
constexpr int maxIovecs = 512; // an even number under the kernel's IOV_MAX of 1024
constexpr quint16 closeNormal = 1000;
constexpr quint16 closeProtocolError = 1002;
constexpr quint16 closeWrongDatatype = 1007;
constexpr quint16 closeTooMuchData = 1009;

// A close frame's payload: the code, then the reason, cut to fit a control frame (RFC 6455 5.5).
QByteArray closePayload(quint16 code, const QByteArray &reason = {})
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    return payload + reason.left(maxCloseReasonBytes);
}

} // namespace

WireConnection::WireConnection(int descriptor, const QByteArray &alreadyRead, qint64 maxMessageBytes,
                               QObject *parent)
    : QObject(parent)
    , m_descriptor(descriptor)
    , m_maxMessageBytes(maxMessageBytes)
    , m_readNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Read, this))
    , m_writeNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Write, this))
    , m_input(alreadyRead)
{
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &WireConnection::readAvailable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &WireConnection::writeQueued);
    if (!m_input.isEmpty()) // frames that came with the handshake: after the caller connected its signals
        QMetaObject::invokeMethod(this, &WireConnection::processInput, Qt::QueuedConnection);
}

WireConnection::~WireConnection()
{
    delete m_readNotifier; // before the descriptor is closed, whose number may then be reused
    delete m_writeNotifier;
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

void WireConnection::readAvailable()
{
    char chunk[readChunk];
    qsizetype readThisTurn = 0;
    while (m_descriptor >= 0 && readThisTurn < maxReadPerTurn) {
        const ssize_t got = ::read(m_descriptor, chunk, sizeof chunk);
        if (got > 0) {
            m_input.append(chunk, got);
            readThisTurn += got;
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        processInput(); // what came before the end still counts
        finish(); // end of stream or a connection error
        return;
    }
    processInput();
}

void WireConnection::processInput()
{
    while (!m_finished) {
        if (m_discardAll) {
            dropInput();
            return;
        }
        if (m_skipBytes > 0) { // the rest of a frame that was too big: read and dropped, never held
            const qsizetype available = m_input.size() - m_consumed;
            const qsizetype skipped = qsizetype(std::min<quint64>(m_skipBytes, quint64(available)));
            m_consumed += skipped;
            m_skipBytes -= quint64(skipped);
            if (m_skipBytes > 0)
                break;
        }
        if (!takeFrame())
            break;
    }
    // Consumed frames are removed once per turn, not one by one: a peer that sends many small frames at
    // once would otherwise make every frame move all that follows it.
    if (m_consumed >= m_input.size())
        dropInput(); // gives the memory back between messages
    else if (m_consumed > 0)
        m_input.remove(0, std::exchange(m_consumed, 0));
}

void WireConnection::dropInput()
{
    m_input = QByteArray();
    m_consumed = 0;
}

bool WireConnection::takeFrame()
{
    const qsizetype available = m_input.size() - m_consumed;
    if (available < 2)
        return false;
    const auto *bytes = reinterpret_cast<const uchar *>(m_input.constData() + m_consumed);
    const bool final = bytes[0] & Frame::finBit;
    const quint8 opcode = bytes[0] & 0x0F;
    if ((bytes[0] & reservedBits) || !(bytes[1] & maskBit)) { // no extension was agreed; clients must mask
        failConnection(closeProtocolError);
        return false;
    }
    quint64 length = bytes[1] & 0x7F;
    qsizetype at = 2;
    if (length == 126) {
        if (available < 4)
            return false;
        length = qFromBigEndian<quint16>(bytes + 2);
        at = 4;
    } else if (length == 127) {
        if (available < 10)
            return false;
        length = qFromBigEndian<quint64>(bytes + 2);
        at = 10;
        if (length >> 63) { // RFC 6455 5.2: the most significant bit must be 0
            failConnection(closeProtocolError);
            return false;
        }
    }
    const quint64 frameBytes = quint64(at) + 4 + length; // the mask, then the payload; below 2^63 + 14
    const bool control = opcode & 0x8;
    if (control && (!final || length > quint64(maxControlPayload))) {
        failConnection(closeProtocolError);
        return false;
    }
    // Checked before the payload is waited for, so a peer cannot make the server hold more than the limit.
    // As "what is held plus this frame over the limit", without the sum: a length near 2^63 must not wrap.
    if (!control && length > quint64(m_maxMessageBytes) - quint64(m_message.size())) {
        // Closed at once, but the frame is still read (and dropped): a peer that is busy sending it only
        // sees the close frame once it is through, and then answers it.
        m_skipBytes = frameBytes;
        m_message = QByteArray();
        m_messageOpcode = 0;
        close(closeTooMuchData, {});
        return true;
    }
    if (quint64(available) < frameBytes)
        return false;
    const auto frameSize = qsizetype(frameBytes);
    if (m_closeSent && !control) { // closing: only the peer's close frame matters now
        m_consumed += frameSize;
        return true;
    }
    const uchar *mask = bytes + at;
    QByteArray payload(reinterpret_cast<const char *>(bytes) + at + 4, qsizetype(length));
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(uchar(payload[i]) ^ mask[i % 4]);
    m_consumed += frameSize; // before the handlers, which may drop the input
    if (control)
        handleControl(opcode, payload);
    else
        handleDataFrame(opcode, final, payload);
    return true;
}

void WireConnection::handleControl(quint8 opcode, const QByteArray &payload)
{
    switch (opcode) {
    case Frame::Ping:
        if (!m_closeSent)
            queueFrame(Frame::Pong, payload);
        return;
    case Frame::Pong:
        emit pong();
        return;
    case Frame::Close: {
        if (m_closeSent) { // the answer to ours: done
            finish();
            return;
        }
        // Answer with the peer's code (RFC 6455 5.5.1), or with why its close frame was not one, and end
        // once the answer is written.
        const quint16 answer = closeAnswerTo(payload);
        m_closeSent = true;
        m_closeAfterWrite = true;
        queueFrame(Frame::Close, answer == 0 ? QByteArray() : closePayload(answer));
        return;
    }
    default:
        failConnection(closeProtocolError);
    }
}

quint16 WireConnection::closeAnswerTo(const QByteArray &payload)
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
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // The decoder converts when its result is taken, so the reason is taken even though only its validity
    // matters.
    const QString reason = decoder(QByteArrayView(payload.constData() + 2, payload.size() - 2));
    return decoder.hasError() ? closeWrongDatatype : code;
}

void WireConnection::handleDataFrame(quint8 opcode, bool final, const QByteArray &payload)
{
    const bool continuation = opcode == Frame::Continuation;
    if ((continuation && m_messageOpcode == 0) || (!continuation && m_messageOpcode != 0)
        || (opcode != Frame::Continuation && opcode != Frame::Text && opcode != Frame::Binary)) {
        failConnection(closeProtocolError);
        return;
    }
    if (!continuation)
        m_messageOpcode = opcode;
    m_message.append(payload);
    if (final)
        deliverMessage();
}

void WireConnection::deliverMessage()
{
    const QByteArray message = std::exchange(m_message, {});
    const quint8 opcode = std::exchange(m_messageOpcode, 0);
    if (m_closeSent)
        return; // closing: what still comes is not read
    if (opcode == Frame::Binary) {
        emit binaryMessageReceived(message);
        return;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(message);
    if (decoder.hasError()) {
        failConnection(closeWrongDatatype);
        return;
    }
    emit textMessageReceived(text);
}

void WireConnection::failConnection(quint16 code)
{
    dropInput();
    m_message = QByteArray();
    m_messageOpcode = 0;
    if (m_closeSent) {
        finish();
        return;
    }
    close(code, {});
    // The framing can no longer be trusted: what comes is read and dropped until the peer ends the
    // connection or the caller's close deadline does.
    m_discardAll = true;
}

void WireConnection::sendTexts(const QVector<QByteArray> &messages)
{
    if (!isOpen() || (m_unsent.isEmpty() && sendAtOnce(messages)))
        return;
    for (const QByteArray &utf8 : messages) {
        for (const auto &fragment : TextFrameWriter::fragments(utf8.size())) {
            queue(fragment.header, 0, fragment.header.size());
            queue(utf8, fragment.offset, fragment.offset + fragment.size);
        }
    }
    writeQueued();
}

void WireConnection::queue(const QByteArray &bytes, qsizetype begin, qsizetype end)
{
    if (begin == end)
        return;
    m_unsent.append({bytes, begin, end});
    m_unsentBytes += end - begin;
}

// The common case of a broadcast, without a heap allocation: nothing waits, every message fits in one frame.
// The headers live on the stack for the one system call; only what the kernel does not take is queued.
bool WireConnection::sendAtOnce(const QVector<QByteArray> &messages)
{
    constexpr int maxMessages = maxIovecs / 2;
    constexpr int maxHeaderBytes = 10;
    if (messages.size() > maxMessages)
        return false;
    for (const QByteArray &utf8 : messages) {
        if (utf8.size() > TextFrameWriter::maxFramePayload)
            return false;
    }
    char headers[maxMessages][maxHeaderBytes];
    iovec parts[maxIovecs];
    int count = 0;
    qint64 total = 0;
    for (int i = 0; i < messages.size(); ++i) {
        const QByteArray &utf8 = messages.at(i);
        const qsizetype headerSize = TextFrameWriter::writeHeader(headers[i], Frame::Text, true, utf8.size());
        parts[count++] = {headers[i], size_t(headerSize)};
        parts[count++] = {const_cast<char *>(utf8.constData()), size_t(utf8.size())};
        total += headerSize + utf8.size();
    }
    const qint64 sent = sendParts(parts, count);
    if (sent < 0 || sent == total)
        return true;
    // Queue the rest: the part the kernel stopped in (with how much of it went), then the others whole.
    qint64 skip = sent;
    for (int i = 0; i < count; ++i) {
        const qint64 length = qint64(parts[i].iov_len);
        if (skip >= length) {
            skip -= length;
            continue;
        }
        if (i % 2 == 1) // a payload: the message itself, shared
            queue(messages.at(i / 2), skip, length);
        else
            queue(QByteArray(static_cast<const char *>(parts[i].iov_base), qsizetype(length)), skip, length);
        skip = 0;
    }
    writeQueued();
    return true;
}

qint64 WireConnection::sendParts(iovec *parts, int count)
{
    msghdr message {};
    message.msg_iov = parts;
    message.msg_iovlen = size_t(count);
    for (;;) {
        const ssize_t sent = ::sendmsg(m_descriptor, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent >= 0)
            return sent;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        finish(); // the peer is gone
        return -1;
    }
}

void WireConnection::ping()
{
    if (isOpen())
        queueFrame(Frame::Ping, {});
}

void WireConnection::close(quint16 code, const QString &reason)
{
    if (m_descriptor < 0 || m_closeSent)
        return;
    m_closeSent = true;
    queueFrame(Frame::Close, closePayload(code == 0 ? closeNormal : code, reason.toUtf8()));
}

void WireConnection::abort()
{
    finish();
}

void WireConnection::queueFrame(quint8 opcode, const QByteArray &payload)
{
    const QByteArray frame = TextFrameWriter::header(opcode, true, payload.size()) + payload;
    queue(frame, 0, frame.size());
    writeQueued();
}

void WireConnection::writeQueued()
{
    while (m_descriptor >= 0 && !m_unsent.isEmpty()) {
        iovec parts[maxIovecs];
        int count = 0;
        for (qsizetype i = 0; i < m_unsent.size() && count < maxIovecs; ++i, ++count) {
            const Chunk &chunk = m_unsent.at(i);
            parts[count] = {const_cast<char *>(chunk.bytes.constData()) + chunk.begin,
                            size_t(chunk.end - chunk.begin)};
        }
        const qint64 sent = sendParts(parts, count);
        if (sent < 0)
            return;
        if (sent == 0) // the kernel's buffer is full (every queued chunk has bytes)
            break;
        m_unsentBytes -= sent;
        qsizetype done = sent;
        while (done > 0) {
            Chunk &first = m_unsent.first();
            const qsizetype left = first.end - first.begin;
            if (done < left) {
                first.begin += done;
                break;
            }
            done -= left;
            m_unsent.removeFirst();
        }
    }
    if (m_descriptor < 0)
        return;
    const bool waiting = !m_unsent.isEmpty();
    if (m_writeNotifier->isEnabled() != waiting)
        m_writeNotifier->setEnabled(waiting);
    if (!waiting) {
        m_unsent = QVector<Chunk>(); // no memory kept for an idle connection
        if (m_closeAfterWrite) {
            finish();
            return;
        }
        emit bytesWritten();
    }
}

void WireConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    if (m_descriptor >= 0) {
        ::close(m_descriptor);
        m_descriptor = -1;
    }
    m_unsent.clear();
    m_unsentBytes = 0;
    // Queued: this may run inside a delivery loop over the sessions, which the disconnection changes.
    QMetaObject::invokeMethod(this, &WireConnection::disconnected, Qt::QueuedConnection);
}

} // namespace chat::server
