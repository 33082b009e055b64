#pragma once

#include "NameEdit.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace chat {

class DrawingPanel;
class MessagesPanel;
class ProtocolClient;
class UsersPanel;

// The right tab inside a room: back (leave), the messages / drawing / users tabs, and "Room:" with the
// room's name edited in place.
class RoomPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { Messages, Drawing, Users };

    explicit RoomPage(ProtocolClient *client, QWidget *parent = nullptr);

    MessagesPanel *messages() const { return m_messages; }
    DrawingPanel *drawing() const { return m_drawing; }
    UsersPanel *users() const { return m_users; }
    QLineEdit *nameEdit() const { return m_name; }
    QToolButton *backButton() const { return m_back; }
    void showTab(Tab tab);
    Tab currentTab() const;
    void copyLink();

signals:
    void linkCopied(const QString &link);

protected:
    void changeEvent(QEvent *event) override;

private:
    QToolButton *headerButton(const QString &icon);
    void retranslate();
    void showRoomName();
    void submitName();

    ProtocolClient *m_client;
    QToolButton *m_back;
    QButtonGroup *m_tabs;
    QStackedWidget *m_stack;
    MessagesPanel *m_messages;
    DrawingPanel *m_drawing;
    UsersPanel *m_users;
    NameEdit *m_name;
    QLabel *m_roomLabel;
    QToolButton *m_link;
};

} // namespace chat
