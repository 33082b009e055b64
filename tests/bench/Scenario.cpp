#include "Scenario.h"

#include "Clock.h"
#include "RoomCleaner.h"
#include "Stats.h"
#include "model/Room.h"

#include <QJsonArray>

#include <algorithm>
#include <memory>

namespace chat::bench {
namespace {
constexpr int maxFailureNotes = 12;
constexpr int cleanupBudgetMs = 20000; // a normal cleanup; the run's --timeout still applies
constexpr int closeWaitMs = 2000;
} // namespace

Scenario::Scenario(const BenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_process(options.pids)
    , m_clientConfig {options.url, options.subprotocol}
{
    m_cleanupDeadline.setSingleShot(true);
    connect(&m_cleanupDeadline, &QTimer::timeout, this, [this]() {
        addFailure(QStringLiteral("cleanup did not finish in time"));
        m_cleanupComplete = false;
        finish();
    });
    m_closeWait.setInterval(20);
}

Scenario::~Scenario() = default;

void Scenario::start()
{
    if (m_started)
        return;
    m_started = true;
    m_startNs = Clock::nowNs();
    m_selfCpuStart = ProcessProbe::selfCpuSeconds();
    m_serverCpuStart = m_process.cpuSeconds();
    m_serverRssStart = m_process.rssKb();
    setPhase(QStringLiteral("start"));
    run();
}

BenchClient *Scenario::createClient()
{
    BenchClient::Config config = m_clientConfig;
    if (!m_options.urls.isEmpty())
        config.url = m_options.urls.at(m_nextId % int(m_options.urls.size()));
    auto *client = new BenchClient(m_nextId++, config, this);
    m_clients.append(client);
    connect(client, &BenchClient::failed, this, [this](BenchClient *c, const QString &reason) {
        if (!m_cleaning)
            addFailure(QStringLiteral("client %1: %2").arg(c->id()).arg(reason));
    });
    connect(client, &BenchClient::errorReceived, this, [this](BenchClient *c, const QString &name) {
        if (!m_cleaning)
            addFailure(QStringLiteral("client %1 got the error reply %2").arg(c->id()).arg(name));
    });
    connect(client, &BenchClient::ready, this, [this](BenchClient *c) {
        if (!m_negotiatedKnown) {
            m_negotiatedKnown = true;
            m_negotiated = c->negotiatedSubprotocol();
        }
    });
    return client;
}

void Scenario::openControl(std::function<void()> then)
{
    setPhase(QStringLiteral("control connect"));
    m_control = createClient();
    connect(m_control, &BenchClient::ready, this, [this, then = std::move(then)](BenchClient *) {
        if (!m_cleaning)
            then();
    });
    connect(m_control, &BenchClient::failed, this, [this](BenchClient *) {
        if (!m_cleaning) {
            addFailure(QStringLiteral("the control connection failed; giving up"));
            complete();
        }
    });
    m_control->open();
}

void Scenario::addFailure(const QString &what)
{
    addFailures(1, what);
}

void Scenario::addFailures(qint64 count, const QString &what)
{
    if (count <= 0)
        return;
    m_failures += int(count);
    if (m_failureNotes.size() < maxFailureNotes)
        m_failureNotes.append(count == 1 ? what : QStringLiteral("%1 × %2").arg(count).arg(what));
}

void Scenario::requestRoom()
{
    ++m_roomsRequested;
    m_control->send(CallName::CreateRoom);
}

void Scenario::createAndEnterRoom(std::function<void(const QString &)> created, std::function<void()> entered)
{
    setPhase(QStringLiteral("create room"));
    control()->expect(
        ResultName::RoomCreated, [this, created, entered](const ServerStatement &statement, qint64) {
            const auto room = Room::fromJson(statement.object());
            if (!room) {
                addFailure(QStringLiteral("room_created without a room"));
                complete();
                return;
            }
            created(room->uuid);
            trackRoom(room->uuid);
            if (isCleaning())
                return;
            setPhase(QStringLiteral("enter room"));
            control()->expect(ResultName::DrawingGot, [this, entered](const ServerStatement &, qint64) {
                if (!isCleaning())
                    entered();
            });
            // In the room from now on for the cleanup: the server handles a later leave_room after this call.
            setControlInRoom(true);
            control()->send(CallName::EnterRoom, QJsonObject {{QString::fromUtf16(key::uuid), room->uuid}});
        });
    requestRoom();
}

void Scenario::trackRoom(const QString &uuid)
{
    m_createdRooms.append(uuid);
    if (m_cleaner)
        m_cleaner->add(uuid);
}

void Scenario::retire(BenchClient *client)
{
    if (!client)
        return;
    client->close();
    if (client->isDisconnected())
        client->deleteLater();
    else
        connect(client, &BenchClient::disconnected, client, &QObject::deleteLater);
}

void Scenario::runProbes(int count, ProbeFn probe, std::function<void()> done)
{
    m_probesRemaining = count;
    m_probeFn = std::move(probe);
    m_probesDone = std::move(done);
    nextProbe();
}

void Scenario::nextProbe()
{
    if (m_cleaning)
        return;
    if (m_probesRemaining-- <= 0) {
        const auto done = m_probesDone;
        done();
        return;
    }
    BenchClient *client = createClient();
    auto moved = std::make_shared<bool>(false);
    auto next = [this, client, moved]() {
        if (*moved)
            return;
        *moved = true;
        retire(client);
        QTimer::singleShot(0, this, &Scenario::nextProbe);
    };
    connect(client, &BenchClient::ready, this, [this, client, next]() {
        if (!m_cleaning)
            m_probeFn(client, next);
    });
    connect(client, &BenchClient::failed, this, [next]() { next(); });
    client->open();
}

void Scenario::abort(const QString &why)
{
    if (m_finished)
        return;
    if (!m_aborted) {
        m_aborted = true;
        m_abortReason = why;
        stopMeasuring();
    }
    if (!m_cleaning) {
        cleanUp();
    }
    if (!m_cleanupDeadline.isActive() || m_cleanupDeadline.remainingTime() > abortedCleanupBudgetMs())
        m_cleanupDeadline.start(abortedCleanupBudgetMs());
}

int Scenario::abortedCleanupBudgetMs() const
{
    // 3 s, plus 2 ms per room to delete, at most 10 s.
    return std::clamp(3000 + 2 * std::max(int(m_createdRooms.size()), m_roomsRequested), 3000, 10000);
}

void Scenario::complete()
{
    if (m_cleaning || m_finished)
        return;
    cleanUp();
}

void Scenario::cleanUp()
{
    m_cleaning = true;
    m_cleanupStartNs = Clock::nowNs();
    m_serverCpuEnd = m_process.cpuSeconds();
    m_serverRssEnd = m_process.rssKb();
    if (!m_cleanupDeadline.isActive())
        m_cleanupDeadline.start(m_aborted ? abortedCleanupBudgetMs() : cleanupBudgetMs);

    // Everyone but the control client leaves by closing: the server takes them out of their rooms.
    for (const QPointer<BenchClient> &client : std::as_const(m_clients)) {
        if (client && client != m_control)
            retire(client);
    }
    if (m_createdRooms.isEmpty() && m_roomsRequested == 0) {
        closeAll();
        return;
    }
    if (m_control && m_control->isReady()) {
        deleteRooms();
        return;
    }
    // The control client is gone: a fresh one deletes the rooms.
    if (m_control)
        retire(m_control);
    m_controlInRoom = false;
    m_controlReplaced = true;
    m_control = createClient();
    connect(m_control, &BenchClient::ready, this, [this]() { deleteRooms(); });
    connect(m_control, &BenchClient::failed, this, [this]() {
        m_cleanupComplete = false;
        closeAll();
    });
    m_control->open();
}

void Scenario::deleteRooms()
{
    if (m_cleaner)
        return;
    m_cleaner = new RoomCleaner(m_control, m_createdRooms, m_controlInRoom, this);
    if (!m_controlReplaced)
        m_cleaner->setAwaiting(m_roomsRequested - int(m_createdRooms.size()));
    connect(m_cleaner, &RoomCleaner::finished, this, [this](bool complete) {
        m_roomsDeleted = m_cleaner->deletedCount();
        if (!complete) {
            m_cleanupComplete = false;
            if (!m_aborted)
                addFailure(QStringLiteral("could not delete %1 of the rooms created")
                               .arg(m_cleaner->remaining().size()));
        }
        closeAll();
    });
    m_cleaner->start();
}

void Scenario::closeAll()
{
    if (m_finished || m_closingAll)
        return;
    m_closingAll = true;
    for (const QPointer<BenchClient> &client : std::as_const(m_clients)) {
        if (client)
            retire(client);
    }
    const qint64 since = Clock::nowNs();
    connect(&m_closeWait, &QTimer::timeout, this, [this, since]() {
        bool open = false;
        for (const QPointer<BenchClient> &client : std::as_const(m_clients)) {
            if (client && !client->isDisconnected()) {
                open = true;
                break;
            }
        }
        if (!open || Clock::msBetween(since, Clock::nowNs()) > closeWaitMs)
            finish();
    });
    m_closeWait.start();
}

void Scenario::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_closeWait.stop();
    m_cleanupDeadline.stop();
    m_endNs = Clock::nowNs();
    m_selfCpuEnd = ProcessProbe::selfCpuSeconds();
    if (!m_cleaning) {
        m_serverCpuEnd = m_process.cpuSeconds();
        m_serverRssEnd = m_process.rssKb();
    }
    emit finished();
}

QJsonValue Scenario::optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(Stats::round3(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue Scenario::optionalNumber(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject Scenario::report() const
{
    QJsonObject json;
    json.insert(QStringLiteral("scenario"), m_options.scenarioName);
    json.insert(QStringLiteral("ok"), succeeded());
    json.insert(QStringLiteral("timed_out"), m_aborted);
    if (m_aborted) {
        json.insert(QStringLiteral("abort_reason"), m_abortReason);
        json.insert(QStringLiteral("phase"), m_phase);
    }
    json.insert(QStringLiteral("url"), m_options.url.toString());
    json.insert(QStringLiteral("subprotocol_offered"), m_options.subprotocol);
    json.insert(QStringLiteral("subprotocol_negotiated"), m_negotiated);
    json.insert(QStringLiteral("parameters"), parameters());
    json.insert(QStringLiteral("figures"), figures());
    json.insert(QStringLiteral("failures"), m_failures);
    json.insert(QStringLiteral("failure_notes"), QJsonArray::fromStringList(m_failureNotes));
    if (m_process.isAttached()) {
        std::optional<double> cpu;
        if (m_serverCpuStart && m_serverCpuEnd)
            cpu = *m_serverCpuEnd - *m_serverCpuStart;
        json.insert(QStringLiteral("server"),
                    QJsonObject {{QStringLiteral("pid"), m_process.pid()},
                                 {QStringLiteral("rss_kb_start"), optionalNumber(m_serverRssStart)},
                                 {QStringLiteral("rss_kb_end"), optionalNumber(m_serverRssEnd)},
                                 {QStringLiteral("cpu_s"), optionalNumber(cpu)}});
    }
    const qint64 end = m_endNs ? m_endNs : Clock::nowNs();
    const qint64 measuredEnd = m_cleanupStartNs ? m_cleanupStartNs : end;
    json.insert(QStringLiteral("elapsed_s"), Stats::round3(Clock::secondsBetween(m_startNs, measuredEnd)));
    json.insert(
        QStringLiteral("bench_cpu_s"),
        Stats::round3((m_selfCpuEnd ? m_selfCpuEnd : ProcessProbe::selfCpuSeconds()) - m_selfCpuStart));
    json.insert(
        QStringLiteral("cleanup"),
        QJsonObject {
            {QStringLiteral("rooms_created"), int(m_createdRooms.size())},
            {QStringLiteral("rooms_deleted"), m_roomsDeleted},
            {QStringLiteral("complete"), m_cleanupComplete && m_roomsDeleted >= m_createdRooms.size()},
            {QStringLiteral("seconds"), Stats::round3(Clock::secondsBetween(measuredEnd, end))}});
    return json;
}

QString Scenario::summary() const
{
    QStringList lines;
    lines << QStringLiteral("chat-bench %1 against %2%3: %4")
                 .arg(m_options.scenarioName, m_options.url.toString(),
                      m_options.subprotocol.isEmpty() ? QString()
                                                      : QStringLiteral(" (offered %1, negotiated '%2')")
                                                            .arg(m_options.subprotocol, m_negotiated),
                      succeeded() ? QStringLiteral("OK") : QStringLiteral("FAILED"));
    if (m_aborted)
        lines << QStringLiteral("  aborted during '%1': %2").arg(m_phase, m_abortReason);
    for (const QString &line : summaryLines())
        lines << QStringLiteral("  ") + line;
    if (m_process.isAttached() && m_serverCpuStart && m_serverCpuEnd)
        lines << QStringLiteral("  server pid %1: CPU %2 s over the run, RSS %3 → %4 kB")
                     .arg(m_process.pid())
                     .arg(*m_serverCpuEnd - *m_serverCpuStart, 0, 'f', 2)
                     .arg(m_serverRssStart.value_or(-1))
                     .arg(m_serverRssEnd.value_or(-1));
    lines << QStringLiteral("  benchmark CPU %1 s; rooms created %2, deleted %3")
                 .arg((m_selfCpuEnd ? m_selfCpuEnd : ProcessProbe::selfCpuSeconds()) - m_selfCpuStart, 0, 'f',
                      2)
                 .arg(m_createdRooms.size())
                 .arg(m_roomsDeleted);
    lines << QStringLiteral("  failures: %1").arg(m_failures);
    for (const QString &note : m_failureNotes)
        lines << QStringLiteral("    - ") + note;
    return lines.join(QLatin1Char('\n'));
}

} // namespace chat::bench
