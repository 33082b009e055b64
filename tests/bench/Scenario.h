#pragma once

#include "BenchClient.h"
#include "BenchOptions.h"
#include "ProcessProbe.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace chat::bench {

class RoomCleaner;

// One benchmark scenario: an asynchronous sequence of phases on the Qt event loop, then cleanup (close every
// client but one, delete the rooms it created, close the rest), then finished(). Failures (connections that
// failed or were closed by the server, error replies, lost messages …) are counted; the run succeeds when
// there are none and it did not time out.
class Scenario : public QObject
{
    Q_OBJECT

public:
    Scenario(const BenchOptions &options, QObject *parent = nullptr);
    ~Scenario() override;

    void start();
    // The run's time is up (or it was interrupted): stop measuring, clean up quickly, then finish.
    void abort(const QString &why);
    bool isFinished() const { return m_finished; }
    // How long the cleanup may take after abort().
    int abortedCleanupBudgetMs() const;

    bool succeeded() const { return m_failures == 0 && !m_aborted; }
    // {"scenario", "ok", "timed_out", "parameters", "figures", "failures", …}
    QJsonObject report() const;
    QString summary() const;

signals:
    void finished();

protected:
    virtual void run() = 0;
    virtual QJsonObject parameters() const = 0;
    virtual QJsonObject figures() const = 0;
    virtual QStringList summaryLines() const = 0;
    // Stop timers and sending; called once when aborting.
    virtual void stopMeasuring() { }

    const BenchOptions &options() const { return m_options; }
    const ProcessProbe &probe() const { return m_process; }

    // A new client with the next id, owned by the scenario; its failures and error replies count.
    BenchClient *createClient();
    // The first client: opened now; `then` runs once it is ready.
    void openControl(std::function<void()> then);
    BenchClient *control() const { return m_control; }
    void setControlInRoom(bool inside) { m_controlInRoom = inside; }

    void addFailure(const QString &what);
    void addFailures(qint64 count, const QString &what);
    int failureCount() const { return m_failures; }
    void setPhase(const QString &phase) { m_phase = phase; }
    bool isAborted() const { return m_aborted; }
    bool isCleaning() const { return m_cleaning; }
    // create_room through the control client; its room_created must be passed to trackRoom().
    void requestRoom();
    // A room this run created: deleted at the end (also when it is announced during cleanup).
    void trackRoom(const QString &uuid);
    // Creates a room through the control client and enters it: `created(uuid)` runs on room_created,
    // `entered()` once the room's drawing_got arrived (not while cleaning up).
    void createAndEnterRoom(std::function<void(const QString &uuid)> created, std::function<void()> entered);

    // Closes a client that is no longer needed (not a failure) and schedules its deletion.
    void retire(BenchClient *client);
    // Fresh clients one after another: each is opened, `probe(client, next)` runs once it is ready and must
    // call next() when done (the client is then retired); a client that fails moves on too. Then `done()`.
    using ProbeFn = std::function<void(BenchClient *client, std::function<void()> next)>;
    void runProbes(int count, ProbeFn probe, std::function<void()> done);

    // Measurements are over: clean up, then finish.
    void complete();

    static QJsonValue optionalNumber(const std::optional<double> &value);
    static QJsonValue optionalNumber(const std::optional<qint64> &value);

private:
    friend class JoinSettle; // phase, aborted and cleaning up

    void nextProbe();
    void cleanUp();
    void deleteRooms();
    void closeAll();
    void finish();

    const BenchOptions &m_options;
    ProcessProbe m_process;
    BenchClient::Config m_clientConfig;
    QList<QPointer<BenchClient>> m_clients;
    BenchClient *m_control = nullptr;
    bool m_controlInRoom = false;
    bool m_controlReplaced = false;
    int m_nextId = 0;

    int m_failures = 0;
    QStringList m_failureNotes;
    QString m_phase;
    QString m_abortReason;
    bool m_started = false;
    bool m_aborted = false;
    bool m_cleaning = false;
    bool m_finished = false;
    bool m_closingAll = false;
    QStringList m_createdRooms;
    int m_roomsRequested = 0;
    int m_roomsDeleted = 0;
    bool m_cleanupComplete = true;
    QString m_negotiated;
    bool m_negotiatedKnown = false;

    qint64 m_startNs = 0;
    qint64 m_cleanupStartNs = 0;
    qint64 m_endNs = 0;
    double m_selfCpuStart = 0;
    double m_selfCpuEnd = 0;
    std::optional<double> m_serverCpuStart;
    std::optional<double> m_serverCpuEnd;
    std::optional<qint64> m_serverRssStart;
    std::optional<qint64> m_serverRssEnd;
    QTimer m_cleanupDeadline;
    QTimer m_closeWait;
    RoomCleaner *m_cleaner = nullptr;
    int m_probesRemaining = 0;
    ProbeFn m_probeFn;
    std::function<void()> m_probesDone;
};

} // namespace chat::bench
