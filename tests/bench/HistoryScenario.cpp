#include "HistoryScenario.h"

#include "BodyCodec.h"
#include "Clock.h"
#include "model/Message.h"
#include "protocol/Limits.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace chat::bench {

HistoryScenario::HistoryScenario(const BenchOptions &options, QObject *parent)
    : Scenario(options, parent)
    , m_run(QRandomGenerator::global()->generate())
{ }

void HistoryScenario::run()
{
    openControl([this]() {
        createAndEnterRoom([this](const QString &uuid) { m_room = uuid; }, [this]() { fill(); });
    });
}

void HistoryScenario::fill()
{
    setPhase(QStringLiteral("fill"));
    m_filling = true;
    connect(control(), &BenchClient::frameReceived, this, &HistoryScenario::onControlFrame);
    connect(control(), &BenchClient::errorReceived, this, [this]() {
        if (!m_filling)
            return;
        ++m_fillErrors; // counted as a failure by Scenario; the call is over all the same
        ++m_acked;
        sendNext();
    });
    m_fillStartNs = Clock::nowNs();
    for (int i = 0; i < options().window && m_sent < options().messages; ++i)
        sendNext();
}

void HistoryScenario::sendNext()
{
    if (m_acked >= options().messages) {
        fillDone();
        return;
    }
    if (m_sent >= options().messages)
        return;
    BenchBody body;
    body.run = m_run;
    body.sender = control()->id();
    body.sequence = m_sent++;
    body.sentNs = Clock::nowNs();
    control()->send(CallName::CreateMessage,
                    QJsonObject {{QString::fromUtf16(key::body), BodyCodec::encode(body)}});
}

void HistoryScenario::onControlFrame(BenchClient *, ResultName name, const QString &text, qint64 receivedNs)
{
    if (!m_filling || name != ResultName::MessageCreated)
        return;
    const auto statement = ServerStatement::parse(text.toUtf8());
    const auto message = statement ? Message::fromJson(statement->object()) : std::nullopt;
    const auto body = message ? BodyCodec::decode(message->body) : std::nullopt;
    if (!body || body->run != m_run)
        return;
    ++m_acked;
    m_fillEndNs = receivedNs;
    sendNext();
}

void HistoryScenario::fillDone()
{
    if (!m_filling)
        return;
    m_filling = false;
    setPhase(QStringLiteral("measure"));
    runProbes(
        options().repeat, [this](BenchClient *client, std::function<void()> next) { measure(client, next); },
        [this]() { complete(); });
}

void HistoryScenario::measure(BenchClient *client, std::function<void()> next)
{
    const qint64 enterNs = Clock::nowNs();
    client->expect(ResultName::MessagesListed,
                   [this, client, enterNs](const ServerStatement &statement, qint64 at) {
                       m_enterToListed.add(Clock::msBetween(enterNs, at));
                       m_listedCount = statement.list().size();
                       m_listedChars = client->lastFrameChars();
                       // With the plain protocol the whole history comes at once, with socketchat.v1 the
                       // newest page.
                       if (client->negotiatedSubprotocol() == extensionSubprotocol())
                           checkNewestPage(statement);
                       else
                           checkWholeHistory();
                   });
    client->expect(ResultName::DrawingGot, [this, client, enterNs, next](const ServerStatement &, qint64 at) {
        m_enterToDrawing.add(Clock::msBetween(enterNs, at));
        client->expect(ResultName::RoomLeft, [next](const ServerStatement &, qint64) { next(); });
        client->send(CallName::LeaveRoom);
    });
    client->send(CallName::EnterRoom, QJsonObject {{QString::fromUtf16(key::uuid), m_room}});
}

void HistoryScenario::checkWholeHistory()
{
    if (m_listedCount != options().messages)
        addFailure(QStringLiteral("messages_listed had %1 of %2 messages")
                       .arg(m_listedCount)
                       .arg(options().messages));
}

void HistoryScenario::checkNewestPage(const ServerStatement &statement)
{
    const qint64 expected = qMin<qint64>(options().messages, limits::historyPage);
    const QJsonValue more = statement.member(key::more);
    m_listedMore = more.isBool() ? QLatin1String(more.toBool() ? "true" : "false") : QLatin1String("missing");
    if (m_listedCount != expected || more != QJsonValue(options().messages > limits::historyPage)) {
        addFailure(QStringLiteral("the page had %1 messages and more %2, not %3 and %4")
                       .arg(m_listedCount)
                       .arg(m_listedMore)
                       .arg(expected)
                       .arg(options().messages > limits::historyPage));
        return;
    }
    // The newest messages of this run, oldest first: the last sequence numbers, in order.
    const QJsonArray list = statement.list();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto message = Message::fromJson(list.at(i).toObject());
        const auto body = message ? BodyCodec::decode(message->body) : std::nullopt;
        const qint64 sequence = options().messages - expected + i;
        if (!body || body->run != m_run || qint64(body->sequence) != sequence) {
            addFailure(QStringLiteral("page message %1 is not message %2 of this run").arg(i).arg(sequence));
            return;
        }
    }
}

QJsonObject HistoryScenario::parameters() const
{
    return QJsonObject {{QStringLiteral("messages"), options().messages},
                        {QStringLiteral("window"), options().window},
                        {QStringLiteral("repeat"), options().repeat}};
}

QJsonObject HistoryScenario::figures() const
{
    const double fillS = m_fillEndNs > m_fillStartNs ? Clock::secondsBetween(m_fillStartNs, m_fillEndNs) : 0;
    return QJsonObject {
        {QStringLiteral("filled"), m_acked - m_fillErrors},
        {QStringLiteral("fill_errors"), m_fillErrors},
        {QStringLiteral("fill_s"), Stats::round3(fillS)},
        {QStringLiteral("fill_rate_msg_per_s"),
         Stats::round3(fillS > 0 ? double(m_acked - m_fillErrors) / fillS : 0)},
        {QStringLiteral("enter_to_messages_listed_ms"), m_enterToListed.toJson()},
        {QStringLiteral("enter_to_drawing_got_ms"), m_enterToDrawing.toJson()},
        {QStringLiteral("messages_listed_count"), m_listedCount},
        {QStringLiteral("messages_listed_chars"), m_listedChars},
        {QStringLiteral("messages_listed_more"),
         m_listedMore.isEmpty() ? QJsonValue() : QJsonValue(m_listedMore)},
    };
}

QStringList HistoryScenario::summaryLines() const
{
    const double fillS = m_fillEndNs > m_fillStartNs ? Clock::secondsBetween(m_fillStartNs, m_fillEndNs) : 0;
    return {
        QStringLiteral("filled %1 of %2 messages in %3 s: %4 msg/s (%5 in flight)")
            .arg(m_acked - m_fillErrors)
            .arg(options().messages)
            .arg(fillS, 0, 'f', 3)
            .arg(fillS > 0 ? double(m_acked - m_fillErrors) / fillS : 0, 0, 'f', 0)
            .arg(options().window),
        QStringLiteral("enter_room → messages_listed (%1%2 messages, %3 chars): ")
                .arg(m_listedMore.isEmpty() ? QString()
                                            : QStringLiteral("newest page, more %1: ").arg(m_listedMore))
                .arg(m_listedCount)
                .arg(m_listedChars)
            + m_enterToListed.describe(),
        QStringLiteral("enter_room → drawing_got: ") + m_enterToDrawing.describe(),
    };
}

} // namespace chat::bench
