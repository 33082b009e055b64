#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <optional>

namespace chat::bench {

class ProcessProbe;

// The measuring window of the scenarios that send for --duration and then drain (fanout, live): it opens when
// sending starts and closes at the end of the measurement, and notes the time, the server's and the
// benchmark's CPU and the frames the members had received at both ends, the end of sending and the last
// delivery. The figures both scenarios report on it come from here.
class MeasureWindow
{
public:
    void setupStarted();
    // `frames`: how many frames the scenario's members have received so far.
    void open(const ProcessProbe &probe, quint64 frames);
    void sendingStopped();
    void delivered(qint64 receivedNs) { m_lastDeliveryNs = receivedNs; }
    void close(const ProcessProbe &probe, quint64 frames);

    bool isClosed() const { return m_closed; }
    qint64 sendStartNs() const { return m_sendStartNs; }
    // From the first send to the end of sending.
    double sendSeconds() const;
    // From the first send to the last delivery (or the end of sending, when that came later).
    double seconds() const;
    // Frames received in the window (so far, while it is open).
    quint64 frames(quint64 framesNow) const;
    // The server's CPU over the window; nullopt without --pid or before the window closed.
    std::optional<double> serverCpuSeconds() const;

    // Adds setup_s, frames_received, measure_s, drain_s and bench_cpu_s_measuring to `json`.
    void addFigures(QJsonObject &json, quint64 framesNow) const;

private:
    bool m_closed = false;
    qint64 m_setupStartNs = 0;
    qint64 m_sendStartNs = 0;
    qint64 m_sendEndNs = 0;
    qint64 m_lastDeliveryNs = 0;
    quint64 m_framesAtStart = 0;
    quint64 m_framesAtEnd = 0;
    std::optional<double> m_cpuStart;
    std::optional<double> m_cpuEnd;
    double m_benchCpuStart = 0;
    double m_benchCpuEnd = 0;
};

} // namespace chat::bench
