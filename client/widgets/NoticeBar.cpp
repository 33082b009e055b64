#include "NoticeBar.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

#include <algorithm>

namespace chat {

NoticeBar::NoticeBar(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("notice"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    hide();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &QWidget::hide);
    retranslate();
}

void NoticeBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QLabel::changeEvent(event);
}

void NoticeBar::retranslate()
{
    setAccessibleName(tr("Notice"));
}

void NoticeBar::showNotice(const QString &text)
{
    setText(text);
    setAccessibleDescription(text);
    place();
    show();
    raise();
    // Longer texts stay longer: about a second per 12 characters, at least 4 s.
    m_timer.start(qMax(4000, int(text.size()) * 80));
}

void NoticeBar::place()
{
    QWidget *parent = parentWidget();
    if (!parent)
        return;
    const int width = qMin(560, parent->width() - 40);
    setFixedWidth(width);
    adjustSize();
    QRect rect((parent->width() - width) / 2, parent->height() - height() - 24, width, height());
    // A notice never covers an input (the composer sits at the bottom of a room): it goes above the input
    // and is centred on it. A few passes, since moving up may meet another one.
    QList<QRect> inputs;
    for (QWidget *child : parent->findChildren<QWidget *>()) {
        const bool input = qobject_cast<QLineEdit *>(child) || qobject_cast<QTextEdit *>(child)
            || qobject_cast<QPlainTextEdit *>(child) || qobject_cast<QAbstractSpinBox *>(child);
        if (input && child != this && child->isVisibleTo(parent))
            inputs.append(QRect(child->mapTo(parent, QPoint(0, 0)), child->size()));
    }
    for (int pass = 0; pass < 4; ++pass) {
        const auto covered = std::find_if(inputs.cbegin(), inputs.cend(),
                                          [&rect](const QRect &input) { return input.intersects(rect); });
        if (covered == inputs.cend())
            break;
        rect.moveBottom(covered->top() - 12);
        rect.moveLeft(qBound(0, covered->center().x() - width / 2, qMax(0, parent->width() - width)));
    }
    move(rect.topLeft());
}

void NoticeBar::mousePressEvent(QMouseEvent *)
{
    hide();
}

} // namespace chat
