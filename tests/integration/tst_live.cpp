// Live strokes and typing indicators (socketchat.v1, docs/EXTENSIONS.md "Live strokes" and "Typing"):
// the other negotiated members of the room get them, the caller and everyone else nothing; a plain client in
// the same room sees exactly the original protocol; validation, rate limits, and typing false on leaving.
#include "cluster/EventRelay.h"
#include "model/Room.h"
#include "support/Json.h"
#include "support/RawWebSocket.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace chat;
using chat::server::ChatServer;

namespace {

QJsonObject live(const QString &uuid, int from, const QJsonArray &points, std::optional<bool> end = {},
                 const QString &color = str("#112233"))
{
    QJsonObject object =
        fields({{"uuid", uuid}, {"from", from}, {"points", points}, {"tool", str("pen")}, {"color", color}});
    if (end)
        object.insert(str("end"), *end);
    return object;
}

QJsonObject typing(const QString &user, const QString &room, bool on)
{
    return fields({{"user", user}, {"room_uuid", room}, {"typing", on}});
}

QVector<QJsonObject> objectsNamed(const QVector<ServerStatement> &statements, ResultName name)
{
    QVector<QJsonObject> objects;
    for (const ServerStatement &statement : statements) {
        if (statement.name() == nameOf(name))
            objects << statement.object();
    }
    return objects;
}

int countNamed(const QVector<ServerStatement> &statements, const QString &name)
{
    return int(std::count_if(statements.cbegin(), statements.cend(),
                             [&](const ServerStatement &s) { return s.name() == name; }));
}

// Passes everything on to the real relay (the cluster node on PostgreSQL; none on SQLite) and shows a test
// each broadcast the server records for the other nodes, while that broadcast's batch is open.
class HookRelay : public chat::server::EventRelay
{
public:
    chat::server::EventRelay *next = nullptr;
    std::function<void(const QByteArray &)> onRecord;

    void catchUp() override
    {
        if (next)
            next->catchUp();
    }
    void record(const QString &roomUuid, const QByteArray &text) override
    {
        if (next)
            next->record(roomUuid, text);
        if (onRecord)
            onRecord(text);
    }
    void flush() override
    {
        if (next)
            next->flush();
    }
    void committed() override
    {
        if (next)
            next->committed();
    }
    void discard() override
    {
        if (next)
            next->discard();
    }
    void relayLive(const QString &roomUuid, const QByteArray &text) override
    {
        if (next)
            next->relayLive(roomUuid, text);
    }
};

} // namespace

class TestLive : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    TestClient m_a, m_b, m_c; // negotiated, in the room
    TestClient m_plain; // plain, in the room
    TestClient m_lobby; // negotiated, in no room
    Room m_room;

    QList<TestClient *> everyone() { return {&m_a, &m_b, &m_c, &m_plain, &m_lobby}; }

    bool setUp(const ChatServer::Options &options)
    {
        if (!m_server.start(options))
            return false;
        for (TestClient *client : {&m_a, &m_b, &m_c, &m_lobby})
            client->offerSubprotocols({extensionSubprotocol()});
        for (TestClient *client : everyone()) {
            if (!client->connectTo(m_server.url()))
                return false;
        }
        m_room = m_a.createRoom().value_or(Room {});
        for (TestClient *client : {&m_a, &m_b, &m_c, &m_plain}) {
            if (!client->enterRoom(m_room.uuid))
                return false;
        }
        for (TestClient *client : everyone()) {
            if (!client->drain())
                return false;
        }
        return true;
    }

    // What the client got before the answer of a sync round trip.
    QVector<ServerStatement> received(TestClient &client)
    {
        return client.sync().value_or(
            QVector<ServerStatement> {ServerStatement::error(ErrorName::InternalError)});
    }

