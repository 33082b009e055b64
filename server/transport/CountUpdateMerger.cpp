#include "CountUpdateMerger.h"

#include "metrics/ServerMetrics.h"

namespace chat::server {

CountUpdateMerger::CountUpdateMerger(double framesPerSecond, Counter outsiders, Sender sendToOutsiders,
                                     ServerMetrics *metrics, QObject *parent)
    : QObject(parent)
    , m_outsiders(std::move(outsiders))
    , m_send(std::move(sendToOutsiders))
    , m_metrics(metrics)
    , m_budget(framesPerSecond, framesPerSecond, 0) // one second's worth at once
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CountUpdateMerger::sendDue);
}

void CountUpdateMerger::offer(const QString &roomUuid, const Update &update)
{
    const auto held = m_held.find(roomUuid);
    if (held != m_held.end()) {
        // Keeps its turn, with the latest state. `full` is always the whole latest room; when either update
        // changed the users, the socketchat.v1 clients need it too, not only the sum.
        const bool whole = held->whole || update.whole;
        *held = update;
        if (whole && !held->whole)
            *held = Update::wholeRoom(update.full);
        if (m_metrics)
            m_metrics->countUpdateMerged();
        return;
    }
    const int cost = m_outsiders(roomUuid);
    if (cost == 0)
        return; // everyone is inside and has it already
    if (m_order.isEmpty() && m_budget.spend(cost, m_clock.elapsed())) {
        m_send(roomUuid, update);
        return;
    }
    m_held.insert(roomUuid, update);
    m_order.append(roomUuid);
    scheduleNext();
}

void CountUpdateMerger::superseded(const QString &roomUuid)
{
    if (m_held.remove(roomUuid) > 0)
        m_order.removeOne(roomUuid);
}

void CountUpdateMerger::flushAll()
{
    m_timer.stop();
    const QStringList order = std::exchange(m_order, {});
    const QHash<QString, Update> held = std::exchange(m_held, {});
    for (const QString &roomUuid : order)
        m_send(roomUuid, held.value(roomUuid));
}

void CountUpdateMerger::sendDue()
{
    while (!m_order.isEmpty() && m_budget.spend(m_outsiders(m_order.constFirst()), m_clock.elapsed())) {
        const QString roomUuid = m_order.takeFirst();
        m_send(roomUuid, m_held.take(roomUuid));
    }
    scheduleNext();
}

void CountUpdateMerger::scheduleNext()
{
    if (m_order.isEmpty() || m_timer.isActive())
        return;
    m_timer.start(int(std::min<qint64>(m_budget.msUntilAvailable(m_clock.elapsed()), 60000)));
}

} // namespace chat::server
