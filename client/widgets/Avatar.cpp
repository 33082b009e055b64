#include "Avatar.h"

#include <QPainter>
#include <QRegularExpression>

#include <cmath>

namespace chat {

QColor Avatar::color(const QString &userUuid)
{
    // FNV-1a over the UTF-16 units: stable across runs, unlike qHash's seeded hashing.
    quint32 hash = 2166136261u;
    for (const QChar unit : userUuid) {
        hash ^= unit.unicode();
        hash *= 16777619u;
    }
    // Saturated mid-dark colours, darkened until white initials on them have a contrast of 4.5:1 or more
    // (WCAG relative luminance at most 0.18): yellows and greens end darker than blues.
    const int hue = int(hash % 360);
    int lightness = 90 + int((hash / 360) % 30);
    QColor colour = QColor::fromHsl(hue, 170, lightness);
    const auto linear = [](qreal c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    while (lightness > 20
           && 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
                   + 0.0722 * linear(colour.blueF())
               > 0.18) {
        lightness -= 4;
        colour = QColor::fromHsl(hue, 170, lightness);
    }
    return colour;
}

QString Avatar::initials(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\\-_.]+"));
    const QStringList words = name.split(separators, Qt::SkipEmptyParts);
    QString letters;
    for (const QString &word : words) {
        // The first letter or digit of the word, a whole surrogate pair when it is one.
        for (qsizetype i = 0; i < word.size(); ++i) {
            if (word.at(i).isLetterOrNumber() || word.at(i).isHighSurrogate()) {
                letters +=
                    word.at(i).isHighSurrogate() && i + 1 < word.size() ? word.mid(i, 2) : word.mid(i, 1);
                break;
            }
        }
        if (letters.size() >= 2 || words.size() == 1)
            break;
    }
    return letters.isEmpty() ? QStringLiteral("?") : letters.toUpper();
}

void Avatar::paint(QPainter &painter, const QRect &rect, const QString &userUuid, const QString &name)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(255, 255, 255, 0xee), 1.5));
    painter.setBrush(color(userUuid));
    painter.drawEllipse(QRectF(rect).adjusted(0.75, 0.75, -0.75, -0.75));
    QFont font = painter.font();
    font.setPixelSize(qMax(8, rect.height() * 11 / 24));
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(rect, Qt::AlignCenter, initials(name));
    painter.restore();
}

} // namespace chat
