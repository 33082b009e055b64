#include "SettingsDialog.h"

#include "app/ClientSettings.h"
#include "app/Translations.h"
#include "net/ServerAddress.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRadioButton>
#include <QVBoxLayout>

namespace chat {

SettingsDialog::SettingsDialog(ClientSettings *settings, const QUrl &currentServer, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_local(new QRadioButton(tr("&This computer (%1)").arg(ServerAddress::localServer().toString()), this))
    , m_public(
          new QRadioButton(tr("&Public server (%1)").arg(ServerAddress::publicServer().toString()), this))
    , m_custom(new QRadioButton(tr("&Other server:"), this))
    , m_url(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_sounds(new QCheckBox(tr("Play a &sound for new messages"), this))
    , m_notifications(new QCheckBox(tr("Show a desktop &notification when the window is not active"), this))
    , m_onlyMentions(new QCheckBox(tr("Notify only when I am &mentioned"), this))
{
    m_onlyMentions->setObjectName(QStringLiteral("onlyMentions"));
    setWindowTitle(tr("Settings"));
    m_url->setPlaceholderText(tr("ws://host:port or wss://host/path"));
    m_url->setAccessibleName(tr("Server address"));
    m_url->setText(currentServer.toString());
    if (currentServer == ServerAddress::localServer())
        m_local->setChecked(true);
    else if (currentServer == ServerAddress::publicServer())
        m_public->setChecked(true);
    else
        m_custom->setChecked(true);
    m_url->setEnabled(m_custom->isChecked());
    connect(m_custom, &QRadioButton::toggled, m_url, &QLineEdit::setEnabled);

    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    for (const QString &code : Translations::available())
        m_language->addItem(Translations::nativeName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings->language())));
    m_sounds->setChecked(settings->soundsEnabled());
    m_notifications->setChecked(settings->notificationsEnabled());
    m_onlyMentions->setChecked(settings->notifyOnlyMentions());
    m_onlyMentions->setEnabled(m_notifications->isChecked());
    connect(m_notifications, &QCheckBox::toggled, m_onlyMentions, &QCheckBox::setEnabled);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *serverLayout = new QVBoxLayout(server);
    serverLayout->addWidget(m_local);
    serverLayout->addWidget(m_public);
    serverLayout->addWidget(m_custom);
    serverLayout->addWidget(m_url);
    auto *form = new QFormLayout;
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    form->addRow(m_sounds);
    form->addRow(m_notifications);
    form->addRow(m_onlyMentions);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(server);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QUrl SettingsDialog::chosenServer() const
{
    if (m_local->isChecked())
        return ServerAddress::localServer();
    if (m_public->isChecked())
        return ServerAddress::publicServer();
    return ServerAddress::fromUserText(m_url->text());
}

QString SettingsDialog::chosenLanguage() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::accept()
{
    if (!ServerAddress::isValid(chosenServer())) {
        QMessageBox::warning(this, tr("Settings"),
                             tr("The server address must start with ws:// or wss:// and name a host."));
        m_url->setFocus();
        return;
    }
    m_settings->setLanguage(chosenLanguage());
    m_settings->setSoundsEnabled(m_sounds->isChecked());
    m_settings->setNotificationsEnabled(m_notifications->isChecked());
    m_settings->setNotifyOnlyMentions(m_onlyMentions->isChecked());
    QDialog::accept();
}

} // namespace chat
