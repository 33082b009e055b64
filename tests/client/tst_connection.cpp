// Connection against an in-process QWebSocketServer: it opens, offers the subprotocol, comes back by itself
// after the server drops it (with a growing delay), and stays closed after close().
#include "net/Connection.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace chat;

class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void reconnectsAfterTheServerDropsIt()
    {
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> peers;
        QStringList offered;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *peer = server.nextPendingConnection();
            offered = QString::fromLatin1(peer->request().rawHeader("Sec-WebSocket-Protocol"))
                          .split(QLatin1Char(','));
            peers.append(peer);
            peer->sendTextMessage(QStringLiteral("{\"hello\": 1}"));
        });

        Connection connection;
        connection.setSubprotocols({QStringLiteral("socketchat.v1")});
        QSignalSpy opened(&connection, &Connection::opened);
        QSignalSpy received(&connection, &Connection::textReceived);
        QSignalSpy closed(&connection, &Connection::closed);
        connection.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())));
        QVERIFY(opened.wait(5000));
        QCOMPARE(connection.state(), Connection::State::Connected);
        QCOMPARE(offered, QStringList {QStringLiteral("socketchat.v1")});
        QVERIFY(received.wait(5000) || received.count() == 1);
        QCOMPARE(received.first().at(0).toByteArray(), QByteArray("{\"hello\": 1}"));
        QVERIFY(connection.sendText(QStringLiteral("x")));

        peers.last()->close(QWebSocketProtocol::CloseCodeBadOperation);
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.first().at(0).toInt(), int(QWebSocketProtocol::CloseCodeBadOperation));
        QVERIFY(connection.state() == Connection::State::WaitingToReconnect
                || connection.state() == Connection::State::Connecting);
        QVERIFY(!connection.sendText(QStringLiteral("lost?"))); // refused, so the caller can say so
        QVERIFY(opened.wait(5000)); // back by itself
        QCOMPARE(peers.size(), 2);

        connection.close();
        QTest::qWait(1500);
        QCOMPARE(connection.state(), Connection::State::Disconnected);
        QCOMPARE(peers.size(), 2); // no reconnect after close()
        qDeleteAll(peers);
    }

    // A server that dies sends no close frame: that is an abnormal closure, 1006 (RFC 6455 section 7.1.5),
    // not the 1000 QWebSocket reports by default; a clean close keeps the server's own code.
    void aLostConnectionWithoutACloseFrameIs1006()
    {
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> peers;
        connect(&server, &QWebSocketServer::newConnection, this,
                [&] { peers.append(server.nextPendingConnection()); });

        Connection connection;
        QSignalSpy opened(&connection, &Connection::opened);
        QSignalSpy closed(&connection, &Connection::closed);
        connection.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())));
        QVERIFY(opened.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 1, 10000);
        peers.last()->abort(); // the TCP connection ends, no close frame
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.last().at(0).toInt(), int(QWebSocketProtocol::CloseCodeAbnormalDisconnection));

        QVERIFY(opened.wait(10000)); // back by itself; this time the server says goodbye properly
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 2, 10000);
        peers.last()->close(QWebSocketProtocol::CloseCodeNormal);
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.last().at(0).toInt(), int(QWebSocketProtocol::CloseCodeNormal));
        connection.close();
        qDeleteAll(peers);
    }

    void backoffGrowsAndIsCapped()
    {
        Connection connection;
        QSignalSpy states(&connection, &Connection::stateChanged);
        const int first = connection.nextRetryDelayMs();
        connection.open(QUrl(QStringLiteral("ws://127.0.0.1:1"))); // nobody listens
        QVERIFY(QTest::qWaitFor([&] { return connection.nextRetryDelayMs() > first; }, 5000));
        QVERIFY(connection.nextRetryDelayMs() <= 30000);
        connection.close();
        QCOMPARE(connection.state(), Connection::State::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
