#include "LiveScenario.h"

#include "Clock.h"
#include "model/Room.h"

#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace chat::bench {
namespace {
constexpr double boardWidth = 640;
constexpr double boardHeight = 480;
const QString penColor = QStringLiteral("#2b347e");
const QString penTool = QStringLiteral("pen");

QString keyOf(const char16_t *name)
{
    return QString::fromUtf16(name);
}

} // namespace

LiveScenario::LiveScenario(const BenchOptions &options, QObject *parent)
    : Scenario(options, parent)
    , m_joins(*this, [this]() { return m_frames; })
{
    m_sendWindow.setSingleShot(true);
    m_sendWindow.setTimerType(Qt::PreciseTimer);
    connect(&m_sendWindow, &QTimer::timeout, this, &LiveScenario::stopDrawing);
    m_drainDeadline.setSingleShot(true);
    connect(&m_drainDeadline, &QTimer::timeout, this, &LiveScenario::endMeasurement);
}

LiveScenario::~LiveScenario() = default;

void LiveScenario::run()
{
    m_window.setupStarted();
    openControl([this]() { createRoom(); });
}

void LiveScenario::createRoom()
{
    // The control client creates the room but stays outside: only the --per-room members see the strokes.
    setPhase(QStringLiteral("create room"));
    control()->expect(ResultName::RoomCreated, [this](const ServerStatement &statement, qint64) {
        const auto room = Room::fromJson(statement.object());
        if (!room) {
            addFailure(QStringLiteral("room_created without a room"));
            complete();
            return;
        }
        m_room = room->uuid;
        trackRoom(room->uuid);
        if (!isCleaning())
            joinMembers();
    });
    requestRoom();
}

void LiveScenario::joinMembers()
{
    setPhase(QStringLiteral("join"));
    const int total = options().perRoom;
    m_members.resize(std::size_t(total));
    m_joins.expect(total, [this]() { startDrawing(); });

    m_connector = new Connector(options().concurrency, this);
    connect(m_connector, &Connector::settled, this, [this](BenchClient *client, bool ready) {
        const int index = client->id() - m_firstMemberId;
        if (!ready) {
            m_joins.failed();
            return;
        }
        if (!m_negotiationChecked) {
            m_negotiationChecked = true;
            if (client->negotiatedSubprotocol() != options().subprotocol)
                addFailure(QStringLiteral("the server did not negotiate %1 (got '%2'): no live strokes")
                               .arg(options().subprotocol, client->negotiatedSubprotocol()));
        }
        client->expect(ResultName::DrawingGot,
                       [this, index](const ServerStatement &, qint64) { onJoined(index); });
        client->send(CallName::EnterRoom, QJsonObject {{keyOf(key::uuid), m_room}});
    });

    for (int m = 0; m < total; ++m) {
        BenchClient *client = createClient();
        if (m == 0)
            m_firstMemberId = client->id();
        m_members[std::size_t(m)].client = client;
        connect(client, &BenchClient::frameReceived, this, &LiveScenario::onFrame);
        connect(client, &BenchClient::failed, this, [this, m]() {
            // A member that fails after joining can no longer receive: its losses are counted at the end.
            const Member &member = m_members[std::size_t(m)];
            if (!member.joined && member.client->readyNs() != 0) {
                m_joins.failed();
            }
        });
        m_connector->add(client);
    }
}

void LiveScenario::onJoined(int index)
{
    Member &member = m_members[std::size_t(index)];
    if (member.joined)
        return;
    member.joined = true;
    m_joins.joined();
}

void LiveScenario::startDrawing()
{
    setPhase(QStringLiteral("draw"));
    // The first --drawers members that joined draw.
    QRandomGenerator *random = QRandomGenerator::global();
    for (int m = 0; m < int(m_members.size()) && int(m_drawers.size()) < options().drawers; ++m) {
        if (!m_members[std::size_t(m)].joined)
            continue;
        Drawer drawer;
        drawer.member = m;
        drawer.timer = std::make_unique<QTimer>();
        drawer.timer->setTimerType(Qt::PreciseTimer);
        drawer.timer->setInterval(options().intervalMs);
        drawer.x = random->bounded(boardWidth);
        drawer.y = random->bounded(boardHeight);
        drawer.heading = random->bounded(2 * M_PI);
        m_drawers.push_back(std::move(drawer));
    }
    if (m_drawers.empty()) {
        addFailure(QStringLiteral("no member joined the room: nobody can draw"));
        endMeasurement();
        return;
    }
    if (int(m_drawers.size()) < options().drawers)
        addFailure(
            QStringLiteral("only %1 of %2 drawers joined").arg(m_drawers.size()).arg(options().drawers));

    m_window.open(probe(), m_frames);
    m_sending = true;
    m_measuring = true;
    m_sendWindow.start(int(std::lround(options().durationS * 1000)));
    // The drawers' ticks are spread over one interval, as people's would be.
    const int count = int(m_drawers.size());
    for (int d = 0; d < count; ++d) {
        QTimer *timer = m_drawers[std::size_t(d)].timer.get();
        connect(timer, &QTimer::timeout, this, [this, d]() { tick(d); });
        const int offset = options().intervalMs * d / count;
        QTimer::singleShot(offset, Qt::PreciseTimer, timer, [this, timer, d]() {
            if (!m_sending)
                return;
            timer->start();
            tick(d);
        });
    }
}

