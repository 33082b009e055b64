// Several chat-server nodes on one PostgreSQL database (CHAT_TEST_POSTGRES_URL, from
// scripts/with-postgres.sh): clients spread over the nodes see one chat, in one order; a node killed with
// SIGKILL loses its users once the others find it silent; a node restarted under its id cleans up itself,
// with no help from the others; a lost notification connection costs no event. Live previews and typing
// (socketchat.v1) cross nodes in NOTIFY payloads, a long preview in chunks.
//
// No sleeping: a sync round trip (TestClient::sync) on a client of any node is a sync point for the whole
// cluster. Every call opens a batch, which takes the nodes' write lock (SqlStore::beginTransaction) and first
// delivers the other nodes' events committed before it (ChatServer::joinBatch, ClusterNode::catchUp); an
// action whose caller saw its answer was committed with its events, so they are queued before the answer.
#include "model/Message.h"
#include "model/Room.h"
#include "storage/SqlSchema.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "testlib/ServerProcess.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <memory>
#include <signal.h>
#include <vector>

using namespace chat;

namespace {

// A room_changed for roomUuid whose users satisfy the predicate, within timeoutMs; others are skipped.
template<typename Predicate>
std::optional<Room> waitForRoom(TestClient &client, const QString &roomUuid, Predicate predicate,
                                int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const auto statement = client.next(int(qMax<qint64>(1, deadline.remainingTime())));
        if (!statement || statement->name() != nameOf(ResultName::RoomChanged))
            continue;
        const auto room = Room::fromJson(statement->object());
        if (room && room->uuid == roomUuid && predicate(*room))
            return room;
    }
    return std::nullopt;
}

bool hasUser(const Room &room, const QString &userUuid)
{
    return std::any_of(room.users.cbegin(), room.users.cend(),
                       [&](const User &user) { return user.uuid == userUuid; });
}

// Two passes of sync round trips over the clients: after the first, every call a client made before is
// committed (a connection's calls run in order); the second then finds each node caught up with all of them
// (see the top of this file). Forgets what came before; false (with a warning) when a round trip failed.
bool settle(const std::vector<TestClient *> &clients)
{
    for (int pass = 0; pass < 2; ++pass) {
        for (TestClient *client : clients) {
            if (!client->drain())
                return false;
        }
    }
    return true;
}

// The port of a node's /metrics, from its start-up log (it was started with --metrics 0); 0 if none.
quint16 metricsPortOf(ServerProcess &node)
{
    static const QRegularExpression line(str("metrics on http://127.0.0.1:(\\d+)/metrics"));
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        const auto match = line.match(node.log());
        if (match.hasMatch())
            return quint16(match.captured(1).toUInt());
        node.process().waitForReadyRead(100);
    }
    return 0;
}

// One unlabelled sample of a node's /metrics; -1 when it is not there. The node is another process: this may
// block.
double metricOf(quint16 port, const QByteArray &name)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return -1;
    socket.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray response;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        response += socket.readAll();
    response += socket.readAll();
    const qsizetype at = response.indexOf('\n' + name + ' ');
    if (at < 0)
        return -1;
    const qsizetype start = at + name.size() + 2;
    return response.mid(start, response.indexOf('\n', start) - start).toDouble();
}

// The next statement named name, skipping others, within timeoutMs.
std::optional<ServerStatement> waitFor(TestClient &client, const QString &name, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        auto statement = client.next(int(qMax<qint64>(1, timeoutMs - timer.elapsed())));
        if (statement && statement->name() == name)
            return statement;
    }
    return std::nullopt;
}

QJsonObject liveCall(const QString &uuid, int from, const QJsonArray &points, bool end = false)
{
    return fields({{"uuid", uuid},
                   {"from", from},
                   {"points", points},
                   {"tool", str("pen")},
                   {"color", str("#112233")},
                   {"end", end}});
}

} // namespace

class TestNodes : public QObject
{
    Q_OBJECT

private:
    QString m_baseUrl; // CHAT_TEST_POSTGRES_URL
    QString m_nodesUrl; // the database the nodes use: that one, or one of the test's own
    QString m_ownDatabase; // created by a test, dropped after it
    QString m_schema;
    std::vector<std::unique_ptr<ServerProcess>> m_nodes;

