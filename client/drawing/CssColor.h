#pragma once

#include <QColor>
#include <QString>

namespace chat {

// Colours as the web client wrote them: #rgb, #rrggbb and #rrggbbaa (alpha last, unlike QColor's #aarrggbb).
class CssColor
{
public:
    static QColor parse(const QString &text, const QColor &fallback = Qt::black);
    static QString toText(const QColor &color); // #rrggbb, or #rrggbbaa when not opaque
};

} // namespace chat
