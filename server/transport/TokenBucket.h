#pragma once

#include <QtGlobal>

namespace chat::server {

// A token bucket: holds up to burst tokens and gains ratePerSecond of them each second. The caller passes
// the time, so the bucket needs no clock of its own and tests can drive it.
class TokenBucket
{
public:
    // ratePerSecond <= 0 makes a bucket that never runs out (the limit is off).
    TokenBucket(double ratePerSecond, double burst, qint64 nowMs);

    // Takes one token; false when none is left.
    bool take(qint64 nowMs);
    // Takes `tokens` at once while any are left, even more than there are: the bucket then owes the rest and
    // gives nothing until it has earned it back. So a cost bigger than the burst is still paid, only later.
    bool spend(double tokens, qint64 nowMs);
    // How long until spend() succeeds again (0: now).
    qint64 msUntilAvailable(qint64 nowMs);
    // Starts again full (for example after the bucket was found empty and acted upon).
    void refill(qint64 nowMs);
    bool isUnlimited() const { return m_rate <= 0; }

private:
    void addSince(qint64 nowMs);

    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs;
};

} // namespace chat::server
