#include "LobbyPage.h"

#include "Icons.h"
#include "RoomListView.h"
#include "models/RoomListModel.h"
#include "models/RoomSearchModel.h"
#include "net/ProtocolClient.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace chat {

LobbyPage::LobbyPage(ProtocolClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_search(new QLineEdit(this))
    , m_list(new RoomListView(client, false, this))
    , m_create(new QToolButton(this))
    , m_empty(new QLabel(this))
    , m_title(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    m_search->setClearButtonEnabled(true);
    m_search->setFixedWidth(200);
    connect(m_search, &QLineEdit::textChanged, m_list->searchModel(), &RoomSearchModel::setSearchText);

    m_create->setIcon(Icons::get(QStringLiteral("plus")));
    m_create->setIconSize({48, 48});
    connect(m_create, &QToolButton::clicked, client, &ProtocolClient::createRoom);

    m_empty->setObjectName(QStringLiteral("emptyText"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_create, 0, Qt::AlignHCenter);
    layout->addStretch(0);

    const auto update = [this] { updateEmptyText(); };
    connect(client->rooms(), &QAbstractItemModel::modelReset, this, update);
    connect(client->rooms(), &QAbstractItemModel::rowsInserted, this, update);
    connect(client->rooms(), &QAbstractItemModel::rowsRemoved, this, update);
    connect(m_list->searchModel(), &QAbstractItemModel::layoutChanged, this, update);
    connect(m_list->searchModel(), &QAbstractItemModel::rowsRemoved, this, update);
    connect(m_list->searchModel(), &QAbstractItemModel::rowsInserted, this, update);
    connect(client, &ProtocolClient::connectionStateChanged, this, update);
    retranslate();
}

void LobbyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LobbyPage::retranslate()
{
    m_title->setText(tr("Select Room"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setAccessibleName(tr("Search rooms"));
    m_search->setToolTip(tr("Filter the rooms by name (Ctrl+F)"));
    m_create->setAccessibleName(tr("Create room"));
    m_create->setToolTip(tr("Create a room (Ctrl+N)"));
    updateEmptyText();
}

void LobbyPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void LobbyPage::updateEmptyText()
{
    if (m_client->rooms()->rowCount() == 0 && !m_client->isConnected())
        m_empty->setText(tr("Connecting…"));
    else if (m_client->rooms()->rowCount() == 0)
        m_empty->setText(tr("No rooms yet. Create one with +."));
    else if (m_list->searchModel()->rowCount() == 0)
        m_empty->setText(tr("No room matches \"%1\".").arg(m_search->text()));
    else
        m_empty->clear();
    m_empty->setVisible(!m_empty->text().isEmpty());
    // The "+" sits right under the last card, as on the web; with many cards the list scrolls.
    const int rows = m_list->searchModel()->rowCount();
    m_list->setMaximumHeight(rows == 0 ? 0 : rows * m_list->sizeHintForRow(0) + 6);
}

} // namespace chat
