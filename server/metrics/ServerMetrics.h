#pragma once

#include "protocol/MessageNames.h"

#include <QtGlobal>

#include <array>
#include <cstddef>

namespace chat::server {

class MetricsWriter;

// The server's counters, gauges and the commit-latency histogram. The server is single-threaded: the layers
// that see an event add to a plain integer here (no lock, no allocation, no string work); names, labels and
// text are made only when /metrics is read (writeTo).
class ServerMetrics
{
public:
    enum class Refusal { MaxConnections, MaxPerAddress, FloodBan };
    static constexpr std::size_t refusalKinds = 3;
    // Every call name of the protocol (SetTyping is the last CallName), and one more for frames that are
    // not a known call.
    static constexpr std::size_t callKinds = std::size_t(CallName::SetTyping) + 2;
    // Upper bounds of chat_commit_duration_seconds's buckets, in nanoseconds.
    static constexpr std::array<qint64, 11> commitBucketsNs {
        500'000,    1'000'000,   2'500'000,   5'000'000,   10'000'000,   25'000'000,
        50'000'000, 100'000'000, 250'000'000, 500'000'000, 1'000'000'000};

    void connectionOpened()
    {
        ++m_connectionsAccepted;
        ++m_connectionsOpen;
    }
    void connectionClosed() { --m_connectionsOpen; }
    void connectionRefused(Refusal why) { ++m_connectionsRefused[std::size_t(why)]; }

    void callHandled(CallName name) { ++m_calls[std::size_t(name)]; }
    void unknownCallHandled() { ++m_calls[callKinds - 1]; }
    void messagePosted() { ++m_messagesPosted; }
    void rateLimited() { ++m_rateLimited; }
    void floodClosed() { ++m_floodCloses; }
    void slowConsumerDropped() { ++m_slowConsumersDropped; }
    void countUpdateMerged() { ++m_countUpdatesMerged; }
    void liveSkipped() { ++m_liveSkipped; }
    quint64 liveSkippedCount() const { return m_liveSkipped; }

    void commitSucceeded(qint64 nanoseconds);
    void commitFailed() { ++m_commitFailures; }

    // Several nodes on PostgreSQL: the cluster metrics are written only then.
    void setClustered() { m_clustered = true; }
    void heartbeatWritten() { ++m_heartbeats; }
    void eventsRelayedOut(quint64 count) { m_eventsOut += count; }
    void eventRelayedIn() { ++m_eventsIn; }
    void liveRelayedOut(quint64 notifications) { m_liveOut += notifications; }
    void liveRelayedIn(quint64 events) { m_liveIn += events; }

    qint64 connectionsOpen() const { return m_connectionsOpen; }

    void writeTo(MetricsWriter &writer) const;

private:
    qint64 m_connectionsOpen = 0;
    quint64 m_connectionsAccepted = 0;
    std::array<quint64, refusalKinds> m_connectionsRefused {};
    std::array<quint64, callKinds> m_calls {};
    quint64 m_messagesPosted = 0;
    quint64 m_rateLimited = 0;
    quint64 m_floodCloses = 0;
    quint64 m_slowConsumersDropped = 0;
    quint64 m_countUpdatesMerged = 0;
    quint64 m_liveSkipped = 0;
    std::array<quint64, commitBucketsNs.size() + 1> m_commitBuckets {}; // the last: above every bound
    qint64 m_commitNsSum = 0;
    quint64 m_commitFailures = 0;
    bool m_clustered = false;
    quint64 m_heartbeats = 0;
    quint64 m_eventsOut = 0;
    quint64 m_eventsIn = 0;
    quint64 m_liveOut = 0;
    quint64 m_liveIn = 0;
};

} // namespace chat::server
