// Room links: what "Copy link" gives is what chat-client LINK opens.
#include "net/RoomLink.h"
#include "net/ServerAddress.h"

#include <QTest>

using namespace chat;

class TestRoomLink : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("server");
        QTest::newRow("local") << QStringLiteral("ws://127.0.0.1:9000");
        QTest::newRow("public") << QStringLiteral("wss://chat.zoloto.cx.ua/api");
        QTest::newRow("query") << QStringLiteral("wss://example.org:8443/chat?x=1&y=2");
    }

    void roundTrip()
    {
        QFETCH(QString, server);
        const QString room = QStringLiteral("f37eaa53-739f-41ec-b3ad-c7580fb5890b");
        const RoomLink link {QUrl(server), room};
        const QString text = link.toUrl().toString(QUrl::FullyEncoded);
        QVERIFY(text.startsWith(QLatin1String("socketchat://room/")));
        const auto parsed = RoomLink::parse(text);
        QVERIFY2(parsed, qPrintable(text));
        QCOMPARE(parsed->server, QUrl(server));
        QCOMPARE(parsed->room, room);
    }

    void sameServer_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("equal") << "ws://127.0.0.1:9000"
                               << "ws://127.0.0.1:9000" << true;
        QTest::newRow("slash") << "ws://127.0.0.1:9000/"
                               << "ws://127.0.0.1:9000" << true;
        QTest::newRow("case") << "WSS://Example.ORG/api"
                              << "wss://example.org/api" << true;
        QTest::newRow("ws port 80") << "ws://example.org:80"
                                    << "ws://example.org" << true;
        QTest::newRow("wss port 443") << "wss://example.org:443/api"
                                      << "wss://example.org/api/" << true;
        QTest::newRow("port") << "ws://127.0.0.1:9000"
                              << "ws://127.0.0.1:9001" << false;
        QTest::newRow("host") << "ws://127.0.0.1:9000"
                              << "ws://127.0.0.2:9000" << false;
        QTest::newRow("tls") << "ws://example.org/api"
                             << "wss://example.org/api" << false;
        QTest::newRow("path") << "wss://example.org/api"
                              << "wss://example.org/other" << false;
        QTest::newRow("ws 443") << "ws://example.org:443"
                                << "ws://example.org" << false;
    }

    void sameServer()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(RoomLink::sameServer(QUrl(a), QUrl(b)), same);
        QCOMPARE(RoomLink::sameServer(QUrl(b), QUrl(a)), same);
    }

    void webLinksOfTheOriginal()
    {
        const auto parsed = RoomLink::parse(
            QStringLiteral("https://chat.zoloto.cx.ua/room/f37eaa53-739f-41ec-b3ad-c7580fb5890b"));
        QVERIFY(parsed);
        QCOMPARE(parsed->server, ServerAddress::publicServer());
    }

    void rejectsOtherText()
    {
        QVERIFY(!RoomLink::parse(QStringLiteral("hello")));
        QVERIFY(!RoomLink::parse(QStringLiteral("socketchat://room/abc?server=http://x")));
        QVERIFY(!RoomLink::parse(QStringLiteral("socketchat://room/not a uuid")));
    }

    void serverAddresses()
    {
        QVERIFY(ServerAddress::isValid(ServerAddress::publicServer()));
        QVERIFY(!ServerAddress::isValid(QUrl(QStringLiteral("http://x"))));
        QCOMPARE(ServerAddress::fromUserText(QStringLiteral("localhost:9000")),
                 QUrl(QStringLiteral("ws://localhost:9000")));
    }
};

QTEST_GUILESS_MAIN(TestRoomLink)
#include "tst_roomlink.moc"
