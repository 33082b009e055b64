#include "RoomCardDelegate.h"

#include "Avatar.h"
#include "Icons.h"
#include "drawing/CssColor.h"
#include "models/RoomListModel.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>

namespace chat {

RoomCardDelegate::RoomCardDelegate(bool compact, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_compact(compact)
{ }

QSize RoomCardDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return {m_compact ? 240 : 400, 86};
}

QRect RoomCardDelegate::cardRect(const QRect &itemRect) const
{
    return itemRect.adjusted(0, 5, -2, -5);
}

QRect RoomCardDelegate::partRect(const QRect &itemRect, Part part) const
{
    const QRect card = cardRect(itemRect);
    switch (part) {
    case Part::Name:
        return QRect(card.left() + 12, card.top() + 8, card.width() - 56, 30);
    case Part::Close:
        return QRect(card.right() - 34, card.top() + 10, 24, 24);
    case Part::Swatch:
        return QRect(card.left() + 16, card.bottom() - 29, 20, 20);
    case Part::Card:
        return card;
    case Part::None:
        break;
    }
    return {};
}

RoomCardDelegate::Part RoomCardDelegate::partAt(const QRect &itemRect, const QPoint &pos) const
{
    for (Part part : {Part::Close, Part::Swatch, Part::Name, Part::Card}) {
        if (partRect(itemRect, part).contains(pos))
            return part;
    }
    return Part::None;
}

void RoomCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect card = cardRect(option.rect);
    const bool hot =
        option.state & (QStyle::State_MouseOver | QStyle::State_HasFocus | QStyle::State_Selected);
    painter->setPen(hot ? QPen(QColor(255, 255, 255, 0xaa), 2) : Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, hot ? 0x50 : 0x36));
    painter->drawRoundedRect(card, 10, 10);

    QFont nameFont = option.font;
    nameFont.setPixelSize(17);
    painter->setFont(nameFont);
    painter->setPen(QColor(0, 0, 0, 204));
    QRect name = partRect(option.rect, Part::Name).adjusted(4, 0, 0, 0);
    const qint64 unread = index.data(RoomListModel::UnreadRole).toLongLong();
    if (unread > 0) {
        // The unread badge: a red pill left of the close button; the name gives way to it.
        QFont badgeFont = option.font;
        badgeFont.setPixelSize(12);
        badgeFont.setBold(true);
        const QString text = unread > 999 ? QStringLiteral("999+") : QString::number(unread);
        const int width = qMax(22, QFontMetrics(badgeFont).horizontalAdvance(text) + 12);
        const QRect badge(partRect(option.rect, Part::Close).left() - 6 - width, name.center().y() - 11,
                          width, 22);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xc6, 0x28, 0x28));
        painter->drawRoundedRect(badge, 11, 11);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
        painter->setFont(nameFont);
        painter->setPen(QColor(0, 0, 0, 204));
        name.setRight(qMin(name.right(), badge.left() - 6));
    }
    painter->drawText(name, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(index.data(RoomListModel::NameRole).toString(),
                                                        Qt::ElideRight, name.width()));
    Icons::get(QStringLiteral("close")).paint(painter, partRect(option.rect, Part::Close));

    painter->setPen(QPen(QColor(255, 255, 255, 0xaa), 2));
    painter->setBrush(CssColor::parse(index.data(RoomListModel::ColorRole).toString(), Qt::white));
    painter->drawRoundedRect(partRect(option.rect, Part::Swatch), 5, 5);

    const QFont small = smallFont(option);
    painter->setFont(small);
    painter->setPen(QColor(0, 0, 0, 150));
    const QString users = QString::number(index.data(RoomListModel::UserCountRole).toInt());
    const QString sum = QString::number(index.data(RoomListModel::SumRole).toLongLong());
    const QFontMetrics metrics(small);
    int x = card.right() - 12;
    const int y = card.bottom() - 28;
    x -= metrics.horizontalAdvance(users);
    painter->drawText(QRect(x, y, metrics.horizontalAdvance(users) + 2, 18), Qt::AlignVCenter, users);
    x -= 20;
    Icons::get(QStringLiteral("person")).paint(painter, QRect(x, y + 1, 16, 16));
    x -= 12 + metrics.horizontalAdvance(sum);
    painter->drawText(QRect(x, y, metrics.horizontalAdvance(sum) + 2, 18), Qt::AlignVCenter, sum);
    x -= 20;
    Icons::get(QStringLiteral("messages")).paint(painter, QRect(x, y + 1, 16, 16));
    paintPresence(painter, small, presenceArea(option, index), index);
    painter->restore();
}

