#include "MessageSelection.h"

#include "MessageDelegate.h"
#include "models/MessageListModel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QListView>
#include <QMouseEvent>
#include <QTextCursor>
#include <QTextDocument>

#include <memory>

namespace chat {

namespace {
QStyleOptionViewItem optionFor(const QListView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.rect = view->visualRect(index);
    return option;
}
} // namespace

MessageSelection::MessageSelection(QListView *view, MessageDelegate *delegate)
    : QObject(view)
    , m_view(view)
    , m_delegate(delegate)
{
    // Installed after the panel's filters, so these run first.
    view->installEventFilter(this);
    view->viewport()->installEventFilter(this);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!m_uuid.isEmpty() && current.data(MessageListModel::UuidRole).toString() != m_uuid)
                    clear();
            });
    connect(view->model(), &QAbstractItemModel::modelReset, this, &MessageSelection::clear);
    connect(view->model(), &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_index.isValid())
            clear();
    });
}

QModelIndex MessageSelection::selectedIndex() const
{
    return m_index;
}

QString MessageSelection::selectedText() const
{
    const QModelIndex index = selectedIndex();
    if (!hasSelection() || !index.isValid())
        return {};
    // The body itself, not the document's text: a message is copied exactly as it was typed.
    const QString body = index.data(MessageListModel::BodyRole).toString();
    const int start = qBound(0, qMin(m_anchor, m_position), int(body.size()));
    const int end = qBound(0, qMax(m_anchor, m_position), int(body.size()));
    return body.mid(start, end - start);
}

void MessageSelection::select(const QModelIndex &index, int anchor, int position)
{
    m_uuid = index.data(MessageListModel::UuidRole).toString();
    m_index = index;
    m_anchor = anchor;
    m_position = position;
    apply();
}

void MessageSelection::clear()
{
    if (m_uuid.isEmpty())
        return;
    m_uuid.clear();
    m_index = QPersistentModelIndex();
    m_anchor = m_position = 0;
    m_dragging = false;
    apply();
}

void MessageSelection::apply()
{
    m_delegate->setTextSelection(m_uuid, m_anchor, m_position);
    m_view->viewport()->update();
}

Qt::CursorShape MessageSelection::cursorAt(const QPoint &pos) const
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid() && m_delegate->positionAt(optionFor(m_view, index), index, pos, false) >= 0)
        return Qt::IBeamCursor;
    return Qt::ArrowCursor;
}

bool MessageSelection::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport())
        return mouseEvent(event);
    if (watched == m_view && event->type() == QEvent::KeyPress)
        return keyPress(static_cast<QKeyEvent *>(event));
    return false;
}

bool MessageSelection::mouseEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false;
        const QPoint pos = mouse->position().toPoint();
        const QModelIndex index = m_view->indexAt(pos);
        const bool same = index.isValid() && index.data(MessageListModel::UuidRole).toString() == m_uuid;
        const int position =
            index.isValid() ? m_delegate->positionAt(optionFor(m_view, index), index, pos, false) : -1;
        if (position < 0) {
            clear();
            return false; // the view makes the message current
        }
        if (same && (mouse->modifiers() & Qt::ShiftModifier))
            select(index, m_anchor, position);
        else
            select(index, position, position);
        m_dragging = true;
        m_pressedAt = pos;
        m_moved = false;
        return false;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_dragging || !(mouse->buttons() & Qt::LeftButton))
            return false;
        const QModelIndex index = selectedIndex();
        if (!index.isValid())
            return false;
        // A hand that shakes while clicking a link does not select a character of it.
        if (!m_moved
            && (mouse->position().toPoint() - m_pressedAt).manhattanLength()
                < QApplication::startDragDistance())
            return true;
        m_moved = true;
        const int position =
            m_delegate->positionAt(optionFor(m_view, index), index, mouse->position().toPoint(), true);
        if (position != m_position)
            select(index, m_anchor, position);
        return true; // the view does not drag the current message along
    }
    case QEvent::MouseButtonDblClick: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint pos = mouse->position().toPoint();
        const QModelIndex index = m_view->indexAt(pos);
        if (mouse->button() != Qt::LeftButton || !index.isValid())
            return false;
        const QStyleOptionViewItem option = optionFor(m_view, index);
        const int position = m_delegate->positionAt(option, index, pos, false);
        if (position < 0)
            return false;
        const auto document = m_delegate->textDocument(option, index);
        QTextCursor cursor(document.get());
        cursor.setPosition(position);
        cursor.select(QTextCursor::WordUnderCursor);
        select(index, cursor.selectionStart(), cursor.selectionEnd());
        m_dragging = false;
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false;
        m_dragging = false;
        if (!hasSelection())
            return false; // a click: MessagesPanel opens the link under it
        if (QGuiApplication::clipboard()->supportsSelection())
            QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
        return true;
    }
    default:
        return false;
    }
}

bool MessageSelection::keyPress(QKeyEvent *key)
{
    if (key->matches(QKeySequence::Copy)) {
        if (!hasSelection())
            return false; // MessagesPanel copies the whole message
        QGuiApplication::clipboard()->setText(selectedText());
        return true;
    }
    if (key->key() == Qt::Key_Escape && hasSelection()) {
        clear();
        return true;
    }
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return false;
    const int length = int(current.data(MessageListModel::BodyRole).toString().size());
    if (key->matches(QKeySequence::SelectAll)) {
        select(current, 0, length);
        return true;
    }
    QTextCursor::MoveOperation move = QTextCursor::NoMove;
    bool leftwards = false;
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const bool byWord = modifiers == (Qt::ShiftModifier | Qt::ControlModifier);
    if (modifiers != Qt::ShiftModifier && !byWord)
        return false;
    switch (key->key()) {
    case Qt::Key_Left:
        move = byWord ? QTextCursor::PreviousWord : QTextCursor::Left;
        leftwards = true;
        break;
    case Qt::Key_Right:
        move = byWord ? QTextCursor::EndOfWord : QTextCursor::Right;
        break;
    case Qt::Key_Up:
        move = byWord ? QTextCursor::NoMove : QTextCursor::Up;
        leftwards = true;
        break;
    case Qt::Key_Down:
        move = byWord ? QTextCursor::NoMove : QTextCursor::Down;
        break;
    case Qt::Key_Home:
        move = byWord ? QTextCursor::Start : QTextCursor::StartOfLine;
        leftwards = true;
        break;
    case Qt::Key_End:
        move = byWord ? QTextCursor::End : QTextCursor::EndOfLine;
        break;
    default:
        break;
    }
    if (move == QTextCursor::NoMove)
        return false;
    // A new selection in the current message starts at its end going left, at its start going right.
    const bool continuing = current.data(MessageListModel::UuidRole).toString() == m_uuid;
    const int anchor = continuing ? m_anchor : (leftwards ? length : 0);
    const int position = continuing ? m_position : anchor;
    const auto document = m_delegate->textDocument(optionFor(m_view, current), current);
    QTextCursor cursor(document.get());
    cursor.setPosition(qBound(0, anchor, length));
    cursor.setPosition(qBound(0, position, length), QTextCursor::KeepAnchor);
    cursor.movePosition(move, QTextCursor::KeepAnchor);
    if (move == QTextCursor::EndOfWord && cursor.position() == position) {
        cursor.movePosition(QTextCursor::NextWord,
                            QTextCursor::KeepAnchor); // at a word's end: the next one's
        cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    }
    select(current, cursor.anchor(), cursor.position());
    return true;
}

} // namespace chat
