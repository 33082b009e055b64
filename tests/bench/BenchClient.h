#pragma once

#include "model/User.h"
#include "protocol/MessageNames.h"
#include "protocol/ServerStatement.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QWebSocket>

#include <deque>
#include <functional>
#include <map>

namespace chat::bench {

// One benchmark connection: a QWebSocket that tracks its user and the times of its lifecycle
// (open → connected → user_created → rooms_listed = ready). Replies carry no request ids, so a caller that
// waits for a reply registers a one-shot waiter for the next frame of that name (matching by name and order).
// Frames nobody waits for are only counted; their JSON is not parsed unless needed.
class BenchClient : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl url;
        QString subprotocol; // offered when not empty
    };
    using Waiter = std::function<void(const ServerStatement &statement, qint64 receivedNs)>;

    BenchClient(int id, const Config &config, QObject *parent = nullptr);
    ~BenchClient() override;

    int id() const { return m_id; }
    void open();
    // Closes (normal close). Closing is not a failure.
    void close();

    bool isOpening() const { return m_opened && !m_ready && !m_failed; }
    bool isReady() const { return m_ready && !m_failed && !m_closing; }
    bool hasFailed() const { return m_failed; }
    bool isDisconnected() const;
    const QString &failure() const { return m_failure; }
    const User &user() const { return m_user; }
    QString negotiatedSubprotocol() const { return m_socket.subprotocol(); }

    qint64 openedNs() const { return m_openedNs; }
    qint64 connectedNs() const { return m_connectedNs; }
    qint64 userCreatedNs() const { return m_userCreatedNs; }
    qint64 readyNs() const { return m_readyNs; }
    quint64 framesReceived() const { return m_frames; }
    quint64 charsReceived() const { return m_chars; }
    // The size of the frame being handled (valid inside waiters and frameReceived).
    qsizetype lastFrameChars() const { return m_lastChars; }

    void send(CallName name, const QJsonObject &fields = {});
    // The next frame named `name` goes to `waiter` (in registration order), parsed.
    void expect(ResultName name, Waiter waiter);
    void clearWaiters() { m_waiters.clear(); }

    // Every result frame, unparsed. The text stays valid during the call only.
    // Ready frames are emitted here too before ready().
signals:
    void ready(chat::bench::BenchClient *client);
    // Could not connect, or the server closed / dropped the connection while we did not ask for it.
    void failed(chat::bench::BenchClient *client, const QString &reason);
    void frameReceived(chat::bench::BenchClient *client, chat::ResultName name, const QString &text,
                       qint64 receivedNs);
    // An error statement or a general reply (bad_data …): the name as sent.
    void errorReceived(chat::bench::BenchClient *client, const QString &name);
    void disconnected(chat::bench::BenchClient *client);

private:
    void onConnected();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onText(const QString &text);
    void fail(const QString &reason);

    int m_id;
    Config m_config;
    QWebSocket m_socket;
    User m_user;
    bool m_opened = false;
    bool m_connected = false;
    bool m_ready = false;
    bool m_failed = false;
    bool m_closing = false;
    bool m_disconnected = false;
    QString m_failure;
    qint64 m_openedNs = 0;
    qint64 m_connectedNs = 0;
    qint64 m_userCreatedNs = 0;
    qint64 m_readyNs = 0;
    quint64 m_frames = 0;
    quint64 m_chars = 0;
    qsizetype m_lastChars = 0;
    std::map<ResultName, std::deque<Waiter>> m_waiters;
};

} // namespace chat::bench