    ServerProcess *startNode(const QString &nodeId, const QStringList &more = {})
    {
        auto node = std::make_unique<ServerProcess>(str(CHAT_SERVER_PATH));
        const QStringList arguments {str("--db"),         str("%1?schema=%2").arg(m_nodesUrl, m_schema),
                                     str("--node-id"),    nodeId,
                                     str("--rate-limit"), str("0"),
                                     str("--log-level"),  str("info")};
        if (!node->start(arguments + more)) {
            qWarning("node %s did not start: %s", qPrintable(nodeId), qPrintable(node->log()));
            return nullptr;
        }
        m_nodes.push_back(std::move(node));
        return m_nodes.back().get();
    }

    // chat-server --check --node-id NODE on the shared database: exit code and what it printed.
    std::pair<int, QString> check(const QString &nodeId)
    {
        QProcess process;
        process.start(str(CHAT_SERVER_PATH),
                      {str("--db"), str("%1?schema=%2").arg(m_nodesUrl, m_schema), str("--check"),
                       str("--node-id"), nodeId});
        if (!process.waitForFinished(20000))
            return {-1, {}};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput())};
    }

    // Nodes A and B, a client of each, a room, and B's client inside it as A has heard.
    struct TwoNodesOneRoom
    {
        ServerProcess *nodeA = nullptr;
        ServerProcess *nodeB = nullptr;
        std::unique_ptr<TestClient> a;
        std::unique_ptr<TestClient> b;
        Room room;
        bool ready = false;
    };

    TwoNodesOneRoom twoNodesWithBsUserInARoom()
    {
        TwoNodesOneRoom setup;
        setup.nodeA = startNode(str("A"));
        setup.nodeB = startNode(str("B"));
        if (!setup.nodeA || !setup.nodeB)
            return setup;
        setup.a = clientOf(setup.nodeA);
        setup.b = clientOf(setup.nodeB);
        if (!setup.a || !setup.b)
            return setup;
        const auto room = setup.a->createRoom();
        if (!room || !setup.b->enterRoom(room->uuid))
            return setup;
        setup.room = *room;
        const QString user = setup.b->user().uuid;
        setup.ready = waitForRoom(
                          *setup.a, room->uuid, [&](const Room &r) { return hasUser(r, user); }, 20000)
                          .has_value();
        return setup;
    }

    std::unique_ptr<TestClient> clientOf(ServerProcess *node, bool negotiated = false)
    {
        auto client = std::make_unique<TestClient>();
        if (negotiated)
            client->offerSubprotocols({extensionSubprotocol()});
        if (!client->connectTo(node->url()))
            return nullptr;
        return client;
    }

    // Live statements (docs/EXTENSIONS.md, "Several nodes"): negotiated a on node A, negotiated b and plain p
    // on node B, all in one room as both nodes have heard.
    struct LiveNodes
    {
        ServerProcess *nodeA = nullptr;
        ServerProcess *nodeB = nullptr;
        std::unique_ptr<TestClient> a, b, p;
        Room room;
        bool ready = false;
    };

    LiveNodes liveNodes(const QStringList &moreForA = {})
    {
        LiveNodes setup;
        setup.nodeA = startNode(str("A"), moreForA);
        setup.nodeB = startNode(str("B"));
        if (!setup.nodeA || !setup.nodeB)
            return setup;
        setup.a = clientOf(setup.nodeA, true);
        setup.b = clientOf(setup.nodeB, true);
        setup.p = clientOf(setup.nodeB);
        if (!setup.a || !setup.b || !setup.p)
            return setup;
        const auto room = setup.a->createRoom();
        if (!room || !setup.a->enterRoom(room->uuid) || !setup.b->enterRoom(room->uuid)
            || !setup.p->enterRoom(room->uuid))
            return setup;
        setup.room = *room;
        const QString pUser = setup.p->user().uuid;
        if (!waitForRoom(
                *setup.a, room->uuid, [&](const Room &r) { return hasUser(r, pUser); }, 20000))
            return setup;
        setup.ready = setup.a->drain() && setup.b->drain() && setup.p->drain();
        return setup;
    }

