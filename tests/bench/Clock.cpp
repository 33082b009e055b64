#include "Clock.h"

#include <chrono>

namespace chat::bench {

qint64 Clock::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace chat::bench
