#include "FanoutScenario.h"

#include "BodyCodec.h"
#include "Clock.h"
#include "model/Message.h"
#include "model/Room.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace chat::bench {
FanoutScenario::FanoutScenario(const BenchOptions &options, QObject *parent)
    : Scenario(options, parent)
    , m_run(QRandomGenerator::global()->generate())
    , m_senderCount(options.rooms * options.sendersPerRoom)
    , m_joins(*this, [this]() { return m_frames; })
{
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &FanoutScenario::tick);
    m_sendWindow.setSingleShot(true);
    m_sendWindow.setTimerType(Qt::PreciseTimer);
    connect(&m_sendWindow, &QTimer::timeout, this, &FanoutScenario::stopSending);
    m_drainDeadline.setSingleShot(true);
    connect(&m_drainDeadline, &QTimer::timeout, this, &FanoutScenario::endMeasurement);
}

void FanoutScenario::run()
{
    m_window.setupStarted();
    openControl([this]() { createRooms(); });
}

void FanoutScenario::createRooms()
{
    setPhase(QStringLiteral("create rooms"));
    const int rooms = options().rooms;
    for (int i = 0; i < rooms; ++i) {
        control()->expect(ResultName::RoomCreated, [this, rooms](const ServerStatement &statement, qint64) {
            const auto room = Room::fromJson(statement.object());
            if (!room) {
                addFailure(QStringLiteral("room_created without a room"));
                return;
            }
            m_rooms.append(room->uuid);
            trackRoom(room->uuid);
            if (m_rooms.size() == rooms && !isCleaning())
                joinMembers();
        });
        requestRoom();
    }
}

void FanoutScenario::joinMembers()
{
    setPhase(QStringLiteral("join"));
    const int rooms = options().rooms;
    const int total = rooms * options().perRoom;
    m_members.resize(std::size_t(total));
    m_joins.expect(total, [this]() { startSending(); });
    m_joinedPerRoom.assign(std::size_t(rooms), 0);
    m_senders.resize(std::size_t(m_senderCount));
    for (int s = 0; s < m_senderCount; ++s)
        m_senders[std::size_t(s)].member = s; // member m < rooms × senders is sender m, in room m % rooms

    m_connector = new Connector(options().concurrency, this);
    connect(m_connector, &Connector::settled, this, [this](BenchClient *client, bool ready) {
        const int index = client->id() - m_firstMemberId;
        if (!ready) {
            m_joins.failed();
            return;
        }
        const Member &member = m_members[std::size_t(index)];
        client->expect(ResultName::DrawingGot,
                       [this, index](const ServerStatement &, qint64) { onJoined(index); });
        client->send(CallName::EnterRoom,
                     QJsonObject {{QString::fromUtf16(key::uuid), m_rooms.at(member.room)}});
    });

    for (int m = 0; m < total; ++m) {
        BenchClient *client = createClient();
        if (m == 0)
            m_firstMemberId = client->id();
        Member &member = m_members[std::size_t(m)];
        member.client = client;
        member.room = m % rooms;
        const auto sendersHere = std::size_t(options().sendersPerRoom);
        member.receipts.resize(sendersHere);
        member.distinct.assign(sendersHere, 0);
        member.lastSequence.assign(sendersHere, -1);
        connect(client, &BenchClient::frameReceived, this, &FanoutScenario::onFrame);
        connect(client, &BenchClient::failed, this, [this, m]() {
            // A member that fails after joining can no longer receive: its losses are counted at the end.
            if (!m_members[std::size_t(m)].joined && m_members[std::size_t(m)].client->readyNs() != 0) {
                m_joins.failed();
            }
        });
        m_connector->add(client);
    }
}

void FanoutScenario::onJoined(int index)
{
    Member &member = m_members[std::size_t(index)];
    if (member.joined)
        return;
    member.joined = true;
    ++m_joinedPerRoom[std::size_t(member.room)];
    m_joins.joined();
}

void FanoutScenario::startSending()
{
    setPhase(QStringLiteral("send"));
    m_window.open(probe(), m_frames);
    m_sending = true;
    m_measuring = true;
    m_sendWindow.start(int(std::lround(options().durationS * 1000)));
    if (options().rate > 0) {
        m_tick.start(std::clamp(int(1000.0 / options().rate), 1, 10));
        tick();
    } else {
        for (int s = 0; s < m_senderCount; ++s)
            sendFrom(s);
    }
}

void FanoutScenario::tick()
{
    if (!m_sending)
        return;
    const double elapsedS = Clock::secondsBetween(m_window.sendStartNs(), Clock::nowNs());
    const auto due = qint64(std::floor(elapsedS * options().rate)) + 1;
    int attempts = 0;
    while (m_sent < due && attempts < m_senderCount * 2 + 1) {
        const int sender = int(m_nextSender++ % m_senderCount);
        const Member &member = m_members[std::size_t(m_senders[std::size_t(sender)].member)];
        if (member.joined && member.client->isReady()) {
            sendFrom(sender);
            attempts = 0;
        } else {
            ++attempts; // skip senders that could not join
        }
    }
}

