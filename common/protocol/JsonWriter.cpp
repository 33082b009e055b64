#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <array>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace chat {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

// Bytes that go into a JSON string as they are: printable ASCII except the quote and the backslash.
constexpr std::array<bool, 256> plainAsciiTable()
{
    std::array<bool, 256> table {};
    for (int c = 0x20; c < 0x80; ++c)
        table[size_t(c)] = c != '"' && c != '\\';
    return table;
}
constexpr std::array<bool, 256> plainAscii = plainAsciiTable();

char *escapedAscii(char *out, char c)
{
    if (static_cast<uchar>(c) >= 0x20 && c != '"' && c != '\\') {
        *out++ = c;
        return out;
    }
    *out++ = '\\';
    switch (c) {
    case '"':
        *out++ = '"';
        break;
    case '\\':
        *out++ = '\\';
        break;
    case '\n':
        *out++ = 'n';
        break;
    case '\r':
        *out++ = 'r';
        break;
    case '\t':
        *out++ = 't';
        break;
    case '\b':
        *out++ = 'b';
        break;
    case '\f':
        *out++ = 'f';
        break;
    default:
        *out++ = 'u';
        *out++ = '0';
        *out++ = '0';
        *out++ = hexDigits[c >> 4];
        *out++ = hexDigits[c & 0xF];
    }
    return out;
}

// The length of the well-formed UTF-8 sequence at `in` (Unicode table 3-7), or 0 when there is none.
int utf8SequenceLength(const uchar *in, const uchar *end)
{
    const uchar lead = in[0];
    int length = 0;
    uchar low = 0x80, high = 0xBF; // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (end - in < length || in[1] < low || in[1] > high)
        return 0;
    for (int i = 2; i < length; ++i) {
        if ((in[i] & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

} // namespace

JsonWriter::JsonWriter(QByteArray &out)
    : m_out(out)
{ }

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (!m_first.back())
            m_out.append(',');
        m_first.back() = false;
    }
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_first.append(true);
}

void JsonWriter::endObject()
{
    m_first.removeLast();
    m_out.append('}');
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_first.append(true);
}

void JsonWriter::endArray()
{
    m_first.removeLast();
    m_out.append(']');
}

void JsonWriter::key(const char *asciiKey)
{
    separate();
    m_out.append('"').append(asciiKey).append("\":");
    m_afterKey = true;
}

void JsonWriter::key(QStringView text)
{
    value(text);
    m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::value(QAnyStringView text)
{
    prefixedValue("", text);
}

void JsonWriter::prefixedValue(const char *asciiPrefix, QAnyStringView text)
{
    separate();
    m_out.append('"').append(asciiPrefix);
    appendEscaped(text);
    m_out.append('"');
}

void JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
}

void JsonWriter::nullValue()
{
    separate();
    m_out.append("null");
}

void JsonWriter::rawValue(const QByteArray &json)
{
    separate();
    m_out.append(json);
}

void JsonWriter::jsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return nullValue();
    case QJsonValue::Bool:
        return rawValue(value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // Integers as QJsonDocument writes them (no exponent); others in their shortest exact form.
        if (std::trunc(number) == number && std::abs(number) < 9.0e15)
            return this->value(static_cast<qint64>(number));
        return rawValue(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    }
    case QJsonValue::String:
        return this->value(value.toString());
    case QJsonValue::Array:
        return rawValue(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return rawValue(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
}

void JsonWriter::stringOrNull(QAnyStringView text)
{
    if (text.isEmpty())
        nullValue();
    else
        value(text);
}

void JsonWriter::appendEscaped(QAnyStringView text)
{
    text.visit([this](auto view) {
        if constexpr (std::is_same_v<decltype(view), QLatin1String>)
            appendEscaped(
                QStringView(QString(view))); // nothing of ours is Latin-1; kept correct all the same
        else
            appendEscaped(view);
    });
}

char *JsonWriter::reserveForEscaped(qsizetype units)
{
    const qsizetype start = m_out.size();
    const qsizetype worst = start + units * 6;
    if (m_out.capacity() < worst)
        m_out.reserve(qMax(worst, m_out.capacity() * 2));
    m_out.resize(worst);
    return m_out.data() + start;
}

void JsonWriter::appendEscaped(QStringView text)
{
    // One pass from UTF-16 to escaped UTF-8 into reserved space.
    char *out = reserveForEscaped(text.size());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        char32_t c = text[i].unicode();
        if (c < 0x80) {
            out = escapedAscii(out, static_cast<char>(c));
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < size && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), text[++i].unicode());
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD; // a lone surrogate cannot be encoded
        }
        if (c < 0x800) {
            *out++ = static_cast<char>(0xC0 | (c >> 6));
        } else if (c < 0x10000) {
            *out++ = static_cast<char>(0xE0 | (c >> 12));
            *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        } else {
            *out++ = static_cast<char>(0xF0 | (c >> 18));
            *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        }
        *out++ = static_cast<char>(0x80 | (c & 0x3F));
    }
    m_out.resize(out - m_out.constData());
}

void JsonWriter::appendEscaped(QUtf8StringView text)
{
    // Bytes are copied as they are, except what JSON must escape; a byte that starts no well-formed sequence
    // becomes U+FFFD (3 bytes, within the 6 reserved per byte), as QString::fromUtf8 would make it.
    char *out = reserveForEscaped(text.size());
    const auto *in = reinterpret_cast<const uchar *>(text.data());
    const uchar *end = in + text.size();
    while (in < end) {
        const uchar *run = in; // most text is a long run of plain ASCII: copied at once
        while (in < end && plainAscii[*in])
            ++in;
        std::memcpy(out, run, size_t(in - run));
        out += in - run;
        if (in == end)
            break;
        if (*in < 0x80) {
            out = escapedAscii(out, static_cast<char>(*in++));
            continue;
        }
        const int length = utf8SequenceLength(in, end);
        if (length == 0) {
            *out++ = '\xEF';
            *out++ = '\xBF';
            *out++ = '\xBD';
            ++in;
            continue;
        }
        std::memcpy(out, in, length);
        out += length;
        in += length;
    }
    m_out.resize(out - m_out.constData());
}

} // namespace chat
