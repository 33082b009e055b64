// FrameEncoder: the frames the server sends (RFC 6455 section 5.2), as bytes.
#include "websocket/FrameEncoder.h"

#include <QTest>
#include <QtEndian>

using chat::server::FrameEncoder;

class TestFrameEncoder : public QObject
{
    Q_OBJECT

private slots:
    void headersUseTheShortestLength_data()
    {
        QTest::addColumn<qlonglong>("payload");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("0") << 0LL << QByteArray("\x81\x00", 2);
        QTest::newRow("125") << 125LL << QByteArray("\x81\x7d", 2);
        QTest::newRow("126") << 126LL << QByteArray("\x81\x7e\x00\x7e", 4);
        QTest::newRow("65535") << 65535LL << QByteArray("\x81\x7e\xff\xff", 4);
        QTest::newRow("65536") << 65536LL << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
    }

    void headersUseTheShortestLength()
    {
        QFETCH(qlonglong, payload);
        QFETCH(QByteArray, expected);
        QCOMPARE(FrameEncoder::header(FrameEncoder::Text, true, qsizetype(payload)), expected);
    }

    void aLongMessageGoesInFragments()
    {
        const qsizetype size = 2 * FrameEncoder::maxFramePayload + 1;
        const auto parts = FrameEncoder::fragments(size);
        QCOMPARE(parts.size(), 3);
        QCOMPARE(quint8(parts[0].header.at(0)), quint8(FrameEncoder::Text)); // not final
        QCOMPARE(quint8(parts[1].header.at(0)), quint8(FrameEncoder::Continuation));
        QCOMPARE(quint8(parts[2].header.at(0)), quint8(FrameEncoder::finBit | FrameEncoder::Continuation));
        QCOMPARE(parts[2].offset, 2 * FrameEncoder::maxFramePayload);
        QCOMPARE(parts[2].size, 1);
        const auto empty = FrameEncoder::fragments(0);
        QCOMPARE(empty.size(), 1);
        QCOMPARE(empty[0].header, QByteArray("\x81\x00", 2));
    }

    void aCloseReasonIsCutBetweenCharacters()
    {
        const QByteArray reason = QString(100, QChar(0x00e9)).toUtf8(); // 200 bytes of two-byte characters
        const QByteArray payload = FrameEncoder::closePayload(1001, reason);
        QCOMPARE(qFromBigEndian<quint16>(payload.constData()), quint16(1001));
        QVERIFY(payload.size() - 2 <= FrameEncoder::maxCloseReasonBytes);
        QCOMPARE(payload.size() - 2, 122); // 61 whole characters, not 61 and a half
        QCOMPARE(QString::fromUtf8(payload.mid(2)), QString(61, QChar(0x00e9)));
        QCOMPARE(FrameEncoder::closePayload(1000, "bye").mid(2), QByteArray("bye"));
    }

    void controlFramesFit()
    {
        const QByteArray frame = FrameEncoder::controlFrame(FrameEncoder::Ping, QByteArray(300, 'x'));
        QCOMPARE(frame.size(), 2 + FrameEncoder::maxControlPayload);
        QCOMPARE(quint8(frame.at(0)), quint8(FrameEncoder::finBit | FrameEncoder::Ping));
    }
};

QTEST_GUILESS_MAIN(TestFrameEncoder)
#include "tst_frameencoder.moc"
