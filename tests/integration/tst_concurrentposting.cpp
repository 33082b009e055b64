// 50 clients post into one room at once: nothing is lost, nothing duplicated, every member sees one order.
#include "model/Message.h"
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QTest>

#include <memory>

using namespace chat;

class TestConcurrentPosting : public QObject
{
    Q_OBJECT

private slots:
    void fiftyClientsPostAtOnce()
    {
        constexpr int clientCount = 50;
        constexpr int messagesEach = 10;
        TestServer server;
        QVERIFY(server.start());
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < clientCount; ++i) {
            clients.push_back(std::make_unique<TestClient>());
            QVERIFY(clients.back()->connectTo(server.url()));
        }
        const auto room = clients.front()->createRoom();
        QVERIFY(room);
        for (auto &client : clients) {
            QVERIFY(client->enterRoom(room->uuid));
        }
        // Each client forgets the room_changed of the later enters (all run before its sync round trip).
        for (auto &client : clients)
            QVERIFY(client->drain());

        // Every client queues all of its messages before the event loop runs: they reach the server
        // interleaved.
        for (int round = 0; round < messagesEach; ++round) {
            for (int i = 0; i < clientCount; ++i)
                clients[i]->call(CallName::CreateMessage,
                                 fields({{"body", QStringLiteral("%1/%2").arg(i).arg(round)}}));
        }

        constexpr int total = clientCount * messagesEach;
        QDeadlineTimer deadline(60000);
        QVector<QStringList> orders(clientCount);
        QVector<qint64> lastSum(clientCount, 0);
        bool done = false;
        while (!done && !deadline.hasExpired()) {
            QTest::qWait(20);
            done = true;
            for (int i = 0; i < clientCount; ++i) {
                for (const ServerStatement &statement : clients[i]->takeAll()) {
                    if (statement.name() == nameOf(ResultName::MessageCreated))
                        orders[i] << Message::fromJson(statement.object())->body;
                    else if (statement.name() == nameOf(ResultName::RoomChanged))
                        lastSum[i] = Room::fromJson(statement.object())->sum;
                }
                done = done && orders[i].size() >= total;
            }
        }
        for (int i = 0; i < clientCount; ++i) {
            QCOMPARE(orders[i].size(), total);
            QCOMPARE(QSet<QString>(orders[i].cbegin(), orders[i].cend()).size(), total); // no duplicates
            QCOMPARE(orders[i], orders[0]); // one order for all
            QCOMPARE(lastSum[i], total);
        }
        // Each sender's own messages keep the order it sent them in.
        for (int sender = 0; sender < clientCount; ++sender) {
            int expectedRound = 0;
            for (const QString &body : orders[0]) {
                if (body.startsWith(QStringLiteral("%1/").arg(sender))) {
                    QCOMPARE(body, QStringLiteral("%1/%2").arg(sender).arg(expectedRound));
                    ++expectedRound;
                }
            }
            QCOMPARE(expectedRound, messagesEach);
        }
        // The stored history is that same order.
        clients.front()->call(CallName::ListMessages);
        const auto history = clients.front()->expect(nameOf(ResultName::MessagesListed), 10000);
        QVERIFY(history);
        QStringList stored;
        for (const QJsonValue &value : history->list())
            stored << Message::fromJson(value.toObject())->body;
        QCOMPARE(stored, orders[0]);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentPosting)
#include "tst_concurrentposting.moc"
