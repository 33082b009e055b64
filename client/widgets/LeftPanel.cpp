#include "LeftPanel.h"

#include "EventLogPanel.h"
#include "Icons.h"
#include "RoomListView.h"
#include "models/RoomSearchModel.h"
#include "net/ProtocolClient.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat {

LeftPanel::LeftPanel(ProtocolClient *client, QWidget *parent)
    : QWidget(parent)
    , m_header(new QStackedWidget(this))
    , m_body(new QStackedWidget(this))
    , m_log(new EventLogPanel(client->log(), this))
    , m_rooms(new RoomListView(client, true, this))
    , m_search(new QLineEdit(this))
    , m_switch(new QToolButton(this))
{
    auto *logHeader = new QWidget(this);
    m_logTitle = new QLabel(logHeader);
    m_logTitle->setObjectName(QStringLiteral("sectionTitle"));
    auto *logHeaderLayout = new QHBoxLayout(logHeader);
    logHeaderLayout->setContentsMargins(0, 0, 0, 0);
    logHeaderLayout->addWidget(m_logTitle);
    logHeaderLayout->addStretch();
    logHeaderLayout->addWidget(m_log->headerTools());

    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_rooms->searchModel(), &RoomSearchModel::setSearchText);
    m_header->addWidget(logHeader);
    m_header->addWidget(m_search);
    m_header->setFixedHeight(40);

    auto *roomsPage = new QWidget(this);
    m_create = new QToolButton(roomsPage);
    m_create->setIcon(Icons::get(QStringLiteral("plus")));
    m_create->setIconSize({44, 44});
    connect(m_create, &QToolButton::clicked, client, &ProtocolClient::createRoom);
    auto *roomsLayout = new QVBoxLayout(roomsPage);
    roomsLayout->setContentsMargins(0, 0, 0, 0);
    roomsLayout->addWidget(m_rooms, 1);
    roomsLayout->addWidget(m_create, 0, Qt::AlignHCenter);
    roomsLayout->addStretch(0);
    const auto fit = [this] {
        const int rows = m_rooms->model()->rowCount();
        m_rooms->setMaximumHeight(rows == 0 ? 0 : rows * m_rooms->sizeHintForRow(0) + 6);
    };
    connect(m_rooms->model(), &QAbstractItemModel::rowsInserted, this, fit);
    connect(m_rooms->model(), &QAbstractItemModel::rowsRemoved, this, fit);
    connect(m_rooms->model(), &QAbstractItemModel::modelReset, this, fit);
    connect(m_rooms->model(), &QAbstractItemModel::layoutChanged, this, fit);
    m_body->addWidget(m_log);
    m_body->addWidget(roomsPage);

    m_switch->setIconSize({28, 28});
    m_switch->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_switch, &QToolButton::clicked, this, &LeftPanel::toggle);

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_switch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_body, 1);

    connect(client, &ProtocolClient::currentRoomChanged, this,
            [this](const QString &room) { showLog(room.isEmpty()); });
    showLog(true);
    retranslate();
}

void LeftPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LeftPanel::retranslate()
{
    m_logTitle->setText(tr("Event Log:"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setAccessibleName(tr("Search rooms"));
    m_create->setAccessibleName(tr("Create room"));
    m_create->setToolTip(tr("Create a room (Ctrl+N)"));
    showLog(isShowingLog());
}

void LeftPanel::focusSearch()
{
    showLog(false);
    m_search->setFocus();
    m_search->selectAll();
}

bool LeftPanel::isShowingLog() const
{
    return m_body->currentIndex() == 0;
}

void LeftPanel::showLog(bool log)
{
    m_body->setCurrentIndex(log ? 0 : 1);
    m_header->setCurrentIndex(log ? 0 : 1);
    m_switch->setIcon(Icons::get(log ? QStringLiteral("rooms") : QStringLiteral("log")));
    const QString text =
        log ? tr("Show the room list (Ctrl+Shift+L)") : tr("Show the event log (Ctrl+Shift+L)");
    m_switch->setToolTip(text);
    m_switch->setAccessibleName(log ? tr("Show room list") : tr("Show event log"));
}

} // namespace chat
