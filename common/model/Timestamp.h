#pragma once

#include <QDateTime>
#include <QString>

namespace chat {

// Message times as the original writes them: Python's datetime.now().isoformat() in the server's local time,
// "YYYY-MM-DDTHH:MM:SS.ffffff" with no zone; the fraction is left out when the microseconds are 0 (Q19).
class Timestamp
{
public:
    static QString nowLocal();
    static QString format(const QDateTime &localTime, int microseconds);
    // Reads that format (and ISO 8601 in general) as local time; invalid when it is not a time.
    static QDateTime parse(const QString &text);
};

} // namespace chat
