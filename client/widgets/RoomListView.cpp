#include "RoomListView.h"

#include "ColorPalettePopup.h"
#include "models/RoomListModel.h"
#include "models/RoomSearchModel.h"
#include "net/ProtocolClient.h"
#include "net/RoomLink.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>

namespace chat {

RoomListView::RoomListView(ProtocolClient *client, bool compact, QWidget *parent)
    : QListView(parent)
    , m_client(client)
    , m_search(new RoomSearchModel(this))
    , m_delegate(new RoomCardDelegate(compact, this))
    , m_compact(compact)
{
    m_search->setSourceModel(client->rooms());
    setModel(m_search);
    setItemDelegate(m_delegate);
    setUniformItemSizes(true);
    setMouseTracking(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setEditTriggers(QAbstractItemView::EditKeyPressed);
    connect(m_delegate, &RoomCardDelegate::partClicked, this, &RoomListView::onPartClicked);
    connect(m_delegate, &RoomCardDelegate::renameRequested, client, &ProtocolClient::renameRoom);
    // The room you are in stays selected (drawn brighter) in the list.
    setSelectionMode(QAbstractItemView::SingleSelection);
    connect(client, &ProtocolClient::currentRoomChanged, this, &RoomListView::selectCurrentRoom);
    connect(m_search, &QAbstractItemModel::modelReset, this, &RoomListView::selectCurrentRoom);
    connect(m_search, &QAbstractItemModel::rowsInserted, this, &RoomListView::selectCurrentRoom);
    retranslate();
}

void RoomListView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QListView::changeEvent(event);
}

void RoomListView::retranslate()
{
    setAccessibleName(m_compact ? tr("Rooms") : tr("Room list"));
    setToolTip(tr("Click or Enter: enter the room. F2: rename. Delete: delete. Menu key: more."));
}

void RoomListView::selectCurrentRoom()
{
    const int row = m_client->rooms()->rowOf(m_client->currentRoom());
    const QModelIndex index =
        row >= 0 ? m_search->mapFromSource(m_client->rooms()->index(row)) : QModelIndex();
    if (index.isValid())
        selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    else
        clearSelection();
}

QString RoomListView::uuidOf(const QModelIndex &index) const
{
    return index.data(RoomListModel::UuidRole).toString();
}

void RoomListView::onPartClicked(const QModelIndex &index, RoomCardDelegate::Part part)
{
    setCurrentIndex(index);
    switch (part) {
    case RoomCardDelegate::Part::Card:
        m_client->enterRoom(uuidOf(index));
        break;
    case RoomCardDelegate::Part::Name:
        // The click arrives inside QAbstractItemView::mouseReleaseEvent, which resets the view's state to
        // NoState once the delegate returns: an editor opened here would be open in NoState, and Enter in
        // it would also enter the room. Open it once that release is done.
        QMetaObject::invokeMethod(
            this,
            [this, card = QPersistentModelIndex(index)] {
                if (card.isValid())
                    edit(card);
            },
            Qt::QueuedConnection);
        break;
    case RoomCardDelegate::Part::Close:
        m_client->deleteRoom(uuidOf(index));
        break;
    case RoomCardDelegate::Part::Swatch:
        showPalette(index);
        break;
    case RoomCardDelegate::Part::None:
        break;
    }
}

void RoomListView::showPalette(const QModelIndex &index)
{
    const QString uuid = uuidOf(index);
    auto *palette = new ColorPalettePopup(this);
    connect(palette, &ColorPalettePopup::colorChosen, m_client,
            [client = m_client, uuid](const QString &color) { client->recolorRoom(uuid, color); });
    const QRect swatch = m_delegate->partRect(visualRect(index), RoomCardDelegate::Part::Swatch);
    palette->popup(viewport()->mapToGlobal(QPoint(swatch.center().x(), swatch.bottom())));
}

void RoomListView::enterCurrent()
{
    if (currentIndex().isValid())
        m_client->enterRoom(uuidOf(currentIndex()));
}

void RoomListView::deleteCurrent()
{
    if (currentIndex().isValid())
        m_client->deleteRoom(uuidOf(currentIndex()));
}

void RoomListView::recolorCurrent()
{
    if (currentIndex().isValid())
        showPalette(currentIndex());
}

void RoomListView::copyLinkOfCurrent()
{
    if (!currentIndex().isValid())
        return;
    const RoomLink link {m_client->connection()->url(), uuidOf(currentIndex())};
    const QString text = link.toUrl().toString(QUrl::FullyEncoded);
    QApplication::clipboard()->setText(text);
    emit linkCopied(text);
}

QLineEdit *RoomListView::nameEditor() const
{
    // The delegate puts it beside this view (see RoomCardDelegate::createEditor).
    const QWidget *host = parentWidget() ? parentWidget() : this;
    for (auto *editor : host->findChildren<QLineEdit *>(QStringLiteral("inlineName")))
        if (editor->property("chatEditorOf").value<QObject *>() == this)
            return editor;
    return nullptr;
}

bool RoomListView::isEditing() const
{
    // Keys the inline editor ignores (Enter, Delete at the end of the text) travel on to this view.
    const QWidget *focus = QApplication::focusWidget();
    return state() == EditingState || (focus && focus != this && isAncestorOf(focus))
        || (focus && focus == nameEditor());
}

void RoomListView::keyPressEvent(QKeyEvent *event)
{
    if (!isEditing()) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            return enterCurrent();
        case Qt::Key_Delete:
            return deleteCurrent();
        case Qt::Key_F10:
            if (!(event->modifiers() & Qt::ShiftModifier))
                break;
            Q_FALLTHROUGH();
        case Qt::Key_Menu: {
            // The card's menu (recolour, copy link…) from the keyboard, at the current card.
            if (!currentIndex().isValid())
                break;
            QContextMenuEvent menu(QContextMenuEvent::Keyboard, visualRect(currentIndex()).center(),
                                   viewport()->mapToGlobal(visualRect(currentIndex()).center()));
            return contextMenuEvent(&menu);
        }
        default:
            break;
        }
    }
    QListView::keyPressEvent(event);
}

void RoomListView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index =
        event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("&Enter room"), this, &RoomListView::enterCurrent);
    menu.addAction(tr("&Rename"), this, [this, index] { edit(index); });
    menu.addAction(tr("Change &colour…"), this, &RoomListView::recolorCurrent);
    menu.addAction(tr("Copy &link"), this, &RoomListView::copyLinkOfCurrent);
    menu.addSeparator();
    menu.addAction(tr("&Delete room"), this, &RoomListView::deleteCurrent);
    menu.exec(event->globalPos());
}

} // namespace chat
