#include "ColorPalettePopup.h"

#include "Icons.h"

#include <QGridLayout>
#include <QPainter>
#include <QPainterPath>
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

namespace {
constexpr int pointerHeight = 8;
constexpr int pointerHalfWidth = 8;
constexpr int pointerX = 18; // the pointer's tip, from the popup's left edge
constexpr qreal radius = 8;
} // namespace

ColorPalettePopup::ColorPalettePopup(QWidget *parent)
    : QFrame(parent, Qt::Popup | Qt::FramelessWindowHint)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setStyleSheet(
        QStringLiteral("QToolButton { background: transparent; border: none; border-radius: 6px;"
                       " padding: 2px; }"
                       "QToolButton:focus, QToolButton:hover { background: rgba(255, 255, 255, 150); }"));
    setAccessibleName(tr("Room colour palette"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(8, 8 + pointerHeight, 8, 8);
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

QPainterPath ColorPalettePopup::shape() const
{
    // A rounded body with a pointer up to the swatch, as the original's popup.
    QPainterPath path;
    path.addRoundedRect(QRectF(0, pointerHeight, width(), height() - pointerHeight), radius, radius);
    QPainterPath pointer;
    pointer.moveTo(pointerX - pointerHalfWidth, pointerHeight + 1);
    pointer.lineTo(pointerX, 0);
    pointer.lineTo(pointerX + pointerHalfWidth, pointerHeight + 1);
    pointer.closeSubpath();
    return path.united(pointer);
}

void ColorPalettePopup::popup(const QPoint &globalPos)
{
    adjustSize();
    move(globalPos - QPoint(pointerX, 0));
    // A popup window is opaque without a compositor, so the translucency is painted: what the window shows
    // beneath, veiled in white; the mask gives the rounded shape and the pointer.
    if (QWidget *parent = parentWidget()) {
        QWidget *window = parent->window();
        m_beneath = window->grab(QRect(window->mapFromGlobal(pos()), size()));
    }
    setMask(QRegion(shape().toFillPolygon().toPolygon()));
    show();
    if (QWidget *first = findChild<QToolButton *>())
        first->setFocus();
}

void ColorPalettePopup::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_beneath.isNull())
        painter.drawPixmap(0, 0, m_beneath);
    painter.setPen(QPen(QColor(255, 255, 255, 0xaa), 1));
    painter.setBrush(QColor(255, 255, 255, 0x88));
    painter.drawPath(shape().translated(0.5, 0.5));
}

} // namespace chat
