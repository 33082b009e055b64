#include "EventLogDelegate.h"

#include "models/EventLogModel.h"

#include <QFontDatabase>
#include <QPainter>

namespace chat {

namespace {
constexpr int rowHeight = 58;
constexpr int lineX = 8;
} // namespace

EventLogDelegate::EventLogDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_mono(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    m_mono.setFamilies({QStringLiteral("Roboto Mono"), QStringLiteral("DejaVu Sans Mono"), m_mono.family()});
    m_mono.setPixelSize(13);
    m_mono.setBold(true);
    m_monoSmall = m_mono;
    m_monoSmall.setPixelSize(11);
}

QSize EventLogDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return {260, rowHeight};
}

void EventLogDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect;
    if (option.state & QStyle::State_Selected)
        painter->fillRect(r, QColor(255, 255, 255, 60));
    painter->setPen(QPen(QColor(255, 255, 255, 150), 1.5));
    painter->drawLine(QPointF(r.left() + lineX, r.top()), QPointF(r.left() + lineX, r.bottom() + 1));
    painter->setPen(QPen(QColor(0, 0, 0, 30), 1));
    painter->setBrush(Qt::white);
    painter->drawEllipse(QPointF(r.left() + lineX, r.top() + 12), 6, 6);

    const QColor text(0, 0, 0, 204);
    const QRect left = r.adjusted(lineX + 16, 4, -8, -4);
    painter->setPen(text);
    painter->setFont(m_mono);
    painter->drawText(left, Qt::AlignLeft | Qt::AlignTop, index.data(EventLogModel::TimeRole).toString());
    painter->setFont(m_monoSmall);
    painter->drawText(left.adjusted(0, 17, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                      index.data(EventLogModel::OriginRole).toString());
    painter->setFont(m_mono);
    painter->drawText(left.adjusted(0, 14, 0, 0), Qt::AlignRight | Qt::AlignTop,
                      index.data(EventLogModel::TypeRole).toString());
    // A series' last statement shows how many of its statements were not logged ("+46"; the row's text
    // and the details say it in words).
    const int skipped = index.data(EventLogModel::SkippedRole).toInt();
    const QString name = index.data(EventLogModel::NameRole).toString()
        + (skipped > 0 ? QStringLiteral(" +") + QString::number(skipped) : QString());
    painter->drawText(left.adjusted(0, 31, 0, 0), Qt::AlignRight | Qt::AlignTop,
                      painter->fontMetrics().elidedText(name, Qt::ElideMiddle, left.width()));
    painter->restore();
}

} // namespace chat