void LiveScenario::tick(int index)
{
    if (!m_sending)
        return;
    Drawer &drawer = m_drawers[std::size_t(index)];
    const Member &member = m_members[std::size_t(drawer.member)];
    if (!member.client->isReady())
        return;
    const qint64 now = Clock::nowNs();
    if (drawer.stroke < 0) {
        // Pen down: a new stroke, with the uuid its change_draw_line will carry.
        Stroke stroke;
        stroke.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stroke.drawer = index;
        drawer.stroke = int(m_strokes.size());
        m_strokeByUuid.insert(stroke.uuid, drawer.stroke);
        m_strokes.push_back(std::move(stroke));
        drawer.points = QJsonArray();
        drawer.strokeStartNs = now;
    }

    // The points a mouse reports in one interval (a pointer event every ~10 ms): 2–4 of them, ~4 px apart
    // (about 400 px/s), on a path that turns a little at each point and bounces off the board's edges.
    QRandomGenerator *random = QRandomGenerator::global();
    const int count = 2 + int(random->bounded(3));
    QJsonArray fresh;
    for (int i = 0; i < count; ++i) {
        drawer.heading += (random->generateDouble() - 0.5) * 0.6;
        const double step = 3 + 2 * random->generateDouble();
        double x = drawer.x + step * std::cos(drawer.heading);
        double y = drawer.y + step * std::sin(drawer.heading);
        if (x < 0 || x >= boardWidth) {
            drawer.heading = M_PI - drawer.heading;
            x = std::clamp(x, 0.0, boardWidth - 1);
        }
        if (y < 0 || y >= boardHeight) {
            drawer.heading = -drawer.heading;
            y = std::clamp(y, 0.0, boardHeight - 1);
        }
        drawer.x = x;
        drawer.y = y;
        fresh.append(int(std::lround(x)));
        fresh.append(int(std::lround(y)));
    }
    sendPreview(drawer, fresh, false);
    if (Clock::msBetween(drawer.strokeStartNs, now) >= options().strokeMs)
        liftPen(drawer);
}

void LiveScenario::sendPreview(Drawer &drawer, const QJsonArray &points, bool end)
{
    BenchClient *client = m_members[std::size_t(drawer.member)].client;
    Stroke &stroke = m_strokes[std::size_t(drawer.stroke)];
    Preview preview;
    preview.from = int(drawer.points.size());
    preview.numbers = int(points.size());
    preview.end = end;
    preview.receivedBy.assign(m_members.size(), false);
    for (const QJsonValue &value : points)
        drawer.points.append(value);
    // docs/EXTENSIONS.md "Live strokes": only the new numbers, `from` = their index in the whole stroke.
    const QJsonObject fields {
        {keyOf(key::uuid), stroke.uuid}, {keyOf(key::from), preview.from}, {keyOf(key::points), points},
        {keyOf(key::tool), penTool},     {keyOf(key::color), penColor},    {keyOf(key::end), end},
    };
    preview.sentNs = Clock::nowNs();
    if (!end && drawer.lastSendNs != 0)
        m_sendInterval.add(Clock::msBetween(drawer.lastSendNs, preview.sentNs));
    if (!end)
        drawer.lastSendNs = preview.sentNs;
    stroke.previews.push_back(int(m_previews.size()));
    m_previews.push_back(std::move(preview));
    ++drawer.previewsSent;
    client->send(CallName::DrawLive, fields);
}

