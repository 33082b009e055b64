#pragma once

#include <QColor>
#include <QLinearGradient>
#include <QString>
#include <QVector>

namespace chat {

// The themes are data (themes/themes.json, compiled in): a name and the two colours of the diagonal gradient.
struct ThemeInfo
{
    QString name;
    QColor from;
    QColor to;
};

class Theme
{
public:
    static const QVector<ThemeInfo> &all();
    static int count() { return int(all().size()); }
    static ThemeInfo at(int index); // out of range gives theme 0
    static QLinearGradient gradient(int index,
                                    const QRectF &rect); // top-left colour 1 → bottom-right colour 2
    static QString styleSheet(); // themes/style.qss
    // For dialogs (settings, about, confirmations): the theme's gradient behind translucent white controls,
    // the look of the window they belong to.
    static QString dialogStyleSheet(int index);
};

} // namespace chat
