#include "ThemeSlider.h"

#include "Theme.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>

namespace chat {

ThemeSlider::ThemeSlider(QWidget *parent)
    : QSlider(Qt::Horizontal, parent)
{
    setRange(0, Theme::count() - 1);
    setPageStep(1);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setFixedSize(sizeHint());
    retranslate();
}

void ThemeSlider::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QSlider::changeEvent(event);
}

void ThemeSlider::retranslate()
{
    setAccessibleName(tr("Theme"));
    setToolTip(tr("Theme"));
}

QRectF ThemeSlider::trackRect() const
{
    return QRectF(8, height() / 2.0 - 3, width() - 16, 6);
}

void ThemeSlider::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF track = trackRect();
    // A light pastel rainbow, as the original: the themes' light (top-left) colours, the same in every theme.
    QLinearGradient rainbow(track.topLeft(), track.topRight());
    for (int i = 0; i < Theme::count(); ++i)
        rainbow.setColorAt(Theme::count() > 1 ? qreal(i) / (Theme::count() - 1) : 0, Theme::at(i).from);
    painter.setPen(Qt::NoPen);
    painter.setBrush(rainbow);
    painter.drawRoundedRect(track, 3, 3);
    const qreal x = track.left() + track.width() * (maximum() > 0 ? qreal(value()) / maximum() : 0);
    painter.setBrush(Qt::white);
    painter.setPen(hasFocus() ? QPen(QColor(0, 0, 0, 120), 1.5) : QPen(QColor(0, 0, 0, 40), 1));
    painter.drawEllipse(QPointF(x, height() / 2.0), 7, 7);
}

int ThemeSlider::valueAt(qreal x) const
{
    const QRectF track = trackRect();
    const qreal ratio = qBound(0.0, (x - track.left()) / track.width(), 1.0);
    return qRound(ratio * maximum());
}

void ThemeSlider::mousePressEvent(QMouseEvent *event)
{
    setValue(valueAt(event->position().x()));
}

void ThemeSlider::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        setValue(valueAt(event->position().x()));
}

} // namespace chat
