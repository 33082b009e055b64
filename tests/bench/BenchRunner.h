#pragma once

#include "BenchOptions.h"

#include <QObject>
#include <QTimer>

namespace chat::bench {

class Scenario;

// Runs one scenario under the hard --timeout: on timeout (or SIGINT/SIGTERM) the scenario is aborted, gets a
// short cleanup, and whatever it measured is printed. Prints the JSON line on stdout and the summary on
// stderr, then emits done() with the exit code (0 all good, 1 failures or timeout).
class BenchRunner : public QObject
{
    Q_OBJECT

public:
    explicit BenchRunner(const BenchOptions &options, QObject *parent = nullptr);

    void start();
    // Asynchronous-signal-safe request to stop (from a signal handler): polled by the runner.
    static void requestInterrupt();

signals:
    void done(int exitCode);

private:
    void onTimeout();
    void report();

    const BenchOptions &m_options;
    Scenario *m_scenario = nullptr;
    QTimer m_timeout;
    QTimer m_forceFinish;
    QTimer m_interruptPoll;
    bool m_reported = false;
};

} // namespace chat::bench
