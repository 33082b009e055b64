#include "RoomPage.h"

#include "Accessibility.h"
#include "DrawingPanel.h"
#include "Icons.h"
#include "MessagesPanel.h"
#include "NameEdit.h"
#include "UsersPanel.h"
#include "models/RoomListModel.h"
#include "net/ProtocolClient.h"
#include "net/RoomLink.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat {

RoomPage::RoomPage(ProtocolClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_back(headerButton(QStringLiteral("back")))
    , m_tabs(new QButtonGroup(this))
    , m_stack(new QStackedWidget(this))
    , m_messages(new MessagesPanel(client, this))
    , m_drawing(new DrawingPanel(client, this))
    , m_users(new UsersPanel(client->users(), this))
    , m_name(new NameEdit(this))
    , m_roomLabel(new QLabel(this))
    , m_link(headerButton(QStringLiteral("link")))
{
    m_back->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_back, &QToolButton::clicked, client, &ProtocolClient::leaveRoom);
    auto *header = new QHBoxLayout;
    header->addWidget(m_back);
    const QStringList tabIcons {QStringLiteral("messages"), QStringLiteral("drawing"),
                                QStringLiteral("users")};
    for (int i = 0; i < tabIcons.size(); ++i) {
        QToolButton *button = headerButton(tabIcons.at(i));
        button->setCheckable(true);
        Accessibility::setRole(button, QAccessible::PageTab);
        button->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        m_tabs->addButton(button, i);
        header->addWidget(button);
    }
    m_tabs->setExclusive(true);
    connect(m_tabs, &QButtonGroup::idClicked, this, [this](int id) { showTab(Tab(id)); });
    m_stack->addWidget(m_messages);
    m_stack->addWidget(m_drawing);
    m_stack->addWidget(m_users);

    m_roomLabel->setObjectName(QStringLiteral("small"));
    m_name->setObjectName(QStringLiteral("inlineName"));
    m_name->setAlignment(Qt::AlignRight);
    m_name->setMinimumWidth(260);
    connect(m_name, &QLineEdit::editingFinished, this, &RoomPage::submitName);
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(0);
    nameBox->addWidget(m_roomLabel, 0, Qt::AlignRight);
    nameBox->addWidget(m_name, 0, Qt::AlignRight);
    m_link->setIconSize({26, 26});
    connect(m_link, &QToolButton::clicked, this, &RoomPage::copyLink);
    header->addStretch();
    header->addWidget(m_link);
    header->addLayout(nameBox);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(client, &ProtocolClient::currentRoomChanged, this, &RoomPage::showRoomName);
    connect(client->rooms(), &QAbstractItemModel::dataChanged, this, &RoomPage::showRoomName);
    connect(client->rooms(), &QAbstractItemModel::modelReset, this, &RoomPage::showRoomName);
    showTab(Messages);
    retranslate();
}

QToolButton *RoomPage::headerButton(const QString &icon)
{
    auto *button = new QToolButton(this);
    button->setIcon(Icons::get(icon));
    button->setIconSize({34, 34});
    return button;
}

void RoomPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RoomPage::retranslate()
{
    const auto texts = [](QAbstractButton *button, const QString &name, const QString &tip) {
        button->setAccessibleName(name);
        button->setToolTip(tip);
    };
    texts(m_back, tr("Leave the room"), tr("Back to the room list (Ctrl+W)"));
    texts(m_tabs->button(Messages), tr("Messages"), tr("Messages (Ctrl+1)"));
    texts(m_tabs->button(Drawing), tr("Drawing"), tr("Drawing (Ctrl+2)"));
    texts(m_tabs->button(Users), tr("Users"), tr("Users (Ctrl+3)"));
    texts(m_link, tr("Copy a link to this room"), tr("Copy a link that opens this room (chat-client LINK)"));
    m_roomLabel->setText(tr("Room:"));
    m_name->setLabel(tr("Room name"));
    m_name->setHint(tr("The room's name: edit it and press Enter"));
}

void RoomPage::copyLink()
{
    if (m_client->currentRoom().isEmpty())
        return;
    const RoomLink link {m_client->connection()->url(), m_client->currentRoom()};
    const QString text = link.toUrl().toString(QUrl::FullyEncoded);
    QApplication::clipboard()->setText(text);
    emit linkCopied(text);
}

void RoomPage::showTab(Tab tab)
{
    m_tabs->button(tab)->setChecked(true);
    m_stack->setCurrentIndex(tab);
    if (tab == Messages)
        m_messages->focusEditor();
}

RoomPage::Tab RoomPage::currentTab() const
{
    return Tab(m_stack->currentIndex());
}

void RoomPage::showRoomName()
{
    const Room *room = m_client->rooms()->find(m_client->currentRoom());
    if (room && !m_name->hasFocus())
        m_name->setText(room->name);
}

void RoomPage::submitName()
{
    const Room *room = m_client->rooms()->find(m_client->currentRoom());
    const QString name = m_name->text().trimmed();
    if (!room)
        return;
    if (name.isEmpty())
        m_name->setText(room->name);
    else if (name != room->name)
        m_client->renameRoom(room->uuid, name);
}

} // namespace chat
