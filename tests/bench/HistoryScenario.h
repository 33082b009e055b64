#pragma once

#include "Scenario.h"
#include "Stats.h"

namespace chat::bench {

// history --messages K: one room filled with K messages (pipelined, --window in flight; fill rate), then a
// fresh client enters it --repeat times and the time enter_room → messages_listed is measured. With
// socketchat.v1 negotiated that is the newest page of the history (docs/EXTENSIONS.md), checked to be it.
class HistoryScenario : public Scenario
{
    Q_OBJECT

public:
    HistoryScenario(const BenchOptions &options, QObject *parent = nullptr);

protected:
    void run() override;
    QJsonObject parameters() const override;
    QJsonObject figures() const override;
    QStringList summaryLines() const override;
    void stopMeasuring() override { m_filling = false; }

private:
    void fill();
    void sendNext();
    void onControlFrame(BenchClient *client, ResultName name, const QString &text, qint64 receivedNs);
    void fillDone();
    void measure(BenchClient *client, std::function<void()> next);
    void checkWholeHistory();
    void checkNewestPage(const ServerStatement &statement);

    quint32 m_run;
    QString m_room;
    bool m_filling = false;
    qint64 m_sent = 0;
    qint64 m_acked = 0;
    qint64 m_fillErrors = 0;
    qint64 m_fillStartNs = 0;
    qint64 m_fillEndNs = 0;
    Stats m_enterToListed;
    Stats m_enterToDrawing;
    qint64 m_listedCount = -1;
    qint64 m_listedChars = 0;
    QString m_listedMore; // "true"/"false" for a page, empty for the whole history
};

} // namespace chat::bench