void FanoutScenario::sendFrom(int sender)
{
    Sender &state = m_senders[std::size_t(sender)];
    const Member &member = m_members[std::size_t(state.member)];
    if (!member.joined || !member.client->isReady())
        return;
    BenchBody body;
    body.run = m_run;
    body.sender = sender;
    body.sequence = state.sent;
    body.sentNs = Clock::nowNs();
    member.client->send(
        CallName::CreateMessage,
        QJsonObject {{QString::fromUtf16(key::body), BodyCodec::encode(body, options().bodyChars)}});
    ++state.sent;
    ++m_sent;
}

void FanoutScenario::stopSending()
{
    if (!m_sending)
        return;
    m_sending = false;
    m_tick.stop();
    m_window.sendingStopped();
    m_expected = expectedDeliveries();
    setPhase(QStringLiteral("drain"));
    m_drainDeadline.start(int(std::lround(options().drainS * 1000)));
    checkDrained();
}

qint64 FanoutScenario::expectedDeliveries() const
{
    qint64 expected = 0;
    for (const Sender &sender : m_senders)
        expected += sender.sent * m_joinedPerRoom[std::size_t(m_members[std::size_t(sender.member)].room)];
    return expected;
}

void FanoutScenario::onFrame(BenchClient *client, ResultName name, const QString &text, qint64 receivedNs)
{
    ++m_frames;
    if (name != ResultName::MessageCreated || !m_measuring)
        return;
    ++m_messageFrames;
    const auto statement = ServerStatement::parse(text.toUtf8());
    const auto message = statement ? Message::fromJson(statement->object()) : std::nullopt;
    const auto body = message ? BodyCodec::decode(message->body) : std::nullopt;
    if (!body || body->run != m_run || body->sender < 0 || body->sender >= m_senderCount
        || body->sequence < 0)
        return; // somebody else's message
    const int index = client->id() - m_firstMemberId;
    if (index < 0 || index >= int(m_members.size()))
        return;
    Member &member = m_members[std::size_t(index)];
    const int rooms = options().rooms;
    if (body->sender % rooms != member.room) {
        ++m_misrouted;
        return;
    }
    const auto local = std::size_t(body->sender / rooms);
    std::vector<quint8> &receipts = member.receipts[local];
    const auto sequence = std::size_t(body->sequence);
    if (sequence >= receipts.size())
        receipts.resize(std::max(sequence + 1, receipts.size() * 2), 0);
    quint8 &count = receipts[sequence];
    if (count < 255)
        ++count;
    if (count > 1) {
        ++m_duplicated;
        return;
    }
    ++m_delivered;
    ++member.distinct[local];
    if (body->sequence < member.lastSequence[local])
        ++m_reordered;
    member.lastSequence[local] = std::max(member.lastSequence[local], body->sequence);
    m_window.delivered(receivedNs);
    m_latency.add(Clock::msBetween(body->sentNs, receivedNs));

    // Closed loop: the sender's own copy releases its next message.
    if (options().rate <= 0 && m_sending && index == m_senders[std::size_t(body->sender)].member)
        sendFrom(body->sender);
    if (!m_sending)
        checkDrained();
}

void FanoutScenario::checkDrained()
{
    if (!m_sending && m_measuring && m_delivered >= m_expected)
        endMeasurement();
}

void FanoutScenario::endMeasurement()
{
    if (m_ended)
        return;
    m_ended = true;
    m_measuring = false;
    m_sending = false;
    m_tick.stop();
    m_sendWindow.stop();
    m_drainDeadline.stop();
    m_window.close(probe(), m_frames);
    if (m_expected == 0)
        m_expected = expectedDeliveries();

    for (const Member &member : m_members) {
        if (!member.joined)
            continue;
        for (std::size_t local = 0; local < member.distinct.size(); ++local) {
            const int sender = int(local) * options().rooms + member.room;
            if (sender < m_senderCount)
                m_lost += std::max<qint64>(0, m_senders[std::size_t(sender)].sent - member.distinct[local]);
        }
    }
    if (isAborted() && m_ended) {
        // Cut short: what was still in flight is not known to be lost.
        m_undeliveredAtAbort = m_lost;
        m_lost = 0;
    }
    addFailures(m_lost, QStringLiteral("message not delivered to a member"));
    addFailures(m_duplicated, QStringLiteral("message delivered twice to a member"));
    addFailures(m_reordered, QStringLiteral("message from one sender out of order at a member"));
    addFailures(m_misrouted, QStringLiteral("message delivered to a member of another room"));
    if (m_sent == 0)
        addFailure(QStringLiteral("no message was sent"));
    complete();
}

void FanoutScenario::stopMeasuring()
{
    if (m_connector)
        m_connector->stop();
    m_joins.stop();
    if (m_measuring)
        endMeasurement();
}

