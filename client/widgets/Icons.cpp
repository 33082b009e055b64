#include "Icons.h"

#include <QPainter>
#include <QPixmap>

namespace chat {

QIcon Icons::get(const QString &name)
{
    return QIcon(QStringLiteral(":/resources/icons/%1.svg").arg(name));
}

QIcon Icons::swatch(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(255, 255, 255, 0xaa), 2));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 5, 5);
    return QIcon(pixmap);
}

} // namespace chat
