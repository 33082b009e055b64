// EpollEventDispatcher, the server's event loop: timers (order, zero timers, stopping one from its own event,
// remaining time), socket notifiers (a loopback TCP exchange), events posted from another thread, and exit
// from another thread. The test runs on that loop itself.
#include "transport/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

using chat::server::EpollEventDispatcher;

namespace {

// Stops its own timer on the third event.
class CountingObject : public QObject
{
public:
    int events = 0;
    int timerId = 0;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() != timerId)
            return;
        if (++events == 3)
            killTimer(timerId);
    }
};

pid_t currentThreadId()
{
    return pid_t(::syscall(SYS_gettid));
}

// True once the thread `tid` of this process is blocked in the kernel waiting for events: its wchan names
// epoll_wait where the kernel tells it, or else it is at least asleep ('S'). Polled, so that another thread
// acts on a loop that is really asleep, however loaded the machine, instead of after a fixed sleep.
bool waitUntilAsleep(pid_t tid)
{
    const QString task = QStringLiteral("/proc/self/task/%1/").arg(tid);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 60000) { // only a safety net
        QFile wchan(task + QStringLiteral("wchan"));
        const QByteArray where = wchan.open(QIODevice::ReadOnly) ? wchan.readAll().trimmed() : QByteArray();
        if (where.contains("epoll_wait"))
            return true;
        QFile stat(task + QStringLiteral("stat"));
        if ((where.isEmpty() || where == "0") && stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const qsizetype afterName = line.lastIndexOf(')');
            if (afterName >= 0 && line.mid(afterName + 2, 1) == "S")
                return true;
        }
        QThread::yieldCurrentThread();
    }
    return false;
}

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void isTheLoopInUse()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void timersFireInTheirOrder()
    {
        QStringList fired;
        QTimer::singleShot(60, this, [&] { fired << QStringLiteral("60"); });
        QTimer::singleShot(20, this, [&] { fired << QStringLiteral("20"); });
        QTimer::singleShot(40, this, [&] { fired << QStringLiteral("40"); });
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(fired.size(), 3, 30000);
        QCOMPARE(fired, (QStringList {QStringLiteral("20"), QStringLiteral("40"), QStringLiteral("60")}));
        QVERIFY(clock.elapsed() >= 60);
    }

    void aRepeatingTimerKeepsItsInterval()
    {
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        int ticks = 0;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        QElapsedTimer clock;
        clock.start();
        timer.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 10, 30000);
        QVERIFY2(clock.elapsed() >= 100, qPrintable(QString::number(clock.elapsed())));
    }

    void aZeroTimerFiresOncePerTurnAndLetsOthersRun()
    {
        QTimer zero;
        int turns = 0;
        connect(&zero, &QTimer::timeout, this, [&] { ++turns; });
        zero.start(0);
        bool later = false;
        QTimer::singleShot(30, this, [&] { later = true; });
        QTRY_VERIFY_WITH_TIMEOUT(later, 30000); // a busy zero timer does not starve a timed one
        zero.stop();
        QVERIFY(turns > 10);
    }

    void aTimerStoppedFromItsOwnEventStops()
    {
        CountingObject object;
        object.timerId = object.startTimer(5);
        QTRY_COMPARE_WITH_TIMEOUT(object.events, 3, 10000);
        // No quiet window: a second timer with the same interval, started afterwards, fires three times,
        // so the first one had every chance to fire again.
        CountingObject witness;
        witness.timerId = witness.startTimer(5);
        QTRY_VERIFY_WITH_TIMEOUT(witness.events >= 3, 10000);
        QCOMPARE(object.events, 3);
    }

    void remainingTimeCountsDown()
    {
        QTimer timer;
        timer.setSingleShot(true);
        QElapsedTimer clock;
        clock.start();
        timer.start(500);
        const int remaining = timer.remainingTime();
        const qint64 spent = clock.elapsed(); // a loaded machine may stop this thread in between
        QVERIFY2(remaining <= 500 && remaining >= qMax<qint64>(0, 500 - spent - 1),
                 qPrintable(QStringLiteral("%1 ms remaining after %2 ms").arg(remaining).arg(spent)));
        timer.stop();
        QCOMPARE(timer.remainingTime(), -1);
    }

    void socketNotifiersCarryATcpExchange()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QTRY_VERIFY_WITH_TIMEOUT(listener.hasPendingConnections(), 30000);
        QTcpSocket *served = listener.nextPendingConnection();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 30000);
        // Echo everything back; several rounds, some bigger than one read.
        connect(served, &QTcpSocket::readyRead, served, [served] { served->write(served->readAll()); });
        QByteArray received;
        connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
        QByteArray sent;
        for (int round = 0; round < 5; ++round) {
            const QByteArray chunk(100000 * (round + 1), char('a' + round));
            sent += chunk;
            client.write(chunk);
            QTRY_COMPARE_WITH_TIMEOUT(received.size(), sent.size(), 30000);
        }
        QCOMPARE(received, sent);
        client.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(served->state(), QAbstractSocket::UnconnectedState, 30000);
    }

    // A library may close a descriptor before it drops its notifier (libpq does when PostgreSQL goes away);
    // the kernel forgets the descriptor by itself, and the next socket often gets the same number.
    void aNewDescriptorWithAClosedOnesNumberIsWatched()
    {
        int first[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM, 0, first) == 0);
        auto stale = std::make_unique<QSocketNotifier>(first[0], QSocketNotifier::Read);
        const int reused = first[0];
        ::close(first[0]); // the notifier still thinks it watches it
        ::close(first[1]);

        int second[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM, 0, second) == 0);
        QCOMPARE(second[0], reused);
        QSocketNotifier fresh(second[0], QSocketNotifier::Read);
        QSignalSpy activated(&fresh, &QSocketNotifier::activated);
        QCOMPARE(::write(second[1], "x", 1), 1);
        QVERIFY(activated.wait(10000));
        fresh.setEnabled(false);
        stale.reset(); // dropping the stale one leaves the new one alone
        char byte = 0;
        QCOMPARE(::read(second[0], &byte, 1), 1);
        ::close(second[0]);
        ::close(second[1]);
    }

    void eventsPostedFromAnotherThreadWakeTheLoop()
    {
        QEventLoop loop;
        bool delivered = false;
        bool safetyNet = false;
        std::atomic<bool> sawItAsleep {false};
        const pid_t loopThread = currentThreadId();
        QThread *poster = QThread::create([&] {
            sawItAsleep = waitUntilAsleep(loopThread); // asleep in epoll_wait, with no timer due to wake it
            QMetaObject::invokeMethod(this, [&] {
                delivered = true;
                loop.quit();
            });
        });
        poster->start();
        // Far beyond any scheduling delay: the posted event, not this timer, must end the loop.
        QTimer::singleShot(60000, &loop, [&] {
            safetyNet = true;
            loop.quit();
        });
        loop.exec();
        poster->wait();
        delete poster;
        QVERIFY(sawItAsleep);
        QVERIFY(delivered);
        QVERIFY(!safetyNet);
    }

    void anotherThreadCanEndALoop()
    {
        QEventLoop loop;
        std::atomic<bool> sawItAsleep {false};
        const pid_t loopThread = currentThreadId();
        QThread *ender = QThread::create([&] {
            sawItAsleep = waitUntilAsleep(loopThread); // exit() before exec() would be lost
            loop.exit(7);
        });
        ender->start();
        QTimer::singleShot(60000, &loop, [&] { loop.exit(1); }); // only a safety net
        QCOMPARE(loop.exec(), 7);
        ender->wait();
        delete ender;
        QVERIFY(sawItAsleep);
    }

    void deleteLaterIsCarriedOut()
    {
        QPointer<QObject> doomed = new QObject;
        doomed->deleteLater();
        QTRY_VERIFY_WITH_TIMEOUT(doomed.isNull(), 30000);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