void LiveScenario::liftPen(Drawer &drawer)
{
    if (drawer.stroke < 0)
        return;
    BenchClient *client = m_members[std::size_t(drawer.member)].client;
    // The ordinary line first, then the end of the preview (docs/EXTENSIONS.md "Live strokes").
    if (!drawer.points.isEmpty() && client->isReady()) {
        client->send(CallName::ChangeDrawLine,
                     QJsonObject {{keyOf(key::uuid), m_strokes[std::size_t(drawer.stroke)].uuid},
                                  {keyOf(key::points), drawer.points},
                                  {keyOf(key::color), penColor},
                                  {keyOf(key::tool), penTool}});
        ++m_linesSent;
        sendPreview(drawer, QJsonArray(), true);
    }
    drawer.stroke = -1;
    drawer.points = QJsonArray();
}

void LiveScenario::stopDrawing()
{
    if (!m_sending)
        return;
    // Every stroke in progress is finished as a person would: the pen is lifted.
    for (Drawer &drawer : m_drawers)
        liftPen(drawer);
    m_sending = false;
    for (Drawer &drawer : m_drawers)
        drawer.timer->stop();
    m_window.sendingStopped();
    m_expected = expectedDeliveries();
    setPhase(QStringLiteral("drain"));
    m_drainDeadline.start(int(std::lround(options().drainS * 1000)));
    checkDrained();
}

qint64 LiveScenario::expectedDeliveries() const
{
    // Each preview to every other member that joined (its author joined: only members that joined draw).
    return qint64(m_previews.size()) * std::max(0, m_joins.joinedCount() - 1);
}

void LiveScenario::onFrame(BenchClient *client, ResultName name, const QString &text, qint64 receivedNs)
{
    ++m_frames;
    if (!m_measuring)
        return;
    if (name == ResultName::DrawLineChanged) {
        ++m_lineFrames;
        return;
    }
    if (name != ResultName::LiveLineChanged)
        return;
    const int index = client->id() - m_firstMemberId;
    if (index < 0 || index >= int(m_members.size()))
        return;
    onPreview(index, text, receivedNs);
    if (!m_sending)
        checkDrained();
}

void LiveScenario::onPreview(int memberIndex, const QString &text, qint64 receivedNs)
{
    const auto statement = ServerStatement::parse(text.toUtf8());
    if (!statement) {
        ++m_unknown;
        return;
    }
    const QJsonObject object = statement->object();
    const auto stroke = m_strokeByUuid.constFind(object.value(keyOf(key::uuid)).toString());
    const QJsonValue fromValue = object.value(keyOf(key::from));
    if (stroke == m_strokeByUuid.constEnd() || !fromValue.isDouble()) {
        ++m_unknown;
        return;
    }
    const int strokeIndex = *stroke;
    const int from = fromValue.toInt(-1);
    const bool end = object.value(keyOf(key::end)).toBool(false);
    const Stroke &strokeData = m_strokes[std::size_t(strokeIndex)];
    // `from` grows with every preview of a stroke (each adds numbers; the end comes last, at the total).
    const auto found = std::lower_bound(
        strokeData.previews.begin(), strokeData.previews.end(), from,
        [this](int previewIndex, int value) { return m_previews[std::size_t(previewIndex)].from < value; });
    if (found == strokeData.previews.end() || m_previews[std::size_t(*found)].from != from
        || m_previews[std::size_t(*found)].end != end) {
        ++m_unknown;
        return;
    }
    Preview &preview = m_previews[std::size_t(*found)];
    const Drawer &author = m_drawers[std::size_t(strokeData.drawer)];
    if (author.member == memberIndex) {
        ++m_echoed;
        return;
    }
    if (preview.receivedBy[std::size_t(memberIndex)]) {
        ++m_duplicated;
        return;
    }
    preview.receivedBy[std::size_t(memberIndex)] = true;
    ++preview.receipts;
    ++m_delivered;
    m_window.delivered(receivedNs);
    const double latencyMs = Clock::msBetween(preview.sentNs, receivedNs);
    m_latency.add(latencyMs);
    if (const auto nodes = options().urls.size(); nodes > 1) {
        // Clients are spread over the nodes in turn by their id (Scenario::createClient).
        const bool sameNode = m_members[std::size_t(memberIndex)].client->id() % nodes
            == m_members[std::size_t(author.member)].client->id() % nodes;
        (sameNode ? m_latencySameNode : m_latencyOtherNode).add(latencyMs);
    }

    if (object.value(keyOf(key::points)).toArray().size() != preview.numbers
        || object.value(keyOf(key::user)).toString()
            != m_members[std::size_t(author.member)].client->user().uuid
        || object.value(keyOf(key::tool)).toString() != penTool
        || object.value(keyOf(key::color)).toString().compare(penColor, Qt::CaseInsensitive) != 0)
        ++m_mismatched;

    // Previews of one stroke reach every recipient in the order they were sent.
    std::vector<int> &lastFrom = m_members[std::size_t(memberIndex)].lastFrom;
    if (lastFrom.size() <= std::size_t(strokeIndex))
        lastFrom.resize(std::size_t(strokeIndex) + 1, -1);
    if (from < lastFrom[std::size_t(strokeIndex)])
        ++m_reordered;
    lastFrom[std::size_t(strokeIndex)] = std::max(lastFrom[std::size_t(strokeIndex)], from);
}