QFont RoomCardDelegate::smallFont(const QStyleOptionViewItem &option)
{
    QFont small = option.font;
    small.setPixelSize(13);
    return small;
}

QRect RoomCardDelegate::presenceArea(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Between the colour swatch and the counts (whose width depends on their digits), on the swatch's line.
    const QFontMetrics metrics(smallFont(option));
    const QRect card = cardRect(option.rect);
    const int countsLeft = card.right() - 12
        - metrics.horizontalAdvance(QString::number(index.data(RoomListModel::UserCountRole).toInt())) - 20
        - 12 - metrics.horizontalAdvance(QString::number(index.data(RoomListModel::SumRole).toLongLong()))
        - 20;
    const int left = partRect(option.rect, Part::Swatch).right() + 10;
    return QRect(left, card.bottom() - 31, qMax(0, countsLeft - 10 - left), avatarSize);
}

QRect RoomCardDelegate::avatarRect(const QRect &area, int i)
{
    return QRect(area.left() + i * avatarStep, area.top(), avatarSize, avatarSize);
}

int RoomCardDelegate::avatarsShown(int users, int width)
{
    // Up to four avatars, then "+N" for the others, as many as the width allows.
    const int plusWidth = 30;
    for (int shown = qMin(users, maxAvatars); shown > 0; --shown) {
        const int needed = avatarSize + (shown - 1) * avatarStep + (users > shown ? plusWidth : 0);
        if (needed <= width)
            return shown;
    }
    return 0;
}

void RoomCardDelegate::paintPresence(QPainter *painter, const QFont &font, const QRect &area,
                                     const QModelIndex &index) const
{
    // Presence (issue 15): who is inside, from the room's users (works with the plain protocol too).
    const QStringList names = index.data(RoomListModel::UserNamesRole).toStringList();
    const QStringList uuids = index.data(RoomListModel::UserUuidsRole).toStringList();
    const int users = int(qMin(names.size(), uuids.size()));
    const int shown = avatarsShown(users, area.width());
    for (int i = 0; i < shown; ++i)
        Avatar::paint(*painter, avatarRect(area, i), uuids.at(i), names.at(i));
    if (users > shown && (shown > 0 || area.width() >= 30)) {
        painter->setFont(font);
        painter->setPen(QColor(0, 0, 0, 170));
        const int left = shown > 0 ? avatarRect(area, shown - 1).right() + 5 : area.left();
        painter->drawText(QRect(left, area.top(), 30, avatarSize), Qt::AlignLeft | Qt::AlignVCenter,
                          QStringLiteral("+%1").arg(users - shown));
    }
}

bool RoomCardDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const Part part = partAt(option.rect, mouse->position().toPoint());
            if (part != Part::None)
                emit partClicked(index, part);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QWidget *RoomCardDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                        const QModelIndex &) const
{
    // A list view exposes only its items to a screen reader, so an editor inside its viewport is missing
    // from the accessibility tree (issue 12): the editor lives beside the view, over the card's name.
    auto *view = qobject_cast<QAbstractItemView *>(this->parent());
    QWidget *host = view && view->parentWidget() ? view->parentWidget() : parent;
    auto *editor = new QLineEdit(host);
    editor->setProperty("chatEditorOf", QVariant::fromValue<QObject *>(view));
    editor->setObjectName(QStringLiteral("inlineName"));
    editor->setAccessibleName(tr("Room name"));
    return editor;
}

void RoomCardDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    static_cast<QLineEdit *>(editor)->setText(index.data(RoomListModel::NameRole).toString());
}

void RoomCardDelegate::setModelData(QWidget *editor, QAbstractItemModel *, const QModelIndex &index) const
{
    // The new name is a request to the server; the model follows its room_changed.
    const QString name = static_cast<QLineEdit *>(editor)->text().trimmed();
    if (!name.isEmpty() && name != index.data(RoomListModel::NameRole).toString())
        emit const_cast<RoomCardDelegate *>(this)->renameRequested(
            index.data(RoomListModel::UuidRole).toString(), name);
}

void RoomCardDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &) const
{
    QRect rect = partRect(option.rect, Part::Name);
    if (auto *view = qobject_cast<QAbstractItemView *>(parent());
        view && editor->parentWidget() != view->viewport())
        rect.moveTopLeft(view->viewport()->mapTo(editor->parentWidget(), rect.topLeft()));
    editor->setGeometry(rect);
    editor->raise();
}

} // namespace chat
