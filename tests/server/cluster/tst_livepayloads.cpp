// The NOTIFY payloads of live statements between nodes (server/cluster/LivePayloads.h, docs/EXTENSIONS.md
// "Several nodes"): coalesced, each under PostgreSQL's 8000 bytes, a long preview split into chunks that
// add up to it, and read back exactly.
#include "cluster/LivePayloads.h"
#include "dispatch/LiveStatements.h"

#include <QJsonArray>
#include <QTest>

using namespace chat::server;

namespace {

const QString room = QStringLiteral("5b1c6e4e-6f55-4a0e-9a57-3d3c8a2f7a11");

LivePreview previewWith(int numbers, qint64 from = 0, bool end = false)
{
    LivePreview preview;
    preview.uuid = QStringLiteral("line-uuid");
    preview.user = QStringLiteral("user-uuid");
    preview.from = from;
    for (int i = 0; i < numbers; ++i)
        preview.points.append(i % 3 == 0 ? 123.456 + i : double(i));
    preview.tool = QStringLiteral("pen");
    preview.color = QStringLiteral("#112233");
    preview.end = end;
    return preview;
}

QVector<LiveEvent> unpackAll(const QVector<QByteArray> &payloads, const QByteArray &node)
{
    QVector<LiveEvent> events;
    for (const QByteArray &payload : payloads) {
        const auto unpacked = unpackLivePayload(payload);
        if (!unpacked || unpacked->nodeLine != node)
            return {};
        events += unpacked->events;
    }
    return events;
}

} // namespace

class TestLivePayloads : public QObject
{
    Q_OBJECT

private slots:
    void smallEventsShareOnePayload()
    {
        const QByteArray node = liveNodeLine(QStringLiteral("node \"A\"\n"));
        QCOMPARE(node, QByteArray("\"node \\\"A\\\"\\n\"\n")); // one line whatever the id
        const QVector<LiveEvent> events {
            {room, liveLineChangedText(previewWith(4))},
            {room, typingChangedText(QStringLiteral("user-uuid"), room, true)},
            {QStringLiteral("other-room"), liveLineChangedText(previewWith(2, 4, true))},
        };
        const QVector<QByteArray> payloads = packLivePayloads(node, events);
        QCOMPARE(payloads.size(), 1);
        QCOMPARE(unpackAll(payloads, node), events);
    }

    void manyEventsAreSplitAcrossPayloadsInOrder()
    {
        const QByteArray node = liveNodeLine(QStringLiteral("A"));
        QVector<LiveEvent> events;
        for (int i = 0; i < 200; ++i)
            events.append({room, liveLineChangedText(previewWith(20, 20 * i))});
        const QVector<QByteArray> payloads = packLivePayloads(node, events);
        QVERIFY(payloads.size() > 1);
        for (const QByteArray &payload : payloads)
            QVERIFY(payload.size() <= maxLivePayloadBytes && payload.size() < 8000);
        QCOMPARE(unpackAll(payloads, node), events);
    }

    void aLongPreviewIsSplitIntoChunksThatAddUp()
    {
        const QByteArray node = liveNodeLine(QStringLiteral("A"));
        const LivePreview whole = previewWith(5000, 100, true);
        const QByteArray text = liveLineChangedText(whole);
        QVERIFY(text.size() > 3 * 8000);
        const QVector<QByteArray> payloads = packLivePayloads(node, {{room, text}});
        QVERIFY(payloads.size() >= 4);
        QJsonArray points;
        qint64 next = whole.from;
        const QVector<LiveEvent> events = unpackAll(payloads, node);
        QVERIFY(events.size() >= 4);
        for (int i = 0; i < events.size(); ++i) {
            QCOMPARE(events.at(i).roomUuid, room);
            const auto chunk = livePreviewOf(events.at(i).text);
            QVERIFY(chunk);
            QCOMPARE(chunk->from, next); // each chunk has its own from, right after the one before
            QCOMPARE(chunk->points.size() % 2, 0); // whole points
            QCOMPARE(chunk->end, i == events.size() - 1); // only the last one ends the stroke
            QCOMPARE(chunk->uuid, whole.uuid);
            QCOMPARE(chunk->user, whole.user);
            QCOMPARE(chunk->tool, whole.tool);
            QCOMPARE(chunk->color, whole.color);
            for (const QJsonValue &number : chunk->points)
                points.append(number);
            next += chunk->points.size();
        }
        QCOMPARE(points, whole.points);
        for (const QByteArray &payload : payloads)
            QVERIFY(payload.size() <= maxLivePayloadBytes);
    }

    void chunksOfALongPreviewKeepTheEventsAroundThemInOrder()
    {
        const QByteArray node = liveNodeLine(QStringLiteral("A"));
        const QByteArray before = typingChangedText(QStringLiteral("u"), room, true);
        const QByteArray after = typingChangedText(QStringLiteral("u"), room, false);
        const QVector<QByteArray> payloads = packLivePayloads(
            node, {{room, before}, {room, liveLineChangedText(previewWith(3000))}, {room, after}});
        const QVector<LiveEvent> events = unpackAll(payloads, node);
        QVERIFY(events.size() >= 4);
        QCOMPARE(events.first().text, before);
        QCOMPARE(events.last().text, after);
    }

    void whatCannotFitIsLeftOut()
    {
        const QByteArray node = liveNodeLine(QStringLiteral("A"));
        LivePreview huge = previewWith(10);
        huge.uuid = QString(9000, QLatin1Char('u'));
        int leftOut = 0;
        const QByteArray typing = typingChangedText(QStringLiteral("u"), room, true);
        const QVector<QByteArray> payloads = packLivePayloads(
            node, {{room, liveLineChangedText(huge)}, {room, typing}}, maxLivePayloadBytes, &leftOut);
        QCOMPARE(leftOut, 1);
        QCOMPARE(unpackAll(payloads, node), (QVector<LiveEvent> {{room, typing}}));
    }

    void malformedPayloadsAreRefused()
    {
        QVERIFY(!unpackLivePayload(QByteArray()));
        QVERIFY(!unpackLivePayload("no node line"));
        QVERIFY(!unpackLivePayload("\"A\"\nno tab here\n"));
        QVERIFY(!unpackLivePayload("\"A\"\nroom\t{}")); // no final newline
        const auto empty = unpackLivePayload("\"A\"\n");
        QVERIFY(empty && empty->events.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLivePayloads)
#include "tst_livepayloads.moc"
