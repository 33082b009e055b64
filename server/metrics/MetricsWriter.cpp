#include "MetricsWriter.h"

#include <QLocale>

#include <cmath>

namespace chat::server {

namespace {

// HELP text: backslash and line feed escaped (quotes stay).
QByteArray escapeHelp(QByteArrayView help)
{
    QByteArray escaped;
    escaped.reserve(help.size());
    for (const char c : help) {
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    return escaped;
}

} // namespace

QByteArray MetricsWriter::escapeLabelValue(QByteArrayView value)
{
    QByteArray escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '"')
            escaped += "\\\"";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    return escaped;
}

QByteArray MetricsWriter::number(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    // Whole numbers up to 2^53 exactly, without an exponent (a start time in seconds, bytes).
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(qint64(value));
    // Plain decimals where they are short (bucket bounds, seconds), the exponent form otherwise.
    const double magnitude = std::fabs(value);
    const char format = magnitude >= 1e-6 && magnitude < 1e15 ? 'f' : 'g';
    return QByteArray::number(value, format, QLocale::FloatingPointShortest);
}

void MetricsWriter::family(const char *name, const char *type, const char *help)
{
    m_out += "# HELP ";
    m_out += name;
    m_out += ' ';
    m_out += escapeHelp(QByteArrayView(help));
    m_out += "\n# TYPE ";
    m_out += name;
    m_out += ' ';
    m_out += type;
    m_out += '\n';
}

void MetricsWriter::beginSample(const char *name, const char *suffix, std::initializer_list<Label> labels,
                                const Label *extra)
{
    m_out += name;
    m_out += suffix;
    if (labels.size() == 0 && !extra) {
        m_out += ' ';
        return;
    }
    m_out += '{';
    bool first = true;
    const auto write = [this, &first](const Label &label) {
        if (!first)
            m_out += ',';
        first = false;
        m_out += label.name;
        m_out += "=\"";
        m_out += escapeLabelValue(label.value);
        m_out += '"';
    };
    for (const Label &label : labels)
        write(label);
    if (extra)
        write(*extra);
    m_out += "} ";
}

void MetricsWriter::sample(const char *name, std::initializer_list<Label> labels, quint64 value)
{
    beginSample(name, "", labels);
    m_out += QByteArray::number(value);
    m_out += '\n';
}

void MetricsWriter::sample(const char *name, std::initializer_list<Label> labels, double value)
{
    beginSample(name, "", labels);
    m_out += number(value);
    m_out += '\n';
}

void MetricsWriter::counter(const char *name, const char *help, quint64 value)
{
    family(name, "counter", help);
    sample(name, {}, value);
}

void MetricsWriter::gauge(const char *name, const char *help, double value)
{
    family(name, "gauge", help);
    sample(name, {}, value);
}

void MetricsWriter::histogram(const char *name, const char *help, const double *bounds, const quint64 *counts,
                              int boundCount, double sum)
{
    family(name, "histogram", help);
    quint64 cumulative = 0;
    for (int i = 0; i <= boundCount; ++i) {
        cumulative += counts[i];
        const QByteArray le = i < boundCount ? number(bounds[i]) : QByteArrayLiteral("+Inf");
        const Label bucket {"le", le};
        beginSample(name, "_bucket", {}, &bucket);
        m_out += QByteArray::number(cumulative);
        m_out += '\n';
    }
    beginSample(name, "_sum", {});
    m_out += number(sum);
    m_out += '\n';
    beginSample(name, "_count", {});
    m_out += QByteArray::number(cumulative);
    m_out += '\n';
}

} // namespace chat::server
