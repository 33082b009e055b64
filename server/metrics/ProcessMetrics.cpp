#include "ProcessMetrics.h"

#include "MetricsWriter.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

namespace chat::server {

namespace {

QByteArray readProcFile(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // /proc files report size 0: read to the end
}

// The system's boot time in seconds since the epoch ("btime" of /proc/stat); 0 when unknown.
qint64 bootTime()
{
    const QByteArray stat = readProcFile("/proc/stat");
    const qsizetype at = stat.indexOf("\nbtime ");
    if (at < 0)
        return 0;
    const qsizetype end = stat.indexOf('\n', at + 1);
    return stat.mid(at + 7, end < 0 ? -1 : end - at - 7).trimmed().toLongLong();
}

int openDescriptors()
{
    DIR *folder = ::opendir("/proc/self/fd");
    if (!folder)
        return -1;
    int count = 0;
    while (const dirent *entry = ::readdir(folder)) {
        if (entry->d_name[0] != '.')
            ++count;
    }
    ::closedir(folder);
    return count - 1; // not the descriptor that read the folder
}

} // namespace

void ProcessMetrics::writeTo(MetricsWriter &writer)
{
    // /proc/self/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so the fields are
    // counted from the last ')'. Field 3 (state) is then the first; utime 14, stime 15, starttime 22,
    // vsize 23, rss 24 (in pages).
    const QByteArray stat = readProcFile("/proc/self/stat");
    const qsizetype close = stat.lastIndexOf(')');
    const QList<QByteArray> fields = close < 0 ? QList<QByteArray>() : stat.mid(close + 2).split(' ');
    const auto field = [&fields](int number) { return fields.value(number - 3).toLongLong(); };
    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (fields.size() >= 22 && ticksPerSecond > 0) {
        writer.family("process_cpu_seconds_total", "counter",
                      "Total user and system CPU time spent in seconds.");
        writer.sample("process_cpu_seconds_total", {},
                      double(field(14) + field(15)) / double(ticksPerSecond));
        const qint64 boot = bootTime();
        if (boot > 0)
            writer.gauge("process_start_time_seconds",
                         "Start time of the process since unix epoch in seconds.",
                         double(boot) + double(field(22)) / double(ticksPerSecond));
        writer.gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", double(field(23)));
        if (pageSize > 0)
            writer.gauge("process_resident_memory_bytes", "Resident memory size in bytes.",
                         double(field(24)) * double(pageSize));
    }
    const int open = openDescriptors();
    if (open >= 0)
        writer.gauge("process_open_fds", "Number of open file descriptors.", open);
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        writer.gauge("process_max_fds", "Maximum number of open file descriptors.", double(limit.rlim_cur));
}

} // namespace chat::server
