#include "JsonCursor.h"

#include "protocol/ExactText.h"

namespace chat {

namespace {

constexpr int maxDepth = 64; // deeper values go to QJsonDocument (whose own limit is 1024)
constexpr qsizetype maxNumberLength = 15; // shorter plain numbers are read alike by every parser

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

char JsonCursor::peek()
{
    while (m_at < m_text.size() && isSpace(m_text.at(m_at)))
        ++m_at;
    return m_failed || m_at >= m_text.size() ? 0 : m_text.at(m_at);
}

bool JsonCursor::expect(char c)
{
    if (peek() != c)
        return fail();
    ++m_at;
    return true;
}

bool JsonCursor::nextMember(bool &first, QByteArrayView &key)
{
    if (peek() == '}' && first) {
        ++m_at;
        return false;
    }
    if (!first) {
        if (peek() == '}') {
            ++m_at;
            return false;
        }
        if (!expect(','))
            return false;
    }
    first = false;
    bool escaped = false;
    if (!scanString(key, escaped))
        return false;
    if (escaped) {
        QString decoded;
        if (!decodeEscapes(key, decoded))
            return false;
        m_keyBuffer = decoded.toUtf8();
        key = m_keyBuffer;
    }
    return expect(':');
}

bool JsonCursor::nextElement(bool &first)
{
    if (peek() == ']' && first) {
        ++m_at;
        return false;
    }
    if (!first) {
        if (peek() == ']') {
            ++m_at;
            return false;
        }
        if (!expect(','))
            return false;
    }
    first = false;
    return !m_failed;
}

bool JsonCursor::scanString(QByteArrayView &raw, bool &escaped)
{
    if (!expect('"'))
        return false;
    const qsizetype start = m_at;
    escaped = false;
    while (m_at < m_text.size()) {
        const char c = m_text.at(m_at);
        if (c == '"') {
            raw = m_text.sliced(start, m_at - start);
            ++m_at;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return fail(); // control characters must be escaped
        if (c == '\\') {
            escaped = true;
            ++m_at; // the escaped character is checked when decoding
        }
        ++m_at;
    }
    return fail();
}

bool JsonCursor::decodeEscapes(QByteArrayView raw, QString &out)
{
    out.clear();
    out.reserve(raw.size());
    qsizetype i = 0;
    while (i < raw.size()) {
        const qsizetype backslash = raw.indexOf('\\', i);
        const qsizetype plainEnd = backslash < 0 ? raw.size() : backslash;
        out += ExactText::fromUtf8(raw.sliced(i, plainEnd - i));
        if (backslash < 0)
            break;
        if (backslash + 1 >= raw.size())
            return fail();
        const char kind = raw.at(backslash + 1);
        i = backslash + 2;
        switch (kind) {
        case '"':
        case '\\':
        case '/':
            out += QLatin1Char(kind);
            break;
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            if (i + 4 > raw.size())
                return fail();
            int code = 0;
            for (int digit = 0; digit < 4; ++digit) {
                const int value = hexValue(raw.at(i + digit));
                if (value < 0)
                    return fail();
                code = code * 16 + value;
            }
            out += QChar(char16_t(code)); // surrogate pairs arrive as two escapes, as in UTF-16
            i += 4;
            break;
        }
        default:
            return fail();
        }
    }
    return true;
}

bool JsonCursor::readString(QString &out)
{
    QByteArrayView raw;
    bool escaped = false;
    if (!scanString(raw, escaped))
        return false;
    if (!escaped) {
        out = ExactText::fromUtf8(raw); // not QString::fromUtf8: it drops a leading U+FEFF
        return true;
    }
    return decodeEscapes(raw, out);
}

bool JsonCursor::readNull()
{
    return peek() == 'n' ? skipLiteral("null") : fail();
}

bool JsonCursor::readBool(bool &out)
{
    const char next = peek();
    out = next == 't';
    if (next == 't')
        return skipLiteral("true");
    return next == 'f' ? skipLiteral("false") : fail();
}

bool JsonCursor::skipLiteral(QByteArrayView literal)
{
    if (m_text.sliced(m_at).startsWith(literal)) {
        m_at += literal.size();
        return true;
    }
    return fail();
}

bool JsonCursor::skipNumber()
{
    // Plain integers and decimals only: exponents and long numbers (overflow, precision) go to Qt's parser.
    const qsizetype start = m_at;
    if (m_at < m_text.size() && m_text.at(m_at) == '-')
        ++m_at;
    const qsizetype digits = m_at;
    while (m_at < m_text.size() && isDigit(m_text.at(m_at)))
        ++m_at;
    if (m_at == digits || (m_text.at(digits) == '0' && m_at - digits > 1))
        return fail();
    if (m_at < m_text.size() && m_text.at(m_at) == '.') {
        const qsizetype fraction = ++m_at;
        while (m_at < m_text.size() && isDigit(m_text.at(m_at)))
            ++m_at;
        if (m_at == fraction)
            return fail();
    }
    if (m_at < m_text.size() && (m_text.at(m_at) == 'e' || m_text.at(m_at) == 'E'))
        return fail();
    return m_at - start <= maxNumberLength ? true : fail();
}

bool JsonCursor::skipValue(int depth)
{
    if (depth > maxDepth)
        return fail();
    const char c = peek();
    if (c == '"') {
        QByteArrayView raw;
        bool escaped = false;
        QString ignored;
        return scanString(raw, escaped) && (!escaped || decodeEscapes(raw, ignored));
    }
    if (c == '{') {
        enterObject();
        bool first = true;
        QByteArrayView key;
        while (nextMember(first, key)) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !m_failed;
    }
    if (c == '[') {
        enterArray();
        bool first = true;
        while (nextElement(first)) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !m_failed;
    }
    if (c == 't')
        return skipLiteral("true");
    if (c == 'f')
        return skipLiteral("false");
    if (c == 'n')
        return skipLiteral("null");
    if (c == '-' || isDigit(c))
        return skipNumber();
    return fail();
}

} // namespace chat
