#pragma once

#include <QStyledItemDelegate>

namespace chat {

// A user card: the name top-left, the uuid bottom-right in small monospace; your own card is brighter.
class UserCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setCardWidth(int width) { m_width = width; }

private:
    int m_width = 300;
};

} // namespace chat
