// TextFrameWriter: the server's own text frames (RFC 6455 section 5.2), as a client reads them.
#include "transport/TextFrameWriter.h"
#include "websocket/FrameEncoder.h"

#include <QBuffer>
#include <QTest>
#include <QtEndian>

using chat::server::FrameEncoder;
using chat::server::TextFrameWriter;

namespace {

struct Frame
{
    bool final = false;
    int opcode = -1;
    QByteArray payload;
};

// Reads unmasked frames back; an empty list when the bytes are not exactly whole frames.
QVector<Frame> readFrames(const QByteArray &bytes)
{
    QVector<Frame> frames;
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < 2)
            return {};
        const auto first = quint8(bytes[at]);
        const auto second = quint8(bytes[at + 1]);
        if (second & 0x80)
            return {}; // a server must not mask
        at += 2;
        quint64 length = second & 0x7F;
        if (length == 126) {
            length = qFromBigEndian<quint16>(bytes.constData() + at);
            at += 2;
        } else if (length == 127) {
            length = qFromBigEndian<quint64>(bytes.constData() + at);
            at += 8;
        }
        if (quint64(bytes.size() - at) < length)
            return {};
        frames.append({bool(first & 0x80), first & 0x0F, bytes.mid(at, qsizetype(length))});
        at += qsizetype(length);
    }
    return frames;
}

QByteArray written(const QByteArray &payload)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    TextFrameWriter::write(buffer, payload);
    return bytes;
}

} // namespace

class TestTextFrameWriter : public QObject
{
    Q_OBJECT

private slots:
    void oneFrameUpToTheFragmentSize_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("headerSize");
        QTest::newRow("empty") << 0 << 2;
        QTest::newRow("125") << 125 << 2;
        QTest::newRow("126") << 126 << 4;
        QTest::newRow("65535") << 65535 << 4;
        QTest::newRow("65536") << 65536 << 10;
        QTest::newRow("fragment size") << int(FrameEncoder::maxFramePayload) << 10;
    }
    void oneFrameUpToTheFragmentSize()
    {
        QFETCH(int, size);
        QFETCH(int, headerSize);
        const QByteArray payload(size, 'x');
        const QByteArray bytes = written(payload);
        QCOMPARE(bytes.size(), size + headerSize);
        const auto frames = readFrames(bytes);
        QCOMPARE(frames.size(), 1);
        QVERIFY(frames[0].final);
        QCOMPARE(frames[0].opcode, 1); // text
        QCOMPARE(frames[0].payload, payload);
    }

    void biggerMessagesAreFragmented()
    {
        QByteArray payload;
        for (int i = 0; payload.size() <= 2 * FrameEncoder::maxFramePayload; ++i)
            payload.append(QByteArray::number(i)).append(',');
        const auto frames = readFrames(written(payload));
        QCOMPARE(frames.size(), 3);
        QCOMPARE(frames[0].opcode, 1);
        QCOMPARE(frames[1].opcode, 0); // continuation
        QCOMPARE(frames[2].opcode, 0);
        QVERIFY(!frames[0].final && !frames[1].final && frames[2].final);
        QCOMPARE(frames[0].payload.size(), FrameEncoder::maxFramePayload);
        QCOMPARE(frames[0].payload + frames[1].payload + frames[2].payload, payload);
    }
};

QTEST_GUILESS_MAIN(TestTextFrameWriter)
#include "tst_textframewriter.moc"
