#include "JoinSettle.h"

#include "Clock.h"
#include "Scenario.h"

namespace chat::bench {
namespace {
constexpr int settlePollMs = 50;
constexpr int quietPollsNeeded = 4; // 200 ms without a frame
constexpr double settleMaxMs = 5000;
} // namespace

JoinSettle::JoinSettle(Scenario &scenario, std::function<quint64()> frames)
    : m_scenario(scenario)
    , m_frames(std::move(frames))
{
    m_poll.setInterval(settlePollMs);
    connect(&m_poll, &QTimer::timeout, this, &JoinSettle::settle);
}

void JoinSettle::expect(int members, std::function<void()> next)
{
    m_members = members;
    m_next = std::move(next);
}

void JoinSettle::joined()
{
    ++m_joined;
    if (m_joined + m_failed == m_members)
        settle();
}

void JoinSettle::failed()
{
    ++m_failed;
    if (m_joined + m_failed == m_members)
        settle();
}

void JoinSettle::stop()
{
    m_done = true;
    m_poll.stop();
}

void JoinSettle::settle()
{
    // Wait for the room_changed storm of the joins to pass before measuring.
    if (m_done || m_scenario.isAborted() || m_scenario.isCleaning()) {
        m_poll.stop();
        return;
    }
    const quint64 frames = m_frames();
    if (!m_poll.isActive()) {
        m_scenario.setPhase(QStringLiteral("settle"));
        m_settleStartNs = Clock::nowNs();
        m_settleFrames = frames;
        m_quietPolls = 0;
        m_poll.start();
        return;
    }
    if (frames == m_settleFrames)
        ++m_quietPolls;
    else
        m_quietPolls = 0;
    m_settleFrames = frames;
    if (m_quietPolls >= quietPollsNeeded || Clock::msBetween(m_settleStartNs, Clock::nowNs()) > settleMaxMs) {
        m_done = true;
        m_poll.stop();
        m_next();
    }
}

} // namespace chat::bench
