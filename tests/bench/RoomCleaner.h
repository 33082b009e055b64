#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace chat::bench {

class BenchClient;

// Deletes the rooms a scenario created, through one ready client: leave_room first when that client is
// inside a room (delete_room needs an empty room), then delete_room for every room, pipelined. Errors carry
// no room, so the cleaner works in rounds: after a round whose replies are all in, the rooms that saw no
// room_deleted are tried again (not_empty_room: members may not be gone yet), a bounded number of times.
// Rooms whose create_room is still unanswered can be awaited: add() them when their room_created arrives.
class RoomCleaner : public QObject
{
    Q_OBJECT

public:
    RoomCleaner(BenchClient *client, const QStringList &rooms, bool leaveFirst, QObject *parent = nullptr);

    // Rooms still to be announced by room_created; the cleaner does not finish before they are add()ed.
    void setAwaiting(int count) { m_awaiting = count; }
    void add(const QString &uuid);
    void start();
    int deletedCount() const { return m_deleted; }
    QStringList remaining() const { return QStringList(m_pending.cbegin(), m_pending.cend()); }
    int awaiting() const { return m_awaiting; }

signals:
    void finished(bool complete);

private:
    void round();
    void sendDelete(const QString &uuid);
    void onRoundReply();
    void finishIfDone();
    void finish(bool complete);

    BenchClient *m_client;
    QSet<QString> m_pending;
    bool m_leaveFirst;
    bool m_started = false;
    bool m_leaving = false;
    bool m_done = false;
    int m_awaiting = 0;
    int m_rounds = 0;
    int m_outstanding = 0;
    int m_notEmpty = 0;
    int m_deleted = 0;
    QTimer m_retry;
};

} // namespace chat::bench
