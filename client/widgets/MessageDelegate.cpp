#include "MessageDelegate.h"

#include "models/MessageListModel.h"

#include <QListView>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace chat {

namespace {
constexpr int maxBubbleWidth = 400;
constexpr int padding = 10;
constexpr int metaHeight = 18;
constexpr int gap = 8;
// Rooms up to this size get exact wrapped heights; bigger ones an estimate, to lay out quickly.
constexpr int exactLayoutLimit = 5000;
} // namespace

MessageDelegate::MessageDelegate(QListView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{ }

QFont MessageDelegate::bodyFont() const
{
    // Made once: sizeHint() runs for every message when a big room is laid out.
    if (m_bodyFont.pixelSize() != 15) {
        m_bodyFont = m_view->font();
        m_bodyFont.setPixelSize(15);
        m_bodyMetrics = QFontMetrics(m_bodyFont);
    }
    return m_bodyFont;
}

QFont MessageDelegate::metaFont() const
{
    QFont font = m_view->font();
    font.setPixelSize(11);
    return font;
}

int MessageDelegate::bubbleWidthLimit() const
{
    return qMax(120, qMin(maxBubbleWidth, m_view->viewport()->width() - 40));
}

QRect MessageDelegate::textRect(const QString &body, int limit, bool exact) const
{
    bodyFont();
    const QFontMetrics &metrics = m_bodyMetrics;
    const int available = limit - 2 * padding;
    if (exact)
        return metrics.boundingRect(QRect(0, 0, available, 1 << 20), Qt::TextWordWrap, body);
    // Shaping every message is too slow when a room with 100 000 messages is laid out, so there the height
    // is estimated from the number of characters, with slack for proportional glyphs and early wraps.
    const int perLine = qMax(1, int(available * 0.8 / qMax(1, metrics.averageCharWidth())));
    int lines = 0;
    for (const QStringView paragraph : QStringView(body).split(QLatin1Char('\n')))
        lines += qMax<qsizetype>(1, (paragraph.size() + perLine - 1) / perLine);
    return QRect(0, 0, available, lines * metrics.lineSpacing());
}

bool MessageDelegate::isExact(const QModelIndex &index)
{
    return index.model() && index.model()->rowCount() <= exactLayoutLimit;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const QRect text =
        textRect(index.data(MessageListModel::BodyRole).toString(), bubbleWidthLimit(), isExact(index));
    return {m_view->viewport()->width() - 4, text.height() + 2 * padding + metaHeight + gap};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const bool own = index.data(MessageListModel::OwnRole).toBool();
    const QString body = index.data(MessageListModel::BodyRole).toString();
    const QString meta = index.data(MessageListModel::AuthorRole).toString() + QStringLiteral(" · ")
        + index.data(MessageListModel::TimeRole).toString();
    const int limit = bubbleWidthLimit();
    const QRect text = textRect(body, limit, true); // only visible rows are painted: exact is affordable
    const QFontMetrics metaMetrics(metaFont());
    const int width = qMin(limit, qMax(text.width(), metaMetrics.horizontalAdvance(meta)) + 2 * padding);
    const int height = option.rect.height() - gap;
    const int left = own ? option.rect.right() - width - 6 : option.rect.left() + 6;
    const QRect bubble(left, option.rect.top() + gap / 2, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(bubble, 12, 12);
    // One square corner on the author's side, like a speech bubble.
    const QRect corner =
        own ? QRect(bubble.right() - 12, bubble.top(), 13, 13) : QRect(bubble.left(), bubble.top(), 13, 13);
    path.addRect(corner);
    path.setFillRule(Qt::WindingFill);
    painter->setPen(Qt::NoPen);
    painter->setBrush(own ? QColor(255, 255, 255, 0x88) : QColor(255, 255, 255, 0x36));
    painter->drawPath(path.simplified());
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(QColor(255, 255, 255, 0xcc), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(bubble, 12, 12);
    }
    painter->setPen(QColor(0, 0, 0, 204));
    painter->setFont(bodyFont());
    painter->drawText(bubble.adjusted(padding, padding, -padding, -padding - metaHeight), Qt::TextWordWrap,
                      body);
    painter->setPen(QColor(0, 0, 0, 0x66));
    painter->setFont(metaFont());
    painter->drawText(QRect(bubble.left() + padding, bubble.bottom() - padding - metaHeight + 4,
                            width - 2 * padding, metaHeight),
                      Qt::AlignRight | Qt::AlignVCenter,
                      metaMetrics.elidedText(meta, Qt::ElideMiddle, width - 2 * padding));
    painter->restore();
}

} // namespace chat
