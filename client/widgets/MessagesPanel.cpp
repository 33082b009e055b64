#include "MessagesPanel.h"

#include "Icons.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "MessageSelection.h"
#include "TypingLabel.h"
#include "models/MessageListModel.h"
#include "net/ProtocolClient.h"
#include "net/TypingNotifier.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace chat {

MessagesPanel::MessagesPanel(ProtocolClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_marker(new QPushButton(m_view))
    , m_edit(new MessageEdit(this))
    , m_typing(new TypingLabel(client->typing(), this))
    , m_send(new QToolButton(this))
    , m_loadingHint(new QLabel(m_view))
    , m_findBar(new QWidget(this))
    , m_findEdit(new QLineEdit(m_findBar))
    , m_findStatus(new QLabel(m_findBar))
{
    m_view->setModel(client->messages());
    m_view->setItemDelegate(new MessageDelegate(m_view));
    m_view->setResizeMode(QListView::Adjust);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalScrollBar()->setSingleStep(24);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A list view exposes only its items to a screen reader, never its scroll bar: the bar shown is a
    // sibling that mirrors the view's own (hidden) one, so it is in the accessibility tree (issue 12).
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_bar = new QScrollBar(Qt::Vertical, this);
    QScrollBar *inner = m_view->verticalScrollBar();
    connect(inner, &QScrollBar::rangeChanged, m_bar, [this, inner](int min, int max) {
        m_bar->setRange(min, max);
        m_bar->setPageStep(inner->pageStep());
        m_bar->setSingleStep(inner->singleStep());
        m_bar->setVisible(max > min && m_stack->currentIndex() == 0);
    });
    connect(inner, &QScrollBar::valueChanged, m_bar, &QScrollBar::setValue);
    connect(m_bar, &QScrollBar::valueChanged, inner, &QScrollBar::setValue);
    m_bar->hide();
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
    m_view->viewport()->setMouseTracking(true); // the pointing hand over links
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Part of a message's text can be selected and copied (its filters run before this panel's).
    m_selection = new MessageSelection(m_view, static_cast<MessageDelegate *>(m_view->itemDelegate()));
    connect(m_view, &QListView::customContextMenuRequested, this, &MessagesPanel::showContextMenu);
    auto *toNewest = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_End), this);
    toNewest->setContext(Qt::WidgetWithChildrenShortcut);
    connect(toNewest, &QShortcut::activated, this, &MessagesPanel::jumpToBottom);

    auto *empty = new QWidget(this);
    auto *ghost = m_ghost = new QLabel(empty);
    ghost->setPixmap(Icons::get(QStringLiteral("ghost")).pixmap(96, 96));
    ghost->setAlignment(Qt::AlignCenter);
    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(QStringLiteral("emptyText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    emptyLayout->addWidget(ghost);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addStretch();
    m_stack->addWidget(m_view);
    m_stack->addWidget(empty);

    m_marker->setObjectName(QStringLiteral("marker"));
    m_marker->setIcon(Icons::get(QStringLiteral("down")));
    m_marker->hide();
    connect(m_marker, &QPushButton::clicked, this, &MessagesPanel::jumpToBottom);
    m_loadingHint->setObjectName(QStringLiteral("loadingOlder"));
    m_loadingHint->hide();
    connect(client, &ProtocolClient::loadingOlderMessagesChanged, this, &MessagesPanel::showLoadingOlder);

    m_send->setIcon(Icons::get(QStringLiteral("send")));
    m_send->setIconSize({32, 32});
    connect(m_send, &QToolButton::clicked, this, &MessagesPanel::send);
    connect(m_edit, &MessageEdit::submitted, this, &MessagesPanel::send);
    // Every edit tells the typing notifier (socketchat.v1 set_typing); it decides what goes out.
    connect(m_edit, &QPlainTextEdit::textChanged, this,
            [this] { m_client->typingNotifier()->edited(m_edit->document()->isEmpty()); });

    auto *composer = new QHBoxLayout;
    composer->addWidget(m_edit, 1);
    composer->addWidget(m_send, 0, Qt::AlignBottom);
    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->installEventFilter(this);
    m_findStatus->setObjectName(QStringLiteral("findStatus"));
    auto *findOlder = new QToolButton(m_findBar);
    findOlder->setObjectName(QStringLiteral("findOlder"));
    findOlder->setArrowType(Qt::UpArrow);
    auto *findNewer = new QToolButton(m_findBar);
    findNewer->setObjectName(QStringLiteral("findNewer"));
    findNewer->setArrowType(Qt::DownArrow);
    auto *findClose = new QToolButton(m_findBar);
    findClose->setObjectName(QStringLiteral("findClose"));
    findClose->setIcon(Icons::get(QStringLiteral("close")));
    connect(findOlder, &QToolButton::clicked, this, [this] { findStep(true); });
    connect(findNewer, &QToolButton::clicked, this, [this] { findStep(false); });
    connect(findClose, &QToolButton::clicked, this, &MessagesPanel::closeFind);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] {
        m_matchUuid.clear();
        updateMatches();
        findStep(true); // the newest match first
    });
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 4);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(findOlder);
    findLayout->addWidget(findNewer);
    findLayout->addWidget(findClose);
    m_findBar->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_findBar);
    auto *history = new QHBoxLayout;
    history->setSpacing(0);
    history->addWidget(m_stack, 1);
    history->addWidget(m_bar);
    layout->addLayout(history, 1);
    layout->addWidget(m_typing);
    layout->addLayout(composer);

    MessageListModel *model = client->messages();
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) { beforeInsert(first); });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { afterInsert(first, last); });
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_settling = true; });
    connect(model, &QAbstractItemModel::modelReset, this, &MessagesPanel::afterReset);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (isAtBottom()) {
            m_unseen = 0;
            m_marker->hide();
        }
        loadOlderWhenNearTop();
    });
    // Find in room, after the scrolling above: a match in a new page is shown once it is laid out.
    connect(client->messages(), &QAbstractItemModel::modelReset, this, [this] {
        m_matchUuid.clear();
        m_findWantsOlder = false;
        updateMatches();
    });
    connect(client->messages(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_findBar->isVisible())
            return;
        updateMatches();
        if (std::exchange(m_findWantsOlder, false))
            findStep(true);
    });
    connect(client, &ProtocolClient::loadingOlderMessagesChanged, this, [this](bool loading) {
        if (!loading && m_findWantsOlder && !m_client->isLoadingOlderMessages()) {
            m_findWantsOlder = false; // no page came (none older): say what there is
            showFindStatus();
        }
    });

    updateEmptyState();
    retranslate();
}

void MessagesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MessagesPanel::retranslate()
{
    m_view->setAccessibleName(tr("Messages"));
    m_bar->setAccessibleName(tr("Message history"));
    m_emptyText->setText(tr("No messages yet"));
    m_ghost->setAccessibleName(tr("Empty room"));
    m_marker->setAccessibleName(tr("Jump to new messages"));
    m_loadingHint->setText(tr("Loading older messages…"));
    m_loadingHint->adjustSize();
    placeLoadingHint();
    m_findEdit->setPlaceholderText(tr("Find in this room"));
    m_findEdit->setAccessibleName(tr("Find in this room"));
    for (auto *button : m_findBar->findChildren<QToolButton *>()) {
        if (button->objectName() == QLatin1String("findOlder"))
            button->setAccessibleName(tr("Previous match (Enter)"));
        else if (button->objectName() == QLatin1String("findNewer"))
            button->setAccessibleName(tr("Next match (Shift+Enter)"));
        else
            button->setAccessibleName(tr("Close find (Escape)"));
        button->setToolTip(button->accessibleName());
    }
    showFindStatus();
    m_send->setAccessibleName(tr("Send message"));
    m_send->setToolTip(tr("Send (Enter)"));
    if (m_unseen > 0)
        showUnseenCount();
}

void MessagesPanel::showUnseenCount()
{
    m_marker->setText(tr("%n new message(s)", nullptr, m_unseen));
    m_marker->adjustSize();
    placeMarker();
}

void MessagesPanel::focusEditor()
{
    m_edit->setFocus();
}

