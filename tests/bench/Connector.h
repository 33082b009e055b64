#pragma once

#include <QObject>
#include <QSet>

#include <deque>

namespace chat::bench {

class BenchClient;

// Opens queued clients with at most `concurrency` connections between open() and ready (or failure) at once.
class Connector : public QObject
{
    Q_OBJECT

public:
    explicit Connector(int concurrency, QObject *parent = nullptr);

    void add(BenchClient *client);
    void stop(); // opens nothing more
    int inFlight() const { return int(m_inFlight.size()); }
    int queued() const { return int(m_queue.size()); }
    int readyCount() const { return m_ready; }
    int failedCount() const { return m_failed; }

signals:
    void settled(chat::bench::BenchClient *client, bool ready);
    // Nothing queued or in flight any more.
    void idle();

private:
    void pump();
    void onSettled(BenchClient *client, bool ready);

    int m_concurrency;
    bool m_stopped = false;
    bool m_pumping = false;
    bool m_idle = true;
    int m_ready = 0;
    int m_failed = 0;
    std::deque<BenchClient *> m_queue;
    QSet<BenchClient *> m_inFlight;
};

} // namespace chat::bench
