#include "CssColor.h"

namespace chat {

QColor CssColor::parse(const QString &text, const QColor &fallback)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 9 && trimmed.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const uint rgba = trimmed.mid(1).toUInt(&ok, 16);
        if (!ok)
            return fallback;
        return QColor(int((rgba >> 24) & 0xff), int((rgba >> 16) & 0xff), int((rgba >> 8) & 0xff),
                      int(rgba & 0xff));
    }
    const QColor color = QColor::fromString(trimmed);
    return color.isValid() ? color : fallback;
}

QString CssColor::toText(const QColor &color)
{
    QString text = color.name(QColor::HexRgb);
    if (color.alpha() != 255)
        text += QStringLiteral("%1").arg(color.alpha(), 2, 16, QLatin1Char('0'));
    return text;
}

} // namespace chat
