#pragma once

#include "NameEdit.h"
#include "net/Connection.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace chat {

class ProtocolClient;
class ThemeSlider;
struct User;

// The top of the window: the "Chat" title (About), the theme slider, the settings gear, the connection
// state and "Logged as:" with the user name edited in place.
class HeaderWidget : public QWidget
{
    Q_OBJECT
public:
    explicit HeaderWidget(ProtocolClient *client, QWidget *parent = nullptr);

    ThemeSlider *themeSlider() const { return m_slider; }
    QLineEdit *nameEdit() const { return m_name; }
    QLabel *stateLabel() const { return m_state; }

signals:
    void aboutRequested();
    void settingsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showUser(const User &user);
    void showState(Connection::State state);
    void submitName();
    void spin();

    ProtocolClient *m_client;
    QPushButton *m_title;
    ThemeSlider *m_slider;
    QToolButton *m_gear;
    QLabel *m_state;
    QLabel *m_logged;
    NameEdit *m_name;
    QTimer m_spinner;
    int m_spinnerFrame = 0;
};

} // namespace chat
