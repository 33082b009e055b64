#pragma once

#include <QColor>
#include <QString>

class QPainter;
class QRect;

namespace chat {

// A user's small round avatar: the initials of their name in white on a colour derived from their uuid (the
// same in every run and on every machine), with a white ring so that it stands out on all eight themes.
class Avatar
{
public:
    static QColor color(const QString &userUuid);
    static QString initials(const QString &name); // one or two letters, upper case
    static void paint(QPainter &painter, const QRect &rect, const QString &userUuid, const QString &name);
};

} // namespace chat
