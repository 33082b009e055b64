#include "MessagesPanel.h"

#include "Icons.h"
#include "MessageDelegate.h"
#include "MessageEdit.h"
#include "models/MessageListModel.h"
#include "net/ProtocolClient.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat {

MessagesPanel::MessagesPanel(ProtocolClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_marker(new QPushButton(m_view))
    , m_edit(new MessageEdit(this))
    , m_send(new QToolButton(this))
{
    m_view->setModel(client->messages());
    m_view->setItemDelegate(new MessageDelegate(m_view));
    m_view->setResizeMode(QListView::Adjust);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalScrollBar()->setSingleStep(24);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->viewport()->installEventFilter(this);

    auto *empty = new QWidget(this);
    auto *ghost = new QLabel(empty);
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

    m_send->setIcon(Icons::get(QStringLiteral("send")));
    m_send->setIconSize({32, 32});
    connect(m_send, &QToolButton::clicked, this, &MessagesPanel::send);
    connect(m_edit, &MessageEdit::submitted, this, &MessagesPanel::send);

    auto *composer = new QHBoxLayout;
    composer->addWidget(m_edit, 1);
    composer->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(composer);

    MessageListModel *model = client->messages();
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &MessagesPanel::beforeInsert);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { afterInsert(first, last); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        updateEmptyState();
        jumpToBottom();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (isAtBottom()) {
            m_unseen = 0;
            m_marker->hide();
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
    m_emptyText->setText(tr("No messages yet"));
    m_marker->setAccessibleName(tr("Jump to new messages"));
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

void MessagesPanel::beforeInsert()
{
    m_wasAtBottom = isAtBottom();
}

void MessagesPanel::afterInsert(int first, int last)
{
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

void MessagesPanel::jumpToBottom()
{
    m_unseen = 0;
    m_marker->hide();
    m_view->scrollToBottom();
}

void MessagesPanel::updateEmptyState()
{
    m_stack->setCurrentIndex(m_client->messages()->rowCount() == 0 ? 1 : 0);
}

void MessagesPanel::placeMarker()
{
    const QRect area = m_view->rect();
    m_marker->move(area.center().x() - m_marker->width() / 2, area.bottom() - m_marker->height() - 10);
}

bool MessagesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        placeMarker();
    return QWidget::eventFilter(watched, event);
}

} // namespace chat
