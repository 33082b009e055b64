#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

namespace chat {

class EventLogPanel;
class ProtocolClient;
class RoomListView;

// The left tab: the event log or a compact room list. Outside a room it shows the log; inside a room the
// room list, with a button to switch between them (as the web app did).
class LeftPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LeftPanel(ProtocolClient *client, QWidget *parent = nullptr);

    EventLogPanel *logPanel() const { return m_log; }
    RoomListView *roomList() const { return m_rooms; }
    bool isShowingLog() const;
    void showLog(bool log);
    void toggle() { showLog(!isShowingLog()); }
    void focusSearch();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QStackedWidget *m_header;
    QStackedWidget *m_body;
    EventLogPanel *m_log;
    RoomListView *m_rooms;
    QLineEdit *m_search;
    QToolButton *m_switch;
    QLabel *m_logTitle;
    QToolButton *m_create;
};

} // namespace chat
