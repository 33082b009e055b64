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
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

} // namespace chat
