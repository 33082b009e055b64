#include "ConnectScenario.h"

#include "Clock.h"

namespace chat::bench {
namespace {
constexpr double closeSettleMs = 500; // after the last close, before reading the RSS again
constexpr double closeWaitMaxMs = 3000;
} // namespace

void ConnectScenario::run()
{
    setPhase(QStringLiteral("connect"));
    m_rssBefore = probe().rssKb();
    m_cpuBefore = probe().cpuSeconds();
    m_connector = new Connector(options().concurrency, this);
    connect(m_connector, &Connector::settled, this, &ConnectScenario::onSettled);
    connect(m_connector, &Connector::idle, this, &ConnectScenario::allSettled);
    m_startNs = Clock::nowNs();
    m_open.reserve(options().clients);
    for (int i = 0; i < options().clients; ++i) {
        BenchClient *client = createClient();
        m_open.append(client);
        if (i == 0) {
            // The lobby a new client sees: a clean server after cleanup shows none of our rooms.
            connect(client, &BenchClient::frameReceived, this,
                    [this](BenchClient *, ResultName name, const QString &text, qint64) {
                        if (name != ResultName::RoomsListed || m_roomsAtConnect >= 0)
                            return;
                        if (const auto statement = ServerStatement::parse(text.toUtf8()))
                            m_roomsAtConnect = int(statement->list().size());
                    });
        }
        m_connector->add(client);
    }
}

void ConnectScenario::onSettled(BenchClient *client, bool ready)
{
    if (!ready) {
        ++m_failed;
        return;
    }
    ++m_ready;
    m_lastReadyNs = client->readyNs();
    m_openToReady.add(Clock::msBetween(client->openedNs(), client->readyNs()));
    m_openToConnected.add(Clock::msBetween(client->openedNs(), client->connectedNs()));
    m_connectedToReady.add(Clock::msBetween(client->connectedNs(), client->readyNs()));
}

void ConnectScenario::allSettled()
{
    if (isAborted())
        return;
    setPhase(QStringLiteral("close"));
    m_rssConnected = probe().rssKb();
    m_cpuConnected = probe().cpuSeconds();
    m_closeStartNs = Clock::nowNs();
    for (BenchClient *client : std::as_const(m_open))
        retire(client);
    m_open.clear();
    // Wait for the sockets to close, then a little for the server to release them.
    m_closePoll.setInterval(20);
    connect(&m_closePoll, &QTimer::timeout, this, [this]() {
        const double waited = Clock::msBetween(m_closeStartNs, Clock::nowNs());
        if (waited < closeSettleMs)
            return;
        // Children still alive are the ones not yet disconnected (retire() deletes them on disconnect).
        const bool stillOpen = !findChildren<BenchClient *>(QString(), Qt::FindDirectChildrenOnly).isEmpty();
        if (stillOpen && waited < closeWaitMaxMs)
            return;
        m_closePoll.stop();
        afterClose();
    });
    m_closePoll.start();
}

void ConnectScenario::afterClose()
{
    m_rssAfterClose = probe().rssKb();
    complete();
}

void ConnectScenario::stopMeasuring()
{
    if (m_connector)
        m_connector->stop();
    m_closePoll.stop();
    if (!m_rssConnected)
        m_rssConnected = probe().rssKb();
}

QJsonObject ConnectScenario::parameters() const
{
    return QJsonObject {{QStringLiteral("clients"), options().clients},
                        {QStringLiteral("concurrency"), options().concurrency}};
}

QJsonObject ConnectScenario::figures() const
{
    const double totalS = m_lastReadyNs ? Clock::secondsBetween(m_startNs, m_lastReadyNs) : 0;
    QJsonObject json {
        {QStringLiteral("ready"), m_ready},
        {QStringLiteral("failed"), m_failed},
        {QStringLiteral("pending"), options().clients - m_ready - m_failed},
        {QStringLiteral("total_s"), Stats::round3(totalS)},
        {QStringLiteral("connects_per_s"), Stats::round3(totalS > 0 ? m_ready / totalS : 0)},
        {QStringLiteral("open_to_ready_ms"), m_openToReady.toJson()},
        {QStringLiteral("open_to_connected_ms"), m_openToConnected.toJson()},
        {QStringLiteral("connected_to_ready_ms"), m_connectedToReady.toJson()},
        {QStringLiteral("rooms_at_connect"), m_roomsAtConnect},
    };
    if (probe().isAttached()) {
        std::optional<double> perConnection;
        if (m_rssBefore && m_rssConnected && m_ready > 0)
            perConnection = double(*m_rssConnected - *m_rssBefore) / m_ready;
        std::optional<double> cpu;
        if (m_cpuBefore && m_cpuConnected)
            cpu = *m_cpuConnected - *m_cpuBefore;
        json.insert(QStringLiteral("server_rss_kb_before"), optionalNumber(m_rssBefore));
        json.insert(QStringLiteral("server_rss_kb_connected"), optionalNumber(m_rssConnected));
        json.insert(QStringLiteral("server_rss_kb_after_close"), optionalNumber(m_rssAfterClose));
        json.insert(QStringLiteral("server_kb_per_connection"), optionalNumber(perConnection));
        json.insert(QStringLiteral("server_cpu_s_connecting"), optionalNumber(cpu));
    }
    return json;
}

QStringList ConnectScenario::summaryLines() const
{
    QStringList lines;
    const double totalS = m_lastReadyNs ? Clock::secondsBetween(m_startNs, m_lastReadyNs) : 0;
    lines << QStringLiteral("%1 of %2 clients ready, %3 failed, in %4 s (%5 connects/s, %6 in flight)")
                 .arg(m_ready)
                 .arg(options().clients)
                 .arg(m_failed)
                 .arg(totalS, 0, 'f', 3)
                 .arg(totalS > 0 ? m_ready / totalS : 0, 0, 'f', 0)
                 .arg(options().concurrency);
    lines << QStringLiteral("open → ready: ") + m_openToReady.describe();
    lines << QStringLiteral("open → connected: ") + m_openToConnected.describe();
    if (probe().isAttached() && m_rssBefore && m_rssConnected) {
        lines << QStringLiteral(
                     "server RSS %1 kB before, %2 kB connected, %3 kB after close: %4 kB per connection")
                     .arg(*m_rssBefore)
                     .arg(*m_rssConnected)
                     .arg(m_rssAfterClose.value_or(-1))
                     .arg(m_ready > 0 ? double(*m_rssConnected - *m_rssBefore) / m_ready : 0.0, 0, 'f', 2);
    }
    return lines;
}

} // namespace chat::bench