QJsonObject FanoutScenario::parameters() const
{
    return QJsonObject {
        {QStringLiteral("rooms"), options().rooms},
        {QStringLiteral("per_room"), options().perRoom},
        {QStringLiteral("senders_per_room"), options().sendersPerRoom},
        {QStringLiteral("rate"), options().rate},
        {QStringLiteral("closed_loop"), options().rate <= 0},
        {QStringLiteral("duration_s"), options().durationS},
        {QStringLiteral("drain_s"), options().drainS},
        {QStringLiteral("body_chars"), options().bodyChars},
        {QStringLiteral("concurrency"), options().concurrency},
    };
}

QJsonObject FanoutScenario::figures() const
{
    const double windowS = m_window.seconds();
    const double sendS = m_window.sendSeconds();
    const quint64 frames = m_window.frames(m_frames);
    QJsonObject json {
        {QStringLiteral("members_joined"), m_joins.joinedCount()},
        {QStringLiteral("members_failed"), m_joins.failedCount()},
        {QStringLiteral("messages_sent"), m_sent},
        {QStringLiteral("send_rate_achieved"), Stats::round3(sendS > 0 ? double(m_sent) / sendS : 0)},
        {QStringLiteral("expected_deliveries"), m_ended ? m_expected : expectedDeliveries()},
        {QStringLiteral("delivered"), m_delivered},
        {QStringLiteral("lost"), m_lost},
        {QStringLiteral("undelivered_at_abort"), m_undeliveredAtAbort},
        {QStringLiteral("duplicated"), m_duplicated},
        {QStringLiteral("reordered"), m_reordered},
        {QStringLiteral("misrouted"), m_misrouted},
        {QStringLiteral("delivered_per_s"), Stats::round3(windowS > 0 ? double(m_delivered) / windowS : 0)},
        {QStringLiteral("frames_per_s"), Stats::round3(windowS > 0 ? double(frames) / windowS : 0)},
        {QStringLiteral("latency_ms"), m_latency.toJson()},
    };
    m_window.addFigures(json, m_frames);
    if (probe().isAttached()) {
        const std::optional<double> cpu = m_window.serverCpuSeconds();
        std::optional<double> perMessage;
        if (cpu) {
            if (m_sent > 0)
                perMessage = *cpu * 1000.0 / double(m_sent);
        }
        json.insert(QStringLiteral("server_cpu_s"), optionalNumber(cpu));
        json.insert(QStringLiteral("server_cpu_ms_per_message"), optionalNumber(perMessage));
    }
    return json;
}

QStringList FanoutScenario::summaryLines() const
{
    const QJsonObject f = figures();
    QStringList lines;
    lines << QStringLiteral(
                 "%1 rooms × %2 members (%3 joined, %4 failed), %5 sender(s) per room, %6, setup %7 s")
                 .arg(options().rooms)
                 .arg(options().perRoom)
                 .arg(m_joins.joinedCount())
                 .arg(m_joins.failedCount())
                 .arg(options().sendersPerRoom)
                 .arg(options().rate > 0
                          ? QStringLiteral("%1 msg/s for %2 s").arg(options().rate).arg(options().durationS)
                          : QStringLiteral("closed loop for %1 s").arg(options().durationS))
                 .arg(f.value(QStringLiteral("setup_s")).toDouble(), 0, 'f', 2);
    lines << QStringLiteral("sent %1 messages (%2 msg/s); delivered %3 of %4 (%5/s), lost %6, duplicated %7, "
                            "reordered %8")
                 .arg(m_sent)
                 .arg(f.value(QStringLiteral("send_rate_achieved")).toDouble(), 0, 'f', 1)
                 .arg(m_delivered)
                 .arg(f.value(QStringLiteral("expected_deliveries")).toInteger())
                 .arg(f.value(QStringLiteral("delivered_per_s")).toDouble(), 0, 'f', 0)
                 .arg(m_lost)
                 .arg(m_duplicated)
                 .arg(m_reordered);
    lines << QStringLiteral("frames received %1 (%2/s, room_changed included)")
                 .arg(f.value(QStringLiteral("frames_received")).toInteger())
                 .arg(f.value(QStringLiteral("frames_per_s")).toDouble(), 0, 'f', 0);
    lines << QStringLiteral("latency send → message_created at each member: ") + m_latency.describe();
    lines << QStringLiteral("benchmark CPU while measuring: %1 s of %2 s")
                 .arg(f.value(QStringLiteral("bench_cpu_s_measuring")).toDouble(), 0, 'f', 2)
                 .arg(f.value(QStringLiteral("measure_s")).toDouble(), 0, 'f', 2);
    if (f.contains(QStringLiteral("server_cpu_ms_per_message"))
        && !f.value(QStringLiteral("server_cpu_s")).isNull())
        lines << QStringLiteral("server CPU %1 s while measuring: %2 ms per message")
                     .arg(f.value(QStringLiteral("server_cpu_s")).toDouble(), 0, 'f', 2)
                     .arg(f.value(QStringLiteral("server_cpu_ms_per_message")).toDouble(), 0, 'f', 3);
    return lines;
}

} // namespace chat::bench
