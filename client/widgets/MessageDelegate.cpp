#include "MessageDelegate.h"

#include "models/MessageLinks.h"
#include "models/MessageListModel.h"

#include <QAbstractTextDocumentLayout>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QTextCursor>
#include <QTextDocument>

#include <cmath>

namespace chat {

namespace {
constexpr int maxBubbleWidth = 400;
constexpr int padding = 10;
constexpr int metaHeight = 18;
constexpr int gap = 8;
constexpr int dayHeight = 30;
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
    return {m_view->viewport()->width() - 4,
            text.height() + 2 * padding + metaHeight + gap + (startsADay(index) ? dayHeight : 0)};
}

bool MessageDelegate::startsADay(const QModelIndex &index)
{
    if (const auto *messages = qobject_cast<const MessageListModel *>(index.model()))
        return messages->startsADay(index.row());
    return index.row() == 0
        || index.sibling(index.row() - 1, 0).data(MessageListModel::DayKeyRole).toString()
        != index.data(MessageListModel::DayKeyRole).toString();
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const
{
    Layout result;
    const bool own = index.data(MessageListModel::OwnRole).toBool();
    const QString body = index.data(MessageListModel::BodyRole).toString();
    const QString author = index.data(MessageListModel::AuthorRole).toString();
    const QString time = QStringLiteral(" · ") + index.data(MessageListModel::TimeRole).toString();
    const int limit = bubbleWidthLimit();
    const QRect text = textRect(body, limit, true); // only visible rows are painted: exact is affordable
    // Fractional advances, rounded up: QFontMetrics::horizontalAdvance rounds to the nearest pixel, and a
    // footer measured a fraction short was elided by the very pixel it was missing.
    const QFontMetricsF metrics(metaFont());
    const int footerWidth = int(std::ceil(metrics.horizontalAdvance(author + time))) + 1;
    const int width = qMin(limit, qMax(text.width(), footerWidth) + 2 * padding);
    const int room = width - 2 * padding;
    result.footer = footerWidth <= room
        ? author + time
        : metrics.elidedText(author, Qt::ElideRight, room - std::ceil(metrics.horizontalAdvance(time)) - 1)
            + time;
    int top = option.rect.top();
    if (startsADay(index)) {
        result.day = index.data(MessageListModel::DayRole).toString();
        top += dayHeight;
    }
    const int height = option.rect.bottom() + 1 - top - gap;
    const int left = own ? option.rect.right() - width - 6 : option.rect.left() + 6;
    result.bubble = QRect(left, top + gap / 2, width, height);
    return result;
}

void MessageDelegate::prepareDocument(QTextDocument &document, const QString &body, int width,
                                      const QVector<MessageLink> &links, bool current) const
{
    document.setDocumentMargin(0);
    document.setDefaultFont(bodyFont());
    document.setTextWidth(width);
    document.setPlainText(body);
    for (const MessageLink &link : links) {
        QTextCursor cursor(&document);
        cursor.setPosition(int(link.start));
        cursor.setPosition(int(link.start + link.length), QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorHref(link.url.toString(QUrl::FullyEncoded));
        format.setFontUnderline(true);
        format.setForeground(QColor(0x0b, 0x3d, 0x91));
        cursor.mergeCharFormat(format);
    }
    if (m_findText.isEmpty())
        return;
    QTextCharFormat match;
    match.setBackground(current ? QColor(0xff, 0x9f, 0x1a) : QColor(0xff, 0xe0, 0x66));
    for (qsizetype at = body.indexOf(m_findText, 0, Qt::CaseInsensitive); at >= 0;
         at = body.indexOf(m_findText, at + m_findText.size(), Qt::CaseInsensitive)) {
        QTextCursor cursor(&document);
        cursor.setPosition(int(at));
        cursor.setPosition(int(at + m_findText.size()), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(match);
    }
}

void MessageDelegate::setFind(const QString &text, const QString &currentUuid)
{
    m_findText = text;
    m_findCurrent = currentUuid;
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &pos) const
{
    const QString body = index.data(MessageListModel::BodyRole).toString();
    const QVector<MessageLink> links = MessageLinks::find(body);
    if (links.isEmpty())
        return {};
    const QRect textArea = textAreaOf(option, index);
    if (!textArea.contains(pos))
        return {};
    QTextDocument document;
    prepareDocument(document, body, textArea.width(), links);
    const QString href = document.documentLayout()->anchorAt(pos - textArea.topLeft());
    return href.isEmpty() ? QUrl() : QUrl(href, QUrl::StrictMode);
}

QRect MessageDelegate::textAreaOf(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return layout(option, index).bubble.adjusted(padding, padding, -padding, -padding - metaHeight);
}

void MessageDelegate::setTextSelection(const QString &uuid, int anchor, int position)
{
    m_selectionUuid = uuid;
    m_selectionAnchor = anchor;
    m_selectionPosition = position;
}

std::unique_ptr<QTextDocument> MessageDelegate::textDocument(const QStyleOptionViewItem &option,
                                                             const QModelIndex &index) const
{
    const QString body = index.data(MessageListModel::BodyRole).toString();
    auto document = std::make_unique<QTextDocument>();
    prepareDocument(*document, body, textAreaOf(option, index).width(), MessageLinks::find(body));
    return document;
}

int MessageDelegate::positionAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                const QPoint &pos, bool clamp) const
{
    const QRect area = textAreaOf(option, index);
    const auto document = textDocument(option, index);
    const QSizeF size = document->documentLayout()->documentSize();
    const QRect text(area.topLeft(), QSize(area.width(), int(std::ceil(size.height()))));
    if (!clamp && !text.contains(pos))
        return -1;
    const int last = document->characterCount() - 1; // after the last character
    if (pos.y() < text.top())
        return 0;
    if (pos.y() > text.bottom())
        return last;
    const QPointF inside(qBound<qreal>(0, pos.x() - text.left(), text.width() - 1), pos.y() - text.top());
    return qBound(0, document->documentLayout()->hitTest(inside, Qt::FuzzyHit), last);
}

QString MessageDelegate::footerText(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return layout(option, index).footer;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const bool own = index.data(MessageListModel::OwnRole).toBool();
    const QString body = index.data(MessageListModel::BodyRole).toString();
    const Layout parts = layout(option, index);
    const QRect &bubble = parts.bubble;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(bubble, 12, 12);
    // One square corner on the author's side, like a speech bubble.
    const QRect corner =
        own ? QRect(bubble.right() - 12, bubble.top(), 13, 13) : QRect(bubble.left(), bubble.top(), 13, 13);
    path.addRect(corner);
    path.setFillRule(Qt::WindingFill);
    // A message that names the user (MentionRole) is a warm yellow with an amber edge.
    const bool mentioned = !own && index.data(MessageListModel::MentionRole).toBool();
    painter->setPen(mentioned ? QPen(QColor(0xd9, 0x8c, 0x00), 2) : QPen(Qt::NoPen));
    painter->setBrush(mentioned ? QColor(255, 226, 140, 0xe0)
                          : own ? QColor(255, 255, 255, 0x88)
                                : QColor(255, 255, 255, 0x36));
    painter->drawPath(path.simplified());
    if (!parts.day.isEmpty()) {
        // The day separator: the day between two thin lines, centred over the row.
        QFont dayFont = metaFont();
        dayFont.setPixelSize(12);
        dayFont.setBold(true);
        painter->setFont(dayFont);
        const QRect band(option.rect.left(), option.rect.top() + 4, option.rect.width(), dayHeight - 4);
        const int textWidth = QFontMetrics(dayFont).horizontalAdvance(parts.day) + 24;
        painter->setPen(QColor(0, 0, 0, 0x99));
        painter->drawText(band, Qt::AlignCenter, parts.day);
        painter->setPen(QPen(QColor(0, 0, 0, 0x30), 1));
        const int y = band.center().y();
        const int middle = band.center().x();
        painter->drawLine(band.left() + 16, y, middle - textWidth / 2, y);
        painter->drawLine(middle + textWidth / 2, y, band.right() - 16, y);
    }
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(QColor(255, 255, 255, 0xcc), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(bubble, 12, 12);
    }
    const QRect textArea = bubble.adjusted(padding, padding, -padding, -padding - metaHeight);
    const QVector<MessageLink> links = MessageLinks::find(body);
    const bool found = !m_findText.isEmpty() && body.contains(m_findText, Qt::CaseInsensitive);
    const bool selected = !m_selectionUuid.isEmpty() && m_selectionAnchor != m_selectionPosition
        && index.data(MessageListModel::UuidRole).toString() == m_selectionUuid;
    if (links.isEmpty() && !found && !selected) {
        painter->setPen(QColor(0, 0, 0, 204));
        painter->setFont(bodyFont());
        painter->drawText(textArea, Qt::TextWordWrap, body);
    } else {
        // The body stays plain text; only the link ranges get an anchor format (no HTML is parsed).
        QTextDocument document;
        prepareDocument(document, body, textArea.width(), links,
                        index.data(MessageListModel::UuidRole).toString() == m_findCurrent);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, QColor(0, 0, 0, 204));
        context.clip = QRectF(0, 0, textArea.width(), textArea.height());
        if (selected) {
            QAbstractTextDocumentLayout::Selection selection;
            selection.cursor = QTextCursor(&document);
            const int last = document.characterCount() - 1;
            selection.cursor.setPosition(qBound(0, m_selectionAnchor, last));
            selection.cursor.setPosition(qBound(0, m_selectionPosition, last), QTextCursor::KeepAnchor);
            selection.format.setBackground(m_view->palette().color(QPalette::Active, QPalette::Highlight));
            selection.format.setForeground(
                m_view->palette().color(QPalette::Active, QPalette::HighlightedText));
            context.selections.append(selection);
        }
        painter->translate(textArea.topLeft());
        document.documentLayout()->draw(painter, context);
        painter->translate(-textArea.topLeft());
    }
    painter->setPen(QColor(0, 0, 0, 0x66));
    painter->setFont(metaFont());
    painter->drawText(QRect(bubble.left() + padding, bubble.bottom() - padding - metaHeight + 4,
                            bubble.width() - 2 * padding, metaHeight),
                      Qt::AlignRight | Qt::AlignVCenter, parts.footer);
    painter->restore();
}

} // namespace chat
