#pragma once

#include <QtGlobal>

#include <optional>

namespace chat::bench {

// Reads another process's memory and CPU time from /proc (Linux): VmRSS from /proc/<pid>/status and
// utime+stime (all threads) from /proc/<pid>/stat. A pid of 0 means "no process": every read gives nullopt.
class ProcessProbe
{
public:
    explicit ProcessProbe(qint64 pid = 0);

    qint64 pid() const { return m_pid; }
    bool isAttached() const { return m_pid > 0; }
    static bool exists(qint64 pid);

    std::optional<qint64> rssKb() const;
    std::optional<double> cpuSeconds() const;

    // This process's own user+system CPU time (getrusage), to see whether the benchmark was the bottleneck.
    static double selfCpuSeconds();

private:
    qint64 m_pid = 0;
};

} // namespace chat::bench