void MessagesPanel::send()
{
    const QString body = m_edit->toPlainText();
    if (body.trimmed().isEmpty())
        return;
    // The text stays in the box when it could not be sent, so nothing is lost.
    if (m_client->sendMessage(body))
        m_edit->clear();
}

bool MessagesPanel::isAtBottom() const
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void MessagesPanel::beforeInsert(int first)
{
    m_wasAtBottom = isAtBottom();
    // Rows in front of others are an older page; new messages only ever come at the end.
    m_prepending = first == 0 && m_client->messages()->rowCount() > 0;
    if (!m_prepending)
        return;
    m_settling = true;
    const QScrollBar *bar = m_view->verticalScrollBar();
    m_distanceFromBottom = bar->maximum() - bar->value();
}

void MessagesPanel::afterInsert(int first, int last)
{
    if (std::exchange(m_prepending, false))
        return afterPrepend();
    updateEmptyState();
    const bool own = m_client->messages()->index(last).data(MessageListModel::OwnRole).toBool();
    if (m_wasAtBottom || own) {
        jumpToBottom();
        return;
    }
    m_unseen += last - first + 1;
    showUnseenCount();
    m_marker->show();
    m_marker->raise();
}

void MessagesPanel::afterPrepend()
{
    // Lay the rows out now (not later, as the view would) so that the scroll range already holds them, and
    // keep the same distance to the bottom: the messages shown stay where they were.
    m_view->doItemsLayout();
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(bar->maximum() - m_distanceFromBottom);
    m_settling = false;
    loadOlderWhenNearTop(); // the page was too short to move the top out of reach
}

void MessagesPanel::afterReset()
{
    updateEmptyState();
    jumpToBottom();
    m_settling = false;
    loadOlderWhenNearTop(); // a newest page that does not fill the view cannot be scrolled
}

void MessagesPanel::loadOlderWhenNearTop()
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    // Within half a screen of the top: the next page comes before the user reaches it.
    if (m_settling || !m_view->isVisible() || bar->value() > m_view->viewport()->height() / 2)
        return;
    if (m_client->hasOlderMessages() && !m_client->isLoadingOlderMessages())
        m_client->loadOlderMessages();
}

void MessagesPanel::showLoadingOlder(bool loading)
{
    m_loadingHint->setVisible(loading);
    if (loading) {
        placeLoadingHint();
        m_loadingHint->raise();
    }
}

void MessagesPanel::placeLoadingHint()
{
    m_loadingHint->move(m_view->rect().center().x() - m_loadingHint->width() / 2, 8);
}

void MessagesPanel::jumpToBottom()
{
    m_unseen = 0;
    m_marker->hide();
    m_view->scrollToBottom();
}

void MessagesPanel::updateEmptyState()
{
    m_stack->setCurrentIndex(m_client->messages()->rowCount() == 0 ? 1 : 0);
    const QScrollBar *inner = m_view->verticalScrollBar();
    m_bar->setVisible(inner->maximum() > inner->minimum() && m_stack->currentIndex() == 0);
}

void MessagesPanel::placeMarker()
{
    const QRect area = m_view->rect();
    m_marker->move(area.center().x() - m_marker->width() / 2, area.bottom() - m_marker->height() - 10);
}

void MessagesPanel::openFind()
{
    m_findBar->show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
    updateMatches();
}

void MessagesPanel::closeFind()
{
    m_findBar->hide();
    m_findWantsOlder = false;
    m_matches.clear();
    m_matchUuid.clear();
    static_cast<MessageDelegate *>(m_view->itemDelegate())->setFind({}, {});
    m_view->viewport()->update();
    m_edit->setFocus();
}

void MessagesPanel::updateMatches()
{
    m_matches.clear();
    const QString text = m_findBar->isVisible() ? m_findEdit->text() : QString();
    const MessageListModel *messages = m_client->messages();
    if (!text.isEmpty()) {
        for (int row = 0; row < messages->rowCount(); ++row) {
            if (messages->at(row).body.contains(text, Qt::CaseInsensitive))
                m_matches.append(row);
        }
    }
    static_cast<MessageDelegate *>(m_view->itemDelegate())->setFind(text, m_matchUuid);
    m_view->viewport()->update();
    showFindStatus();
}

