#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;

namespace chat {

class ClientSettings;

// The gear: which server (this computer, the public server, or any ws:// / wss:// URL), the language, and
// whether new messages make sounds and desktop notifications.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(ClientSettings *settings, const QUrl &currentServer, QWidget *parent = nullptr);

    QUrl chosenServer() const;
    QString chosenLanguage() const;

    void accept() override;

private:
    ClientSettings *m_settings;
    QRadioButton *m_local;
    QRadioButton *m_public;
    QRadioButton *m_custom;
    QLineEdit *m_url;
    QComboBox *m_language;
    QCheckBox *m_sounds;
    QCheckBox *m_notifications;
    QCheckBox *m_onlyMentions;
};

} // namespace chat
