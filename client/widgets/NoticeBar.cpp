#include "NoticeBar.h"

#include <QAccessible>
#include <QEvent>

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
    if (!parentWidget())
        return;
    const int width = qMin(560, parentWidget()->width() - 40);
    setFixedWidth(width);
    adjustSize();
    move((parentWidget()->width() - width) / 2, parentWidget()->height() - height() - 24);
}

void NoticeBar::mousePressEvent(QMouseEvent *)
{
    hide();
}

} // namespace chat