void LiveScenario::checkDrained()
{
    if (!m_sending && m_measuring && m_delivered >= m_expected)
        endMeasurement();
}

void LiveScenario::endMeasurement()
{
    if (m_ended)
        return;
    m_ended = true;
    m_measuring = false;
    m_sending = false;
    for (Drawer &drawer : m_drawers)
        drawer.timer->stop();
    m_sendWindow.stop();
    m_drainDeadline.stop();
    m_window.close(probe(), m_frames);
    m_expected = expectedDeliveries();
    m_lost = std::max<qint64>(0, m_expected - m_delivered);
    if (isAborted()) {
        // Cut short: what was still in flight is not known to be lost.
        m_undeliveredAtAbort = m_lost;
        m_lost = 0;
    }
    addFailures(m_lost, QStringLiteral("preview not delivered to a member"));
    addFailures(m_duplicated, QStringLiteral("preview delivered twice to a member"));
    addFailures(m_reordered, QStringLiteral("preview of a stroke out of order at a member"));
    addFailures(m_echoed, QStringLiteral("preview sent back to its author"));
    addFailures(m_mismatched, QStringLiteral("preview with other points, author, tool or colour than sent"));
    addFailures(m_unknown, QStringLiteral("live_line_changed that matches no preview sent"));
    if (m_previews.empty() && !isAborted())
        addFailure(QStringLiteral("no preview was sent"));
    complete();
}

void LiveScenario::stopMeasuring()
{
    if (m_connector)
        m_connector->stop();
    m_joins.stop();
    if (m_measuring)
        endMeasurement();
}

QJsonObject LiveScenario::parameters() const
{
    return QJsonObject {
        {QStringLiteral("per_room"), options().perRoom},
        {QStringLiteral("drawers"), options().drawers},
        {QStringLiteral("interval_ms"), options().intervalMs},
        {QStringLiteral("stroke_ms"), options().strokeMs},
        {QStringLiteral("duration_s"), options().durationS},
        {QStringLiteral("drain_s"), options().drainS},
        {QStringLiteral("concurrency"), options().concurrency},
        {QStringLiteral("subprotocol"), options().subprotocol},
    };
}

QJsonObject LiveScenario::figures() const
{
    const double windowS = m_window.seconds();
    const double sendS = m_window.sendSeconds();
    const auto sent = qint64(m_previews.size());
    qint64 ends = 0;
    for (const Preview &preview : m_previews)
        ends += preview.end ? 1 : 0;
    QJsonObject json {
        {QStringLiteral("members_joined"), m_joins.joinedCount()},
        {QStringLiteral("members_failed"), m_joins.failedCount()},
        {QStringLiteral("drawers_drawing"), int(m_drawers.size())},
        {QStringLiteral("previews_sent"), sent},
        {QStringLiteral("previews_end"), ends},
        {QStringLiteral("strokes"), qint64(m_strokes.size())},
        {QStringLiteral("lines_sent"), m_linesSent},
        {QStringLiteral("previews_per_s_per_drawer"),
         Stats::round3(sendS > 0 && !m_drawers.empty() ? double(sent) / sendS / double(m_drawers.size())
                                                       : 0)},
        {QStringLiteral("send_interval_ms"), m_sendInterval.toJson()},
        {QStringLiteral("expected_deliveries"), m_ended ? m_expected : expectedDeliveries()},
        {QStringLiteral("delivered"), m_delivered},
        {QStringLiteral("lost"), m_lost},
        {QStringLiteral("undelivered_at_abort"), m_undeliveredAtAbort},
        {QStringLiteral("duplicated"), m_duplicated},
        {QStringLiteral("reordered"), m_reordered},
        {QStringLiteral("echoed"), m_echoed},
        {QStringLiteral("mismatched"), m_mismatched},
        {QStringLiteral("unknown"), m_unknown},
        {QStringLiteral("line_frames"), m_lineFrames},
        {QStringLiteral("delivered_per_s"), Stats::round3(windowS > 0 ? double(m_delivered) / windowS : 0)},
        {QStringLiteral("latency_ms"), m_latency.toJson()},
    };
    if (options().urls.size() > 1) {
        json.insert(QStringLiteral("nodes"), int(options().urls.size()));
        json.insert(QStringLiteral("latency_same_node_ms"), m_latencySameNode.toJson());
        json.insert(QStringLiteral("latency_other_node_ms"), m_latencyOtherNode.toJson());
    }
    m_window.addFigures(json, m_frames);
    if (probe().isAttached()) {
        const std::optional<double> cpu = m_window.serverCpuSeconds();
        std::optional<double> perPreview;
        std::optional<double> perFrame;
        if (cpu) {
            if (sent > 0)
                perPreview = *cpu * 1e6 / double(sent);
            if (m_delivered > 0)
                perFrame = *cpu * 1e6 / double(m_delivered);
        }
        json.insert(QStringLiteral("server_cpu_s"), optionalNumber(cpu));
        json.insert(QStringLiteral("server_cpu_us_per_preview"), optionalNumber(perPreview));
        json.insert(QStringLiteral("server_cpu_us_per_delivered_frame"), optionalNumber(perFrame));
    }
    return json;
}