void MessagesPanel::findStep(bool older)
{
    const MessageListModel *messages = m_client->messages();
    int current = -1;
    for (int i = 0; i < m_matches.size(); ++i) {
        if (messages->at(m_matches.at(i)).uuid == m_matchUuid)
            current = i;
    }
    int next = -1;
    if (current < 0)
        next = m_matches.isEmpty() ? -1 : int(m_matches.size()) - 1; // start at the newest
    else if (older && current > 0)
        next = current - 1;
    else if (!older && current + 1 < m_matches.size())
        next = current + 1;
    if (next < 0 && older && !m_findEdit->text().isEmpty() && m_client->hasOlderMessages()) {
        // Past the oldest match loaded: page older history in and go on (socketchat.v1, docs/EXTENSIONS.md).
        m_findWantsOlder = true;
        if (!m_client->isLoadingOlderMessages())
            m_client->loadOlderMessages();
        showFindStatus();
        return;
    }
    if (next >= 0) {
        m_matchUuid = messages->at(m_matches.at(next)).uuid;
        showMatch();
    }
    showFindStatus();
}

void MessagesPanel::showMatch()
{
    const int row = m_client->messages()->rowOf(m_matchUuid);
    if (row < 0)
        return;
    static_cast<MessageDelegate *>(m_view->itemDelegate())->setFind(m_findEdit->text(), m_matchUuid);
    const QModelIndex index = m_client->messages()->index(row);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->viewport()->update();
}

void MessagesPanel::showFindStatus()
{
    if (m_findWantsOlder) {
        m_findStatus->setText(tr("Searching older messages…"));
        return;
    }
    if (m_findEdit->text().isEmpty()) {
        m_findStatus->clear();
        return;
    }
    int current = 0;
    for (int i = 0; i < m_matches.size(); ++i) {
        if (m_client->messages()->at(m_matches.at(i)).uuid == m_matchUuid)
            current = i + 1;
    }
    m_findStatus->setText(m_matches.isEmpty() ? tr("No matches")
                                              : tr("%1 of %2").arg(current).arg(m_matches.size()));
}

QUrl MessagesPanel::linkAt(const QPoint &pos) const
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(index);
    return static_cast<MessageDelegate *>(m_view->itemDelegate())->linkAt(option, index, pos);
}

void MessagesPanel::copyMessage(const QModelIndex &index)
{
    if (index.isValid())
        QGuiApplication::clipboard()->setText(index.data(MessageListModel::BodyRole).toString());
}

void MessagesPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    if (m_selection->hasSelection()
        && index.data(MessageListModel::UuidRole).toString() == m_selection->uuid()) {
        const QString selected = m_selection->selectedText();
        menu.addAction(tr("Copy selected text"), this,
                       [selected] { QGuiApplication::clipboard()->setText(selected); });
    }
    menu.addAction(tr("Copy text"), this, [this, index] { copyMessage(index); });
    const QUrl link = linkAt(pos);
    if (link.isValid()) {
        menu.addAction(tr("Open link"), this, [this, link] { emit linkActivated(link); });
        menu.addAction(tr("Copy link"), this,
                       [link] { QGuiApplication::clipboard()->setText(link.toString()); });
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

bool MessagesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            findStep(!(key->modifiers() & Qt::ShiftModifier));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            closeFind();
            return true;
        }
    }
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            copyMessage(m_view->currentIndex());
            return true;
        }
        if (key->key() == Qt::Key_End && key->modifiers() == Qt::NoModifier) {
            m_view->setCurrentIndex(m_client->messages()->index(m_client->messages()->rowCount() - 1));
            jumpToBottom();
            return true;
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QUrl link = linkAt(mouse->position().toPoint());
            if (link.isValid()) {
                emit linkActivated(link);
                return true;
            }
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::MouseMove) {
        const bool overLink = linkAt(static_cast<QMouseEvent *>(event)->position().toPoint()).isValid();
        m_view->viewport()->setCursor(
            overLink ? Qt::PointingHandCursor
                     : m_selection->cursorAt(static_cast<QMouseEvent *>(event)->position().toPoint()));
    }
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        placeMarker();
        placeLoadingHint();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace chat
