#include "GradientWidget.h"

#include "Theme.h"

#include <QPainter>

namespace chat {

GradientWidget::GradientWidget(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void GradientWidget::setThemeIndex(int index)
{
    if (index == m_themeIndex)
        return;
    m_themeIndex = index;
    update();
}

void GradientWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Theme::gradient(m_themeIndex, rect()));
}

} // namespace chat
