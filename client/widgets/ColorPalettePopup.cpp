#include "ColorPalettePopup.h"

#include "Icons.h"

#include <QGridLayout>
#include <QToolButton>

namespace chat {

const QStringList &ColorPalettePopup::colors()
{
    static const QStringList palette {QStringLiteral("#cf2e24"), QStringLiteral("#e69635"),
                                      QStringLiteral("#e79d7e"), QStringLiteral("#fbeb50"),
                                      QStringLiteral("#5da247"), QStringLiteral("#2b347e"),
                                      QStringLiteral("#5e297e"), QStringLiteral("#d95d98"),
                                      QStringLiteral("#cccccc"), QStringLiteral("#888888")};
    return palette;
}

ColorPalettePopup::ColorPalettePopup(QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setStyleSheet(QStringLiteral("QFrame { background: #f2f2f2; border-radius: 8px; }"
                                 "QToolButton { border: none; border-radius: 6px; padding: 2px; }"
                                 "QToolButton:focus, QToolButton:hover { background: #c8c8c8; }"));
    setAccessibleName(tr("Room colour palette"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->setSpacing(4);
    for (int i = 0; i < colors().size(); ++i) {
        const QString color = colors().at(i);
        auto *button = new QToolButton(this);
        button->setIcon(Icons::swatch(QColor::fromString(color), 24));
        button->setIconSize({24, 24});
        button->setAccessibleName(tr("Colour %1").arg(color));
        button->setToolTip(color);
        connect(button, &QToolButton::clicked, this, [this, color] {
            emit colorChosen(color);
            close();
        });
        grid->addWidget(button, i / 5, i % 5);
    }
}

void ColorPalettePopup::popup(const QPoint &globalPos)
{
    adjustSize();
    move(globalPos);
    show();
    if (QWidget *first = findChild<QToolButton *>())
        first->setFocus();
}

} // namespace chat