private slots:
    void initTestCase()
    {
        m_baseUrl = qEnvironmentVariable("CHAT_TEST_POSTGRES_URL");
        if (m_baseUrl.isEmpty())
            QSKIP("CHAT_TEST_POSTGRES_URL is not set (run the tests through scripts/with-postgres.sh)");
    }

    void init()
    {
        m_nodesUrl = m_baseUrl;
        m_schema = str("nodes_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    }

    void cleanup()
    {
        m_nodes.clear();
        if (!m_ownDatabase.isEmpty()) {
            {
                QSqlDatabase admin = adminConnection();
                QSqlQuery drop(admin);
                drop.exec(str("DROP DATABASE %1 WITH (FORCE)").arg(m_ownDatabase));
            }
            QSqlDatabase::removeDatabase(str("admin"));
            m_ownDatabase.clear();
        }
    }

    // A connection to the database of CHAT_TEST_POSTGRES_URL, named "admin".
    QSqlDatabase adminConnection()
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(str("QPSQL"), str("admin"));
        const QUrl url(m_baseUrl);
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setUserName(url.userName());
        admin.setPassword(url.password());
        admin.setDatabaseName(url.path().mid(1));
        admin.open();
        return admin;
    }

    // Stops a node with SIGSTOP at a moment it holds no write lock (it takes it only for a moment, in a
    // transaction of a batch or a heartbeat's check): whoever held the lock when the probe got it has
    // committed, and a node that was waiting for it would have been given it instead. False when no such
    // moment came.
    bool stopWithoutTheWriteLock(ServerProcess &node)
    {
        bool stopped = false;
        {
            QSqlDatabase admin = adminConnection();
            const QDeadlineTimer deadline(30000);
            while (!stopped && !deadline.hasExpired()) {
                if (::kill(pid_t(node.pid()), SIGSTOP) != 0 || !admin.transaction())
                    break;
                QSqlQuery probe(admin);
                stopped =
                    probe.exec(
                        str("SELECT pg_try_advisory_xact_lock(%1)").arg(server::SqlSchema::writeLockKey))
                    && probe.next() && probe.value(0).toBool();
                probe.finish();
                admin.rollback(); // the lock goes with the transaction
                if (!stopped)
                    ::kill(pid_t(node.pid()), SIGCONT);
            }
        }
        QSqlDatabase::removeDatabase(str("admin"));
        return stopped;
    }

    void clientsOnTwoNodesSeeOneChat()
    {
        ServerProcess *nodeA = startNode(str("A"));
        ServerProcess *nodeB = startNode(str("B"));
        QVERIFY(nodeA && nodeB);
        auto a = clientOf(nodeA);
        auto b = clientOf(nodeB);
        QVERIFY(a && b);

        a->call(CallName::CreateRoom);
        const auto created = b->expect(nameOf(ResultName::RoomCreated));
        QVERIFY2(created, "a room created on node A reaches a client of node B");
        const QString room = Room::fromJson(created->object())->uuid;
        QVERIFY(a->expect(nameOf(ResultName::RoomCreated)));

        QVERIFY(b->enterRoom(room));
        QVERIFY(waitForRoom(
            *a, room, [&](const Room &r) { return hasUser(r, b->user().uuid); }, 20000));
        QVERIFY(a->enterRoom(room));
        a->drain();
        b->drain();

        // From here on both are in the room: every broadcast reaches both, the same and in the same order.
        a->call(CallName::CreateMessage, fields({{"body", str("from A")}}));
        b->call(CallName::CreateMessage, fields({{"body", str("from B")}}));
        b->call(CallName::ChangeDrawLine,
                fields({{"uuid", str("line-1")},
                        {"points", QJsonArray {1, 2, 3, 4}},
                        {"tool", str("pen")},
                        {"color", str("#FF0000")}}));
        b->call(CallName::ChangeName, fields({{"uuid", room}, {"name", str("Renamed on B")}}));
        a->call(CallName::ChangeColor, fields({{"uuid", room}, {"color", str("#00FF00")}}));
        b->call(CallName::ChangeUserName, fields({{"name", str("Bea")}}));
        a->call(CallName::ResetDrawing);
        // 2 × (room_changed + message_created), draw_line_changed, 3 × room_changed, drawing_got; and
        // user_changed to B. Once both have that many, every call above was answered, so committed; the
        // sync round trips then bring whatever else those calls made for A or B (see the top of this file).
        QTRY_VERIFY_WITH_TIMEOUT(a->pending() >= 9 && b->pending() >= 10, 30000);
        const auto untilSyncA = a->sync();
        const auto untilSyncB = b->sync();
        QVERIFY(untilSyncA && untilSyncB);
        QStringList seenByA = describeStatements(*untilSyncA);
        QStringList seenByB = describeStatements(*untilSyncB);
        // user_changed goes to its caller only.
        seenByB.erase(std::remove_if(seenByB.begin(), seenByB.end(),
                                     [](const QString &s) { return s.startsWith(str("user_changed")); }),
                      seenByB.end());
        QCOMPARE(seenByB.size() + 1, untilSyncB->size()); // one user_changed
        QCOMPARE(seenByA.size(), 9);
        QCOMPARE(seenByA, seenByB);
        QVERIFY(seenByA.filter(str("Renamed on B")).size() >= 1);
        QVERIFY(seenByA.filter(str("Bea")).size() >= 1);

        // Deleting, seen from the other node.
        a->call(CallName::LeaveRoom);
        b->call(CallName::LeaveRoom);
        QVERIFY(settle({a.get(), b.get()}));
        b->call(CallName::DeleteRoom, fields({{"uuid", room}}));
        QVERIFY(a->expect(nameOf(ResultName::RoomDeleted)));
        auto lateComer = clientOf(nodeA);
        QVERIFY(lateComer);
    }

    void metricsCountHeartbeatsAndRelayedEvents()
    {
        ServerProcess *nodeA = startNode(str("A"), {str("--metrics"), str("0")});
        ServerProcess *nodeB = startNode(str("B"), {str("--metrics"), str("0")});
        QVERIFY(nodeA && nodeB);
        const quint16 metricsA = metricsPortOf(*nodeA);
        const quint16 metricsB = metricsPortOf(*nodeB);
        QVERIFY(metricsA > 0 && metricsB > 0);
        auto a = clientOf(nodeA);
        auto b = clientOf(nodeB);
        QVERIFY(a && b);
        QCOMPARE(metricOf(metricsA, "chat_cluster_events_out_total"), 0.0);

        a->call(CallName::CreateRoom); // to everyone: one event from A, delivered by B
        QVERIFY(b->expect(nameOf(ResultName::RoomCreated)));
        QCOMPARE(metricOf(metricsA, "chat_cluster_events_out_total"), 1.0);
        QCOMPARE(metricOf(metricsA, "chat_cluster_events_in_total"), 0.0);
        QCOMPARE(metricOf(metricsB, "chat_cluster_events_out_total"), 0.0);
        QCOMPARE(metricOf(metricsB, "chat_cluster_events_in_total"), 1.0);
        // A heartbeat every 2 s.
        QTRY_VERIFY_WITH_TIMEOUT(metricOf(metricsA, "chat_cluster_heartbeats_total") >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(metricOf(metricsB, "chat_cluster_heartbeats_total") >= 1, 10000);
    }

    void everyNodeDeliversInOneOrder()
    {
        std::vector<ServerProcess *> nodes {startNode(str("A")), startNode(str("B")), startNode(str("C"))};
        std::vector<std::unique_ptr<TestClient>> clients;
        for (ServerProcess *node : nodes) {
            QVERIFY(node);
            for (int i = 0; i < 2; ++i) {
                clients.push_back(clientOf(node));
                QVERIFY(clients.back());
            }
        }
        const auto room = clients.front()->createRoom();
        QVERIFY(room);
        std::vector<TestClient *> everyone;
        for (auto &client : clients) {
            QVERIFY(client->enterRoom(room->uuid));
            everyone.push_back(client.get());
        }
        QVERIFY(settle(everyone)); // the room_changed of the later enters, relayed

        constexpr int messagesEach = 20;
        for (int round = 0; round < messagesEach; ++round) {
            for (size_t i = 0; i < clients.size(); ++i)
                clients[i]->call(CallName::CreateMessage,
                                 fields({{"body", str("c%1 m%2").arg(i).arg(round)}}));
        }
        const int total = messagesEach * int(clients.size());
        std::vector<QStringList> orders(clients.size());
        const QDeadlineTimer deadline(60000); // generous: six clients on three loaded nodes
        for (size_t i = 0; i < clients.size(); ++i) {
            while (orders[i].size() < total && !deadline.hasExpired()) {
                const auto statement = clients[i]->next(int(qMax<qint64>(1, deadline.remainingTime())));
                if (statement && statement->name() == nameOf(ResultName::MessageCreated))
                    orders[i] << Message::fromJson(statement->object())->uuid;
            }
            QCOMPARE(orders[i].size(), total);
        }
        for (size_t i = 1; i < orders.size(); ++i)
            QVERIFY2(orders[i] == orders[0], qPrintable(str("client %1 saw another order").arg(i)));

        // The order everyone saw is the stored one.
        auto fresh = clientOf(nodes[1]);
        QVERIFY(fresh);
        fresh->call(CallName::EnterRoom, fields({{"uuid", room->uuid}}));
        QVERIFY(fresh->expect(nameOf(ResultName::RoomEntered)));
        const auto history = fresh->expect(nameOf(ResultName::MessagesListed));
        QVERIFY(history);
        QStringList stored;
        for (const QJsonValue &value : history->list())
            stored << value.toObject().value(str("uuid")).toString();
        QCOMPARE(stored, orders[0]);
    }

    // The others take a node silent for 8 s for dead (README, "Several nodes"); that bound is the server's
    // timers' business: the wait is generous, the time is printed, and what is asserted is the path taken.
    void aKilledNodesUsersLeaveOnceItIsSilent()
    {
        const TwoNodesOneRoom setup = twoNodesWithBsUserInARoom();
        QVERIFY(setup.ready);
        const auto &[nodeA, nodeB, a, b, room, ready] = setup;
        const auto [aliveCode, aliveOutput] = check(str("B"));
        QCOMPARE(aliveCode, 0);
        QVERIFY2(aliveOutput.contains(str("node B: alive")), qPrintable(aliveOutput));
        QVERIFY2(aliveOutput.contains(str("1 users")), qPrintable(aliveOutput));

        QElapsedTimer sinceKill; // printed only
        nodeB->kill();
        sinceKill.start();
        const auto emptied = waitForRoom(
            *a, room.uuid, [&](const Room &r) { return !hasUser(r, b->user().uuid); }, 60000);
        QVERIFY2(emptied, "node B's user is still in the room 60 s after node B was killed");
        qInfo("node B's user left the room %lld ms after SIGKILL", sinceKill.elapsed());
        QVERIFY(nodeA->log().contains(str("node B has been silent for over 8 s")));
        QCOMPARE(check(str("B")).first, 1); // gone from the nodes
        QCOMPARE(check(str("A")).first, 0);
        a->call(CallName::DeleteRoom, fields({{"uuid", room.uuid}}));
        QVERIFY(a->expect(nameOf(ResultName::RoomDeleted)));
    }

    void liveStrokesAndTypingCrossNodes()
    {
        LiveNodes setup = liveNodes();
        QVERIFY(setup.ready);
        const QString author = setup.a->user().uuid;
        setup.a->call(CallName::DrawLive, liveCall(str("stroke"), 0, {1, 2, 3.5, 4}));
        setup.a->call(CallName::SetTyping, fields({{"typing", true}}));
        const auto preview = waitFor(*setup.b, nameOf(ResultName::LiveLineChanged), 10000);
        QVERIFY(preview);
        QCOMPARE(preview->object(), livePreview(str("stroke"), author, 0, {1, 2, 3.5, 4}));
        const auto typing = setup.b->next(10000); // in the order they were sent
        QVERIFY(typing);
        QCOMPARE(typing->name(), nameOf(ResultName::TypingChanged));
        QCOMPARE(typing->object(),
                 fields({{"user", author}, {"room_uuid", setup.room.uuid}, {"typing", true}}));
        QVERIFY(setup.p->receivesNothing()); // node B delivered both to b; the plain member got nothing
        QVERIFY(setup.a->receivesNothing()); // and node A took nothing back from its own notification

        // The typist disconnects: node A says it stopped typing, to node B's negotiated member too.
        setup.a->close();
        const auto stopped = waitFor(*setup.b, nameOf(ResultName::TypingChanged), 10000);
        QVERIFY(stopped);
        QCOMPARE(stopped->object(),
                 fields({{"user", author}, {"room_uuid", setup.room.uuid}, {"typing", false}}));
    }

    void aLongPreviewArrivesCompleteOnTheOtherNode()
    {
        LiveNodes setup = liveNodes();
        QVERIFY(setup.ready);
        QJsonArray points;
        for (int i = 0; i < 3000; ++i)
            points.append(100.125 + i);
        const QJsonObject call = liveCall(str("long"), 10, points, true);
        QVERIFY(QJsonDocument(call).toJson(QJsonDocument::Compact).size() > 8000);
        setup.a->call(CallName::DrawLive, call);
        QJsonArray received;
        int chunks = 0;
        bool ended = false;
        QElapsedTimer timer;
        timer.start();
        while (!ended && timer.elapsed() < 15000) {
            const auto chunk = waitFor(*setup.b, nameOf(ResultName::LiveLineChanged), 10000);
            QVERIFY(chunk);
            const QJsonObject object = chunk->object();
            QCOMPARE(object.value(str("uuid")).toString(), str("long"));
            QCOMPARE(object.value(str("user")).toString(), setup.a->user().uuid);
            QCOMPARE(object.value(str("from")).toInt(), 10 + received.size()); // each chunk its own from
            for (const QJsonValue &number : object.value(str("points")).toArray())
                received.append(number);
            ended = object.value(str("end")).toBool();
            ++chunks;
        }
        QVERIFY(ended);
        QVERIFY2(chunks > 1, "a preview of over 8000 bytes crossed in one notification");
        QCOMPARE(received, points); // the chunks add up to the stroke
        qInfo("a preview of %lld numbers crossed in %d chunks", qlonglong(points.size()), chunks);
    }

    // docs/EXTENSIONS.md, "Several nodes": a preview whose uuid or tool alone does not fit in a notification
    // is left out of the payloads (a debug line on the sending node); its author gets no reply, as for every
    // preview, members on its own node still get it, the other nodes do not, and the sender goes on: the
    // next preview crosses, in order.
    void aPreviewTooLongForANotificationStaysOnItsNode()
    {
        LiveNodes setup = liveNodes({str("--log-level"), str("debug")}); // the last one counts
        QVERIFY(setup.ready);
        auto near = clientOf(setup.nodeA, true); // a negotiated member on the author's node
        QVERIFY(near && near->enterRoom(setup.room.uuid));
        QVERIFY(waitForRoom(
            *setup.b, setup.room.uuid, [&](const Room &r) { return hasUser(r, near->user().uuid); }, 10000));
        QVERIFY(setup.a->drain() && setup.b->drain() && setup.p->drain());

        const QString author = setup.a->user().uuid;
        const QString hugeUuid(8000, u'u');
        QJsonObject hugeTool = liveCall(str("tool"), 0, {5, 6});
        hugeTool.insert(str("tool"), QString(8000, u't'));
        setup.a->call(CallName::DrawLive, liveCall(hugeUuid, 0, {1, 2}));
        setup.a->call(CallName::DrawLive, hugeTool);
        setup.a->call(CallName::DrawLive, liveCall(str("after"), 0, {3, 4}));
        QVERIFY(setup.a->receivesNothing()); // no reply, no error, the connection stays
        const auto local = near->sync();
        QVERIFY(local);
        QCOMPARE(local->size(), 3);
        QCOMPARE(local->at(0).object().value(str("uuid")).toString(), hugeUuid);
        QCOMPARE(local->at(1).object().value(str("tool")).toString(), QString(8000, u't'));
        QCOMPARE(local->at(2).object(), livePreview(str("after"), author, 0, {3, 4}));

        // On node B the first preview is the one after them.
        const auto crossed = waitFor(*setup.b, nameOf(ResultName::LiveLineChanged), 10000);
        QVERIFY(crossed);
        QCOMPARE(crossed->object(), livePreview(str("after"), author, 0, {3, 4}));
        setup.a->call(CallName::SetTyping, fields({{"typing", true}}));
        const auto typing = waitFor(*setup.b, nameOf(ResultName::TypingChanged), 10000);
        QVERIFY(typing);
        QVERIFY(setup.b->receivesNothing());
        QVERIFY(setup.p->receivesNothing());
        QCOMPARE(setup.nodeA->process().state(), QProcess::Running);
        QCOMPARE(setup.nodeB->process().state(), QProcess::Running);
        QTRY_VERIFY2_WITH_TIMEOUT(
            setup.nodeA->log().contains(str("live events too long for a notification were not relayed")),
            qPrintable(setup.nodeA->log().right(2000)), 10000);
    }

    // The original web client on node B while negotiated clients on node A draw live and type: it gets
    // exactly the frames the original server would send (docs/EXTENSIONS.md, "What a plain client sees"),
    // as tst_live checks on one node: the stored line, the count and the message, the room_changed of one
    // that leaves, nothing of previews and typing.
    void aPlainClientOnAnotherNodeSeesOnlyTheOriginalProtocol()
    {
        LiveNodes setup = liveNodes();
        QVERIFY(setup.ready);
        auto c = clientOf(setup.nodeA, true); // a second negotiated member on node A
        QVERIFY(c && c->enterRoom(setup.room.uuid));
        const QString cUser = c->user().uuid;
        QVERIFY(waitForRoom(
            *setup.p, setup.room.uuid, [&](const Room &r) { return hasUser(r, cUser); }, 10000));
        QVERIFY(waitForRoom(
            *setup.b, setup.room.uuid, [&](const Room &r) { return hasUser(r, cUser); }, 10000));
        QVERIFY(setup.a->drain() && setup.b->drain() && setup.p->drain() && c->drain());

        const QJsonArray points {10, 20, 30, 40, 50, 60};
        setup.a->call(CallName::SetTyping, fields({{"typing", true}}));
        setup.a->call(CallName::DrawLive, liveCall(str("stroke"), 0, {10, 20}));
        setup.a->call(CallName::DrawLive, liveCall(str("stroke"), 2, {30, 40, 50, 60}));
        c->call(CallName::SetTyping, fields({{"typing", true}}));
        c->call(CallName::DrawLive, liveCall(str("other"), 0, {1, 1}));
        // Node B's negotiated member gets all five (each sender's in order).
        int live = 0;
        QElapsedTimer timer;
        timer.start();
        while (live < 5 && timer.elapsed() < 15000) {
            const auto statement = setup.b->next(1000);
            if (statement
                && (statement->name() == nameOf(ResultName::LiveLineChanged)
                    || statement->name() == nameOf(ResultName::TypingChanged)))
                ++live;
        }
        QCOMPARE(live, 5);
        QVERIFY(setup.a->drain() && c->drain()); // what they got of each other: node A ran it all

        setup.a->call(CallName::ChangeDrawLine,
                      fields({{"uuid", str("stroke")},
                              {"points", points},
                              {"tool", str("pen")},
                              {"color", str("#112233")}}));
        setup.a->call(CallName::DrawLive, liveCall(str("stroke"), 6, {}, true));
        setup.a->call(CallName::SetTyping, fields({{"typing", false}}));
        setup.a->call(CallName::CreateMessage, fields({{"body", str("done")}}));
        QVERIFY(setup.a->expect(nameOf(ResultName::DrawLineChanged)));
        QVERIFY(setup.a->expect(nameOf(ResultName::RoomSumChanged)));
        QVERIFY(setup.a->expect(nameOf(ResultName::MessageCreated)));
        QVERIFY(c->drain());
        c->call(CallName::LeaveRoom); // c was typing: node A says typing false, to negotiated members only
        QVERIFY(c->expect(nameOf(ResultName::RoomLeft)));
        const auto stopped = waitFor(*setup.b, nameOf(ResultName::TypingChanged), 10000);
        QVERIFY(stopped); // a's typing false crossed
        setup.a->call(CallName::CreateMessage, fields({{"body", str("marker")}}));

        // Everything p got up to the marker.
        QVector<ServerStatement> got;
        bool marker = false;
        timer.restart();
        while (!marker && timer.elapsed() < 15000) {
            const auto statement = setup.p->next(1000);
            if (!statement)
                continue;
            got << *statement;
            marker = statement->name() == nameOf(ResultName::MessageCreated)
                && statement->object().value(str("body")).toString() == str("marker");
        }
        QVERIFY(marker);
        QStringList names;
        for (const ServerStatement &statement : got) {
            names << statement.name();
            QVERIFY2(!statement.toText().contains(str("live_line_changed"))
                         && !statement.toText().contains(str("typing")),
                     qPrintable(statement.toText()));
        }
        QCOMPARE(names,
                 (QStringList {nameOf(ResultName::DrawLineChanged), nameOf(ResultName::RoomChanged),
                               nameOf(ResultName::MessageCreated), nameOf(ResultName::RoomChanged),
                               nameOf(ResultName::RoomChanged), nameOf(ResultName::MessageCreated)}));
        QCOMPARE(got.at(0).object().value(str("uuid")).toString(), str("stroke"));
        QCOMPARE(got.at(0).object().value(str("points")).toArray(), points);
        QCOMPARE(got.at(0).object().keys(),
                 (QStringList {str("color"), str("name"), str("points"), str("tool"), str("uuid")}));
        QCOMPARE(got.at(1).object().value(str("sum")).toInt(), 1); // the count, as a whole room
        QCOMPARE(got.at(2).object().value(str("body")).toString(), str("done"));
        const auto left = Room::fromJson(got.at(3).object()); // c left
        QVERIFY(left && !hasUser(*left, cUser) && left->users.size() == 3);
        QCOMPARE(got.at(4).object().value(str("sum")).toInt(), 2);
        QVERIFY(setup.p->receivesNothing());
    }

    void aKilledNodesUserLeavesTheRoomOfItsPreviews()
    {
        LiveNodes setup = liveNodes();
        QVERIFY(setup.ready);
        setup.a->call(CallName::DrawLive, liveCall(str("stroke"), 0, {1, 2}));
        QVERIFY(waitFor(*setup.b, nameOf(ResultName::LiveLineChanged), 10000));
        const QString author = setup.a->user().uuid;
        QElapsedTimer sinceKill;
        setup.nodeA->kill();
        sinceKill.start();
        // The room_changed without A's user is what makes its preview vanish at b (docs/EXTENSIONS.md).
        QVERIFY2(waitForRoom(
                     *setup.b, setup.room.uuid, [&](const Room &r) { return !hasUser(r, author); }, 20000),
                 "node A's user is still in the room 20 s after node A was killed");
        qInfo("node A's user left the room %lld ms after SIGKILL", sinceKill.elapsed());
    }

    // Node A is stopped (SIGSTOP) from before B's kill until B has restarted: only B itself can have removed
    // its earlier run's user, however long the restart takes. (A is stopped while it holds no write lock, or
    // B could not start.)
    void aRestartedNodeCleansUpItself()
    {
        const TwoNodesOneRoom setup = twoNodesWithBsUserInARoom();
        QVERIFY(setup.ready);
        const auto &[nodeA, nodeB, a, b, room, ready] = setup;
        QVERIFY(a->drain());

        QVERIFY(stopWithoutTheWriteLock(*nodeA));
        nodeB->kill();
        const bool restarted = startNode(str("B")) != nullptr; // cleans up before it listens (main.cpp)
        QCOMPARE(::kill(pid_t(nodeA->pid()), SIGCONT), 0);
        QVERIFY(restarted);
        // A's batch for the sync call first delivers B's committed events.
        const auto untilSync = a->sync(30000);
        QVERIFY(untilSync);
        bool emptied = false;
        for (const ServerStatement &statement : *untilSync) {
            const auto changed = Room::fromJson(statement.object());
            if (statement.name() == nameOf(ResultName::RoomChanged) && changed && changed->uuid == room.uuid)
                emptied = !hasUser(*changed, b->user().uuid);
        }
        QVERIFY2(emptied, "the restarted node B did not remove its earlier run's user");
        QVERIFY2(!nodeA->log().contains(str("node B has been silent")), qPrintable(nodeA->log()));
    }

    void aLostNotificationConnectionLosesNoEvent()
    {
        // A database of its own, so that killing its listeners leaves the other tests' nodes alone.
        m_ownDatabase = str("nodes_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
        {
            QSqlDatabase admin = adminConnection();
            QVERIFY(admin.isOpen());
            QSqlQuery create(admin);
            QVERIFY(create.exec(str("CREATE DATABASE %1").arg(m_ownDatabase)));
        }
        QSqlDatabase::removeDatabase(str("admin"));
        QUrl nodesUrl(m_baseUrl);
        nodesUrl.setPath(str("/") + m_ownDatabase);
        m_nodesUrl = nodesUrl.toString();

        ServerProcess *nodeA = startNode(str("A"));
        ServerProcess *nodeB = startNode(str("B"));
        QVERIFY(nodeA && nodeB);
        auto a = clientOf(nodeA);
        auto b = clientOf(nodeB);
        QVERIFY(a && b);
        const auto room = a->createRoom();
        QVERIFY(room);
        QVERIFY(a->enterRoom(room->uuid));
        QVERIFY(b->enterRoom(room->uuid));
        QVERIFY(settle({a.get(), b.get()}));

        {
            QSqlDatabase admin = adminConnection();
            QVERIFY(admin.isOpen());
            QSqlQuery kill(admin);
            QVERIFY(kill.exec(str("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                  "application_name = 'chat-server-listener' AND datname = '%1'")
                                  .arg(m_ownDatabase)));
            int killed = 0;
            while (kill.next())
                ++killed;
            QCOMPARE(killed, 2);
        }
        QSqlDatabase::removeDatabase(str("admin"));

        for (int i = 0; i < 5; ++i)
            a->call(CallName::CreateMessage, fields({{"body", str("after the loss %1").arg(i)}}));
        int received = 0;
        const QDeadlineTimer deadline(30000); // the heartbeat (2 s) listens again and catches up
        while (received < 5 && !deadline.hasExpired()) {
            const auto statement = b->next(int(qMax<qint64>(1, deadline.remainingTime())));
            if (statement && statement->name() == nameOf(ResultName::MessageCreated))
                ++received;
        }
        QCOMPARE(received, 5);
        QTRY_VERIFY_WITH_TIMEOUT(nodeB->log().contains(str("listening for the other nodes again")), 30000);
    }
};

QTEST_GUILESS_MAIN(TestNodes)
#include "tst_nodes.moc"
