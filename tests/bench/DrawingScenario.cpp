#include "DrawingScenario.h"

#include "Clock.h"
#include "model/Drawing.h"
#include "model/Line.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace chat::bench {
namespace {

// A random walk on the 640×480 board, as a pen stroke would be.
QJsonArray strokePoints(int points)
{
    QRandomGenerator *random = QRandomGenerator::global();
    QJsonArray array;
    int x = random->bounded(640);
    int y = random->bounded(480);
    for (int i = 0; i < points; ++i) {
        x = std::clamp(x + random->bounded(-6, 7), 0, 639);
        y = std::clamp(y + random->bounded(-6, 7), 0, 479);
        array.append(x);
        array.append(y);
    }
    return array;
}

} // namespace

void DrawingScenario::run()
{
    openControl([this]() {
        createAndEnterRoom([this](const QString &uuid) { m_room = uuid; }, [this]() { fill(); });
    });
}

void DrawingScenario::fill()
{
    setPhase(QStringLiteral("fill"));
    m_filling = true;
    connect(control(), &BenchClient::frameReceived, this,
            [this](BenchClient *, ResultName name, const QString &text, qint64 receivedNs) {
                if (!m_filling || name != ResultName::DrawLineChanged)
                    return;
                const auto statement = ServerStatement::parse(text.toUtf8());
                const auto line = statement ? Line::fromJson(statement->object()) : std::nullopt;
                if (!line || !m_pendingLines.remove(line->uuid))
                    return;
                ++m_acked;
                m_fillEndNs = receivedNs;
                sendNext();
            });
    connect(control(), &BenchClient::errorReceived, this, [this]() {
        if (!m_filling)
            return;
        ++m_fillErrors;
        ++m_acked;
        sendNext();
    });
    m_fillStartNs = Clock::nowNs();
    for (int i = 0; i < options().window && m_sent < options().lines; ++i)
        sendNext();
}

void DrawingScenario::sendNext()
{
    if (m_acked >= options().lines) {
        fillDone();
        return;
    }
    if (m_sent >= options().lines)
        return;
    ++m_sent;
    // A fresh uuid per line, sent exactly once (docs/PROTOCOL.md section 8).
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_pendingLines.insert(uuid);
    const QJsonObject fields {
        {QString::fromUtf16(key::uuid), uuid},
        {QString::fromUtf16(key::points), strokePoints(options().points)},
        {QString::fromUtf16(key::color), QStringLiteral("#2b347e")},
        {QString::fromUtf16(key::tool), QStringLiteral("pen")},
    };
    if (m_lineChars == 0)
        m_lineChars = QJsonDocument(fields).toJson(QJsonDocument::Compact).size();
    control()->send(CallName::ChangeDrawLine, fields);
}

void DrawingScenario::fillDone()
{
    if (!m_filling)
        return;
    m_filling = false;
    setPhase(QStringLiteral("measure"));
    runProbes(
        options().repeat, [this](BenchClient *client, std::function<void()> next) { measure(client, next); },
        [this]() { complete(); });
}

void DrawingScenario::measure(BenchClient *client, std::function<void()> next)
{
    const qint64 enterNs = Clock::nowNs();
    client->expect(
        ResultName::DrawingGot, [this, client, enterNs, next](const ServerStatement &statement, qint64 at) {
            m_enterToDrawing.add(Clock::msBetween(enterNs, at));
            m_drawingChars = client->lastFrameChars();
            const auto drawing = Drawing::fromJson(statement.object());
            m_linesGot = drawing ? drawing->lines.size() : -1;
            if (m_linesGot != m_acked - m_fillErrors)
                addFailure(QStringLiteral("drawing_got had %1 of %2 lines")
                               .arg(m_linesGot)
                               .arg(m_acked - m_fillErrors));
            const qint64 getNs = Clock::nowNs();
            client->expect(
                ResultName::DrawingGot, [this, client, getNs, next](const ServerStatement &, qint64 got) {
                    m_getToDrawing.add(Clock::msBetween(getNs, got));
                    client->expect(ResultName::RoomLeft, [next](const ServerStatement &, qint64) { next(); });
                    client->send(CallName::LeaveRoom);
                });
            client->send(CallName::GetDrawing);
        });
    client->send(CallName::EnterRoom, QJsonObject {{QString::fromUtf16(key::uuid), m_room}});
}

QJsonObject DrawingScenario::parameters() const
{
    return QJsonObject {{QStringLiteral("lines"), options().lines},
                        {QStringLiteral("points"), options().points},
                        {QStringLiteral("window"), options().window},
                        {QStringLiteral("repeat"), options().repeat}};
}

QJsonObject DrawingScenario::figures() const
{
    const double fillS = m_fillEndNs > m_fillStartNs ? Clock::secondsBetween(m_fillStartNs, m_fillEndNs) : 0;
    return QJsonObject {
        {QStringLiteral("filled"), m_acked - m_fillErrors},
        {QStringLiteral("fill_errors"), m_fillErrors},
        {QStringLiteral("fill_s"), Stats::round3(fillS)},
        {QStringLiteral("fill_rate_lines_per_s"),
         Stats::round3(fillS > 0 ? double(m_acked - m_fillErrors) / fillS : 0)},
        {QStringLiteral("line_chars"), m_lineChars},
        {QStringLiteral("enter_to_drawing_got_ms"), m_enterToDrawing.toJson()},
        {QStringLiteral("get_drawing_to_drawing_got_ms"), m_getToDrawing.toJson()},
        {QStringLiteral("drawing_lines_got"), m_linesGot},
        {QStringLiteral("drawing_chars"), m_drawingChars},
    };
}

QStringList DrawingScenario::summaryLines() const
{
    const double fillS = m_fillEndNs > m_fillStartNs ? Clock::secondsBetween(m_fillStartNs, m_fillEndNs) : 0;
    return {
        QStringLiteral("filled %1 of %2 lines × %3 points in %4 s: %5 lines/s (%6 in flight)")
            .arg(m_acked - m_fillErrors)
            .arg(options().lines)
            .arg(options().points)
            .arg(fillS, 0, 'f', 3)
            .arg(fillS > 0 ? double(m_acked - m_fillErrors) / fillS : 0, 0, 'f', 0)
            .arg(options().window),
        QStringLiteral("enter_room → drawing_got (%1 lines, %2 chars): ").arg(m_linesGot).arg(m_drawingChars)
            + m_enterToDrawing.describe(),
        QStringLiteral("get_drawing → drawing_got: ") + m_getToDrawing.describe(),
    };
}

} // namespace chat::bench
