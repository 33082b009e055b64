// FrameDecoder: what a client's bytes mean (RFC 6455 section 5, server side), without a socket.
#include "websocket/FrameDecoder.h"

#include <QTest>
#include <QtEndian>

using chat::server::FrameDecoder;
using Kind = FrameDecoder::Kind;

namespace {

constexpr qint64 limit = 1000;

// A frame as a client sends it: masked (RFC 6455 5.3).
QByteArray clientFrame(quint8 opcode, const QByteArray &payload, bool final = true, quint8 firstByteExtra = 0)
{
    QByteArray frame;
    frame.append(char((final ? 0x80 : 0) | firstByteExtra | opcode));
    const qsizetype size = payload.size();
    if (size <= 125) {
        frame.append(char(0x80 | size));
    } else if (size <= 0xFFFF) {
        frame.append(char(0x80 | 126));
        char length[2];
        qToBigEndian(quint16(size), length);
        frame.append(length, 2);
    } else {
        frame.append(char(0x80 | 127));
        char length[8];
        qToBigEndian(quint64(size), length);
        frame.append(length, 8);
    }
    const char mask[4] = {'\x37', '\xfa', '\x21', '\x3d'};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < size; ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

QByteArray closeFrame(quint16 code, const QByteArray &reason = {})
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    return clientFrame(0x8, payload + reason);
}

// Every event the decoder gives for `bytes`, fed in pieces of `piece` bytes (0: all at once).
QVector<FrameDecoder::Event> decodeAll(FrameDecoder &decoder, const QByteArray &bytes, qsizetype piece = 0)
{
    QVector<FrameDecoder::Event> events;
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(1, bytes.size());
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        decoder.append(bytes.mid(at, step));
        while (auto event = decoder.next())
            events.append(*event);
    }
    return events;
}

QVector<FrameDecoder::Event> decodeAll(const QByteArray &bytes, qsizetype piece = 0)
{
    FrameDecoder decoder(limit);
    return decodeAll(decoder, bytes, piece);
}

