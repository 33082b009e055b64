#include "ProcessProbe.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <sys/resource.h>
#include <unistd.h>

namespace chat::bench {
namespace {

QByteArray readProcFile(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QString::fromLatin1(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // procfs reports size 0: readAll reads until EOF
}

} // namespace

ProcessProbe::ProcessProbe(QList<qint64> pids)
    : m_pids(std::move(pids))
{ }

std::optional<qint64> ProcessProbe::rssKb() const
{
    std::optional<qint64> total;
    for (const qint64 pid : m_pids) {
        const auto kb = rssKbOf(pid);
        if (!kb)
            return std::nullopt;
        total = total.value_or(0) + *kb;
    }
    return total;
}

std::optional<double> ProcessProbe::cpuSeconds() const
{
    std::optional<double> total;
    for (const qint64 pid : m_pids) {
        const auto seconds = cpuSecondsOf(pid);
        if (!seconds)
            return std::nullopt;
        total = total.value_or(0) + *seconds;
    }
    return total;
}

bool ProcessProbe::exists(qint64 pid)
{
    return pid > 0 && QFile::exists(QStringLiteral("/proc/%1/stat").arg(pid));
}

std::optional<qint64> ProcessProbe::rssKbOf(qint64 pid)
{
    const QByteArray status = readProcFile(pid, "status");
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("VmRSS:")) {
            // "VmRSS:     12345 kB"
            bool ok = false;
            const qint64 kb = line.mid(6).trimmed().split(' ').value(0).toLongLong(&ok);
            if (ok)
                return kb;
        }
    }
    return std::nullopt;
}

std::optional<double> ProcessProbe::cpuSecondsOf(qint64 pid)
{
    const QByteArray stat = readProcFile(pid, "stat");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    if (fields.size() < 13)
        return std::nullopt;
    bool okUser = false;
    bool okSystem = false;
    const qint64 user = fields.at(11).toLongLong(&okUser);
    const qint64 system = fields.at(12).toLongLong(&okSystem);
    if (!okUser || !okSystem)
        return std::nullopt;
    const long ticks = sysconf(_SC_CLK_TCK);
    return double(user + system) / double(ticks > 0 ? ticks : 100);
}

double ProcessProbe::selfCpuSeconds()
{
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    const auto seconds = [](const timeval &value) {
        return double(value.tv_sec) + double(value.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace chat::bench
