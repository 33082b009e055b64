#include "ServerMetrics.h"

#include "MetricsWriter.h"

namespace chat::server {

void ServerMetrics::commitSucceeded(qint64 nanoseconds)
{
    std::size_t bucket = 0;
    while (bucket < commitBucketsNs.size() && nanoseconds > commitBucketsNs[bucket])
        ++bucket;
    ++m_commitBuckets[bucket];
    m_commitNsSum += nanoseconds;
}

void ServerMetrics::writeTo(MetricsWriter &writer) const
{
    writer.gauge("chat_connections_open", "WebSocket connections open now.", double(m_connectionsOpen));
    writer.counter("chat_connections_accepted_total",
                   "WebSocket connections accepted (handshake done and within the limits).",
                   m_connectionsAccepted);
    writer.family("chat_connections_refused_total", "counter",
                  "WebSocket connections closed right after the handshake by a limit, by reason.");
    const char *const refusals[] = {"max_connections", "max_per_address", "flood_ban"};
    for (std::size_t i = 0; i < refusalKinds; ++i)
        writer.sample("chat_connections_refused_total", {{"reason", refusals[i]}}, m_connectionsRefused[i]);

    writer.family("chat_calls_total", "counter",
                  "Calls run or answered, by call name; \"unknown\": frames that are not a known call.");
    for (std::size_t i = 0; i + 1 < callKinds; ++i)
        writer.sample("chat_calls_total", {{"call", nameOf(CallName(i)).toUtf8()}}, m_calls[i]);
    writer.sample("chat_calls_total", {{"call", "unknown"}}, m_calls[callKinds - 1]);
    writer.counter("chat_messages_posted_total", "Messages stored by create_message.", m_messagesPosted);
    writer.counter("chat_rate_limited_total", "Frames refused with rate_limited (token bucket empty).",
                   m_rateLimited);
    writer.counter("chat_flood_closes_total", "Connections closed with 1008 for flooding.", m_floodCloses);
    writer.counter("chat_slow_consumers_dropped_total",
                   "Connections dropped because they did not read what was sent to them.",
                   m_slowConsumersDropped);
    writer.counter("chat_count_updates_merged_total",
                   "Count updates (a message posted, a user entering or leaving) for connections outside a "
                   "room replaced by a newer one before they were sent (--room-update-budget).",
                   m_countUpdatesMerged);
    writer.counter("chat_live_skipped_total",
                   "Live statements (previews, typing) a connection with a write backlog skipped.",
                   m_liveSkipped);

    std::array<double, commitBucketsNs.size()> bounds {};
    quint64 committed = 0;
    for (std::size_t i = 0; i < commitBucketsNs.size(); ++i)
        bounds[i] = double(commitBucketsNs[i]) / 1e9;
    for (const quint64 count : m_commitBuckets)
        committed += count;
    writer.histogram("chat_commit_duration_seconds",
                     "Time to commit (and sync) one group of calls to the database.", bounds.data(),
                     m_commitBuckets.data(), int(commitBucketsNs.size()), double(m_commitNsSum) / 1e9);
    writer.counter("chat_commits_total", "Group commits that succeeded.", committed);
    writer.counter("chat_commit_failures_total",
                   "Group commits the database refused (storage errors): their calls got internal_error.",
                   m_commitFailures);

    if (!m_clustered)
        return;
    writer.counter("chat_cluster_heartbeats_total", "Heartbeats this node wrote to the nodes table.",
                   m_heartbeats);
    writer.counter("chat_cluster_events_out_total",
                   "Broadcasts this node relayed to the other nodes (rows of the events table).",
                   m_eventsOut);
    writer.counter("chat_cluster_events_in_total",
                   "Broadcasts of the other nodes delivered to this node's clients.", m_eventsIn);
    writer.counter("chat_cluster_live_notifications_out_total",
                   "NOTIFYs on chat_live that carried this node's live statements to the other nodes.",
                   m_liveOut);
    writer.counter("chat_cluster_live_in_total",
                   "Live statements of the other nodes delivered to this node's clients.", m_liveIn);
}

} // namespace chat::server
