#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace chat {

// Decides when our typing state goes to the room (socketchat.v1 set_typing, docs/EXTENSIONS.md "Typing"):
// `true` on the first keystroke that makes the composer non-empty and again every 3 s while keystrokes go
// on; `false` on send, on clearing the field, after 5 s without a keystroke and on leaving the room. The
// sender says whether the state went out (false: not negotiated, not in a room), and nothing is assumed sent
// when it did not. Time comes from a clock that tests replace; expire(now) is what the idle timer calls.
class TypingNotifier : public QObject
{
    Q_OBJECT
public:
    using Sender = std::function<bool(bool typing)>;
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    static constexpr qint64 refreshMs = 3000;
    static constexpr qint64 idleMs = 5000;

    explicit TypingNotifier(Sender sender, QObject *parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    // A keystroke changed the composer; `empty`: it is empty now.
    void edited(bool empty);
    // The message was sent or we leave the room: `false` if we said `true`.
    void stop();
    // Forgets the state without sending anything (the room or the connection is gone).
    void reset();
    // Sends `false` when the last keystroke is 5 s old.
    void expire(qint64 now);

    bool isTyping() const { return m_typing; }

private:
    Sender m_sender;
    Clock m_clock;
    QElapsedTimer m_elapsed;
    QTimer m_idle;
    bool m_typing = false;
    qint64 m_lastSent = 0; // clock time of the last `true` sent
    qint64 m_lastKey = 0; // clock time of the last keystroke
};

} // namespace chat
