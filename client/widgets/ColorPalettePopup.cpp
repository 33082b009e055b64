#include "ColorPalettePopup.h"

#include "Accessibility.h"
#include "Icons.h"

#include <QGridLayout>
#include <QKeyEvent>
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
    // A tool window, not a Qt::Popup: popups are left out of the accessibility tree, so a screen reader would
    // not find it (issue 12). It closes as a popup does: on a pick, on Escape, when it loses activation.
    : QFrame(parent, Qt::Tool | Qt::FramelessWindowHint)
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
        button->setAccessibleName(Accessibility::colourName(color));
        button->setToolTip(color);
        connect(button, &QToolButton::clicked, this, [this, color] {
            emit colorChosen(color);
            close();
        });
        grid->addWidget(button, i / 5, i % 5);
        m_buttons.append(button);
    }
}

void ColorPalettePopup::keyPressEvent(QKeyEvent *event)
{
    // Arrows move between the swatches (5×2), Enter picks, Escape closes.
    const int current = int(m_buttons.indexOf(qobject_cast<QToolButton *>(focusWidget())));
    const int count = int(m_buttons.size());
    int next = -1;
    switch (event->key()) {
    case Qt::Key_Escape:
        close();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (current >= 0)
            m_buttons.at(current)->click();
        return;
    case Qt::Key_Left:
        next = (current + count - 1) % count;
        break;
    case Qt::Key_Right:
        next = (current + 1) % count;
        break;
    case Qt::Key_Up:
        next = (current + count - 5) % count;
        break;
    case Qt::Key_Down:
        next = (current + 5) % count;
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = count - 1;
        break;
    default:
        QFrame::keyPressEvent(event);
        return;
    }
    if (current < 0)
        next = 0;
    m_buttons.at(next)->setFocus(Qt::TabFocusReason);
}

void ColorPalettePopup::closeEvent(QCloseEvent *event)
{
    // As a popup does, give the keyboard back to what opened it (closed by a pick or Escape; closed by a
    // click elsewhere, the focus is already there).
    QFrame::closeEvent(event);
    if (QWidget *opener = parentWidget(); opener && isActiveWindow()) {
        opener->window()->activateWindow();
        opener->setFocus(Qt::PopupFocusReason);
    }
}

void ColorPalettePopup::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange) {
        if (isActiveWindow())
            m_wasActive = true;
        else if (m_wasActive)
            close(); // clicked elsewhere
    }
    QFrame::changeEvent(event);
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
    activateWindow();
    if (!m_buttons.isEmpty())
        m_buttons.first()->setFocus();
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
