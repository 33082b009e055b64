#include "UserCardDelegate.h"

#include "models/UserListModel.h"

#include <QFontDatabase>
#include <QPainter>

namespace chat {

QSize UserCardDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return {m_width, 76};
}

void UserCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const bool self = index.data(UserListModel::SelfRole).toBool();
    const QRect card = option.rect.adjusted(5, 5, -5, -5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(option.state & QStyle::State_HasFocus ? QPen(QColor(255, 255, 255, 0xcc), 2) : Qt::NoPen);
    painter->setBrush(self ? QColor(255, 255, 255, 0x88) : QColor(255, 255, 255, 0x36));
    painter->drawRoundedRect(card, 10, 10);
    QFont name = option.font;
    name.setPixelSize(16);
    painter->setFont(name);
    painter->setPen(QColor(0, 0, 0, 204));
    const QRect inner = card.adjusted(12, 8, -12, -8);
    // A long name is cut at its end; "(you)" stays.
    const QString userName = index.data(UserListModel::NameRole).toString();
    const QString you = self ? tr("%1 (you)") : QStringLiteral("%1");
    const int suffix = painter->fontMetrics().horizontalAdvance(you.arg(QString())) + 2;
    const QString title =
        you.arg(painter->fontMetrics().elidedText(userName, Qt::ElideRight, inner.width() - suffix));
    painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop, title);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPixelSize(10);
    painter->setFont(mono);
    painter->setPen(QColor(0, 0, 0, 0x80));
    painter->drawText(inner, Qt::AlignRight | Qt::AlignBottom,
                      painter->fontMetrics().elidedText(index.data(UserListModel::UuidRole).toString(),
                                                        Qt::ElideMiddle, inner.width()));
    painter->restore();
}

} // namespace chat
