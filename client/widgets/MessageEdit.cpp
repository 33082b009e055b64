#include "MessageEdit.h"

#include <QEvent>
#include <QKeyEvent>

namespace chat {

MessageEdit::MessageEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(this, &QPlainTextEdit::textChanged, this, &MessageEdit::fitHeight);
    fitHeight();
    retranslate();
}

void MessageEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QPlainTextEdit::changeEvent(event);
}

void MessageEdit::retranslate()
{
    setPlaceholderText(tr("Write a message..."));
    setAccessibleName(tr("Message"));
    setToolTip(tr("Enter sends, Shift+Enter adds a line"));
}

QSize MessageEdit::sizeHint() const
{
    return {400, height()};
}

void MessageEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit submitted(toPlainText());
        return;
    }
    if (enter) {
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void MessageEdit::fitHeight()
{
    const int lines = qBound(1, int(document()->blockCount()), 5);
    const int lineHeight = fontMetrics().lineSpacing();
    setFixedHeight(lines * lineHeight + 24);
}

} // namespace chat
