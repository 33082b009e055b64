#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <set>
#include <utility>

class QSocketNotifier;

namespace chat::server {

// The server's event loop on Linux epoll. Qt's own loops (glib's and Qt's UNIX one) hand the kernel the whole
// list of watched descriptors on every turn, and the kernel checks each one: with hundreds or thousands of
// idle connections that was a fifth of the server's CPU in a busy fan-out (PERFORMANCE.md). epoll keeps the
// list in the kernel and reports only the ready ones, so a turn costs the same with 10 or 10 000 connections.
// Main thread only (installed before QCoreApplication); other threads may post events and wake it.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when epoll or eventfd could not be created (then do not install it).
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 events = 0; // what epoll watches for now
    };
    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        qint64 dueMs;
        bool firing = false; // in its timer event: a nested loop must not fire it again
    };

    static QSocketNotifier *&slotOf(Watch &watch, int type);
    void updateWatch(int fd, Watch &watch);
    int waitTimeoutMs(bool untilNextTimer); // -1: no limit
    int activateSocketNotifiers(int fd, quint32 events); // of one ready descriptor
    int activateTimers();
    void drainWakeUps();
    static qint64 nowMs();

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_interrupted {false};
    std::atomic<bool> m_wokenInside {false}; // woken from this thread: the next wait must not block
    QHash<int, Watch> m_watches;
    QHash<int, Timer> m_timers;
    std::set<std::pair<qint64, int>> m_dueOrder; // (due time, timer id) of every timer
    static constexpr int maxEvents = 256;
};

} // namespace chat::server
