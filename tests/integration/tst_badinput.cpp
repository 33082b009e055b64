// Every bad input of docs/PROTOCOL.md sections 2.1 and 7: a reply, never a closed connection (but > 1 MiB).
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QTest>

using namespace chat;

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }
    void cleanupTestCase() { m_server.stop(); }
    void init() { QVERIFY(m_client.connectTo(m_server.url())); }
    void cleanup()
    {
        m_client.close();
        m_client.waitForDisconnected();
    }

    void textStatements_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reply");
        const QString badData = nameOf(GeneralReply::BadData);
        const QString insufficient = nameOf(GeneralReply::NotSufficientData);
        const QString tooLong = nameOf(GeneralReply::DataTooLong);
        const QString base =
            str("{\"type\": \"call\", \"payload\": {\"message\": \"list_rooms\", \"pad\": \"");
        const QString tail = str("\"}}");
        const int pad = 100000 - static_cast<int>(base.size() + tail.size());

        QTest::newRow("not json") << str("not json") << badData;
        QTest::newRow("truncated") << str("{") << badData;
        QTest::newRow("empty") << str("") << badData;
        QTest::newRow("array") << str("[]") << badData;
        QTest::newRow("null") << str("null") << badData;
        QTest::newRow("string") << str("\"list_rooms\"") << badData;
        QTest::newRow("number") << str("1") << badData;
        QTest::newRow("NaN") << str("{\"payload\": {\"message\": \"list_rooms\", \"x\": NaN}}") << badData;
        QTest::newRow("1e999") << str("{\"payload\": {\"message\": \"list_rooms\", \"x\": 1e999}}")
                               << badData;
        QTest::newRow("too deep") << str("{\"payload\": {\"message\": \"list_rooms\", \"x\": ")
                + QString(2000, u'[') + QString(2000, u']')
                + str("}}") << badData;
        QTest::newRow("unknown call")
            << str("{\"type\": \"call\", \"payload\": {\"message\": \"fly\"}}") << badData;
        QTest::newRow("no payload") << str("{}") << insufficient;
        QTest::newRow("type only") << str("{\"type\": \"call\"}") << insufficient;
        QTest::newRow("no message") << str("{\"type\": \"call\", \"payload\": {}}") << insufficient;
        QTest::newRow("other keys") << str("{\"type\": \"call\", \"payload\": {\"uuid\": \"x\"}}")
                                    << insufficient;
        QTest::newRow("payload string")
            << str("{\"type\": \"call\", \"payload\": \"list_rooms\"}") << insufficient;
        QTest::newRow("message list")
            << str("{\"type\": \"call\", \"payload\": {\"message\": [\"list_rooms\"]}}") << insufficient;
        QTest::newRow("no type") << str("{\"payload\": {\"message\": \"list_rooms\"}}")
                                 << nameOf(ResultName::RoomsListed);
        QTest::newRow("bogus type") << str(
            "{\"type\": \"bogus\", \"payload\": {\"message\": \"list_rooms\"}}")
                                    << nameOf(ResultName::RoomsListed);
        QTest::newRow("duplicate keys") << str(
            "{\"payload\": {\"message\": \"create_room\"}, \"payload\": {\"message\": \"list_rooms\"}}")
                                        << nameOf(ResultName::RoomsListed);
        QTest::newRow("100000 chars") << base + QString(pad, u'p') + tail << nameOf(ResultName::RoomsListed);
        QTest::newRow("100001 chars") << base + QString(pad + 1, u'p') + tail << tooLong;
        QTest::newRow("100001 garbage") << QString(100001, u'x') << tooLong;
        QTest::newRow("60065 chars, 120065 bytes")
            << base + QString(60000, QChar(0xe9)) + tail << nameOf(ResultName::RoomsListed);
        QString astral;
        for (int i = 0; i < pad; ++i)
            astral += QString::fromUcs4(U"\U0001F600", 1);
        QTest::newRow("100000 code points, astral")
            << base + astral + tail << nameOf(ResultName::RoomsListed);
        QTest::newRow("lone surrogate name")
            << str("{\"payload\": {\"message\": \"change_user_name\", \"name\": \"\\ud800\"}}")
            << insufficient;
    }

    void textStatements()
    {
        QFETCH(QString, text);
        QFETCH(QString, reply);
        m_client.sendText(text);
        const auto answer = m_client.expect(reply);
        QVERIFY(answer);
        if (reply != nameOf(ResultName::RoomsListed))
            QCOMPARE(answer->type(), StatementType::Result); // general replies use "result" (Q5)
        QVERIFY(m_client.receivesNothing());
        probeAlive();
    }

    void binaryFrames_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("reply");
        QTest::newRow("utf-8 call") << QByteArray(
            "{\"type\": \"call\", \"payload\": {\"message\": \"list_rooms\"}}")
                                    << nameOf(ResultName::RoomsListed);
        const QString call = str("{\"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("utf-16 with BOM") << QByteArray("\xff\xfe", 2)
                + QByteArray(reinterpret_cast<const char *>(call.utf16()), call.size() * 2)
                                         << nameOf(ResultName::RoomsListed);
        QTest::newRow("ff fe") << QByteArray("\xff\xfe") << nameOf(GeneralReply::BadData);
        QTest::newRow("invalid utf-8") << QByteArray("\x80\x81\x82") << nameOf(GeneralReply::BadData);
    }

    void binaryFrames()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, reply);
        m_client.sendBinary(data);
        QVERIFY(m_client.expect(reply));
        probeAlive();
    }

    void aMessageOverOneMebibyteCloses1009()
    {
        TestClient bystander;
        QVERIFY(bystander.connectTo(m_server.url()));
        m_client.sendText(str("{\"payload\": {\"message\": \"list_rooms\", \"pad\": \"")
                          + QString(1 << 20, u'h') + str("\"}}"));
        QVERIFY(m_client.waitForDisconnected());
        QCOMPARE(m_client.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        bystander.call(CallName::ListRooms);
        QVERIFY(bystander.expect(nameOf(ResultName::RoomsListed)));
    }

    void justUnderOneMebibyteIsAnsweredTooLong()
    {
        m_client.sendText(QString(1000000, u'x'));
        QVERIFY(m_client.expect(nameOf(GeneralReply::DataTooLong)));
        probeAlive();
    }

private:
    void probeAlive()
    {
        m_client.drain();
        m_client.call(CallName::ListRooms);
        QVERIFY(m_client.expect(nameOf(ResultName::RoomsListed)));
        QVERIFY(m_client.isConnected());
    }

    TestServer m_server;
    TestClient m_client;
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
