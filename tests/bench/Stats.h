#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace chat::bench {

// Samples of one figure (milliseconds, usually) and their order statistics (nearest-rank percentiles).
class Stats
{
public:
    void add(double value);
    void reserve(std::size_t count) { m_values.reserve(count); }

    std::size_t count() const { return m_values.size(); }
    bool isEmpty() const { return m_values.empty(); }
    double percentile(double p) const; // p in [0, 100]; 0 when empty
    double min() const { return percentile(0); }
    double max() const { return percentile(100); }
    double mean() const;

    // {"count", "min", "p50", "p95", "p99", "max", "mean"}, values rounded to microseconds; for a few samples
    // (a probe repeated, not a latency distribution) also "in_order": each one as it came.
    QJsonObject toJson() const;
    // "p50 1.234 ms, p95 …" for the summary.
    QString describe(const QString &unit = QStringLiteral("ms")) const;

    static double round3(double value);
    static constexpr std::size_t maxInOrder = 32;

private:
    void sort() const;

    mutable std::vector<double> m_values;
    std::vector<double> m_inOrder; // the first maxInOrder samples, unsorted
    mutable bool m_sorted = true;
    double m_sum = 0;
};

} // namespace chat::bench
