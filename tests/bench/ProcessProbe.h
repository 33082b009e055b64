#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace chat::bench {

// Reads other processes' memory and CPU time from /proc (Linux): VmRSS from /proc/<pid>/status and
// utime+stime (all threads) from /proc/<pid>/stat, summed over the processes (several server nodes). No
// process: every read gives nullopt.
class ProcessProbe
{
public:
    explicit ProcessProbe(QList<qint64> pids = {});

    qint64 pid() const { return m_pids.value(0); }
    const QList<qint64> &pids() const { return m_pids; }
    bool isAttached() const { return !m_pids.isEmpty(); }
    static bool exists(qint64 pid);

    std::optional<qint64> rssKb() const;
    std::optional<double> cpuSeconds() const;

    // This process's own user+system CPU time (getrusage), to see whether the benchmark was the bottleneck.
    static double selfCpuSeconds();

private:
    static std::optional<qint64> rssKbOf(qint64 pid);
    static std::optional<double> cpuSecondsOf(qint64 pid);

    QList<qint64> m_pids;
};

} // namespace chat::bench
