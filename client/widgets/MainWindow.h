#pragma once

#include <QMainWindow>
#include <QUrl>

class QAction;
class QStackedWidget;

namespace chat {

class ClientSettings;
class GradientWidget;
class HeaderWidget;
class LeftPanel;
class LobbyPage;
class NoticeBar;
class Notifier;
struct RoomLink;
class ProtocolClient;
class RoomPage;

// The one window: the header on top, the left tab (log or rooms) and the right tab (lobby or room), centred
// and at most 1200 px wide over the theme's gradient. Narrow windows hide the left tab.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ProtocolClient *client, ClientSettings *settings, QWidget *parent = nullptr);

    HeaderWidget *header() const { return m_header; }
    LeftPanel *leftPanel() const { return m_left; }
    LobbyPage *lobby() const { return m_lobby; }
    RoomPage *roomPage() const { return m_room; }
    GradientWidget *background() const { return m_background; }
    NoticeBar *notices() const { return m_notices; }
    Notifier *notifier() const { return m_notifier; }
    // Raises the window and enters that room (a notification was clicked, a room link opened).
    void showRoom(const QString &uuid);
    // A link clicked in a message: room links open here, web links in the browser.
    void openLink(const QUrl &url);
    // Tests: web links are only announced (linkOpened), not handed to the desktop.
    void setOpensWebLinksForTesting(bool open) { m_openLinksForTesting = !open; }

signals:
    void linkOpened(const QUrl &url);

public:
    static constexpr int narrowWidth = 1000;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    QWidget *buildContent();
    void addShortcuts();
    void onCurrentRoomChanged(const QString &uuid);
    void openSettings();
    void showAbout();
    void focusSearch();
    void confirmOtherServer(const RoomLink &link); // a room link to another server: switch only if asked
    void setTheme(int index);
    void updateViewedRoom(); // the room inside which the user is looking, for the unread counts
    void updateTitle();
    void loadSeenSums(); // a connection opened: that server's read state

    ProtocolClient *m_client;
    ClientSettings *m_settings;
    GradientWidget *m_background;
    HeaderWidget *m_header;
    LeftPanel *m_left;
    QStackedWidget *m_right;
    LobbyPage *m_lobby;
    RoomPage *m_room;
    NoticeBar *m_notices;
    Notifier *m_notifier;
    QList<QAction *> m_actions; // in the order of addShortcuts()
    bool m_openLinksForTesting = false;
    QUrl m_seenServer; // the server whose seen sums the room list holds
};

} // namespace chat
