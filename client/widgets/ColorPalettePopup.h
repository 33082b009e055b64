#pragma once

#include <QFrame>

namespace chat {

// The 5×2 room colour palette of the original, as a popup under the swatch that opened it.
class ColorPalettePopup : public QFrame
{
    Q_OBJECT
public:
    explicit ColorPalettePopup(QWidget *parent = nullptr);

    static const QStringList &colors();
    void popup(const QPoint &globalPos);

signals:
    void colorChosen(const QString &color);
};

} // namespace chat
