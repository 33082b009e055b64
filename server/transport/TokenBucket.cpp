#include "TokenBucket.h"

#include <algorithm>

namespace chat::server {

TokenBucket::TokenBucket(double ratePerSecond, double burst, qint64 nowMs)
    : m_rate(ratePerSecond)
    , m_burst(std::max(1.0, burst))
    , m_tokens(m_burst)
    , m_lastMs(nowMs)
{ }

bool TokenBucket::take(qint64 nowMs)
{
    if (isUnlimited())
        return true;
    addSince(nowMs);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

bool TokenBucket::spend(double tokens, qint64 nowMs)
{
    if (isUnlimited())
        return true;
    addSince(nowMs);
    if (m_tokens <= 0.0)
        return false;
    m_tokens -= tokens;
    return true;
}

qint64 TokenBucket::msUntilAvailable(qint64 nowMs)
{
    if (isUnlimited())
        return 0;
    addSince(nowMs);
    if (m_tokens > 0.0)
        return 0;
    // One millisecond more than the debt takes to earn back, so that the bucket is then above zero.
    return static_cast<qint64>(-m_tokens * 1000.0 / m_rate) + 1;
}

void TokenBucket::refill(qint64 nowMs)
{
    m_tokens = m_burst;
    m_lastMs = nowMs;
}

void TokenBucket::addSince(qint64 nowMs)
{
    // A clock that steps back (it should not: callers use a monotonic one) adds nothing, and does not move
    // the reference either, or the way back forward would be counted twice.
    if (nowMs <= m_lastMs)
        return;
    const qint64 elapsedMs = nowMs - m_lastMs;
    m_tokens = std::min(m_burst, m_tokens + m_rate * static_cast<double>(elapsedMs) / 1000.0);
    m_lastMs = nowMs;
}

} // namespace chat::server
