#include "Color.h"

#include <QRandomGenerator>

namespace chat {

namespace {
bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}
} // namespace

bool Color::isValid(QStringView text)
{
    const qsizetype digits = text.size() - 1;
    if (text.isEmpty() || text.front() != u'#' || (digits != 3 && digits != 6 && digits != 8))
        return false;
    for (const QChar c : text.mid(1)) {
        if (!isHexDigit(c))
            return false;
    }
    return true;
}

const QStringList &Color::roomPalette()
{
    static const QStringList palette {
        QStringLiteral("#ffffff"), QStringLiteral("#5da247"), QStringLiteral("#fbeb50"),
        QStringLiteral("#2b347e"), QStringLiteral("#cf2e24"), QStringLiteral("#e69635"),
        QStringLiteral("#d95d98"), QStringLiteral("#5e297e"), QStringLiteral("#888888"),
        QStringLiteral("#e79d7e"),
    };
    return palette;
}

QString Color::randomRoomColor()
{
    const QStringList &palette = roomPalette();
    return palette.at(QRandomGenerator::global()->bounded(palette.size()));
}

} // namespace chat
