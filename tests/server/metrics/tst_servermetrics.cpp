// ServerMetrics: what each increment shows in the exposition, and the commit histogram's buckets.
#include "metrics/MetricsWriter.h"
#include "metrics/ServerMetrics.h"

#include <QTest>

using chat::CallName;
using chat::server::MetricsWriter;
using chat::server::ServerMetrics;

namespace {

QByteArray render(const ServerMetrics &metrics)
{
    QByteArray text;
    MetricsWriter writer(text);
    metrics.writeTo(writer);
    return text;
}

bool hasLine(const QByteArray &text, const QByteArray &line)
{
    return text.startsWith(line + '\n') || text.contains('\n' + line + '\n');
}

} // namespace

class TestServerMetrics : public QObject
{
    Q_OBJECT

private slots:
    void incrementsShowUnderTheirNames()
    {
        ServerMetrics metrics;
        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionClosed();
        metrics.connectionRefused(ServerMetrics::Refusal::MaxPerAddress);
        metrics.callHandled(CallName::CreateMessage);
        metrics.callHandled(CallName::CreateMessage);
        metrics.callHandled(CallName::ResetDrawing);
        metrics.unknownCallHandled();
        metrics.messagePosted();
        metrics.rateLimited();
        metrics.floodClosed();
        metrics.slowConsumerDropped();
        metrics.countUpdateMerged();
        metrics.commitFailed();
        const QByteArray text = render(metrics);
        for (const char *line :
             {"chat_connections_open 1", "chat_connections_accepted_total 2",
              "chat_connections_refused_total{reason=\"max_connections\"} 0",
              "chat_connections_refused_total{reason=\"max_per_address\"} 1",
              "chat_calls_total{call=\"create_message\"} 2", "chat_calls_total{call=\"reset_drawing\"} 1",
              "chat_calls_total{call=\"list_rooms\"} 0", "chat_calls_total{call=\"unknown\"} 1",
              "chat_messages_posted_total 1", "chat_rate_limited_total 1", "chat_flood_closes_total 1",
              "chat_slow_consumers_dropped_total 1", "chat_count_updates_merged_total 1",
              "chat_commit_failures_total 1", "chat_commits_total 0"})
            QVERIFY2(hasLine(text, line), line);
        // Every call name of the protocol and its extensions, and unknown: a bounded label set.
        QCOMPARE(text.count("chat_calls_total{call="), 16);
        // The cluster's metrics only on several nodes.
        QVERIFY(!text.contains("chat_cluster_"));
        metrics.setClustered();
        metrics.heartbeatWritten();
        metrics.eventsRelayedOut(3);
        metrics.eventRelayedIn();
        const QByteArray clustered = render(metrics);
        QVERIFY(hasLine(clustered, "chat_cluster_heartbeats_total 1"));
        QVERIFY(hasLine(clustered, "chat_cluster_events_out_total 3"));
        QVERIFY(hasLine(clustered, "chat_cluster_events_in_total 1"));
    }

    void commitsFallIntoTheirBuckets()
    {
        ServerMetrics metrics;
        metrics.commitSucceeded(400'000); // 0.4 ms
        metrics.commitSucceeded(500'000); // on the bound: in it
        metrics.commitSucceeded(3'000'000); // 3 ms
        metrics.commitSucceeded(2'000'000'000); // 2 s: above every bound
        const QByteArray text = render(metrics);
        for (const char *line :
             {"chat_commit_duration_seconds_bucket{le=\"0.0005\"} 2",
              "chat_commit_duration_seconds_bucket{le=\"0.001\"} 2",
              "chat_commit_duration_seconds_bucket{le=\"0.0025\"} 2",
              "chat_commit_duration_seconds_bucket{le=\"0.005\"} 3",
              "chat_commit_duration_seconds_bucket{le=\"1\"} 3",
              "chat_commit_duration_seconds_bucket{le=\"+Inf\"} 4", "chat_commit_duration_seconds_sum 2.0039",
              "chat_commit_duration_seconds_count 4", "chat_commits_total 4"})
            QVERIFY2(hasLine(text, line), line);
    }

    void everySampleHasHelpAndType()
    {
        ServerMetrics metrics;
        metrics.setClustered();
        const QList<QByteArray> lines = render(metrics).split('\n');
        QByteArray family;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            if (line.startsWith("# HELP ")) {
                family = line.split(' ').value(2);
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                QCOMPARE(line.split(' ').value(2), family);
                continue;
            }
            QVERIFY2(line.startsWith(family), line.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestServerMetrics)
#include "tst_servermetrics.moc"
