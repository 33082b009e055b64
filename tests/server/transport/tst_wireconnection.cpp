// WireConnection, the server side of RFC 6455 on a bare descriptor: messages whole or in fragments with a
// ping between them, every way a peer can break the protocol (and the close code it gets), the message size
// limit, the close handshake from either side, the end of the stream, and many big messages written through
// a kernel buffer that cannot take them at once. The peer is the other end of a socket pair, driven byte by
// byte.
#include "transport/WireConnection.h"

#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using chat::server::WireConnection;

namespace {

constexpr qint64 limit = 1000;

// A client frame: always masked, as RFC 6455 requires of clients.
QByteArray clientFrame(quint8 opcode, const QByteArray &payload, bool final = true, bool masked = true)
{
    QByteArray frame;
    frame.append(char((final ? 0x80 : 0) | opcode));
    const quint8 maskBit = masked ? 0x80 : 0;
    if (payload.size() < 126) {
        frame.append(char(maskBit | payload.size()));
    } else {
        frame.append(char(maskBit | 126));
        char length[2];
        qToBigEndian(quint16(payload.size()), length);
        frame.append(length, 2);
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    if (masked)
        frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(masked ? char(payload[i] ^ mask[i % 4]) : payload[i]);
    return frame;
}

QByteArray closePayload(quint16 code)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    return payload;
}

// The header of a masked client frame that announces `length` bytes in the 64-bit form, and its mask.
QByteArray longFrameHeader(quint8 opcode, quint64 length)
{
    QByteArray header;
    header.append(char(0x80 | opcode));
    header.append(char(0x80 | 127));
    char bytes[8];
    qToBigEndian(length, bytes);
    header.append(bytes, 8);
    header.append("\x12\x34\x56\x78", 4);
    return header;
}

struct ServerFrame
{
    int opcode = -1;
    bool final = false;
    QByteArray payload;
};

} // namespace