QString describe(const QVector<FrameDecoder::Event> &events)
{
    QStringList parts;
    for (const auto &event : events) {
        switch (event.kind) {
        case Kind::Text:
            parts << QStringLiteral("text:") + QString::fromUtf8(event.payload);
            break;
        case Kind::Binary:
            parts << QStringLiteral("binary:") + QString::fromLatin1(event.payload.toHex());
            break;
        case Kind::Ping:
            parts << QStringLiteral("ping:") + QString::fromLatin1(event.payload.toHex());
            break;
        case Kind::Pong:
            parts << QStringLiteral("pong");
            break;
        case Kind::Close:
            parts << QStringLiteral("close:%1").arg(event.code);
            break;
        case Kind::TooBig:
            parts << QStringLiteral("toobig:%1").arg(event.code);
            break;
        case Kind::Fail:
            parts << QStringLiteral("fail:%1").arg(event.code);
            break;
        }
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void messagesAndControlFrames_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << clientFrame(0x1, "hello") << QStringLiteral("text:hello");
        QTest::newRow("empty text") << clientFrame(0x1, {}) << QStringLiteral("text:");
        QTest::newRow("binary") << clientFrame(0x2, "\x01\x02") << QStringLiteral("binary:0102");
        QTest::newRow("16-bit length") << clientFrame(0x1, QByteArray(300, 'a'))
                                       << QStringLiteral("text:") + QString(300, QLatin1Char('a'));
        QTest::newRow("fragments with a ping between") << clientFrame(0x1, "he", false)
                + clientFrame(0x9, "p") + clientFrame(0x0, "ll", false)
                + clientFrame(0x0, "o") << QStringLiteral("ping:70 text:hello");
        QTest::newRow("a character cut between fragments")
            << clientFrame(0x1, "\xc3", false) + clientFrame(0x0, "\xa9") << QStringLiteral("text:\u00e9");
        QTest::newRow("pong, then close")
            << clientFrame(0xA, {}) + closeFrame(1000, "bye") << QStringLiteral("pong close:1000");
        QTest::newRow("after a violation nothing")
            << clientFrame(0x1, "a", true, 0x40) + clientFrame(0x1, "b") << QStringLiteral("fail:1002");
    }

    void messagesAndControlFrames()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, expected);
        QCOMPARE(describe(decodeAll(stream)), expected);
        // However the bytes are cut by the network, the same events.
        for (qsizetype piece : {1, 2, 3, 7})
            QCOMPARE(describe(decodeAll(stream, piece)), expected);
    }

    void aTextMessageIsPassedOnByteForByte()
    {
        // Not converted: a U+FEFF, first or not, is left for the JSON parser (docs/PROTOCOL.md section 3,
        // "Strings"), and noncharacters are well-formed UTF-8.
        const QByteArray text("\xef\xbb\xbf{\"a\":\"\xef\xbb\xbf\xef\xbf\xbf\"}");
        const auto events = decodeAll(clientFrame(0x1, text));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().payload, text);
    }

    void violations_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("code");
        QByteArray unmasked = clientFrame(0x1, "x");
        unmasked[1] = char(unmasked.at(1) & 0x7F);
        QTest::newRow("unmasked") << QByteArray("\x81\x01x", 3) << 1002;
        QTest::newRow("reserved bit") << clientFrame(0x1, "x", true, 0x20) << 1002;
        QTest::newRow("unknown data opcode") << clientFrame(0x3, "x") << 1002;
        QTest::newRow("unknown control opcode") << clientFrame(0xB, {}) << 1002;
        QTest::newRow("fragmented ping") << clientFrame(0x9, "x", false) << 1002;
        QTest::newRow("long ping") << clientFrame(0x9, QByteArray(126, 'x')) << 1002;
        QTest::newRow("continuation first") << clientFrame(0x0, "x") << 1002;
        QTest::newRow("text inside a message")
            << clientFrame(0x1, "x", false) + clientFrame(0x1, "y") << 1002;
        QTest::newRow("64-bit length with its top bit")
            << QByteArray("\x81\xff\x80\x00\x00\x00\x00\x00\x00\x01", 10) << 1002;
        QTest::newRow("text that is no UTF-8") << clientFrame(0x1, "\xc3\x28") << 1007;
        QTest::newRow("an encoded surrogate") << clientFrame(0x1, "\xed\xa0\x80") << 1007;
        QTest::newRow("an overlong form") << clientFrame(0x1, "\xc0\xaf") << 1007;
    }

    void violations()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, code);
        FrameDecoder decoder(limit);
        const auto events = decodeAll(decoder, stream + clientFrame(0x1, "after"));
        QCOMPARE(describe(events), QStringLiteral("fail:%1").arg(code));
        decoder.append(clientFrame(0x1, "more"));
        QVERIFY(!decoder.next());
        QCOMPARE(decoder.bufferedBytes(), 0); // nothing is kept after a violation
    }

    void closeAnswers_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("answer");
        QTest::newRow("empty") << clientFrame(0x8, {}) << 0;
        QTest::newRow("half a code") << clientFrame(0x8, "\x03") << 1002;
        for (int code : {1000, 1001, 1003, 1007, 1011, 1012, 1014, 3000, 4999})
            QTest::addRow("%d", code) << closeFrame(quint16(code), "ok") << code;
        for (int code : {999, 1004, 1005, 1006, 1015, 1016, 2999, 5000})
            QTest::addRow("%d refused", code) << closeFrame(quint16(code)) << 1002;
        QTest::newRow("reason no UTF-8") << closeFrame(1000, "\xff") << 1007;
    }

    void closeAnswers()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, answer);
        const auto events = decodeAll(frame);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Kind::Close);
        QCOMPARE(int(events.first().code), answer);
    }

    void aMessageOverTheLimitIsNeverHeld()
    {
        FrameDecoder decoder(limit);
        const QByteArray big = clientFrame(0x1, QByteArray(100 * limit, 'a'));
        const auto events = decodeAll(decoder, big.left(20));
        QCOMPARE(describe(events), QStringLiteral("toobig:1009"));
        decoder.dropDataFrames(); // the connection sent its close
        // The rest of the frame is counted off as it comes, never held.
        for (qsizetype at = 20; at < big.size(); at += 4096) {
            decoder.append(big.mid(at, 4096));
            QVERIFY(!decoder.next());
            QCOMPARE(decoder.bufferedBytes(), 0);
        }
        // The peer's answer to our close still counts.
        QCOMPARE(describe(decodeAll(decoder, clientFrame(0x1, "late") + closeFrame(1009))),
                 QStringLiteral("close:1009"));
    }

    void fragmentsCountTogetherTowardsTheLimit()
    {
        const QByteArray half(limit / 2 + 1, 'a');
        QCOMPARE(describe(decodeAll(clientFrame(0x1, half, false) + clientFrame(0x0, half))),
                 QStringLiteral("toobig:1009"));
        const QByteArray exact(limit, 'a');
        QCOMPARE(decodeAll(clientFrame(0x1, exact)).first().kind, Kind::Text);
    }

    void afterOurCloseOnlyControlFramesCount()
    {
        FrameDecoder decoder(limit);
        decoder.dropDataFrames();
        QCOMPARE(
            describe(decodeAll(decoder, clientFrame(0x1, "x") + clientFrame(0x9, "p") + closeFrame(1000))),
            QStringLiteral("ping:70 close:1000"));
    }

    void takenFramesAreNotKept()
    {
        FrameDecoder decoder(limit);
        QByteArray many;
        for (int i = 0; i < 500; ++i)
            many += clientFrame(0x1, QByteArray::number(i));
        const QByteArray partial = clientFrame(0x1, "tail").left(3);
        const auto events = decodeAll(decoder, many + partial);
        QCOMPARE(events.size(), 500);
        QCOMPARE(events.last().payload, QByteArray("499"));
        QCOMPARE(decoder.bufferedBytes(), partial.size()); // only the frame still arriving
    }
};

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "tst_framedecoder.moc"
