#include "BenchRunner.h"

#include "ConnectScenario.h"
#include "DrawingScenario.h"
#include "FanoutScenario.h"
#include "HistoryScenario.h"
#include "LiveScenario.h"
#include "RoomsScenario.h"

#include <QJsonDocument>

#include <atomic>
#include <cmath>
#include <cstdio>

namespace chat::bench {
namespace {
std::atomic<bool> interruptRequested {false};
constexpr int forceFinishMarginMs = 2000; // beyond the scenario's own cleanup budget
} // namespace

BenchRunner::BenchRunner(const BenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    switch (options.scenario) {
    case ScenarioKind::Connect:
        m_scenario = new ConnectScenario(options, this);
        break;
    case ScenarioKind::Fanout:
        m_scenario = new FanoutScenario(options, this);
        break;
    case ScenarioKind::History:
        m_scenario = new HistoryScenario(options, this);
        break;
    case ScenarioKind::Rooms:
        m_scenario = new RoomsScenario(options, this);
        break;
    case ScenarioKind::Drawing:
        m_scenario = new DrawingScenario(options, this);
        break;
    case ScenarioKind::Live:
        m_scenario = new LiveScenario(options, this);
        break;
    }
    connect(m_scenario, &Scenario::finished, this, &BenchRunner::report);

    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &BenchRunner::onTimeout);
    m_forceFinish.setSingleShot(true);
    connect(&m_forceFinish, &QTimer::timeout, this, &BenchRunner::report);
    m_interruptPoll.setInterval(100);
    connect(&m_interruptPoll, &QTimer::timeout, this, [this]() {
        if (interruptRequested.exchange(false)) {
            m_scenario->abort(QStringLiteral("interrupted"));
            if (!m_forceFinish.isActive())
                m_forceFinish.start(m_scenario->abortedCleanupBudgetMs() + forceFinishMarginMs);
        }
    });
}

void BenchRunner::requestInterrupt()
{
    interruptRequested = true;
}

void BenchRunner::start()
{
    m_timeout.start(int(std::lround(m_options.timeoutS * 1000)));
    m_interruptPoll.start();
    m_scenario->start();
}

void BenchRunner::onTimeout()
{
    m_scenario->abort(QStringLiteral("timed out after %1 s").arg(m_options.timeoutS));
    m_forceFinish.start(m_scenario->abortedCleanupBudgetMs() + forceFinishMarginMs);
}

void BenchRunner::report()
{
    if (m_reported)
        return;
    m_reported = true;
    m_timeout.stop();
    m_forceFinish.stop();
    m_interruptPoll.stop();
    QJsonObject json = m_scenario->report();
    if (!m_scenario->isFinished()) {
        json.insert(QStringLiteral("ok"), false);
        json.insert(QStringLiteral("cleanup_unfinished"), true);
    }
    const QByteArray line = QJsonDocument(json).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    if (!m_options.jsonOnly) {
        const QByteArray text = m_scenario->summary().toUtf8();
        std::fwrite(text.constData(), 1, std::size_t(text.size()), stderr);
        std::fputc('\n', stderr);
        std::fflush(stderr);
    }
    emit done(json.value(QStringLiteral("ok")).toBool() ? 0 : 1);
}

} // namespace chat::bench
