#include "MainWindow.h"

#include "AboutDialog.h"
#include "GradientWidget.h"
#include "HeaderWidget.h"
#include "Icons.h"
#include "LeftPanel.h"
#include "LobbyPage.h"
#include "MessagesPanel.h"
#include "NoticeBar.h"
#include "Notifier.h"
#include "RoomListView.h"
#include "RoomPage.h"
#include "SettingsDialog.h"
#include "Theme.h"
#include "ThemeSlider.h"
#include "app/ClientSettings.h"
#include "app/Translations.h"
#include "model/Uuid.h"
#include "models/EventLogModel.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/UserListModel.h"
#include "net/ProtocolClient.h"
#include "net/RoomLink.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialog>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace chat {

MainWindow::MainWindow(ProtocolClient *client, ClientSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_settings(settings)
    , m_background(new GradientWidget(this))
    , m_header(new HeaderWidget(client, m_background))
    , m_left(new LeftPanel(client, m_background))
    , m_right(new QStackedWidget(m_background))
    , m_lobby(new LobbyPage(client, m_right))
    , m_room(new RoomPage(client, m_right))
    , m_notices(new NoticeBar(m_background))
    , m_notifier(new Notifier(settings, this))
{
    setWindowIcon(Icons::get(QStringLiteral("chat-client")));
    m_background->setObjectName(QStringLiteral("chatRoot"));
    m_background->setStyleSheet(Theme::styleSheet());
    setCentralWidget(m_background);
    auto *outer = new QHBoxLayout(m_background);
    outer->setContentsMargins(20, 10, 20, 20);
    outer->addWidget(buildContent(), 1, Qt::AlignHCenter);

    connect(m_header->themeSlider(), &ThemeSlider::valueChanged, this, &MainWindow::setTheme);
    m_header->themeSlider()->setValue(qBound(0, settings->themeIndex(), Theme::count() - 1));
    setTheme(m_header->themeSlider()->value());
    connect(m_header, &HeaderWidget::aboutRequested, this, &MainWindow::showAbout);
    connect(m_header, &HeaderWidget::settingsRequested, this, &MainWindow::openSettings);
    connect(client, &ProtocolClient::currentRoomChanged, this, &MainWindow::onCurrentRoomChanged);
    connect(client, &ProtocolClient::notice, m_notices, &NoticeBar::showNotice);
    connect(client, &ProtocolClient::messageArrived, this,
            [this](bool own, const QString &author, const QString &body) {
                // message_created reaches the members of a room only: it is the current room's.
                Notifier::Incoming message;
                message.own = own;
                message.mentioned = MessageListModel::mentions(body, m_client->self().name);
                message.roomUuid = m_client->currentRoom();
                if (const Room *room = m_client->rooms()->find(message.roomUuid))
                    message.roomName = room->name;
                message.author = author;
                message.body = body;
                m_notifier->onMessage(message);
            });
    connect(m_notifier, &Notifier::roomRequested, this, &MainWindow::showRoom);
    connect(m_room->messages(), &MessagesPanel::linkActivated, this, &MainWindow::openLink);
    connect(client, &ProtocolClient::selfChanged, this, [this](const User &self) {
        // Remember a name the user chose, not the server's default "user-<uuid>".
        if (self.name != Uuid::defaultName("user", self.uuid))
            m_settings->setUserName(self.name);
    });
    RoomListModel *rooms = client->rooms();
    connect(rooms, &RoomListModel::totalUnreadChanged, this, &MainWindow::updateTitle);
    connect(rooms, &RoomListModel::totalUnreadChanged, m_notifier, &Notifier::setUnreadTotal);
    connect(rooms, &RoomListModel::seenSumsChanged, this, [this] {
        if (m_seenServer.isValid())
            m_settings->setSeenSums(m_seenServer, m_client->rooms()->seenSums());
    });
    connect(client->connection(), &Connection::opened, this, &MainWindow::loadSeenSums);
    addShortcuts();
    connect(m_room, &RoomPage::linkCopied, m_notices,
            [this](const QString &link) { m_notices->showNotice(tr("Link copied: %1").arg(link)); });
    for (RoomListView *list : {m_lobby->roomList(), m_left->roomList()})
        connect(list, &RoomListView::linkCopied, m_notices,
                [this](const QString &link) { m_notices->showNotice(tr("Link copied: %1").arg(link)); });

    // Dialogs of this window (settings, about, confirmations, log details) wear its theme.
    qApp->installEventFilter(this);
    m_lobby->roomList()->setFocus(); // not the title button: its focus frame would look like a link
    if (!restoreGeometry(settings->windowGeometry()))
        resize(1280, 800);
    retranslate();
}

void MainWindow::loadSeenSums()
{
    const QUrl server = m_client->connection()->url();
    if (server == m_seenServer)
        return;
    m_seenServer = server;
    m_client->rooms()->setSeenSums(m_settings->seenSums(server));
}

void MainWindow::updateViewedRoom()
{
    m_client->rooms()->setViewedRoom(isActiveWindow() ? m_client->currentRoom() : QString());
}

void MainWindow::updateTitle()
{
    const qint64 unread = m_client->rooms()->totalUnread();
    setWindowTitle(unread > 0 ? tr("(%1) Chat").arg(unread) : tr("Chat"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::ActivationChange)
        updateViewedRoom();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    updateTitle();
    const QStringList actionNames {tr("New room"), tr("Search rooms"),   tr("Settings"),
                                   tr("About"),    tr("Edit user name"), tr("Quit")};
    for (int i = 0; i < m_actions.size() && i < actionNames.size(); ++i)
        m_actions.at(i)->setText(actionNames.at(i));
    // The models translate a few texts (tooltips, accessible texts, the log's origin) when asked for them.
    m_client->rooms()->retranslate();
    m_client->messages()->retranslate();
    m_client->users()->retranslate();
    m_client->log()->retranslate();
}

QWidget *MainWindow::buildContent()
{
    auto *content = new QWidget(m_background);
    content->setMaximumWidth(1200);
    content->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_left->setFixedWidth(300);
    m_right->addWidget(m_lobby);
    m_right->addWidget(m_room);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(10);
    columns->addWidget(m_left);
    columns->addWidget(m_right, 1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    layout->addWidget(m_header);
    layout->addLayout(columns, 1);
    return content;
}

void MainWindow::addShortcuts()
{
    const auto add = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        m_actions.append(action);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    add(QKeySequence(Qt::CTRL | Qt::Key_N), [this] { m_client->createRoom(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_F), [this] { focusSearch(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { openSettings(); });
    add(QKeySequence(Qt::Key_F1), [this] { showAbout(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_U), [this] { m_header->nameEdit()->setFocus(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); });
}

void MainWindow::setTheme(int index)
{
    m_background->setThemeIndex(index);
    m_settings->setThemeIndex(index);
}

void MainWindow::onCurrentRoomChanged(const QString &uuid)
{
    m_right->setCurrentWidget(uuid.isEmpty() ? static_cast<QWidget *>(m_lobby) : m_room);
    updateViewedRoom();
    if (!uuid.isEmpty())
        m_room->showTab(m_room->currentTab());
    if (m_notices->isVisible())
        m_notices->place(); // the new page may have its composer where the notice is
}

void MainWindow::showRoom(const QString &uuid)
{
    showNormal();
    raise();
    activateWindow();
    if (uuid != m_client->currentRoom() && m_client->rooms()->find(uuid))
        m_client->enterRoom(uuid);
}

void MainWindow::openLink(const QUrl &url)
{
    // Our room links open in this window; web links in the browser. (RoomLink also reads the original's web
    // links, https://host/room/<uuid>: those stay web links here.)
    if (url.scheme() == RoomLink::scheme()) {
        const auto link = RoomLink::parse(url.toString());
        if (!link) {
            m_notices->showNotice(tr("That room link is not valid."));
            return;
        }
        if (link->server.isValid() && !RoomLink::sameServer(link->server, m_client->connection()->url())) {
            confirmOtherServer(*link);
            return;
        }
        if (!m_client->rooms()->find(link->room))
            m_notices->showNotice(tr("That room no longer exists."));
        else if (link->room != m_client->currentRoom())
            m_client->enterRoom(link->room);
        return;
    }
    emit linkOpened(url);
    if (!m_openLinksForTesting)
        QDesktopServices::openUrl(url);
}

void MainWindow::confirmOtherServer(const RoomLink &link)
{
    // A link in a message may name any server: never leave this one without asking (the room's messages
    // and the user's name there are left behind). Window-modal and not blocking: messages keep coming.
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Open a room on another server"),
        tr("This link opens a room on another server:\n%1\n\nLeave %2 and connect "
           "to that server?")
            .arg(link.server.toDisplayString(), m_client->connection()->url().toDisplayString()),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("otherServerConfirmation"));
    box->setAccessibleName(box->windowTitle());
    box->setAccessibleDescription(box->text());
    // Its question-mark image is decoration with nothing to say but this.
    if (auto *icon = box->findChild<QLabel *>(QStringLiteral("qt_msgboxex_icon_label")))
        icon->setAccessibleName(tr("Question"));
    QPushButton *connectButton = box->addButton(tr("Connect"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, connectButton, link] {
        if (box->clickedButton() != connectButton)
            return;
        m_client->setRoomToOpen(link.room);
        m_settings->setServerUrl(link.server);
        m_client->connectTo(link.server);
    });
    box->open();
}

void MainWindow::focusSearch()
{
    if (m_client->currentRoom().isEmpty()) {
        m_lobby->focusSearch();
        return;
    }
    // Inside a room, Ctrl+F finds in its messages.
    if (m_room->currentTab() == RoomPage::Messages) {
        m_room->messages()->openFind();
        return;
    }
    m_left->setVisible(true);
    m_left->focusSearch();
}

void MainWindow::openSettings()
{
    const QString languageBefore = m_settings->language();
    SettingsDialog dialog(m_settings, m_client->connection()->url(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Applies at once: every widget gets QEvent::LanguageChange and retranslates itself.
    if (m_settings->language() != languageBefore)
        Translations::install(m_settings->language());
    const QUrl server = dialog.chosenServer();
    if (server != m_client->connection()->url()) {
        m_settings->setServerUrl(server);
        m_client->connectTo(server);
    }
}

void MainWindow::showAbout()
{
    AboutDialog::show(this, m_client->connection()->url(), m_client->connection()->negotiatedSubprotocol());
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    m_left->setVisible(width() >= narrowWidth);
    m_notices->place();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Polish comes once, before a dialog is first laid out and shown: styled then, it is sized for its style.
    if (event->type() == QEvent::Polish) {
        auto *dialog = qobject_cast<QDialog *>(watched);
        if (dialog && !qobject_cast<QFileDialog *>(dialog) && dialog->parentWidget()
            && dialog->parentWidget()->window() == this && dialog->styleSheet().isEmpty())
            dialog->setStyleSheet(Theme::dialogStyleSheet(m_background->themeIndex()));
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    // Closing the window ends the client with exit status 0. Nothing else quits it (no tray menu, no signal
    // handler, the colour popup and dialogs have this window as parent), but the window system may ask for
    // the close: a window manager's close button, or any X client sending WM_DELETE_WINDOW (a script on a
    // shared display). Such a request comes as a spontaneous event; say on stderr which it was.
    qInfo().noquote() << (event->spontaneous()
                              ? QStringLiteral("chat-client: the window system asked to close the window")
                              : QStringLiteral(
                                  "chat-client: the window was closed from the client (Ctrl+Q)"));
    QMainWindow::closeEvent(event);
}

} // namespace chat
