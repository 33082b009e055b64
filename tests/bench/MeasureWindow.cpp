#include "MeasureWindow.h"

#include "Clock.h"
#include "ProcessProbe.h"
#include "Stats.h"

#include <algorithm>

namespace chat::bench {

void MeasureWindow::setupStarted()
{
    m_setupStartNs = Clock::nowNs();
}

void MeasureWindow::open(const ProcessProbe &probe, quint64 frames)
{
    m_cpuStart = probe.cpuSeconds();
    m_benchCpuStart = ProcessProbe::selfCpuSeconds();
    m_framesAtStart = frames;
    m_sendStartNs = Clock::nowNs();
}

void MeasureWindow::sendingStopped()
{
    m_sendEndNs = Clock::nowNs();
}

void MeasureWindow::close(const ProcessProbe &probe, quint64 frames)
{
    m_closed = true;
    if (m_sendEndNs == 0)
        m_sendEndNs = Clock::nowNs();
    m_framesAtEnd = frames;
    m_cpuEnd = probe.cpuSeconds();
    m_benchCpuEnd = ProcessProbe::selfCpuSeconds();
}

double MeasureWindow::sendSeconds() const
{
    return m_sendStartNs && m_sendEndNs > m_sendStartNs ? Clock::secondsBetween(m_sendStartNs, m_sendEndNs)
                                                        : 0;
}

double MeasureWindow::seconds() const
{
    const qint64 end = m_lastDeliveryNs ? std::max(m_lastDeliveryNs, m_sendEndNs) : m_sendEndNs;
    return m_sendStartNs && end > m_sendStartNs ? Clock::secondsBetween(m_sendStartNs, end) : 0;
}

quint64 MeasureWindow::frames(quint64 framesNow) const
{
    return (m_closed ? m_framesAtEnd : framesNow) - m_framesAtStart;
}

std::optional<double> MeasureWindow::serverCpuSeconds() const
{
    if (m_cpuStart && m_cpuEnd)
        return *m_cpuEnd - *m_cpuStart;
    return std::nullopt;
}

void MeasureWindow::addFigures(QJsonObject &json, quint64 framesNow) const
{
    const qint64 end = m_lastDeliveryNs ? std::max(m_lastDeliveryNs, m_sendEndNs) : m_sendEndNs;
    json.insert(QStringLiteral("setup_s"),
                Stats::round3(m_sendStartNs ? Clock::secondsBetween(m_setupStartNs, m_sendStartNs) : 0));
    json.insert(QStringLiteral("frames_received"), qint64(frames(framesNow)));
    json.insert(QStringLiteral("measure_s"), Stats::round3(seconds()));
    json.insert(
        QStringLiteral("drain_s"),
        Stats::round3(m_sendEndNs && end > m_sendEndNs ? Clock::secondsBetween(m_sendEndNs, end) : 0));
    // The benchmark's own CPU while measuring: near measure_s means it, not the server, was the limit.
    json.insert(QStringLiteral("bench_cpu_s_measuring"),
                Stats::round3(m_closed ? m_benchCpuEnd - m_benchCpuStart : 0));
}

} // namespace chat::bench
