#include "UsersPanel.h"

#include "UserCardDelegate.h"
#include "models/UserListModel.h"

#include <QEvent>
#include <QResizeEvent>

namespace chat {

UsersPanel::UsersPanel(UserListModel *model, QWidget *parent)
    : QListView(parent)
    , m_delegate(new UserCardDelegate(this))
{
    setModel(model);
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setSelectionMode(QAbstractItemView::NoSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    retranslate();
}

void UsersPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QListView::changeEvent(event);
}

void UsersPanel::retranslate()
{
    setAccessibleName(tr("Users in this room"));
}

void UsersPanel::resizeEvent(QResizeEvent *event)
{
    // Two columns whatever the width; a few pixels spare, or the second card wraps to the next row.
    const int width = qMax(120, (viewport()->width() - 12) / 2);
    m_delegate->setCardWidth(width - 2);
    setGridSize(QSize(width, 80));
    QListView::resizeEvent(event);
}

} // namespace chat
