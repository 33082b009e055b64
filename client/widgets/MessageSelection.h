#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QPoint>
#include <QString>
#include <Qt>

class QKeyEvent;
class QListView;
class QModelIndex;

namespace chat {

class MessageDelegate;

// Selecting part of a message's text in the message list, whose bubbles are painted by MessageDelegate (no
// widget per message, so that rooms of thousands of messages scroll as before). The selection lies inside one
// message and is kept by the message's uuid:
//   - mouse: drag inside a bubble (Shift+click extends), double-click selects a word; a click without a
//     drag still opens a link;
//   - keyboard, on the current message: Shift+Left/Right (Ctrl: by word), Shift+Up/Down (by line),
//     Shift+Home/End, Ctrl+A the whole text, Escape clears;
//   - Ctrl+C copies the selection (without one MessagesPanel copies the whole message); on X11 the selection
//     is also the primary selection, for a middle click.
// Moving to another message clears it, and so does the message leaving the list (another room, a reset).
class MessageSelection : public QObject
{
    Q_OBJECT
public:
    MessageSelection(QListView *view, MessageDelegate *delegate);

    bool hasSelection() const { return m_index.isValid() && m_anchor != m_position; }
    QString uuid() const { return m_uuid; }
    QString selectedText() const;
    // Selects characters [anchor, position) (or reversed) of the message at index.
    void select(const QModelIndex &index, int anchor, int position);
    void clear();
    // The cursor the viewport shows at pos when no link is there: an I-beam over a message's text.
    Qt::CursorShape cursorAt(const QPoint &pos) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool mouseEvent(QEvent *event);
    bool keyPress(QKeyEvent *key);
    QModelIndex selectedIndex() const;
    void apply();

    QListView *m_view;
    MessageDelegate *m_delegate;
    QString m_uuid;
    QPersistentModelIndex m_index; // the message's row; it follows rows inserted above, dies with the row
    int m_anchor = 0;
    int m_position = 0;
    bool m_dragging = false;
    bool m_moved = false; // the drag went past the start distance
    QPoint m_pressedAt;
};

} // namespace chat
