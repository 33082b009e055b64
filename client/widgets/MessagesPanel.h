#pragma once

#include <QUrl>
#include <QVector>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QScrollBar;
class QStackedWidget;
class QToolButton;

namespace chat {

class MessageEdit;
class MessageSelection;
class ProtocolClient;
class TypingLabel;

// The messages of the room: bubbles that follow new messages while the view is at the bottom (otherwise a
// "new messages" marker appears), "No messages yet" when empty, and the message box with its send button.
// Against a server that pages the history, scrolling near the top loads the older page above, keeping what
// is shown in place. Links in messages open when clicked; part of a message's text can be selected
// (MessageSelection); Ctrl+C or the context menu copies the selection or else the message's text;
// End (in the list) or Ctrl+End jumps back to the newest message.
class MessagesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesPanel(ProtocolClient *client, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    MessageSelection *textSelection() const { return m_selection; }
    MessageEdit *editor() const { return m_edit; }
    QPushButton *newMessagesMarker() const { return m_marker; }
    QLabel *loadingOlderHint() const { return m_loadingHint; }
    TypingLabel *typingLabel() const { return m_typing; }
    void focusEditor();
    // Find in room (Ctrl+F): a bar over the messages searching the loaded history, case-insensitive. Enter
    // goes to the previous (older) match, Shift+Enter to the next, Escape closes. On a server that pages the
    // history, going past the oldest match loads older pages and goes on searching.
    void openFind();
    void closeFind();
    QWidget *findBar() const { return m_findBar; }
    QLineEdit *findEdit() const { return m_findEdit; }
    QLabel *findStatus() const { return m_findStatus; }
    QString currentMatchUuid() const { return m_matchUuid; }
    void findStep(bool older);

    // The text of the message in this row, put on the clipboard.
    void copyMessage(const QModelIndex &index);

signals:
    // A link in a message was clicked (http, https or a room link).
    void linkActivated(const QUrl &url);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showUnseenCount();
    void send();
    void beforeInsert(int first);
    void afterInsert(int first, int last);
    void afterPrepend();
    void afterReset();
    void loadOlderWhenNearTop();
    void showLoadingOlder(bool loading);
    void updateEmptyState();
    void placeMarker();
    void placeLoadingHint();
    bool isAtBottom() const;
    void jumpToBottom();
    void showContextMenu(const QPoint &pos);
    void updateMatches(); // the rows that contain the find text; the current match kept by its uuid
    void showMatch();
    void showFindStatus();
    QUrl linkAt(const QPoint &pos) const;

    ProtocolClient *m_client;
    QStackedWidget *m_stack;
    QListView *m_view;
    QPushButton *m_marker;
    MessageEdit *m_edit;
    TypingLabel *m_typing;
    QToolButton *m_send;
    QLabel *m_ghost = nullptr;
    QScrollBar *m_bar = nullptr;
    QLabel *m_emptyText;
    QLabel *m_loadingHint;
    bool m_wasAtBottom = true;
    bool m_settling = false; // the model changes under the view: scroll positions mean nothing yet
    bool m_prepending = false;
    int m_distanceFromBottom = 0; // before a prepend: kept, so that what is shown stays in place
    int m_unseen = 0;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QLabel *m_findStatus;
    QVector<int> m_matches; // rows, oldest first
    QString m_matchUuid; // the current match's message
    bool m_findWantsOlder = false; // a page was asked for to go on searching backwards
    MessageSelection *m_selection; // part of a message's text
};

} // namespace chat
