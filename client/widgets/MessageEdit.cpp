#include "MessageEdit.h"

#include <QKeyEvent>

namespace chat {

MessageEdit::MessageEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Write a message..."));
    setAccessibleName(tr("Message"));
    setToolTip(tr("Enter sends, Shift+Enter adds a line"));
    setTabChangesFocus(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(this, &QPlainTextEdit::textChanged, this, &MessageEdit::fitHeight);
    fitHeight();
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
