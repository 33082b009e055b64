#pragma once

#include "Scenario.h"
#include "Stats.h"

#include <QSet>

namespace chat::bench {

// drawing --lines L --points P: one room's drawing filled with L lines of P points (2P numbers each; every
// line uuid sent once), pipelined (--window in flight; fill rate), then --repeat fresh clients enter the
// room: the time enter_room → drawing_got and get_drawing → drawing_got is measured.
class DrawingScenario : public Scenario
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

    QString m_room;
    bool m_filling = false;
    qint64 m_sent = 0;
    qint64 m_acked = 0;
    qint64 m_fillErrors = 0;
    QSet<QString> m_pendingLines;
    qint64 m_fillStartNs = 0;
    qint64 m_fillEndNs = 0;
    Stats m_enterToDrawing;
    Stats m_getToDrawing;
    qint64 m_linesGot = -1;
    qint64 m_drawingChars = 0;
    qint64 m_lineChars = 0;
};

} // namespace chat::bench
