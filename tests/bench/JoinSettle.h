#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace chat::bench {

class Scenario;

// The join-and-settle step of the scenarios whose members enter rooms before measuring (fanout, live): it
// counts the members that joined or could not, and once every one of them has, waits for the room_changed
// storm of the joins to pass (no new frame for 200 ms, at most 5 s) before running the next phase, once. It
// runs nothing when the scenario was aborted or is cleaning up, or after stop().
class JoinSettle : public QObject
{
    Q_OBJECT

public:
    // `frames` reads how many frames the scenario's members have received so far.
    JoinSettle(Scenario &scenario, std::function<quint64()> frames);

    // `members` are about to join; `next` is the phase after the settle.
    void expect(int members, std::function<void()> next);
    void joined(); // one member entered its room
    void failed(); // one member could not join (its connection failed before it had)
    void stop();

    int joinedCount() const { return m_joined; }
    int failedCount() const { return m_failed; }

private:
    void settle();

    Scenario &m_scenario;
    std::function<quint64()> m_frames;
    std::function<void()> m_next;
    int m_members = 0;
    int m_joined = 0;
    int m_failed = 0;
    bool m_done = false;
    quint64 m_settleFrames = 0;
    int m_quietPolls = 0;
    qint64 m_settleStartNs = 0;
    QTimer m_poll;
};

} // namespace chat::bench
