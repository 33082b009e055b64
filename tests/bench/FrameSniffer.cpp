#include "FrameSniffer.h"

#include "protocol/MessageNames.h"

namespace chat::bench {
namespace {

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

} // namespace

QStringView FrameSniffer::messageName(const QString &text)
{
    // The quoted key. Nothing else the server sends has a key of that name (rooms, users, messages, drawings
    // and lines don't), and inside a JSON string the quotes would be escaped, so the first match is the key.
    static const QString quotedKey = QLatin1Char('"') + QString::fromUtf16(key::message) + QLatin1Char('"');
    qsizetype at = text.indexOf(quotedKey);
    if (at < 0)
        return {};
    at += quotedKey.size();
    const qsizetype size = text.size();
    while (at < size && isJsonSpace(text.at(at)))
        ++at;
    if (at >= size || text.at(at) != u':')
        return {};
    ++at;
    while (at < size && isJsonSpace(text.at(at)))
        ++at;
    if (at >= size || text.at(at) != u'"')
        return {};
    ++at;
    const qsizetype end = text.indexOf(QLatin1Char('"'), at);
    if (end < 0)
        return {};
    const QStringView name = QStringView(text).mid(at, end - at);
    if (name.contains(u'\\'))
        return {}; // escaped: let the full parser decode it
    return name;
}

} // namespace chat::bench
