// Connection against an in-process QWebSocketServer: it opens, offers the subprotocol, comes back by itself
// after the server drops it (with a growing delay), and stays closed after close(). A fragmented statement
// (docs/PROTOCOL.md Q4) arrives whole.
#include "models/RoomListModel.h"
#include "net/Connection.h"
#include "net/ProtocolClient.h"
#include "protocol/ServerStatement.h"

#include <QCryptographicHash>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
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
        // No reconnect after close(): once the socket has closed (and its disconnected() was handled), no
        // retry is scheduled, so none can come later.
        QTRY_VERIFY_WITH_TIMEOUT(connection.socketClosedForTesting(), 10000);
        QVERIFY(!connection.reconnectScheduledForTesting());
        QCOMPARE(connection.state(), Connection::State::Disconnected);
        QCOMPARE(peers.size(), 2);
        qDeleteAll(peers);
    }

    // Q4: the original sent the delete_room error no_specified_room as a text frame without the final bit,
    // followed by an empty continuation frame. A hand-made server sends exactly those two frames (RFC 6455
    // 5.4); the client must hand on the whole text once, and it must parse as the error.
    void fragmentedStatementArrivesWhole()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QByteArray text = "{\"type\": \"error\", \"payload\": {\"message\": \"no_specified_room\"}}";
        QVERIFY(text.size() < 126); // one length byte below
        QTcpSocket *peer = nullptr;
        QByteArray request;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            peer = server.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, this, [&] {
                request += peer->readAll();
                if (!request.contains("\r\n\r\n"))
                    return;
                QByteArray key;
                for (const QByteArray &line : request.split('\n')) {
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(int(qstrlen("sec-websocket-key:"))).trimmed();
                }
                const QByteArray accept =
                    QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                             QCryptographicHash::Sha1)
                        .toBase64();
                QByteArray frames = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n";
                frames += char(0x01); // text, FIN clear
                frames += char(text.size()); // unmasked: frames from a server are never masked
                frames += text;
                frames += char(0x80); // continuation, FIN set, empty
                frames += char(0x00);
                frames += char(0x81); // then a whole text frame: it must be the next message, the
                frames += char(2); // empty fragment must not have been one
                frames += "{}";
                peer->write(frames);
                request.clear();
                disconnect(peer, &QTcpSocket::readyRead, this, nullptr);
            });
        });

        Connection connection;
        QSignalSpy opened(&connection, &Connection::opened);
        QSignalSpy received(&connection, &Connection::textReceived);
        connection.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())));
        QVERIFY(opened.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, 10000);
        QCOMPARE(received.at(1).at(0).toByteArray(), QByteArray("{}"));
        const QByteArray whole = received.first().at(0).toByteArray();
        QCOMPARE(whole, text);
        const auto parsed = ServerStatement::parse(whole);
        QVERIFY(parsed);
        QCOMPARE(parsed->errorName(), std::optional<ErrorName>(ErrorName::NoSpecifiedRoom));
        connection.close();
    }

    // ProtocolClient over a real socket: losing the connection and getting it back are told (notices), the
    // room it was in is entered again when it still exists and closed with its reason when it vanished
    // meanwhile, and a close for a rejected request names the call.
    void reconnectNoticesAndAVanishedRoom()
    {
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> peers;
        QStringList received; // the calls, as the server got them
        const QString room = QStringLiteral(
            "{\"uuid\": \"r1\", \"name\": \"One\", \"color\": \"#fff\", \"users\": [], \"sum\": 0}");
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *peer = server.nextPendingConnection();
            peers.append(peer);
            connect(peer, &QWebSocket::textMessageReceived, this, [&, peer](const QString &text) {
                received.append(text);
                if (text.contains(QLatin1String("\"enter_room\"")))
                    peer->sendTextMessage(QStringLiteral(
                        "{\"type\": \"result\", \"payload\": {\"message\": \"room_entered\"}}"));
            });
            peer->sendTextMessage(
                QStringLiteral("{\"type\": \"result\", \"payload\": {\"message\": "
                               "\"user_created\", \"object\": {\"uuid\": \"u%1\", \"name\": "
                               "\"user-u%1\", \"room_uuid\": null}}}")
                    .arg(peers.size()));
            // The room exists for the first two connections and is gone for the third.
            peer->sendTextMessage(QStringLiteral("{\"type\": \"result\", \"payload\": {\"message\": "
                                                 "\"rooms_listed\", \"list\": [%1]}}")
                                      .arg(peers.size() <= 2 ? room : QString()));
        });

        ProtocolClient client;
        QSignalSpy notices(&client, &ProtocolClient::notice);
        QSignalSpy closed(&client, &ProtocolClient::roomClosed);
        const auto noticesText = [&] {
            QStringList texts;
            for (const QList<QVariant> &arguments : std::as_const(notices))
                texts << arguments.at(0).toString();
            return texts;
        };
        client.connectTo(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())));
        QTRY_COMPARE_WITH_TIMEOUT(client.rooms()->rowCount(), 1, 10000);
        QVERIFY(client.enterRoom(QStringLiteral("r1")));
        QTRY_COMPARE_WITH_TIMEOUT(client.currentRoom(), QStringLiteral("r1"), 10000);
        QVERIFY(notices.isEmpty());

        // Lost: told at once; back: told, and the room is entered again (it still exists).
        peers.last()->close(QWebSocketProtocol::CloseCodeGoingAway);
        QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 10000);
        QCOMPARE(noticesText().first(),
                 QStringLiteral("The connection to the server was lost. Reconnecting…"));
        QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(noticesText().contains(QStringLiteral("Connected again.")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(QStringLiteral("{\"payload\":{\"message\":\"enter_room\","
                                                                "\"uuid\":\"r1\"},\"type\":\"call\"}")),
                                  2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(client.currentRoom(), QStringLiteral("r1"), 10000);
        QCOMPARE(closed.count(), 0);

        // A request the server rejects by closing (1009): the notice names the call. The room has vanished
        // by the next connection: it is closed with its reason instead of entered.
        notices.clear();
        QVERIFY(client.createRoom());
        QTRY_VERIFY_WITH_TIMEOUT(received.last().contains(QLatin1String("create_room")), 10000);
        peers.last()->close(QWebSocketProtocol::CloseCodeTooMuchData);
        QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 10000);
        QCOMPARE(
            noticesText().first(),
            QStringLiteral("The server rejected the last request (create_room) and closed the connection."));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 20000);
        QCOMPARE(closed.first().at(0).toString(), QStringLiteral("r1"));
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("The room you were in no longer exists."));
        QVERIFY(client.currentRoom().isEmpty());
        QCOMPARE(received.count(QStringLiteral("{\"payload\":{\"message\":\"enter_room\",\"uuid\":\"r1\"},"
                                               "\"type\":\"call\"}")),
                 2);
        client.connection()->close();
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
