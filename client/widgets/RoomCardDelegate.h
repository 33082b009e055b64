#pragma once

#include <QStyledItemDelegate>

namespace chat {

// A room card: the name (edited in place), a ✕ that deletes, the colour swatch that opens the palette, and
// the message and user counts. Clicks are hit-tested here and reported as requests; nothing is written to the
// model, which changes only when the server answers.
class RoomCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Part { None, Card, Name, Close, Swatch };

    explicit RoomCardDelegate(bool compact, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

    static constexpr int maxAvatars = 4;
    static constexpr int avatarSize = 24;
    static constexpr int avatarStep = 19; // avatars overlap a little, each with its white ring
    // How many avatars a card shows for this many users in this width (the rest are "+N").
    static int avatarsShown(int users, int width);
    // Where the avatars of this card go (left to right from its left), and the i-th avatar in it.
    QRect presenceArea(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    static QRect avatarRect(const QRect &area, int i);

    Part partAt(const QRect &itemRect, const QPoint &pos) const;
    QRect partRect(const QRect &itemRect, Part part) const;

signals:
    void partClicked(const QModelIndex &index, chat::RoomCardDelegate::Part part);
    void renameRequested(const QString &uuid, const QString &name);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    QRect cardRect(const QRect &itemRect) const;
    static QFont smallFont(const QStyleOptionViewItem &option);
    void paintPresence(QPainter *painter, const QFont &font, const QRect &area,
                       const QModelIndex &index) const;

    bool m_compact;
};

} // namespace chat
