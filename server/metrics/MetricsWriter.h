#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <initializer_list>

namespace chat::server {

// Writes the Prometheus text exposition format (version 0.0.4): a HELP and a TYPE line per metric family,
// then its samples, one per line. Names and help texts are the caller's constants; label values may be
// anything and are escaped.
class MetricsWriter
{
public:
    struct Label
    {
        const char *name;
        QByteArrayView value;
    };

    static constexpr char contentType[] = "text/plain; version=0.0.4; charset=utf-8";

    explicit MetricsWriter(QByteArray &out)
        : m_out(out)
    { }

    // type: "counter", "gauge" or "histogram".
    void family(const char *name, const char *type, const char *help);
    void sample(const char *name, std::initializer_list<Label> labels, quint64 value);
    void sample(const char *name, std::initializer_list<Label> labels, double value);

    // A whole family of one sample each.
    void counter(const char *name, const char *help, quint64 value);
    void gauge(const char *name, const char *help, double value);
    // bounds: the buckets' upper bounds, ascending; counts: observations per bucket (not cumulative), one
    // more than bounds for those above the last bound. Written cumulative, with +Inf, _sum and _count.
    void histogram(const char *name, const char *help, const double *bounds, const quint64 *counts,
                   int boundCount, double sum);

    // Label values: backslash, double quote and line feed escaped.
    static QByteArray escapeLabelValue(QByteArrayView value);
    // Numbers as Prometheus reads them: integers without a fraction, NaN and infinities by name.
    static QByteArray number(double value);

private:
    void beginSample(const char *name, const char *suffix, std::initializer_list<Label> labels,
                     const Label *extra = nullptr);

    QByteArray &m_out;
};

} // namespace chat::server
