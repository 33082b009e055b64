#include "Stats.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace chat::bench {

void Stats::add(double value)
{
    if (!m_values.empty() && value < m_values.back())
        m_sorted = false;
    m_values.push_back(value);
    m_sum += value;
    if (m_inOrder.size() < maxInOrder)
        m_inOrder.push_back(value);
}

void Stats::sort() const
{
    if (!m_sorted) {
        std::sort(m_values.begin(), m_values.end());
        m_sorted = true;
    }
}

double Stats::percentile(double p) const
{
    if (m_values.empty())
        return 0;
    sort();
    const double clamped = std::clamp(p, 0.0, 100.0);
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(clamped / 100.0 * double(m_values.size())));
    const std::size_t index = rank == 0 ? 0 : std::min(rank - 1, m_values.size() - 1);
    return m_values[index];
}

double Stats::mean() const
{
    return m_values.empty() ? 0 : m_sum / double(m_values.size());
}

double Stats::round3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

QJsonObject Stats::toJson() const
{
    QJsonObject json {
        {QStringLiteral("count"), qint64(m_values.size())}, {QStringLiteral("min"), round3(min())},
        {QStringLiteral("p50"), round3(percentile(50))},    {QStringLiteral("p95"), round3(percentile(95))},
        {QStringLiteral("p99"), round3(percentile(99))},    {QStringLiteral("max"), round3(max())},
        {QStringLiteral("mean"), round3(mean())},
    };
    if (m_values.size() <= maxInOrder) {
        QJsonArray inOrder;
        for (const double value : m_inOrder)
            inOrder.append(round3(value));
        json.insert(QStringLiteral("in_order"), inOrder);
    }
    return json;
}

QString Stats::describe(const QString &unit) const
{
    if (m_values.empty())
        return QStringLiteral("no samples");
    return QStringLiteral("p50 %1, p95 %2, p99 %3, min %4, max %5 %6 (n=%7)")
        .arg(percentile(50), 0, 'f', 3)
        .arg(percentile(95), 0, 'f', 3)
        .arg(percentile(99), 0, 'f', 3)
        .arg(min(), 0, 'f', 3)
        .arg(max(), 0, 'f', 3)
        .arg(unit)
        .arg(m_values.size());
}

} // namespace chat::bench
