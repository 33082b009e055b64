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
        while (dead.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 8000) {
            QTest::qWait(20); // the server runs in this thread: no blocking waits
            pings = dead.pingsSeen();
        }
        QCOMPARE(dead.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(pings >= 1);
        QTRY_COMPARE(m_server.server()->sessionCount(), 0);
    }

    void aPeerThatAnswersStays()
    {
        TestClient alive;
        QVERIFY(alive.connectTo(m_server.url()));
        QTest::qWait(1500); // several ping periods and pong deadlines
        QVERIFY(alive.isConnected());
        alive.call(CallName::ListRooms);
        QVERIFY(alive.expect(nameOf(ResultName::RoomsListed)));
        QCOMPARE(m_server.server()->sessionCount(), 1);
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestKeepalive)
#include "tst_keepalive.moc"
