#include "ExactText.h"

#include <QStringDecoder>

#include <type_traits>

namespace chat::ExactText {

namespace {
constexpr char byteOrderMark[] = "\xEF\xBB\xBF";
} // namespace

QString fromUtf8(QByteArrayView utf8)
{
    // ConvertInitialBom: a leading EF BB BF is the character U+FEFF, not a mark to drop.
    QStringDecoder decoder(QStringConverter::Utf8,
                           QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

QString toString(QAnyStringView text)
{
    return text.visit([](auto view) {
        if constexpr (std::is_same_v<decltype(view), QUtf8StringView>)
            return fromUtf8(QByteArrayView(view.data(), view.size()));
        else
            return view.toString();
    });
}

QJsonDocument parseJson(const QByteArray &utf8, QJsonParseError *error)
{
    const QByteArrayView mark(byteOrderMark, 3);
    // A byte-order mark before the document (after spaces) is Qt's to skip; look only after it.
    qsizetype start = 0;
    while (start < utf8.size()
           && (utf8[start] == ' ' || utf8[start] == '\t' || utf8[start] == '\n' || utf8[start] == '\r'))
        ++start;
    if (QByteArrayView(utf8).sliced(start).startsWith(mark))
        start += mark.size();
    qsizetype found = utf8.indexOf(mark, start);
    if (found < 0)
        return QJsonDocument::fromJson(utf8, error); // the common case: nothing to do
    // Outside strings a U+FEFF is no JSON either way; inside them the escape means the same character.
    QByteArray escaped;
    escaped.reserve(utf8.size() + 16);
    qsizetype from = 0;
    while (found >= 0) {
        qsizetype backslashes = 0;
        while (found - backslashes > from && utf8[found - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 1)
            return QJsonDocument::fromJson(utf8, error); // "\" and the mark: invalid, as Qt will say
        escaped.append(QByteArrayView(utf8).sliced(from, found - from)).append("\\ufeff");
        from = found + mark.size();
        found = utf8.indexOf(mark, from);
    }
    escaped.append(QByteArrayView(utf8).sliced(from));
    return QJsonDocument::fromJson(escaped, error);
}

} // namespace chat::ExactText
