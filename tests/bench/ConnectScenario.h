#pragma once

#include "Connector.h"
#include "Scenario.h"
#include "Stats.h"

#include <QTimer>

#include <optional>

namespace chat::bench {

// connect --clients N --concurrency K: N clients connect with K between open and ready at once. Measures the
// time until every client has user_created and rooms_listed, open → ready per client, failures, and with
// --pid the server's RSS before, with every client connected, and after they closed (memory per connection).
class ConnectScenario : public Scenario
{
    Q_OBJECT

public:
    using Scenario::Scenario;

protected:
    void run() override;
    QJsonObject parameters() const override;
    QJsonObject figures() const override;
    QStringList summaryLines() const override;
    void stopMeasuring() override;

private:
    void onSettled(BenchClient *client, bool ready);
    void allSettled();
    void afterClose();

    Connector *m_connector = nullptr;
    int m_ready = 0;
    int m_failed = 0;
    int m_roomsAtConnect = -1;
    qint64 m_startNs = 0;
    qint64 m_lastReadyNs = 0;
    Stats m_openToReady;
    Stats m_openToConnected;
    Stats m_connectedToReady;
    std::optional<qint64> m_rssBefore;
    std::optional<qint64> m_rssConnected;
    std::optional<qint64> m_rssAfterClose;
    std::optional<double> m_cpuBefore;
    std::optional<double> m_cpuConnected;
    QList<BenchClient *> m_open;
    QTimer m_closePoll;
    qint64 m_closeStartNs = 0;
};

} // namespace chat::bench
