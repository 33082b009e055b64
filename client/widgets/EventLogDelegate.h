#pragma once

#include <QStyledItemDelegate>

namespace chat {

// One log entry on the timeline: a dot on a thin line; time and origin on the left in monospace, statement
// type and name on the right. Every row has the same height so 100 000 rows lay out instantly.
class EventLogDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EventLogDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QFont m_mono;
    QFont m_monoSmall;
};

} // namespace chat
