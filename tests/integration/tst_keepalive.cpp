// Keepalive (docs/PROTOCOL.md section 1): the server pings; a peer that does not answer within the pong
// timeout is closed (1011) and, when it does not answer the close either, dropped. QWebSocket answers on its
// own.
#include "support/RawWebSocket.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace chat;
using chat::server::ChatServer;

class TestKeepalive : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        ChatServer::Options options = TestServer::defaultOptions(200);
        options.limits.pongTimeoutMs = 300;
        QVERIFY(m_server.start(options));
    }
    void cleanup() { m_server.stop(); }

    void aPeerThatNeverAnswersPingsIsDropped()
    {
        RawWebSocket dead;
        QVERIFY(dead.handshake(m_server.server()->port()));
        QTRY_COMPARE(m_server.server()->sessionCount(), 1);
        QElapsedTimer timer;
        timer.start();
        // It reads (so it sees the pings) but never answers them, nor the close frame.
        int pings = 0;
        while (dead.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 30000) {
            QTest::qWait(20); // the server runs in this thread: no blocking waits
            pings = dead.pingsSeen();
        }
        QCOMPARE(dead.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(pings >= 1);
        dead.pingsSeen(); // what came before the end: the close frame the README documents
        QCOMPARE(dead.closeCodeSeen(), 1011);
        QCOMPARE(dead.closeReasonSeen(), QByteArray("keepalive ping timeout"));
        QTRY_COMPARE(m_server.server()->sessionCount(), 0);
    }

    // A peer that answers stays. No durations: while a ping is unanswered the server sends no other
    // (Session::keepAlive), so a third ping proves the first two pongs were taken; the pong deadline is long
    // so that a slow machine cannot miss it.
    void aPeerThatAnswersStays()
    {
        m_server.stop();
        ChatServer::Options options = TestServer::defaultOptions(100);
        options.limits.pongTimeoutMs = 20000;
        QVERIFY(m_server.start(options));
        RawWebSocket alive;
        alive.setAnswerPings(true);
        QVERIFY(alive.handshake(m_server.server()->port()));
        QTRY_COMPARE(m_server.server()->sessionCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(alive.pingsSeen() >= 3 || alive.state() != QAbstractSocket::ConnectedState,
                                 15000);
        QCOMPARE(alive.state(), QAbstractSocket::ConnectedState);
        QVERIFY(alive.pingsSeen() >= 3);
        QCOMPARE(alive.closeCodeSeen(), -1);
        QCOMPARE(m_server.server()->sessionCount(), 1);

        // And a QWebSocket, which answers by itself, still gets its answers.
        TestClient client;
        QVERIFY(client.connectTo(m_server.url()));
        client.call(CallName::ListRooms);
        QVERIFY(client.expect(nameOf(ResultName::RoomsListed)));
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestKeepalive)
#include "tst_keepalive.moc"
