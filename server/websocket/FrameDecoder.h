#pragma once

#include <QByteArray>

#include <optional>

namespace chat::server {

// The server's side of RFC 6455 section 5 for what it receives: bytes in, messages, control frames or the
// close code a violation calls for out. It only parses: no socket, no timers, no writing; the connection
// decides what to answer (WireConnection). Used directly by its unit test and its fuzz target.
//
// Memory: what arrives is kept only until it is a whole frame, and only the message being assembled is held
// between frames; a frame over the message limit is never held, only counted off as it arrives.
class FrameDecoder
{
public:
    enum class Kind {
        Text, // a whole text message: `payload`, checked to be well-formed UTF-8 (not converted)
        Binary, // a whole binary message
        Ping, // answer with a pong carrying `payload`
        Pong,
        Close, // the peer's close frame: answer with `code` (0: an empty close, answered without a code)
        TooBig, // a message over the limit (`code` 1009): close; the frame's bytes are skipped as they come
        Fail, // the peer broke the protocol (`code` 1002, or 1007 for a text message that is not UTF-8):
              // close; everything after it is dropped
    };
    struct Event
    {
        Kind kind;
        quint16 code = 0;
        QByteArray payload; // Text, Binary, Ping
    };

    explicit FrameDecoder(qint64 maxMessageBytes);

    // Bytes as they arrived, after the handshake.
    void append(const char *data, qsizetype size);
    void append(const QByteArray &bytes) { append(bytes.constData(), bytes.size()); }
    // The next event from what has arrived; none when more bytes are needed (or after Fail).
    std::optional<Event> next();
    // Our close frame was sent: data frames are read and dropped from now on; control frames still count
    // (the peer's close answers ours).
    void dropDataFrames() { m_dropData = true; }
    // Bytes received and not yet taken as frames.
    qsizetype bufferedBytes() const { return m_input.size() - m_consumed; }

    // The code the answer to a close frame with this payload carries: the peer's own, 1002 for a code a peer
    // may not send or half a code, 1007 for a reason that is not UTF-8, 0 for an empty payload.
    static quint16 closeAnswerTo(const QByteArray &payload);

private:
    std::optional<Event> takeFrame(bool *needMore);
    std::optional<Event> controlFrame(quint8 opcode, QByteArray payload);
    std::optional<Event> dataFrame(quint8 opcode, bool final, const QByteArray &payload);
    Event fail(quint16 code);
    void compact();

    qint64 m_maxMessageBytes;
    QByteArray m_input; // received and not yet a whole frame; empty (no memory) between messages
    qsizetype m_consumed = 0; // bytes at the front of m_input already taken as frames
    QByteArray m_message; // fragments of a message in progress
    quint8 m_messageOpcode = 0; // 0: no message in progress
    quint64 m_skipBytes = 0; // of a frame over the message limit, still to be dropped
    bool m_failed = false;
    bool m_dropData = false;
};

} // namespace chat::server
