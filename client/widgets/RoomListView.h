#pragma once

#include "RoomCardDelegate.h"

#include <QListView>

class QLineEdit;

namespace chat {

class ProtocolClient;
class RoomSearchModel;

// Room cards over the searchable room list. Clicking a card (or Enter) enters the room; F2 or a click on the
// name renames it; Delete deletes it; the swatch (or the context menu) recolours it; "Copy link" gives a
// room link.
class RoomListView : public QListView
{
    Q_OBJECT
public:
    RoomListView(ProtocolClient *client, bool compact, QWidget *parent = nullptr);

    RoomSearchModel *searchModel() const { return m_search; }

    void enterCurrent();
    void deleteCurrent();
    void recolorCurrent();
    void copyLinkOfCurrent();
    void selectCurrentRoom();
    // The inline room-name editor while it is open, else null. It sits beside this view, not in its
    // viewport, so that a screen reader finds it (RoomCardDelegate::createEditor).
    QLineEdit *nameEditor() const;

signals:
    void linkCopied(const QString &link);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void retranslate();
    bool isEditing() const;
    void onPartClicked(const QModelIndex &index, RoomCardDelegate::Part part);
    QString uuidOf(const QModelIndex &index) const;
    void showPalette(const QModelIndex &index);

    ProtocolClient *m_client;
    RoomSearchModel *m_search;
    RoomCardDelegate *m_delegate;
    bool m_compact;
};

} // namespace chat