class TestWireConnection : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        int pair[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) == 0);
        m_peer = pair[1];
        m_received.clear();
        m_connection = std::make_unique<WireConnection>(pair[0], QByteArray(), limit);
    }
    void cleanup()
    {
        m_connection.reset();
        ::close(m_peer);
    }

    void aMaskedTextFrameIsOneMessage()
    {
        QSignalSpy texts(m_connection.get(), &WireConnection::textMessageReceived);
        send(clientFrame(0x1, "h\xc3\xa9llo"));
        QVERIFY(texts.wait(30000));
        QCOMPARE(texts.constFirst().constFirst().toString(), QString::fromUtf8("h\xc3\xa9llo"));
    }

    void framesThatCameWithTheHandshakeAreRead()
    {
        int pair[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair) == 0);
        WireConnection early(pair[0], clientFrame(0x1, "first") + clientFrame(0x1, "sec"), limit);
        QSignalSpy texts(&early, &WireConnection::textMessageReceived);
        QVERIFY(texts.size() > 0 || texts.wait(30000));
        QTRY_COMPARE(texts.size(), 2);
        QCOMPARE(texts.at(1).constFirst().toString(), QStringLiteral("sec"));
        ::close(pair[1]);
    }

    void fragmentsMakeOneMessageAndAPingBetweenIsAnswered()
    {
        QSignalSpy texts(m_connection.get(), &WireConnection::textMessageReceived);
        send(clientFrame(0x1, "one ", false) + clientFrame(0x9, "p!") + clientFrame(0x0, "two ", false)
             + clientFrame(0x0, "three"));
        QVERIFY(texts.wait(30000));
        QCOMPARE(texts.size(), 1);
        QCOMPARE(texts.constFirst().constFirst().toString(), QStringLiteral("one two three"));
        const auto frames = receiveFrames(1);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].opcode, 0xA); // pong, with the ping's payload
        QCOMPARE(frames[0].payload, QByteArray("p!"));
    }

    void aBurstOfSmallFramesArrivesWholeAndInOrder()
    {
        QSignalSpy texts(m_connection.get(), &WireConnection::textMessageReceived);
        QByteArray burst;
        for (int i = 0; i < 5000; ++i)
            burst += clientFrame(0x1, QByteArray::number(i));
        send(burst);
        QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 5000, 10000);
        for (int i = 0; i < 5000; ++i)
            QCOMPARE(texts.at(i).constFirst().toString(), QString::number(i));
    }

    void whileClosingOnlyThePeersCloseCounts()
    {
        QSignalSpy texts(m_connection.get(), &WireConnection::textMessageReceived);
        QSignalSpy ended(m_connection.get(), &WireConnection::disconnected);
        m_connection->close(1008, {});
        QCOMPARE(receiveFrames(1).size(), 1);
        QByteArray code(2, Qt::Uninitialized);
        qToBigEndian(quint16(1008), code.data());
        send(clientFrame(0x1, "late") + clientFrame(0x1, "later", false) + clientFrame(0x8, code));
        QVERIFY(ended.wait(30000));
        QCOMPARE(texts.size(), 0);
    }

    void binaryMessagesArriveAsBytes()
    {
        QSignalSpy binaries(m_connection.get(), &WireConnection::binaryMessageReceived);
        send(clientFrame(0x2, QByteArray("\x00\xff{}", 4)));
        QVERIFY(binaries.wait(30000));
        QCOMPARE(binaries.constFirst().constFirst().toByteArray(), QByteArray("\x00\xff{}", 4));
    }

    void protocolViolationsCloseTheConnection_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << clientFrame(0x1, "x", true, false) << 1002;
        QTest::newRow("reserved bit") << QByteArray(clientFrame(0x1, "x")).replace(0, 1, "\xc1") << 1002;
        QTest::newRow("unknown opcode") << clientFrame(0x3, "x") << 1002;
        QTest::newRow("continuation first") << clientFrame(0x0, "x") << 1002;
        QTest::newRow("text inside a text") << clientFrame(0x1, "a", false) + clientFrame(0x1, "b") << 1002;
        QTest::newRow("fragmented ping") << clientFrame(0x9, "x", false) << 1002;
        QTest::newRow("invalid UTF-8") << clientFrame(0x1, "\xc3\x28") << 1007;
        QTest::newRow("over the limit") << clientFrame(0x1, QByteArray(limit + 1, 'x')) << 1009;
        QTest::newRow("over the limit in fragments")
            << clientFrame(0x1, QByteArray(600, 'x'), false) + clientFrame(0x0, QByteArray(600, 'x')) << 1009;
        // A 64-bit length must have its top bit clear; one near 2^64 once wrapped the limit check, so a
        // continuation was read with a negative size.
        QTest::newRow("64-bit length with the top bit")
            << clientFrame(0x1, "a", false) + longFrameHeader(0x0, ~quint64(0)) + QByteArray(64, 'x') << 1002;
    }
    void protocolViolationsCloseTheConnection()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QSignalSpy texts(m_connection.get(), &WireConnection::textMessageReceived);
        send(bytes);
        const auto frames = receiveFrames(1);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].opcode, 0x8);
        QCOMPARE(int(qFromBigEndian<quint16>(frames[0].payload.constData())), code);
        QVERIFY(!m_connection->isOpen());
        QCOMPARE(texts.size(), 0);
        // After a message over the limit the framing holds, so the peer's answer ends it (after 1002 and 1007
        // what comes is dropped, and the caller's close deadline ends the connection).
        if (code == 1009) {
            QSignalSpy ended(m_connection.get(), &WireConnection::disconnected);
            send(clientFrame(0x8, frames[0].payload));
            QVERIFY(ended.wait(30000));
        }
    }

    void aCloseFromThePeerIsAnsweredWithItsCode_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("answer"); // -1: answered without a code
        QTest::newRow("going away, with a reason") << closePayload(1001) + "bye" << 1001;
        QTest::newRow("no code") << QByteArray() << -1;
        QTest::newRow("application code") << closePayload(3000) << 3000;
        QTest::newRow("last private code") << closePayload(4999) << 4999;
        QTest::newRow("try again later") << closePayload(1013) << 1013;
        // Not a close frame a peer may send: answered with 1002 (1007 for a reason that is not UTF-8), never
        // echoed (the fuzz target found half a code echoed as a one-byte close payload).
        QTest::newRow("half a code") << QByteArray("\x03") << 1002;
        QTest::newRow("no status is not for the wire") << closePayload(1005) << 1002;
        QTest::newRow("abnormal is not for the wire") << closePayload(1006) << 1002;
        QTest::newRow("reserved") << closePayload(2000) << 1002;
        QTest::newRow("below 1000") << closePayload(999) << 1002;
        QTest::newRow("5000 and above") << closePayload(5000) << 1002;
        QTest::newRow("reason not UTF-8") << closePayload(1000) + "\xc3\x28" << 1007;
    }

    void aCloseFromThePeerIsAnsweredWithItsCode()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, answer);
        QSignalSpy ended(m_connection.get(), &WireConnection::disconnected);
        send(clientFrame(0x8, payload));
        const auto frames = receiveFrames(1);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].opcode, 0x8);
        QCOMPARE(frames[0].payload, answer < 0 ? QByteArray() : closePayload(quint16(answer)));
        QVERIFY(!ended.isEmpty() || ended.wait(30000));
    }

    void ourCloseEndsWhenThePeerAnswers()
    {
        QSignalSpy ended(m_connection.get(), &WireConnection::disconnected);
        m_connection->close(1008, QStringLiteral("rate limit exceeded"));
        const auto frames = receiveFrames(1);
        QCOMPARE(frames[0].opcode, 0x8);
        QCOMPARE(qFromBigEndian<quint16>(frames[0].payload.constData()), quint16(1008));
        QCOMPARE(frames[0].payload.mid(2), QByteArray("rate limit exceeded"));
        QCOMPARE(ended.size(), 0);
        send(clientFrame(0x8, frames[0].payload.left(2)));
        QVERIFY(ended.wait(30000));
    }

    void theEndOfTheStreamIsADisconnection()
    {
        QSignalSpy ended(m_connection.get(), &WireConnection::disconnected);
        ::shutdown(m_peer, SHUT_WR);
        QVERIFY(ended.wait(30000));
        QVERIFY(!m_connection->isOpen());
    }

    void manyBigMessagesArriveWholeAndInOrder()
    {
        QVector<QByteArray> messages;
        for (int i = 0; i < 40; ++i)
            messages.append(QByteArray::number(i) + ':' + QByteArray(100000 + i * 1000, char('a' + i % 26)));
        messages.append(QByteArray(600 * 1024, 'z')); // over one frame: fragmented
        m_connection->sendTexts(messages);
        QVERIFY(m_connection->bytesToWrite() > 0); // a socket pair's buffer cannot take 4 MB at once
        const auto frames = receiveFrames(messages.size() + 1);
        QCOMPARE(frames.size(), messages.size() + 1);
        for (int i = 0; i + 1 < messages.size(); ++i) {
            QCOMPARE(frames[i].opcode, 0x1);
            QVERIFY(frames[i].final);
            QCOMPARE(frames[i].payload, messages[i]);
        }
        QCOMPARE(frames[frames.size() - 2].opcode, 0x1);
        QVERIFY(!frames[frames.size() - 2].final);
        QCOMPARE(frames.constLast().opcode, 0x0);
        QCOMPARE(frames[frames.size() - 2].payload + frames.constLast().payload, messages.constLast());
        QTRY_COMPARE(m_connection->bytesToWrite(), 0);
    }

    // All in one frame each (one system call for all): the kernel takes part, the rest waits, in order.
    void messagesTheKernelTakesInPartWaitInOrder()
    {
        QVector<QByteArray> messages;
        for (int i = 0; i < 60; ++i)
            messages.append(QByteArray::number(i) + ':' + QByteArray(70000 + i * 333, char('a' + i % 26)));
        m_connection->sendTexts(messages);
        QVERIFY(m_connection->bytesToWrite() > 0);
        m_connection->sendTexts({QByteArray("after")}); // behind the waiting ones
        const auto frames = receiveFrames(messages.size() + 1);
        QCOMPARE(frames.size(), messages.size() + 1);
        for (int i = 0; i < messages.size(); ++i)
            QCOMPARE(frames[i].payload, messages[i]);
        QCOMPARE(frames.constLast().payload, QByteArray("after"));
        QTRY_COMPARE(m_connection->bytesToWrite(), 0);
    }

