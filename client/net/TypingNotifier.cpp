#include "TypingNotifier.h"

namespace chat {

TypingNotifier::TypingNotifier(Sender sender, QObject *parent)
    : QObject(parent)
    , m_sender(std::move(sender))
{
    m_elapsed.start();
    m_clock = [this] { return m_elapsed.elapsed(); };
    m_idle.setInterval(500);
    connect(&m_idle, &QTimer::timeout, this, [this] { expire(now()); });
}

void TypingNotifier::edited(bool empty)
{
    if (empty) {
        stop(); // the field was cleared
        return;
    }
    const qint64 time = now();
    m_lastKey = time;
    if (m_typing && time - m_lastSent < refreshMs)
        return;
    if (!m_sender(true))
        return;
    m_typing = true;
    m_lastSent = time;
    m_idle.start();
}

void TypingNotifier::stop()
{
    if (!m_typing)
        return;
    m_typing = false;
    m_idle.stop();
    m_sender(false);
}

void TypingNotifier::reset()
{
    m_typing = false;
    m_idle.stop();
}

void TypingNotifier::expire(qint64 now)
{
    if (m_typing && now - m_lastKey >= idleMs)
        stop();
}

} // namespace chat
