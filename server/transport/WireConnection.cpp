#include "WireConnection.h"

#include "websocket/FrameEncoder.h"

#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <vector>

namespace chat::server {

namespace {
using Frame = FrameEncoder; // the opcodes
// Read at most this much per turn of the event loop, so one peer that sends without pause cannot hold the
// loop; the descriptor stays readable and the next turn reads on.
constexpr qsizetype maxReadPerTurn = 256 * 1024;
constexpr qsizetype readChunk = 64 * 1024;
constexpr int maxIovecs = 512; // an even number under the kernel's IOV_MAX of 1024
constexpr quint16 closeNormal = 1000;

} // namespace

WireConnection::WireConnection(int descriptor, const QByteArray &alreadyRead, qint64 maxMessageBytes,
                               QObject *parent)
    : Connection(parent)
    , m_descriptor(descriptor)
    , m_decoder(maxMessageBytes)
    , m_readNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Read, this))
    , m_writeNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Write, this))
{
    m_decoder.append(alreadyRead);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &WireConnection::readAvailable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &WireConnection::writeQueued);
    if (!alreadyRead.isEmpty()) // frames that came with the handshake: after the caller connected its signals
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
            m_decoder.append(chunk, got);
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
        const auto event = m_decoder.next();
        if (!event)
            return;
        handle(*event);
    }
}

void WireConnection::handle(const FrameDecoder::Event &event)
{
    using Kind = FrameDecoder::Kind;
    switch (event.kind) {
    case Kind::Text:
        emit textMessageReceived(event.payload);
        return;
    case Kind::Binary:
        emit binaryMessageReceived(event.payload);
        return;
    case Kind::Ping:
        if (!m_closeSent)
            queueFrame(Frame::Pong, event.payload);
        return;
    case Kind::Pong:
        emit pong();
        return;
    case Kind::Close:
        if (m_closeSent) { // the answer to ours: done
            finish();
            return;
        }
        // Answer with the peer's code (RFC 6455 5.5.1), or with why its close frame was not one, and end
        // once the answer is written.
        m_closeSent = true;
        m_decoder.dropDataFrames();
        m_closeAfterWrite = true;
        queueFrame(Frame::Close, event.code == 0 ? QByteArray() : Frame::closePayload(event.code));
        return;
    case Kind::TooBig:
        // Closed at once; the decoder drops the rest of the frame as it comes.
        close(event.code, {});
        return;
    case Kind::Fail:
        failConnection(event.code);
        return;
    }
}

void WireConnection::failConnection(quint16 code)
{
    if (m_closeSent) {
        finish();
        return;
    }
    // The decoder reads nothing more: what comes is dropped until the peer ends the connection or the
    // caller's close deadline does.
    close(code, {});
}

void WireConnection::sendTexts(const QByteArray *messages, qsizetype count)
{
    if (!isOpen() || (m_unsent.isEmpty() && sendAtOnce(messages, count)))
        return;
    for (qsizetype m = 0; m < count; ++m) {
        const QByteArray &utf8 = messages[m];
        for (const auto &fragment : Frame::fragments(utf8.size())) {
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
bool WireConnection::sendAtOnce(const QByteArray *messages, qsizetype messageCount)
{
    constexpr int maxMessages = maxIovecs / 2;
    if (messageCount > maxMessages)
        return false;
    for (qsizetype m = 0; m < messageCount; ++m) {
        if (messages[m].size() > Frame::maxFramePayload)
            return false;
    }
    char headers[maxMessages][Frame::maxHeaderSize];
    iovec parts[maxIovecs];
    int count = 0;
    qint64 total = 0;
    for (qsizetype i = 0; i < messageCount; ++i) {
        const QByteArray &utf8 = messages[i];
        const qsizetype headerSize = Frame::writeHeader(headers[i], Frame::Text, true, utf8.size());
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
            queue(messages[i / 2], skip, length);
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
    m_decoder.dropDataFrames(); // closing: only the peer's close frame matters now
    queueFrame(Frame::Close, Frame::closePayload(code == 0 ? closeNormal : code, reason.toUtf8()));
}

void WireConnection::abort()
{
    finish();
}

void WireConnection::queueFrame(quint8 opcode, const QByteArray &payload)
{
    const QByteArray frame = Frame::controlFrame(opcode, payload);
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
