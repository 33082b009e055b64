#include "EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QVarLengthArray>

#include <cerrno>
#include <climits>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace chat::server {

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    if (!isValid())
        return;
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

qint64 EpollEventDispatcher::nowMs()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// What Qt's own UNIX dispatcher does in a turn, in the same order: posted events, then a wait for descriptors
// or the next timer, then the socket notifiers, then the timers that are due.
bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    emit awake();
    m_wokenInside.store(false); // what is posted from here on sets it again
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.load();
    if (canWait)
        emit aboutToBlock();
    if (m_interrupted.load())
        return false;

    epoll_event events[maxEvents];
    int ready = epoll_wait(m_epoll, events, maxEvents, canWait ? waitTimeoutMs(includeTimers) : 0);
    if (ready < 0)
        ready = 0; // EINTR: a signal; the loop simply turns again
    // The ready list lives on this call's stack: a notifier's slot may run a nested loop, which waits again.
    int handled = 0;
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.fd == m_wakeFd)
            drainWakeUps();
        else if (includeNotifiers)
            handled += activateSocketNotifiers(events[i].data.fd, events[i].events);
    }
    if (includeTimers)
        handled += activateTimers();
    return handled > 0;
}

int EpollEventDispatcher::waitTimeoutMs(bool untilNextTimer)
{
    if (m_wokenInside.load())
        return 0;
    if (!untilNextTimer || m_dueOrder.empty())
        return -1;
    const qint64 wait = m_dueOrder.begin()->first - nowMs();
    return int(std::clamp<qint64>(wait, 0, INT_MAX));
}

int EpollEventDispatcher::activateSocketNotifiers(int fd, quint32 events)
{
    // As Qt's poll loop: a hang-up or an error wakes every notifier of the descriptor, which then finds out
    // what happened by reading or writing.
    const bool failed = events & (EPOLLERR | EPOLLHUP);
    const bool wanted[3] = {bool(events & EPOLLIN) || failed, bool(events & EPOLLOUT) || failed,
                            bool(events & EPOLLPRI) || failed};
    int activated = 0;
    for (int type : {QSocketNotifier::Read, QSocketNotifier::Write, QSocketNotifier::Exception}) {
        if (!wanted[type])
            continue;
        // Looked up each time: the previous activation may have removed or replaced the notifier.
        const auto watch = m_watches.find(fd);
        if (watch == m_watches.end())
            break;
        QSocketNotifier *notifier = slotOf(*watch, type);
        if (!notifier)
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    return activated;
}

int EpollEventDispatcher::activateTimers()
{
    const qint64 now = nowMs();
    // Only the timers due when the turn began, each at most once: a zero timer fires once per turn.
    QVarLengthArray<int, 32> due;
    for (auto it = m_dueOrder.begin(); it != m_dueOrder.end() && it->first <= now; ++it)
        due.append(it->second);
    int fired = 0;
    for (const int id : due) {
        const auto timer = m_timers.find(id);
        if (timer == m_timers.end() || timer->firing || timer->dueMs > now)
            continue; // stopped or restarted by an earlier timer of this turn, or running in a nested loop
        m_dueOrder.erase({timer->dueMs, id});
        qint64 next = timer->dueMs + timer->intervalMs;
        if (next <= now && timer->intervalMs > 0)
            next = now + timer->intervalMs; // fell behind: skip what was missed, as Qt does
        timer->dueMs = next;
        m_dueOrder.insert({next, id});
        timer->firing = true;
        QObject *object = timer->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        const auto after = m_timers.find(id); // the event may have stopped it
        if (after != m_timers.end())
            after->firing = false;
        ++fired;
    }
    return fired;
}

void EpollEventDispatcher::drainWakeUps()
{
    eventfd_t count = 0;
    while (eventfd_read(m_wakeFd, &count) == 0) { }
}

QSocketNotifier *&EpollEventDispatcher::slotOf(Watch &watch, int type)
{
    switch (type) {
    case QSocketNotifier::Write:
        return watch.write;
    case QSocketNotifier::Exception:
        return watch.exception;
    default:
        return watch.read;
    }
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &watch = m_watches[fd];
    slotOf(watch, notifier->type()) = notifier;
    // Always told to the kernel, even when the watched events look unchanged: the descriptor may be a new
    // one with the number of a closed one, which the kernel dropped from its list on its own.
    watch.events = ~0u;
    updateWatch(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto watch = m_watches.find(fd);
    if (watch == m_watches.end())
        return;
    QSocketNotifier *&slot = slotOf(*watch, notifier->type());
    if (slot != notifier)
        return;
    slot = nullptr;
    updateWatch(fd, *watch);
    if (!watch->read && !watch->write && !watch->exception)
        m_watches.erase(watch);
}

void EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    const quint32 wanted = (watch.read ? quint32(EPOLLIN) : 0u) | (watch.write ? quint32(EPOLLOUT) : 0u)
        | (watch.exception ? quint32(EPOLLPRI) : 0u);
    if (wanted == watch.events)
        return;
    epoll_event event {};
    event.events = wanted;
    event.data.fd = fd;
    if (wanted == 0) {
        // Fails harmlessly when the descriptor is already closed: the kernel then dropped it by itself.
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event);
    } else {
        int result = epoll_ctl(m_epoll, watch.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
        // The kernel forgets a closed descriptor on its own; the same number may come back as a new one.
        if (result != 0 && errno == EEXIST)
            result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        else if (result != 0 && errno == ENOENT)
            result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        if (result != 0)
            qWarning("epoll cannot watch descriptor %d: %s", fd, strerror(errno));
    }
    watch.events = wanted;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    const qint64 due = nowMs() + interval;
    m_timers.insert(timerId, {interval, timerType, object, due});
    m_dueOrder.insert({due, timerId});
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto timer = m_timers.find(timerId);
    if (timer == m_timers.end())
        return false;
    m_dueOrder.erase({timer->dueMs, timerId});
    m_timers.erase(timer);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto timer = m_timers.begin(); timer != m_timers.end();) {
        if (timer->object != object) {
            ++timer;
            continue;
        }
        m_dueOrder.erase({timer->dueMs, timer.key()});
        timer = m_timers.erase(timer);
        any = true;
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto timer = m_timers.cbegin(); timer != m_timers.cend(); ++timer) {
        if (timer->object == object)
            timers.append(TimerInfo(timer.key(), int(timer->intervalMs), timer->type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto timer = m_timers.find(timerId);
    if (timer == m_timers.end())
        return -1;
    return int(std::clamp<qint64>(timer->dueMs - nowMs(), 0, INT_MAX));
}

void EpollEventDispatcher::wakeUp()
{
    // The loop's own thread is not waiting while it runs this: a flag is enough, and costs no system call.
    if (QThread::currentThread() == thread()) {
        m_wokenInside.store(true);
        return;
    }
    eventfd_write(m_wakeFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

} // namespace chat::server
