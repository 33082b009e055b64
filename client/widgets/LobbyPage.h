#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace chat {

class ProtocolClient;
class RoomListView;

// The right tab outside a room: "Select Room", the search box, the room cards and the "+" button.
class LobbyPage : public QWidget
{
    Q_OBJECT
public:
    explicit LobbyPage(ProtocolClient *client, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    RoomListView *roomList() const { return m_list; }
    QToolButton *createButton() const { return m_create; }
    void focusSearch();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEmptyText();

    ProtocolClient *m_client;
    QLineEdit *m_search;
    RoomListView *m_list;
    QToolButton *m_create;
    QLabel *m_empty;
    QLabel *m_title;
};

} // namespace chat
