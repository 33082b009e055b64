#pragma once

#include <QtGlobal>

namespace chat::bench {

// One monotonic clock for the whole benchmark. Every client lives in this process, so a timestamp written
// into a message body by the sender can be compared with the time a member receives it.
class Clock
{
public:
    static qint64 nowNs();
    static double msBetween(qint64 fromNs, qint64 toNs) { return double(toNs - fromNs) / 1e6; }
    static double secondsBetween(qint64 fromNs, qint64 toNs) { return double(toNs - fromNs) / 1e9; }
};

} // namespace chat::bench
