#pragma once

#include <QFontMetrics>
#include <QStyledItemDelegate>

class QListView;

namespace chat {

// A message bubble: own messages on the right (brighter, square top-right corner), others on the left
// (square top-left corner); at most 400 px wide; the body, then author and time in small text.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QListView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int bubbleWidthLimit() const;
    QRect textRect(const QString &body, int limit, bool exact) const;
    static bool isExact(const QModelIndex &index);
    QFont bodyFont() const;
    QFont metaFont() const;

    QListView *m_view;
    mutable QFont m_bodyFont;
    mutable QFontMetrics m_bodyMetrics {QFont()};
};

} // namespace chat
