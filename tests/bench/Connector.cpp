#include "Connector.h"

#include "BenchClient.h"

#include <QTimer>

#include <algorithm>

namespace chat::bench {

Connector::Connector(int concurrency, QObject *parent)
    : QObject(parent)
    , m_concurrency(std::max(1, concurrency))
{ }

void Connector::add(BenchClient *client)
{
    connect(client, &BenchClient::ready, this, [this](BenchClient *c) { onSettled(c, true); });
    connect(client, &BenchClient::failed, this, [this](BenchClient *c) { onSettled(c, false); });
    m_queue.push_back(client);
    m_idle = false;
    // Open from the event loop, so that a caller adding many clients in a row sees ordered signals.
    QTimer::singleShot(0, this, &Connector::pump);
}

void Connector::stop()
{
    m_stopped = true;
    m_queue.clear();
}

void Connector::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    while (!m_stopped && !m_queue.empty() && int(m_inFlight.size()) < m_concurrency) {
        BenchClient *client = m_queue.front();
        m_queue.pop_front();
        m_inFlight.insert(client);
        client->open();
    }
    m_pumping = false;
    if (!m_idle && m_queue.empty() && m_inFlight.isEmpty()) {
        m_idle = true;
        emit idle();
    }
}

void Connector::onSettled(BenchClient *client, bool ready)
{
    if (!m_inFlight.remove(client))
        return; // a failure after ready: not the connector's business
    if (ready)
        ++m_ready;
    else
        ++m_failed;
    emit settled(client, ready);
    pump();
}

} // namespace chat::bench
