// MetricsWriter: the Prometheus text exposition format (0.0.4) exactly, for a small registry.
#include "metrics/MetricsWriter.h"

#include <QTest>

#include <cmath>
#include <limits>

using chat::server::MetricsWriter;

class TestMetricsWriter : public QObject
{
    Q_OBJECT

private slots:
    void countersAndGaugesAreWrittenExactly()
    {
        QByteArray text;
        MetricsWriter writer(text);
        writer.counter("chat_things_total", "Things done.", 42);
        writer.gauge("chat_level", "A level.", 2.5);
        writer.family("chat_calls_total", "counter", "Calls by name.");
        writer.sample("chat_calls_total", {{"call", "create_room"}}, quint64(3));
        writer.sample("chat_calls_total", {{"call", "list_rooms"}, {"node", "a"}}, quint64(0));
        QCOMPARE(text,
                 QByteArray("# HELP chat_things_total Things done.\n"
                            "# TYPE chat_things_total counter\n"
                            "chat_things_total 42\n"
                            "# HELP chat_level A level.\n"
                            "# TYPE chat_level gauge\n"
                            "chat_level 2.5\n"
                            "# HELP chat_calls_total Calls by name.\n"
                            "# TYPE chat_calls_total counter\n"
                            "chat_calls_total{call=\"create_room\"} 3\n"
                            "chat_calls_total{call=\"list_rooms\",node=\"a\"} 0\n"));
    }

    void histogramBucketsAreCumulativeWithInfSumAndCount()
    {
        QByteArray text;
        MetricsWriter writer(text);
        const double bounds[] = {0.0005, 0.01, 1};
        const quint64 counts[] = {2, 0, 3, 1}; // per bucket; the last above 1 s
        writer.histogram("chat_commit_duration_seconds", "Commit time.", bounds, counts, 3, 4.75);
        QCOMPARE(text,
                 QByteArray("# HELP chat_commit_duration_seconds Commit time.\n"
                            "# TYPE chat_commit_duration_seconds histogram\n"
                            "chat_commit_duration_seconds_bucket{le=\"0.0005\"} 2\n"
                            "chat_commit_duration_seconds_bucket{le=\"0.01\"} 2\n"
                            "chat_commit_duration_seconds_bucket{le=\"1\"} 5\n"
                            "chat_commit_duration_seconds_bucket{le=\"+Inf\"} 6\n"
                            "chat_commit_duration_seconds_sum 4.75\n"
                            "chat_commit_duration_seconds_count 6\n"));
    }

    void labelValuesAndHelpAreEscaped()
    {
        QCOMPARE(MetricsWriter::escapeLabelValue("plain"), QByteArray("plain"));
        QCOMPARE(MetricsWriter::escapeLabelValue("a\\b\"c\nd"), QByteArray("a\\\\b\\\"c\\nd"));
        QByteArray text;
        MetricsWriter writer(text);
        writer.family("chat_x", "gauge", "Back\\slash, \"quotes\" and\nnew line.");
        writer.sample("chat_x", {{"node", "n\"1\\\n"}}, 1.0);
        QCOMPARE(text,
                 QByteArray("# HELP chat_x Back\\\\slash, \"quotes\" and\\nnew line.\n"
                            "# TYPE chat_x gauge\n"
                            "chat_x{node=\"n\\\"1\\\\\\n\"} 1\n"));
    }

    void numbersAreWrittenAsPrometheusReadsThem()
    {
        QCOMPARE(MetricsWriter::number(0), QByteArray("0"));
        QCOMPARE(MetricsWriter::number(1796229914), QByteArray("1796229914"));
        QCOMPARE(MetricsWriter::number(1796229914.19), QByteArray("1796229914.19"));
        QCOMPARE(MetricsWriter::number(0.0025), QByteArray("0.0025"));
        QCOMPARE(MetricsWriter::number(-3), QByteArray("-3"));
        QCOMPARE(MetricsWriter::number(1e300), QByteArray("1e+300"));
        QCOMPARE(MetricsWriter::number(std::numeric_limits<double>::infinity()), QByteArray("+Inf"));
        QCOMPARE(MetricsWriter::number(-std::numeric_limits<double>::infinity()), QByteArray("-Inf"));
        QCOMPARE(MetricsWriter::number(std::nan("")), QByteArray("NaN"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsWriter)
#include "tst_metricswriter.moc"
