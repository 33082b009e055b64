#pragma once

#include "Connection.h"
#include "MessageListReader.h"
#include "model/Message.h"
#include "model/User.h"
#include "protocol/MessageNames.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

namespace chat {

class DrawingModel;
class EventLogModel;
class LivePreviewModel;
class TypingModel;
class TypingNotifier;
class MessageListModel;
class RoomListModel;
class ServerStatement;
class UserListModel;

// The client side of the protocol: sends calls, turns server statements into model updates and signals,
// and keeps the rules of docs/PROTOCOL.md section 8 so it can never break the original server. After a
// reconnect it restores the chosen user name and re-enters the room it was in.
class ProtocolClient : public QObject
{
    Q_OBJECT
public:
    explicit ProtocolClient(QObject *parent = nullptr);

    Connection *connection() { return &m_connection; }
    RoomListModel *rooms() const { return m_rooms; }
    MessageListModel *messages() const { return m_messages; }
    UserListModel *users() const { return m_users; }
    EventLogModel *log() const { return m_log; }
    DrawingModel *drawing() const { return m_drawing; }
    // socketchat.v1 only (docs/EXTENSIONS.md): other members' growing strokes and who is typing in our room.
    LivePreviewModel *livePreviews() const { return m_previews; }
    TypingModel *typing() const { return m_typing; }
    // Decides when set_typing goes out; the composer tells it about every edit.
    TypingNotifier *typingNotifier() const { return m_typingNotifier; }

    void connectTo(const QUrl &url);
    bool isConnected() const { return m_transport || m_connection.state() == Connection::State::Connected; }

    // Tests replace the socket: every call's text goes to this function instead (true: sent).
    using Transport = std::function<bool(const QString &text)>;
    void setTransportForTesting(Transport transport) { m_transport = std::move(transport); }

    const User &self() const { return m_self; }
    QString currentRoom() const { return m_currentRoom; }

    // Calls. Each returns false, and says why with notice(), when it was not sent.
    bool createRoom();
    bool enterRoom(const QString &uuid);
    bool leaveRoom();
    bool deleteRoom(const QString &uuid);
    bool renameRoom(const QString &uuid, const QString &name);
    bool recolorRoom(const QString &uuid, const QString &color);
    bool changeUserName(const QString &name);
    bool sendMessage(const QString &body);
    bool sendLine(const QString &uuid, const QJsonArray &points, const QString &color, const QString &tool);
    bool resetDrawing();
    // socketchat.v1 extensions: false, silently (no notice), when not negotiated, not connected or not in a
    // room; a plain server never sees them.
    bool sendLivePoints(const QString &uuid, qsizetype from, const QJsonArray &points, const QString &color,
                        const QString &tool, bool end);
    bool sendTyping(bool typing);

    // Whether the connection negotiated socketchat.v1 (docs/EXTENSIONS.md), so extensions may be used.
    bool isExtended() const;
    // Tests without a socket: whether the "server" negotiated socketchat.v1.
    void setExtendedForTesting(bool extended) { m_extendedForTesting = extended; }

    // History paging (socketchat.v1, docs/EXTENSIONS.md). Against a server that pages, a room starts with its
    // newest messages; older ones are asked for a page at a time, one request at a time.
    bool pagesHistory() const;
    bool hasOlderMessages() const { return m_moreHistory; }
    bool isLoadingOlderMessages() const { return !m_olderBefore.isEmpty(); }
    // Asks for the page before the oldest message shown; false when there is none or one is on its way.
    bool loadOlderMessages();
    // Tests without a socket: whether the "server" pages histories.
    void setPagesHistoryForTesting(bool pages) { m_pagesForTesting = pages; }

    // Everything the server sends goes through here; tests feed recorded statements directly.
    void handleStatement(const QByteArray &utf8);

    // The name to give our user on every (re)connection, e.g. the one remembered from the last run.
    void setPreferredName(const QString &name) { m_wantedName = name; }

    // Asks to enter this room as soon as the room list is known (links, --room).
    void setRoomToOpen(const QString &uuid) { m_roomToRestore = uuid; }

    // The name of the WebSocket subprotocol our server may accept; the original ignores it.
    static QString subprotocol();

signals:
    void selfChanged(const chat::User &self);
    void currentRoomChanged(const QString &uuid);
    void notice(const QString &text);
    void messageArrived(bool own, const QString &author, const QString &body);
    void connectionStateChanged(chat::Connection::State state);
    // The room we were in or entering is gone; the UI goes back to the list.
    void roomClosed(const QString &uuid, const QString &reason);
    // An older page of the history was asked for (true) or has come, or will not (false).
    void loadingOlderMessagesChanged(bool loading);

private:
    bool send(CallName name, const QJsonObject &fields = {});
    bool requireConnection();
    void onOpened();
    void onClosed(int code, const QString &reason);
    void logLocal(const QString &what, const QString &detail = {});

    void logReceived(const ServerStatement &statement, const QByteArray &utf8);
    void dispatch(const ServerStatement &statement);
    void onResult(ResultName name, const ServerStatement &statement);
    void onError(ErrorName name);
    void onUserCreated(const QJsonObject &object);
    void onUserChanged(const QJsonObject &object);
    void onRoomsListed(const QJsonArray &list);
    void onRoomChanged(const QJsonObject &object);
    void onRoomSumChanged(const QJsonObject &object);
    void onRoomDeleted(const QJsonObject &object);
    void onRoomEntered();
    void onRoomLeft();
    void onMessagesListed(const ServerStatement &statement);
    void onMessagesListed(MessageListReader::Listing listing);
    void onOlderMessages(MessageListReader::Listing listing);
    void setLoadingOlder(const QString &before); // empty: no page is on its way
    void onMessageCreated(const QJsonObject &object);
    void onDrawingGot(const QJsonObject &object);
    void onDrawLineChanged(const QJsonObject &object);
    void onLiveLineChanged(const QJsonObject &object);
    void onTypingChanged(const QJsonObject &object);
    void forgetLiveState(); // previews, typing states and our typing state: none outlives the room
    void setCurrentRoom(const QString &uuid);
    void closeRoom(const QString &uuid, const QString &reason);
    void updateUsersFromRoom();

    Connection m_connection;
    RoomListModel *m_rooms;
    MessageListModel *m_messages;
    UserListModel *m_users;
    EventLogModel *m_log;
    DrawingModel *m_drawing;
    LivePreviewModel *m_previews;
    TypingModel *m_typing;
    TypingNotifier *m_typingNotifier;

    User m_self;
    QString m_wantedName; // the name the user chose; restored after a reconnect
    QString m_currentRoom; // the room shown; the server has us inside while m_inside is true
    bool m_inside = false;
    QStringList m_pendingEnters; // room_entered carries no uuid: replies come back in call order
    QString m_roomToRestore;
    QSet<QString> m_sentLineUuids; // section 8: one change_draw_line per uuid, ever
    QString m_lastCall;
    int m_ignoredNoRoomErrors = 0;
    bool m_wasLost = false; // the connection dropped: say so when it is back
    bool m_moreHistory = false; // the server pages and the room holds older messages than those shown
    QString m_olderBefore; // the page asked for ends before this message (our oldest when asked)
    bool m_pagesForTesting = false;
    bool m_extendedForTesting = false;
    Transport m_transport;
};

} // namespace chat
