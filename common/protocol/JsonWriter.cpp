#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace chat {

namespace {
constexpr char hexDigits[] = "0123456789abcdef";
}

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

void JsonWriter::value(QStringView text)
{
    separate();
    m_out.append('"');
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

void JsonWriter::stringOrNull(const QString &text)
{
    if (text.isEmpty())
        nullValue();
    else
        value(text);
}

void JsonWriter::appendEscaped(QStringView text)
{
    // One pass from UTF-16 to escaped UTF-8 into reserved space: at most 6 bytes per unit ("\u001f").
    const qsizetype start = m_out.size();
    const qsizetype worst = start + text.size() * 6;
    if (m_out.capacity() < worst)
        m_out.reserve(qMax(worst, m_out.capacity() * 2));
    m_out.resize(worst);
    char *out = m_out.data() + start;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        char32_t c = text[i].unicode();
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *out++ = static_cast<char>(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case u'"':
                *out++ = '"';
                break;
            case u'\\':
                *out++ = '\\';
                break;
            case u'\n':
                *out++ = 'n';
                break;
            case u'\r':
                *out++ = 'r';
                break;
            case u'\t':
                *out++ = 't';
                break;
            case u'\b':
                *out++ = 'b';
                break;
            case u'\f':
                *out++ = 'f';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hexDigits[c >> 4];
                *out++ = hexDigits[c & 0xF];
            }
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

} // namespace chat
