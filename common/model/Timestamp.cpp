#include "Timestamp.h"

#include <chrono>

namespace chat {

QString Timestamp::nowLocal()
{
    using namespace std::chrono;
    const auto sinceEpoch = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    const qint64 milliseconds = sinceEpoch / 1000;
    const int micro = static_cast<int>(sinceEpoch % 1000000);
    return format(QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::LocalTime), micro);
}

QString Timestamp::format(const QDateTime &localTime, int microseconds)
{
    QString text = localTime.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (microseconds != 0)
        text += u'.' + QStringLiteral("%1").arg(microseconds, 6, 10, QLatin1Char('0'));
    return text;
}

QDateTime Timestamp::parse(const QString &text)
{
    // Qt rounds a longer fraction to milliseconds, which can carry into the next second, day or even
    // year ("2022-12-31T23:59:59.9996"). Truncate it to milliseconds, so the seconds read are those written.
    QString input = text;
    const qsizetype dot = input.indexOf(u'.');
    if (dot >= 0) {
        qsizetype end = dot + 1;
        while (end < input.size() && input.at(end) >= u'0' && input.at(end) <= u'9')
            ++end;
        if (end - dot - 1 > 3)
            input.remove(dot + 4, end - dot - 4);
    }
    QDateTime time = QDateTime::fromString(input, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(input, Qt::ISODate);
    return time;
}

} // namespace chat
