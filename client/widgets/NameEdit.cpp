#include "NameEdit.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

namespace chat {

NameEdit::NameEdit(QWidget *parent)
    : QLineEdit(parent)
{
    connect(this, &QLineEdit::textChanged, this, &NameEdit::updateToolTip);
    connect(this, &QLineEdit::textChanged, this, &NameEdit::updateAccessibleName);
}

void NameEdit::setLabel(const QString &label)
{
    m_label = label;
    m_committed = text();
    applyAccessibleName();
}

void NameEdit::updateAccessibleName()
{
    // While the user types, the name keeps the name being edited (the value has the typed text): a screen
    // reader is not told of a new name at every key.
    if (hasFocus())
        return;
    m_committed = text();
    applyAccessibleName();
}

void NameEdit::applyAccessibleName()
{
    setAccessibleName(m_committed.isEmpty() ? m_label : QStringLiteral("%1: %2").arg(m_label, m_committed));
}

void NameEdit::setHint(const QString &hint)
{
    m_hint = hint;
    updateToolTip();
}

void NameEdit::updateToolTip()
{
    setToolTip(text().isEmpty() ? m_hint : text() + QLatin1Char('\n') + m_hint);
}

QRect NameEdit::textArea() const
{
    QStyleOptionFrame option;
    initStyleOption(&option);
    // QLineEdit keeps 2 px of horizontal margin inside its contents rectangle.
    return style()
        ->subElementRect(QStyle::SE_LineEditContents, &option, this)
        .marginsRemoved(textMargins())
        .adjusted(2, 0, -2, 0);
}

QString NameEdit::displayedText() const
{
    if (hasFocus())
        return text();
    return fontMetrics().elidedText(text(), Qt::ElideRight, textArea().width());
}

void NameEdit::paintEvent(QPaintEvent *event)
{
    const QString shown = displayedText();
    if (hasFocus() || shown == text()) {
        QLineEdit::paintEvent(event);
        return;
    }
    QPainter painter(this);
    QStyleOptionFrame option;
    initStyleOption(&option);
    style()->drawPrimitive(QStyle::PE_PanelLineEdit, &option, &painter, this);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(textArea(), int(alignment() | Qt::AlignVCenter), shown);
}

void NameEdit::focusInEvent(QFocusEvent *event)
{
    QLineEdit::focusInEvent(event);
    update();
}

void NameEdit::focusOutEvent(QFocusEvent *event)
{
    QLineEdit::focusOutEvent(event);
    updateAccessibleName();
    update();
}

} // namespace chat
