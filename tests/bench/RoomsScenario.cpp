#include "RoomsScenario.h"

#include "Clock.h"
#include "model/Room.h"

namespace chat::bench {

void RoomsScenario::run()
{
    openControl([this]() { fill(); });
}

void RoomsScenario::fill()
{
    setPhase(QStringLiteral("fill"));
    m_filling = true;
    // room_created goes to every connection; the benchmark expects to be alone on the server.
    connect(control(), &BenchClient::frameReceived, this,
            [this](BenchClient *, ResultName name, const QString &text, qint64 receivedNs) {
                // After an abort, rooms whose create_room was in flight are still recorded for cleanup.
                if (name != ResultName::RoomCreated || m_created + m_fillErrors >= m_sent)
                    return;
                const auto statement = ServerStatement::parse(text.toUtf8());
                const auto room = statement ? Room::fromJson(statement->object()) : std::nullopt;
                if (!room)
                    return;
                trackRoom(room->uuid);
                ++m_created;
                if (!m_filling)
                    return;
                m_fillEndNs = receivedNs;
                sendNext();
            });
    connect(control(), &BenchClient::errorReceived, this, [this]() {
        if (!m_filling)
            return;
        ++m_fillErrors;
        sendNext();
    });
    m_fillStartNs = Clock::nowNs();
    for (int i = 0; i < options().window && m_sent < options().rooms; ++i)
        sendNext();
}

void RoomsScenario::sendNext()
{
    if (m_created + m_fillErrors >= options().rooms) {
        fillDone();
        return;
    }
    if (m_sent >= options().rooms)
        return;
    ++m_sent;
    requestRoom();
}

void RoomsScenario::fillDone()
{
    if (!m_filling)
        return;
    m_filling = false;
    setPhase(QStringLiteral("measure"));
    runProbes(
        options().repeat, [this](BenchClient *client, std::function<void()> next) { measure(client, next); },
        [this]() { complete(); });
}

void RoomsScenario::measure(BenchClient *client, std::function<void()> next)
{
    // Ready means rooms_listed arrived: the client's own timestamps hold the figures.
    m_openToListed.add(Clock::msBetween(client->openedNs(), client->readyNs()));
    m_connectedToListed.add(Clock::msBetween(client->connectedNs(), client->readyNs()));
    // The list itself: ask again, so that its size can be checked without timing the parse.
    client->expect(ResultName::RoomsListed, [this, client, next](const ServerStatement &statement, qint64) {
        m_listedCount = statement.list().size();
        m_listedChars = client->lastFrameChars();
        if (m_listedCount < m_created)
            addFailure(QStringLiteral("rooms_listed had %1 rooms, %2 were created")
                           .arg(m_listedCount)
                           .arg(m_created));
        next();
    });
    client->send(CallName::ListRooms);
}

QJsonObject RoomsScenario::parameters() const
{
    return QJsonObject {{QStringLiteral("rooms"), options().rooms},
                        {QStringLiteral("window"), options().window},
                        {QStringLiteral("repeat"), options().repeat}};
}

QJsonObject RoomsScenario::figures() const
{
    const double fillS = m_fillEndNs > m_fillStartNs ? Clock::secondsBetween(m_fillStartNs, m_fillEndNs) : 0;
    return QJsonObject {
        {QStringLiteral("created"), m_created},
        {QStringLiteral("fill_errors"), m_fillErrors},
        {QStringLiteral("fill_s"), Stats::round3(fillS)},
        {QStringLiteral("fill_rate_rooms_per_s"), Stats::round3(fillS > 0 ? double(m_created) / fillS : 0)},
        {QStringLiteral("open_to_rooms_listed_ms"), m_openToListed.toJson()},
        {QStringLiteral("connected_to_rooms_listed_ms"), m_connectedToListed.toJson()},
        {QStringLiteral("rooms_listed_count"), m_listedCount},
        {QStringLiteral("rooms_listed_chars"), m_listedChars},
    };
}

QStringList RoomsScenario::summaryLines() const
{
    const double fillS = m_fillEndNs > m_fillStartNs ? Clock::secondsBetween(m_fillStartNs, m_fillEndNs) : 0;
    return {
        QStringLiteral("created %1 of %2 rooms in %3 s: %4 rooms/s (%5 in flight)")
            .arg(m_created)
            .arg(options().rooms)
            .arg(fillS, 0, 'f', 3)
            .arg(fillS > 0 ? double(m_created) / fillS : 0, 0, 'f', 0)
            .arg(options().window),
        QStringLiteral("open → rooms_listed (%1 rooms, %2 chars): ").arg(m_listedCount).arg(m_listedChars)
            + m_openToListed.describe(),
        QStringLiteral("connected → rooms_listed: ") + m_connectedToListed.describe(),
    };
}

} // namespace chat::bench
