#include "HeaderWidget.h"

#include "Accessibility.h"
#include "Icons.h"
#include "NameEdit.h"
#include "ThemeSlider.h"
#include "net/ProtocolClient.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace chat {

HeaderWidget::HeaderWidget(ProtocolClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_title(new QPushButton(this))
    , m_slider(new ThemeSlider(this))
    , m_gear(new QToolButton(this))
    , m_state(new QLabel(this))
    , m_logged(new QLabel(this))
    , m_name(new NameEdit(this))
{
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setFlat(true);
    m_title->setCursor(Qt::PointingHandCursor);
    connect(m_title, &QPushButton::clicked, this, &HeaderWidget::aboutRequested);

    m_gear->setIcon(Icons::get(QStringLiteral("gear")));
    m_gear->setIconSize({24, 24});
    connect(m_gear, &QToolButton::clicked, this, &HeaderWidget::settingsRequested);

    m_state->setObjectName(QStringLiteral("connectionState"));
    Accessibility::setRole(m_state, QAccessible::StaticText);
    m_logged->setObjectName(QStringLiteral("small"));
    m_name->setObjectName(QStringLiteral("inlineName"));
    m_name->setAlignment(Qt::AlignRight);
    m_name->setMinimumWidth(460);
    connect(m_name, &QLineEdit::editingFinished, this, &HeaderWidget::submitName);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(0);
    auto *tools = new QHBoxLayout;
    tools->addStretch();
    tools->addWidget(m_slider);
    tools->addWidget(m_gear);
    grid->addWidget(m_title, 0, 0, 1, 3, Qt::AlignHCenter);
    grid->addLayout(tools, 0, 2);
    grid->addWidget(m_state, 1, 0, Qt::AlignLeft | Qt::AlignBottom);
    grid->addWidget(m_logged, 1, 2, Qt::AlignRight);
    grid->addWidget(m_name, 2, 1, 1, 2, Qt::AlignRight);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(2, 1);

    connect(client, &ProtocolClient::selfChanged, this, &HeaderWidget::showUser);
    connect(client, &ProtocolClient::connectionStateChanged, this, &HeaderWidget::showState);
    m_spinner.setInterval(120);
    connect(&m_spinner, &QTimer::timeout, this, &HeaderWidget::spin);
    retranslate();
}

void HeaderWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HeaderWidget::retranslate()
{
    m_title->setText(tr("Chat"));
    m_title->setAccessibleName(tr("About Chat"));
    m_title->setToolTip(tr("About Chat (F1)"));
    m_gear->setAccessibleName(tr("Settings"));
    m_gear->setToolTip(tr("Settings (Ctrl+,)"));
    m_state->setAccessibleDescription(tr("Connection state"));
    m_logged->setText(tr("Logged as:"));
    m_name->setLabel(tr("Your user name"));
    m_name->setHint(tr("Your user name: edit it and press Enter"));
    showState(m_client->connection()->state());
}

void HeaderWidget::showUser(const User &user)
{
    if (!m_name->hasFocus())
        m_name->setText(user.name);
}

void HeaderWidget::showState(Connection::State state)
{
    // A small spinner while the connection is not there; the text says what is happening.
    const bool busy =
        state == Connection::State::Connecting || state == Connection::State::WaitingToReconnect;
    if (busy && !m_spinner.isActive())
        m_spinner.start();
    else if (!busy)
        m_spinner.stop();
    m_spinnerFrame = 0;
    switch (state) {
    case Connection::State::Connected:
        m_state->setText(tr("● Connected to %1").arg(m_client->connection()->url().toDisplayString()));
        break;
    case Connection::State::Connecting:
        m_state->setText(tr("◌ Connecting to %1…").arg(m_client->connection()->url().toDisplayString()));
        break;
    case Connection::State::WaitingToReconnect:
        m_state->setText(tr("○ Disconnected: reconnecting…"));
        break;
    case Connection::State::Disconnected:
        m_state->setText(tr("○ Disconnected"));
        break;
    }
    // The state without its glyph (the spinner turns it) is what a screen reader reads.
    m_state->setAccessibleName(m_state->text().mid(2));
}

void HeaderWidget::spin()
{
    static const QString frames[] = {QStringLiteral("◐"), QStringLiteral("◓"), QStringLiteral("◑"),
                                     QStringLiteral("◒")};
    m_spinnerFrame = (m_spinnerFrame + 1) % 4;
    QString text = m_state->text();
    if (!text.isEmpty())
        m_state->setText(frames[m_spinnerFrame] + text.mid(1));
}

void HeaderWidget::submitName()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_name->setText(m_client->self().name);
        return;
    }
    if (name != m_client->self().name)
        m_client->changeUserName(name);
}

} // namespace chat
