#pragma once

#include "TokenBucket.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace chat::server {

class ServerMetrics;

// Posting a message changes only its room's count, and the original tells every connection the whole room
// (users included) each time: with hundreds of connections that is most of the server's work. The same goes
// for every user entering or leaving a room (hundreds at once when clients join or go away together).
// docs/PROTOCOL.md section 0 lets the server merge such updates of one room under load. The members of the
// room get each one at once (they need it before the message); this holds the copies for everyone else to a
// budget of frames per second. Within it they go at once; beyond it the room's latest update waits, replacing
// older ones, until the budget allows it. docs/EXTENSIONS.md, "Merged count updates under load".
class CountUpdateMerger : public QObject
{
    Q_OBJECT

public:
    struct Update
    {
        QByteArray full; // room_changed, for plain clients
        QByteArray compact; // room_sum_changed, for socketchat.v1 clients (the same as full when whole)
        // The room's users changed too (someone entered or left): every client must get the whole room, so
        // a later count-only update merged into this one still sends full to everyone.
        bool whole = false;

        // An update whose users changed: the whole room for every client.
        static Update wholeRoom(const QByteArray &roomChanged) { return {roomChanged, roomChanged, true}; }
    };
    // How many connections are outside the room now (what sending costs), and sending to them.
    using Counter = std::function<int(const QString &roomUuid)>;
    using Sender = std::function<void(const QString &roomUuid, const Update &update)>;

    // framesPerSecond <= 0: never merge. metrics (optional) counts the updates merged away.
    CountUpdateMerger(double framesPerSecond, Counter outsiders, Sender sendToOutsiders,
                      ServerMetrics *metrics = nullptr, QObject *parent = nullptr);

    // A count update for everyone outside the room: sent now, or held as the room's latest.
    void offer(const QString &roomUuid, const Update &update);
    // Everyone was just told the room's whole state (or that it is gone): a held update is out of date.
    void superseded(const QString &roomUuid);
    // Sends every held update now, whatever the budget (before something that must not overtake them).
    void flushAll();
    int heldCount() const { return int(m_order.size()); }

private:
    void sendDue();
    void scheduleNext();

    Counter m_outsiders;
    Sender m_send;
    ServerMetrics *m_metrics;
    QElapsedTimer m_clock;
    TokenBucket m_budget;
    QHash<QString, Update> m_held;
    QStringList m_order; // held rooms, oldest first: each waits its turn
    QTimer m_timer;
};

} // namespace chat::server
