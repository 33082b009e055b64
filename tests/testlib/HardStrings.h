#pragma once
// Random strings for the exact-text tests (docs/PROTOCOL.md section 3, "Strings"): drawn mostly from the code
// points decoders and databases get wrong, written as JSON string literals with each code point raw in UTF-8
// or \u-escaped at random. Everything is encoded by hand: Qt's own conversions are among what is tested.
// Used by tests/integration/tst_exacttext.cpp (through a real server) and tests/client/net/tst_exacttext.cpp.

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

#include <string>
#include <vector>

namespace chat::test {

class HardStrings
{
public:
    explicit HardStrings(quint32 seed)
        : m_random(seed)
    {
        // Hard cases, most of the draws: every plane's last two noncharacters, the U+FDD0-U+FDEF block, the
        // byte-order mark, NUL and other controls, the JSON specials, the line and paragraph separators,
        // astral characters, the edges of the BMP's private and surrogate neighbourhood.
        for (char32_t plane = 0; plane <= 0x10; ++plane) {
            m_hard.push_back(plane * 0x10000 + 0xFFFE);
            m_hard.push_back(plane * 0x10000 + 0xFFFF);
        }
        for (char32_t c = 0xFDD0; c <= 0xFDEF; ++c)
            m_hard.push_back(c);
        for (const char32_t c : {0xFEFF, 0xFEFF, 0xFEFF, 0x0000,  0x0000,  0x0001,  0x001F,   0x007F, 0x0080,
                                 0x009F, 0x00A0, 0x00AD, 0x2028,  0x2029,  0x200B,  0x200D,   0x0301, 0xFFFD,
                                 0xD7FF, 0xE000, 0xF8FF, 0x10000, 0x1F600, 0x1F468, 0x10FFFD, 0x0022, 0x005C,
                                 0x002F, 0x000A, 0x000D, 0x0009,  0x0008,  0x000C,  0x0020})
            m_hard.push_back(c);
        for (const char32_t c : {U'a', U'B', U'z', U'0', U' ', U'.', U'é', U'ß', U'中', U'ж', U'ع'})
            m_plain.push_back(c);
    }

    std::u32string next()
    {
        std::u32string text;
        const int length = 1 + int(m_random.bounded(24));
        const quint32 start = m_random.bounded(10);
        if (start < 3)
            text.push_back(0xFEFF); // a leading byte-order mark is what decoders strip
        else if (start == 3)
            text.push_back(0xFFFE); // and this one is a byte-swapped one
        while (int(text.size()) < length) {
            const bool hard = m_random.bounded(10) < 7;
            const auto &pool = hard ? m_hard : m_plain;
            text.push_back(pool[m_random.bounded(quint32(pool.size()))]);
        }
        return text;
    }

    // The JSON string literal for `text`: each code point raw in UTF-8 or as \u escapes (astral ones as an
    // escaped surrogate pair), at random; what JSON requires escaped always is.
    QByteArray literal(const std::u32string &text)
    {
        QByteArray out("\"");
        for (const char32_t c : text) {
            const bool escape = c < 0x20 || c == '"' || c == '\\' || m_random.bounded(3) == 0;
            if (!escape) {
                out.append(utf8(c)); // not QString::fromUcs4: it takes U+FEFF for a byte-order mark
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(char(c));
            } else if (c >= 0x10000) {
                out.append(escaped(QChar::highSurrogate(c))).append(escaped(QChar::lowSurrogate(c)));
            } else {
                out.append(escaped(c));
            }
        }
        return out.append('"');
    }

    // UTF-16 by hand (QString::fromUcs4 would take a U+FEFF for a byte-order mark).
    static QString utf16(const std::u32string &text)
    {
        QString out;
        for (const char32_t c : text) {
            if (c >= 0x10000)
                out.append(QChar(QChar::highSurrogate(c))).append(QChar(QChar::lowSurrogate(c)));
            else
                out.append(QChar(char16_t(c)));
        }
        return out;
    }

    static QByteArray utf8(char32_t c)
    {
        QByteArray out;
        if (c < 0x80) {
            out.append(char(c));
        } else if (c < 0x800) {
            out.append(char(0xC0 | (c >> 6))).append(char(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.append(char(0xE0 | (c >> 12)))
                .append(char(0x80 | ((c >> 6) & 0x3F)))
                .append(char(0x80 | (c & 0x3F)));
        } else {
            out.append(char(0xF0 | (c >> 18)))
                .append(char(0x80 | ((c >> 12) & 0x3F)))
                .append(char(0x80 | ((c >> 6) & 0x3F)))
                .append(char(0x80 | (c & 0x3F)));
        }
        return out;
    }

    static QByteArray escaped(char32_t unit)
    {
        // Both cases of hex digits occur in the wild.
        return QByteArrayLiteral("\\u") + QByteArray::number(uint(unit), 16).rightJustified(4, '0');
    }

private:
    QRandomGenerator m_random;
    std::vector<char32_t> m_hard;
    std::vector<char32_t> m_plain;
};

} // namespace chat::test
