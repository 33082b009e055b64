#pragma once

#include "Scenario.h"
#include "Stats.h"

namespace chat::bench {

// rooms --rooms K: K rooms created (pipelined, --window in flight; fill rate), then --repeat fresh clients
// connect one after another and the time open → rooms_listed (the whole lobby) is measured.
class RoomsScenario : public Scenario
{
    Q_OBJECT

public:
    using Scenario::Scenario;

protected:
    void run() override;
    QJsonObject parameters() const override;
    QJsonObject figures() const override;
    QStringList summaryLines() const override;
    void stopMeasuring() override { m_filling = false; }

private:
    void fill();
    void sendNext();
    void fillDone();
    void measure(BenchClient *client, std::function<void()> next);

    bool m_filling = false;
    qint64 m_sent = 0;
    qint64 m_created = 0;
    qint64 m_fillErrors = 0;
    qint64 m_fillStartNs = 0;
    qint64 m_fillEndNs = 0;
    Stats m_openToListed;
    Stats m_connectedToListed;
    qint64 m_listedCount = -1;
    qint64 m_listedChars = 0;
};

} // namespace chat::bench
