#include "RoomCleaner.h"

#include "BenchClient.h"
#include "model/Room.h"

#include <QJsonObject>

namespace chat::bench {
namespace {
constexpr int maxRounds = 30;
constexpr int retryDelayMs = 150;
} // namespace

RoomCleaner::RoomCleaner(BenchClient *client, const QStringList &rooms, bool leaveFirst, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pending(rooms.cbegin(), rooms.cend())
    , m_leaveFirst(leaveFirst)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RoomCleaner::round);

    connect(m_client, &BenchClient::frameReceived, this,
            [this](BenchClient *, ResultName name, const QString &text, qint64) {
                if (name == ResultName::RoomLeft && m_leaving) {
                    m_leaving = false;
                    round();
                    return;
                }
                if (name != ResultName::RoomDeleted || !m_started)
                    return;
                // room_deleted goes to everyone; ours are recognised by uuid.
                const auto statement = ServerStatement::parse(text.toUtf8());
                const auto room = statement ? Room::fromJson(statement->object()) : std::nullopt;
                if (!room || !m_pending.remove(room->uuid))
                    return;
                ++m_deleted;
                if (m_outstanding > 0) {
                    --m_outstanding;
                    onRoundReply();
                }
            });
    connect(m_client, &BenchClient::errorReceived, this, [this](BenchClient *, const QString &name) {
        if (m_leaving) { // not in a room after all
            m_leaving = false;
            round();
            return;
        }
        if (m_outstanding <= 0)
            return;
        if (errorNameFrom(name) == ErrorName::NotEmptyRoom)
            ++m_notEmpty;
        --m_outstanding;
        onRoundReply();
    });
    connect(m_client, &BenchClient::failed, this, [this]() { finish(false); });
}

void RoomCleaner::add(const QString &uuid)
{
    if (m_awaiting > 0)
        --m_awaiting;
    if (m_done || m_pending.contains(uuid))
        return;
    m_pending.insert(uuid);
    // Before start, while leaving or before a retry round, the next round covers it.
    if (m_started && !m_leaving && !m_retry.isActive())
        sendDelete(uuid);
}

void RoomCleaner::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_client->isReady()) {
        finish(false);
        return;
    }
    if (m_leaveFirst) {
        m_leaving = true;
        m_client->send(CallName::LeaveRoom);
    } else {
        round();
    }
}

void RoomCleaner::sendDelete(const QString &uuid)
{
    ++m_outstanding;
    m_client->send(CallName::DeleteRoom, QJsonObject {{QString::fromUtf16(key::uuid), uuid}});
}

void RoomCleaner::round()
{
    if (m_done)
        return;
    if (m_pending.isEmpty()) {
        finishIfDone();
        return;
    }
    if (++m_rounds > maxRounds) {
        finish(false);
        return;
    }
    m_notEmpty = 0;
    const QStringList rooms(m_pending.cbegin(), m_pending.cend());
    for (const QString &uuid : rooms)
        sendDelete(uuid);
}

void RoomCleaner::onRoundReply()
{
    if (m_outstanding > 0 || m_done)
        return;
    if (m_pending.isEmpty()) {
        finishIfDone();
    } else if (m_notEmpty > 0) {
        m_retry.start(retryDelayMs); // members still leaving
    } else {
        // Only no_specified_room: somebody else deleted them already.
        m_pending.clear();
        finishIfDone();
    }
}

void RoomCleaner::finishIfDone()
{
    // Rooms still being created: add() sends their delete_room when room_created arrives.
    if (m_awaiting <= 0)
        finish(true);
}

void RoomCleaner::finish(bool complete)
{
    if (m_done)
        return;
    m_done = true;
    m_retry.stop();
    emit finished(complete);
}

} // namespace chat::bench