private:
    void send(const QByteArray &bytes)
    {
        qsizetype at = 0;
        while (at < bytes.size()) {
            const ssize_t sent = ::write(m_peer, bytes.constData() + at, size_t(bytes.size() - at));
            if (sent > 0)
                at += sent;
            else
                QTest::qWait(5); // the connection reads it meanwhile
        }
    }

    // Reads frames from the connection (running the event loop) until `count` arrived or 60 s passed (a
    // safety net: the frames come as soon as the loop runs).
    QVector<ServerFrame> receiveFrames(int count)
    {
        QVector<ServerFrame> frames;
        QElapsedTimer clock;
        clock.start();
        while (frames.size() < count && clock.elapsed() < 60000) {
            char chunk[65536];
            const ssize_t got = ::read(m_peer, chunk, sizeof chunk);
            if (got > 0)
                m_received.append(chunk, got);
            else
                QTest::qWait(5);
            while (m_received.size() >= 2) {
                const auto *bytes = reinterpret_cast<const uchar *>(m_received.constData());
                quint64 length = bytes[1] & 0x7F;
                qsizetype at = 2;
                if (length == 126 && m_received.size() >= 4) {
                    length = qFromBigEndian<quint16>(bytes + 2);
                    at = 4;
                } else if (length == 127 && m_received.size() >= 10) {
                    length = qFromBigEndian<quint64>(bytes + 2);
                    at = 10;
                } else if (length >= 126) {
                    break;
                }
                if (quint64(m_received.size()) < quint64(at) + length)
                    break;
                frames.append(
                    {bytes[0] & 0x0F, bool(bytes[0] & 0x80), m_received.mid(at, qsizetype(length))});
                m_received.remove(0, at + qsizetype(length));
            }
        }
        return frames;
    }

    std::unique_ptr<WireConnection> m_connection;
    int m_peer = -1;
    QByteArray m_received;
};

QTEST_GUILESS_MAIN(TestWireConnection)
#include "tst_wireconnection.moc"