private slots:
    void init() { QVERIFY(setUp(TestServer::defaultOptions())); }

    void cleanup()
    {
        for (TestClient *client : everyone()) {
            client->close();
            client->waitForDisconnected();
        }
        m_server.stop();
    }

    void previewsReachTheOtherNegotiatedMembersOnly()
    {
        m_a.call(CallName::DrawLive, live(str("line-1"), 0, {1, 2, 3.5, 4}));
        m_a.call(CallName::DrawLive, live(str("line-1"), 4, {5, 6}, false));
        m_a.call(CallName::DrawLive, live(str("line-1"), 6, {}, true));
        QCOMPARE(describeStatements(received(m_a)), QStringList {}); // no reply, no echo
        const QString author = m_a.user().uuid;
        const QVector<QJsonObject> expected {livePreview(str("line-1"), author, 0, {1, 2, 3.5, 4}),
                                             livePreview(str("line-1"), author, 4, {5, 6}),
                                             livePreview(str("line-1"), author, 6, {}, true)};
        for (TestClient *member : {&m_b, &m_c}) {
            const auto got = received(*member);
            QCOMPARE(got.size(), 3);
            QCOMPARE(objectsNamed(got, ResultName::LiveLineChanged), expected);
        }
        QVERIFY(m_plain.receivesNothing());
        QVERIFY(m_lobby.receivesNothing());

        // The exact text, as docs/EXTENSIONS.md shows it.
        QSignalSpy texts(&m_a.socket(), &QWebSocket::textMessageReceived);
        m_b.call(CallName::DrawLive, live(str("l2"), 0, {7, 8}));
        QVERIFY(m_b.receivesNothing());
        QCOMPARE(received(m_a).size(), 1);
        QCOMPARE(texts.size(), 2); // and the answer of the sync round trip
        QCOMPARE(texts.first().first().toString(),
                 str(R"({"type":"result","payload":{"message":"live_line_changed","object":{"uuid":"l2",)"
                     R"("user":"%1","from":0,"points":[7,8],"tool":"pen","color":"#112233","end":false}}})")
                     .arg(m_b.user().uuid));
    }

    void typingReachesTheOtherNegotiatedMembersOnce()
    {
        const QString author = m_a.user().uuid;
        QElapsedTimer sinceTrue;
        sinceTrue.start();
        m_a.call(CallName::SetTyping, fields({{"typing", true}}));
        m_a.call(CallName::SetTyping, fields({{"typing", true}})); // within a second: dropped
        QVERIFY(m_a.receivesNothing());
        for (TestClient *member : {&m_b, &m_c}) {
            const auto got = received(*member);
            QCOMPARE(describeStatements(got),
                     describeStatements({ServerStatement::result(ResultName::TypingChanged,
                                                                 typing(author, m_room.uuid, true))}));
        }
        m_a.call(CallName::SetTyping, fields({{"typing", false}}));
        m_a.call(CallName::SetTyping, fields({{"typing", false}})); // not after a forwarded true: dropped
        QVERIFY(m_a.receivesNothing());
        QCOMPARE(objectsNamed(received(m_b), ResultName::TypingChanged),
                 QVector<QJsonObject> {typing(author, m_room.uuid, false)});
        QVERIFY(m_plain.receivesNothing());
        QVERIFY(m_lobby.receivesNothing());

        // A true again is forwarded once a second has passed since the last forwarded one, not before.
        bool forwarded = false;
        QDeadlineTimer deadline(20000);
        while (!forwarded && !deadline.hasExpired()) {
            const qint64 sentAfterMs = sinceTrue.elapsed();
            m_a.call(CallName::SetTyping, fields({{"typing", true}}));
            QVERIFY(m_a.receivesNothing());
            const auto got = received(m_b);
            forwarded = !got.isEmpty();
            if (forwarded) {
                QVERIFY2(sentAfterMs >= 1000, qPrintable(QString::number(sentAfterMs)));
                QCOMPARE(objectsNamed(got, ResultName::TypingChanged),
                         QVector<QJsonObject> {typing(author, m_room.uuid, true)});
            } else {
                QTest::qWait(100);
            }
        }
        QVERIFY(forwarded);
    }

    void typingEndsWhenTheTypistLeavesOrDisconnects()
    {
        const QString author = m_a.user().uuid;
        m_a.call(CallName::SetTyping, fields({{"typing", true}}));
        QCOMPARE(objectsNamed(received(m_b), ResultName::TypingChanged),
                 QVector<QJsonObject> {typing(author, m_room.uuid, true)});
        m_a.call(CallName::LeaveRoom);
        QVERIFY(m_a.expect(nameOf(ResultName::RoomLeft)));
        auto got = received(m_b);
        QCOMPARE(objectsNamed(got, ResultName::TypingChanged),
                 QVector<QJsonObject> {typing(author, m_room.uuid, false)});
        QCOMPARE(countNamed(got, nameOf(ResultName::RoomChanged)), 1);
        // The plain member hears only that A left.
        QCOMPARE(describeStatements(received(m_plain)).size(), 1);

        // Back in the room, typing is forwarded at once (a new room), and ends with the connection.
        QVERIFY(m_a.enterRoom(m_room.uuid));
        QVERIFY(m_b.drain());
        m_a.call(CallName::SetTyping, fields({{"typing", true}}));
        QCOMPARE(objectsNamed(received(m_b), ResultName::TypingChanged),
                 QVector<QJsonObject> {typing(author, m_room.uuid, true)});
        m_a.close();
        QVERIFY(m_a.waitForDisconnected());
        bool stopped = false;
        QDeadlineTimer deadline(10000);
        while (!stopped && !deadline.hasExpired()) {
            const auto statement = m_b.next(int(qMax<qint64>(1, deadline.remainingTime())));
            stopped = statement && statement->name() == nameOf(ResultName::TypingChanged)
                && statement->object() == typing(author, m_room.uuid, false);
        }
        QVERIFY(stopped);
    }

    // The original web client beside negotiated ones: exactly what the original server would send it, the
    // same as if the others had sent only their ordinary calls.
    void aPlainMemberSeesOnlyTheOriginalProtocol()
    {
        const QJsonArray points {10, 20, 30, 40, 50, 60};
        m_a.call(CallName::SetTyping, fields({{"typing", true}}));
        m_a.call(CallName::DrawLive, live(str("stroke"), 0, {10, 20}));
        m_a.call(CallName::DrawLive, live(str("stroke"), 2, {30, 40, 50, 60}));
        QVERIFY(m_a.receivesNothing()); // run: what B does next comes after it
        m_b.call(CallName::SetTyping, fields({{"typing", true}}));
        m_b.call(CallName::DrawLive, live(str("other"), 0, {1, 1}));
        QVERIFY(m_b.drain());
        QVERIFY(m_a.drain()); // B's typing and preview
        m_a.call(CallName::ChangeDrawLine,
                 fields({{"uuid", str("stroke")},
                         {"points", points},
                         {"tool", str("pen")},
                         {"color", str("#112233")}}));
        m_a.call(CallName::DrawLive, live(str("stroke"), 6, {}, true));
        m_a.call(CallName::SetTyping, fields({{"typing", false}}));
        m_a.call(CallName::CreateMessage, fields({{"body", str("done")}}));
        QVERIFY(m_a.expect(nameOf(ResultName::DrawLineChanged)));
        QVERIFY(m_a.expect(nameOf(ResultName::RoomSumChanged)));
        QVERIFY(m_a.expect(nameOf(ResultName::MessageCreated)));
        QVERIFY(m_b.drain());
        m_b.call(CallName::LeaveRoom); // B was typing: negotiated members hear it stop, the plain one only
        QVERIFY(m_b.expect(nameOf(ResultName::RoomLeft)));

        const auto got = received(m_plain);
        QCOMPARE(got.size(), 4);
        QCOMPARE(got.at(0).name(), nameOf(ResultName::DrawLineChanged));
        QCOMPARE(got.at(0).object().value(str("uuid")).toString(), str("stroke"));
        QCOMPARE(got.at(0).object().value(str("points")).toArray(), points);
        QCOMPARE(got.at(0).object().keys(),
                 (QStringList {str("color"), str("name"), str("points"), str("tool"), str("uuid")}));
        QCOMPARE(got.at(1).name(), nameOf(ResultName::RoomChanged)); // the count, as a whole room
        QCOMPARE(got.at(1).object().value(str("uuid")).toString(), m_room.uuid);
        QCOMPARE(got.at(1).object().value(str("sum")).toInt(), 1);
        QCOMPARE(got.at(2).name(), nameOf(ResultName::MessageCreated));
        QCOMPARE(got.at(2).object().value(str("body")).toString(), str("done"));
        QCOMPARE(got.at(3).name(), nameOf(ResultName::RoomChanged)); // B left
        QCOMPARE(got.at(3).object().value(str("users")).toArray().size(), 3);
        for (const ServerStatement &statement : got)
            QVERIFY(!statement.toText().contains(str("live_line_changed"))
                    && !statement.toText().contains(str("typing")));

        // A negotiated member got the previews and typing besides, B's typing false on leaving included.
        const auto negotiated = received(m_c);
        QCOMPARE(countNamed(negotiated, nameOf(ResultName::LiveLineChanged)), 4);
        QCOMPARE(objectsNamed(negotiated, ResultName::TypingChanged),
                 (QVector<QJsonObject> {typing(m_a.user().uuid, m_room.uuid, true),
                                        typing(m_b.user().uuid, m_room.uuid, true),
                                        typing(m_a.user().uuid, m_room.uuid, false),
                                        typing(m_b.user().uuid, m_room.uuid, false)}));
    }

    // docs/EXTENSIONS.md, "Ordering": a member that enters the room gets no preview before its room_entered
    // and drawing_got. Its enter_room is held in the open group-commit batch until the commit, while a
    // preview is not: one that arrives in the same batch must be held behind the enter's answers
    // (DeliveryBatch's m_enteredInBatch). Here the preview comes from another node (deliverLiveFromOtherNode,
    // the same path as a local one, SessionOutbox::deliverLive) exactly inside the enter's batch: an event
    // relay that passes everything on to the real one (PostgreSQL) or to none (SQLite) delivers it when the
    // enter's room_changed is recorded for the other nodes, which is after the newcomer became a member.
    void aPreviewInTheBatchOfAnEnterComesAfterTheEntersAnswers()
    {
        ChatServer *server = m_server.server();
        HookRelay hook;
        hook.next = m_server.cluster();
        const QString newcomer = m_lobby.user().uuid;
        const QJsonObject previewObject = livePreview(str("remote"), str("someone-elsewhere"), 0, {1, 2});
        bool deliveredInBatch = false;
        hook.onRecord = [&](const QByteArray &text) {
            if (deliveredInBatch || !text.contains("room_changed") || !text.contains(newcomer.toUtf8()))
                return;
            deliveredInBatch = server->inBatch();
            server->deliverLiveFromOtherNode(
                m_room.uuid, ServerStatement::result(ResultName::LiveLineChanged, previewObject).toUtf8());
        };
        server->setEventRelay(&hook);
        const auto restore = qScopeGuard([&] { server->setEventRelay(m_server.cluster()); });

        m_lobby.call(CallName::EnterRoom, fields({{"uuid", m_room.uuid}}));
        // With the hold missing, the preview comes first and these fail.
        QVERIFY(m_lobby.expect(nameOf(ResultName::RoomEntered), 10000));
        QVERIFY(m_lobby.expect(nameOf(ResultName::MessagesListed), 10000));
        QVERIFY(m_lobby.expect(nameOf(ResultName::DrawingGot), 10000));
        QVERIFY(m_lobby.expect(nameOf(ResultName::RoomChanged), 10000));
        EXPECT_STATEMENT(held, m_lobby, nameOf(ResultName::LiveLineChanged));
        QCOMPARE(held.object(), previewObject);
        QVERIFY(deliveredInBatch);
        QVERIFY(m_lobby.receivesNothing());
        // The members that were there already got it at once, the plain one only the newcomer's entry.
        for (TestClient *member : {&m_a, &m_b, &m_c})
            QCOMPARE(objectsNamed(received(*member), ResultName::LiveLineChanged),
                     QVector<QJsonObject> {previewObject});
        const auto plain = received(m_plain);
        QCOMPARE(plain.size(), 1);
        QCOMPARE(plain.first().name(), nameOf(ResultName::RoomChanged));
    }

    // The same with a local preview: the frames of a newcomer and of three previewers are in the server's
    // sockets before its loop runs again (server and clients share this thread, and QWebSocket::flush()
    // writes each frame to the kernel at once), so the server reads them in one pass of its loop, and its
    // zero-timer commits the batch only after the pass. A preview read before the enter in that pass is not
    // the newcomer's (not a member yet); one read after it must come after the enter's answers. Which comes
    // first depends on the order the event dispatcher visits the sockets (connection order with the glib
    // one: the newcomers connect between the previewers, so the first attempt hits; hash order with
    // QT_NO_GLIB=1), so each attempt takes another newcomer until a preview was read after the enter.
    void aLocalPreviewInTheBatchOfAnEnterComesAfterTheEntersAnswers()
    {
        constexpr int attempts = 8;
        std::vector<std::unique_ptr<TestClient>> newcomers;
        for (int i = 0; i < attempts; ++i) {
            newcomers.push_back(std::make_unique<TestClient>());
            newcomers.back()->offerSubprotocols({extensionSubprotocol()});
            QVERIFY(newcomers.back()->connectTo(m_server.url()));
        }
        TestClient late; // negotiated, connected after the newcomers
        late.offerSubprotocols({extensionSubprotocol()});
        QVERIFY(late.connectTo(m_server.url()));
        QVERIFY(late.enterRoom(m_room.uuid));
        for (TestClient *client : everyone())
            QVERIFY(client->drain());

        bool hit = false;
        for (int attempt = 0; attempt < attempts && !hit; ++attempt) {
            TestClient &newcomer = *newcomers[size_t(attempt)];
            QVERIFY(newcomer.drain()); // the room_changed of the others' entries
            const QString stroke = str("batch-%1").arg(attempt);
            newcomer.call(CallName::EnterRoom, fields({{"uuid", m_room.uuid}}));
            m_a.call(CallName::DrawLive, live(stroke, 0, {1, 2}));
            m_b.call(CallName::DrawLive, live(stroke, 2, {3, 4}));
            late.call(CallName::DrawLive, live(stroke, 4, {5, 6}));
            for (TestClient *client : {&newcomer, &m_a, &m_b, &late})
                QVERIFY(client->socket().flush());

            // With the hold missing, a preview comes first and these fail.
            QVERIFY(newcomer.expect(nameOf(ResultName::RoomEntered), 10000));
            QVERIFY(newcomer.expect(nameOf(ResultName::MessagesListed), 10000));
            QVERIFY(newcomer.expect(nameOf(ResultName::DrawingGot), 10000));
            const auto after = received(newcomer);
            QCOMPARE(countNamed(after, nameOf(ResultName::RoomChanged)), 1); // it entered
            const auto previews = objectsNamed(after, ResultName::LiveLineChanged);
            const QVector<QJsonObject> sent {livePreview(stroke, m_a.user().uuid, 0, {1, 2}),
                                             livePreview(stroke, m_b.user().uuid, 2, {3, 4}),
                                             livePreview(stroke, late.user().uuid, 4, {5, 6})};
            for (const QJsonObject &got : previews)
                QVERIFY2(sent.contains(got), qPrintable(describeStatements(after).join(u'\n')));
            hit = !previews.isEmpty();
            if (hit)
                qInfo("%d preview(s) held behind the enter in attempt %d", int(previews.size()), attempt + 1);
            newcomer.close();
            QVERIFY(newcomer.waitForDisconnected());
            for (TestClient *client : everyone() + QList<TestClient *> {&late})
                QVERIFY(client->drain());
        }
        QVERIFY2(hit, "no preview was read after the enter in its batch");
        for (TestClient *client : QList<TestClient *> {&late})
            client->close();
        for (const auto &client : newcomers)
            client->close();
    }

    void aPlainClientGetsBadDataForTheExtensionCalls()
    {
        m_plain.call(CallName::DrawLive, live(str("x"), 0, {1, 2}));
        QVERIFY(m_plain.expect(nameOf(GeneralReply::BadData)));
        m_plain.call(CallName::SetTyping, fields({{"typing", true}}));
        QVERIFY(m_plain.expect(nameOf(GeneralReply::BadData)));
        for (TestClient *member : {&m_a, &m_b})
            QVERIFY(member->receivesNothing());
    }

    void badPreviewsAndTypingAreRefused()
    {
        const auto refused = [this](const QJsonObject &fields, CallName call, const QString &reply) {
            m_a.call(call, fields);
            const auto answer = m_a.next();
            return answer && answer->name() == reply;
        };
        const QString tooMany = nameOf(ErrorName::TooManyPoints);
        const QString badColor = nameOf(ErrorName::NotValidColor);
        const QString missing = nameOf(GeneralReply::NotSufficientData);
        // The points cap (--max-points, 20000 by default) counts the whole stroke: from + len(points).
        QVERIFY(refused(live(str("l"), 19999, {1, 2}), CallName::DrawLive, tooMany));
        QVERIFY(refused(live(str("l"), 0, {1, 2}, {}, str("red")), CallName::DrawLive, badColor));
        QVERIFY(refused(live(str("l"), 0, {1, 2}, {}, str("#12345")), CallName::DrawLive, badColor));
        QJsonObject noUuid = live(str("l"), 0, {1, 2});
        noUuid.remove(str("uuid"));
        QVERIFY(refused(noUuid, CallName::DrawLive, missing));
        QJsonObject noColor = live(str("l"), 0, {1, 2});
        noColor.remove(str("color"));
        QVERIFY(refused(noColor, CallName::DrawLive, missing));
        QJsonObject noFrom = live(str("l"), 0, {1, 2});
        noFrom.remove(str("from"));
        QVERIFY(refused(noFrom, CallName::DrawLive, missing));
        for (const QJsonValue &from : {QJsonValue(-1), QJsonValue(2.5), QJsonValue(str("3")), QJsonValue()}) {
            QJsonObject badFrom = live(str("l"), 0, {1, 2});
            badFrom.insert(str("from"), from);
            QVERIFY(refused(badFrom, CallName::DrawLive, missing));
        }
        QVERIFY(refused(live(str("l"), 0, {1, str("2")}), CallName::DrawLive, missing));
        QJsonObject pointsNotArray = live(str("l"), 0, {});
        pointsNotArray.insert(str("points"), 5);
        QVERIFY(refused(pointsNotArray, CallName::DrawLive, missing));
        QJsonObject toolNotText = live(str("l"), 0, {});
        toolNotText.insert(str("tool"), 1);
        QVERIFY(refused(toolNotText, CallName::DrawLive, missing));
        QJsonObject endNotBool = live(str("l"), 0, {});
        endNotBool.insert(str("end"), str("yes"));
        QVERIFY(refused(endNotBool, CallName::DrawLive, missing));
        QVERIFY(refused({}, CallName::SetTyping, missing));
        QVERIFY(refused(fields({{"typing", str("yes")}}), CallName::SetTyping, missing));
        QVERIFY(refused(fields({{"typing", 1}}), CallName::SetTyping, missing));
        QVERIFY(m_a.receivesNothing());
        QVERIFY(m_b.receivesNothing());

        // Right at the cap is fine.
        m_a.call(CallName::DrawLive, live(str("l"), 19998, {1, 2}));
        QVERIFY(m_a.receivesNothing());
        QCOMPARE(objectsNamed(received(m_b), ResultName::LiveLineChanged),
                 QVector<QJsonObject> {livePreview(str("l"), m_a.user().uuid, 19998, {1, 2})});
    }

    void outsideARoomTheyAreDroppedSilently()
    {
        m_lobby.call(CallName::DrawLive, live(str("l"), 0, {1, 2}));
        m_lobby.call(CallName::DrawLive, live(str("l"), 0, {1, 2}, {}, str("red"))); // not even checked
        m_lobby.call(CallName::SetTyping, fields({{"typing", true}}));
        QVERIFY(m_lobby.receivesNothing());
        for (TestClient *member : {&m_a, &m_b, &m_plain})
            QVERIFY(member->receivesNothing());
    }

    void aFloodOfPreviewsIsRateLimited()
    {
        cleanup();
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 10;
        options.limits.callBurst = 40;
        options.limits.floodCloseAfter = 0;
        QVERIFY(setUp(options));
        constexpr int sent = 100;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < sent; ++i)
            m_a.call(CallName::DrawLive, live(str("flood"), 2 * i, {1, 2}));
        // Every preview is either forwarded or refused.
        QTRY_VERIFY_WITH_TIMEOUT(m_a.pending() + m_b.pending() >= sent, 30000);
        const qint64 elapsedMs = clock.elapsed();
        const auto refusals = m_a.takeAll();
        QCOMPARE(countNamed(refusals, nameOf(ErrorName::RateLimited)), refusals.size());
        const auto forwarded = m_b.takeAll();
        QCOMPARE(countNamed(forwarded, nameOf(ResultName::LiveLineChanged)), forwarded.size());
        QCOMPARE(forwarded.size() + refusals.size(), sent);
        // Half a token each: what is left of the burst of 40 after the few calls of setUp() (5) lets twice as
        // many through, plus what the bucket earned meanwhile (10 a second).
        const int earned = int(elapsedMs * 10 * 2 / 1000) + 2;
        QVERIFY2(forwarded.size() >= 2 * (40 - 8) && forwarded.size() <= 80 + earned,
                 qPrintable(QStringLiteral("%1 forwarded in %2 ms").arg(forwarded.size()).arg(elapsedMs)));
        QVERIFY(!refusals.isEmpty());
    }

    // A member with a write backlog skips previews (and keeps its connection); the others get every one.
    void aSlowConsumerSkipsPreviewsFirst()
    {
        cleanup();
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 0;
        options.limits.maxUnsentBytes = 512 * 1024 * 1024; // never dropped here: only previews are skipped
        options.caps.maxBodyLength = 0;
        QVERIFY(setUp(options));
        RawWebSocket stalled;
        QVERIFY(stalled.handshake(quint16(m_server.url().port()), 5000, extensionSubprotocol().toUtf8()));
        const QJsonObject enter = makeCall(CallName::EnterRoom, fields({{"uuid", m_room.uuid}}));
        stalled.sendText(QJsonDocument(enter).toJson(QJsonDocument::Compact));
        stalled.setReadBufferSize(1); // from now on it takes nothing off the kernel's buffer
        QVERIFY(m_a.expect(nameOf(ResultName::RoomChanged), 10000)); // it is inside
        for (TestClient *client : everyone())
            QVERIFY(client->drain());

        const auto skipped = [this] { return m_server.server()->metrics().liveSkippedCount(); };
        const QString body(99000, QChar(0x20AC)); // about 300 kB per message_created
        int previews = 0;
        int forwarded = 0;
        while (skipped() == 0 && previews < 200) {
            m_a.call(CallName::CreateMessage, fields({{"body", body}}));
            for (TestClient *client : everyone())
                QVERIFY(client->drain()); // the message is out of the server, but for the stalled member
            m_a.call(CallName::DrawLive, live(str("p"), 2 * previews, {previews, previews}));
            ++previews;
            QVERIFY(m_a.receivesNothing());
            for (TestClient *reader : {&m_b, &m_c}) {
                const auto got = received(*reader);
                forwarded += countNamed(got, nameOf(ResultName::LiveLineChanged));
            }
        }
        QVERIFY2(skipped() > 0, "the stalled member never had a backlog");
        QCOMPARE(skipped(), quint64(1)); // the stalled member alone, once
        QCOMPARE(forwarded, 2 * previews); // the readers got every one
        QVERIFY(stalled.state() == QAbstractSocket::ConnectedState);
        QCOMPARE(m_server.server()->sessionCount(), 6);
        qInfo("the stalled member skipped preview %d", previews);
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