QStringList LiveScenario::summaryLines() const
{
    const QJsonObject f = figures();
    QStringList lines;
    lines << QStringLiteral(
                 "1 room × %1 members (%2 joined, %3 failed), %4 drawing, a draw_live every %5 ms, "
                 "strokes of %6 ms, for %7 s; setup %8 s")
                 .arg(options().perRoom)
                 .arg(m_joins.joinedCount())
                 .arg(m_joins.failedCount())
                 .arg(m_drawers.size())
                 .arg(options().intervalMs)
                 .arg(options().strokeMs)
                 .arg(options().durationS)
                 .arg(f.value(QStringLiteral("setup_s")).toDouble(), 0, 'f', 2);
    lines << QStringLiteral("sent %1 previews (%2 ends; %3/s per drawer) in %4 strokes; delivered %5 of %6 "
                            "(%7/s), lost %8, duplicated %9, reordered %10, echoed %11, mismatched %12, "
                            "unknown %13")
                 .arg(m_previews.size())
                 .arg(f.value(QStringLiteral("previews_end")).toInteger())
                 .arg(f.value(QStringLiteral("previews_per_s_per_drawer")).toDouble(), 0, 'f', 1)
                 .arg(m_strokes.size())
                 .arg(m_delivered)
                 .arg(f.value(QStringLiteral("expected_deliveries")).toInteger())
                 .arg(f.value(QStringLiteral("delivered_per_s")).toDouble(), 0, 'f', 0)
                 .arg(m_lost)
                 .arg(m_duplicated)
                 .arg(m_reordered)
                 .arg(m_echoed)
                 .arg(m_mismatched)
                 .arg(m_unknown);
    lines << QStringLiteral("latency send → live_line_changed at each other member: ") + m_latency.describe();
    if (options().urls.size() > 1) {
        lines << QStringLiteral("  … at members on the author's node: ") + m_latencySameNode.describe();
        lines << QStringLiteral("  … at members on another node: ") + m_latencyOtherNode.describe();
    }
    lines << QStringLiteral("interval between two draw_live of a drawer: ") + m_sendInterval.describe();
    lines << QStringLiteral(
                 "frames received %1 (draw_line_changed %2); benchmark CPU while measuring: %3 s of "
                 "%4 s")
                 .arg(f.value(QStringLiteral("frames_received")).toInteger())
                 .arg(m_lineFrames)
                 .arg(f.value(QStringLiteral("bench_cpu_s_measuring")).toDouble(), 0, 'f', 2)
                 .arg(f.value(QStringLiteral("measure_s")).toDouble(), 0, 'f', 2);
    if (f.contains(QStringLiteral("server_cpu_s")) && !f.value(QStringLiteral("server_cpu_s")).isNull())
        lines << QStringLiteral("server CPU %1 s while measuring: %2 µs per preview update, %3 µs per "
                                "delivered preview frame")
                     .arg(f.value(QStringLiteral("server_cpu_s")).toDouble(), 0, 'f', 2)
                     .arg(f.value(QStringLiteral("server_cpu_us_per_preview")).toDouble(), 0, 'f', 1)
                     .arg(f.value(QStringLiteral("server_cpu_us_per_delivered_frame")).toDouble(), 0, 'f', 2);
    return lines;
}

} // namespace chat::bench
