#include "BodyCodec.h"

namespace chat::bench {
namespace {

const QString &tag()
{
    static const QString value = QStringLiteral("cb");
    return value;
}

} // namespace

QString BodyCodec::encode(const BenchBody &body, int minLength)
{
    QString text = tag() + QLatin1Char(' ') + QString::number(body.run, 16) + QLatin1Char(' ')
        + QString::number(body.sender) + QLatin1Char(' ') + QString::number(body.sequence) + QLatin1Char(' ')
        + QString::number(body.sentNs);
    if (text.size() < minLength) {
        text += QLatin1Char(' ');
        text += QString(minLength - text.size(), QLatin1Char('x'));
    }
    return text;
}

std::optional<BenchBody> BodyCodec::decode(QStringView text)
{
    qsizetype at = 0;
    const auto nextField = [&]() -> QStringView {
        const qsizetype end = text.indexOf(u' ', at);
        const QStringView field = end < 0 ? text.mid(at) : text.mid(at, end - at);
        at = end < 0 ? text.size() : end + 1;
        return field;
    };
    if (nextField() != tag())
        return std::nullopt;
    bool okRun = false;
    bool okSender = false;
    bool okSequence = false;
    bool okSent = false;
    BenchBody body;
    body.run = nextField().toUInt(&okRun, 16);
    body.sender = nextField().toInt(&okSender);
    body.sequence = nextField().toLongLong(&okSequence);
    body.sentNs = nextField().toLongLong(&okSent);
    if (!okRun || !okSender || !okSequence || !okSent)
        return std::nullopt;
    return body;
}

} // namespace chat::bench
