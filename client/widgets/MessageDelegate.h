#pragma once

#include <QFontMetrics>
#include <QStyledItemDelegate>
#include <QUrl>
#include <QVector>

#include <memory>

class QListView;
class QTextDocument;

namespace chat {

struct MessageLink;

// A message bubble: own messages on the right (brighter, square top-right corner), others on the left
// (square top-left corner); at most 400 px wide; the body, then author and time in small text. A day
// separator (Today, Yesterday, the date) sits above the first message of each day. Links (MessageLinks) are
// underlined and clickable; a message that mentions the user is highlighted.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QListView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "author · time" as painted under the bubble: the author cut at its end when the bubble is too narrow.
    QString footerText(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The first message of a day has a day separator above its bubble.
    static bool startsADay(const QModelIndex &index);
    // The link (http, https, a room link) under pos in this message's bubble; empty when none.
    // Find in room: occurrences of text are highlighted, more strongly in the current match's message.
    void setFind(const QString &text, const QString &currentUuid);
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    // Part of one message's text selected (MessageSelection drives it): the characters between anchor and
    // position of the body of the message with this uuid are painted highlighted. An empty uuid: none.
    void setTextSelection(const QString &uuid, int anchor, int position);
    // The character position in the message's body under pos (view coordinates): -1 when pos is not on its
    // text, unless clamp, which gives the nearest position (a drag that left the bubble).
    int positionAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos,
                   bool clamp) const;
    // The body laid out as it is painted, for moves by word or line (positions are the body's indexes).
    std::unique_ptr<QTextDocument> textDocument(const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const;

private:
    struct Layout
    {
        QRect bubble;
        QString footer;
        QString day; // the separator's text, empty when there is none
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    int bubbleWidthLimit() const;
    QRect textRect(const QString &body, int limit, bool exact) const;
    QRect textAreaOf(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    static bool isExact(const QModelIndex &index);
    QFont bodyFont() const;
    QFont metaFont() const;
    // The body as plain text with its links formatted as anchors (bodies with links are painted this way).
    void prepareDocument(QTextDocument &document, const QString &body, int width,
                         const QVector<MessageLink> &links, bool current = false) const;

    QListView *m_view;
    QString m_findText;
    QString m_findCurrent;
    QString m_selectionUuid;
    int m_selectionAnchor = 0;
    int m_selectionPosition = 0;
    mutable QFont m_bodyFont;
    mutable QFontMetrics m_bodyMetrics {QFont()};
};

} // namespace chat
