#include "RawWebSocket.h"

#include <QDeadlineTimer>
#include <QTest>

RawWebSocket::RawWebSocket(QObject *parent)
    : QTcpSocket(parent)
{ }

bool RawWebSocket::handshake(quint16 port, int timeoutMs, const QByteArray &subprotocol)
{
    // The server may run in this very thread: wait by running the event loop, never by blocking.
    const QDeadlineTimer deadline(timeoutMs);
    connectToHost(QHostAddress::LocalHost, port);
    while (state() != QAbstractSocket::ConnectedState && !deadline.hasExpired())
        QTest::qWait(5);
    if (state() != QAbstractSocket::ConnectedState)
        return false;
    write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
    if (!subprotocol.isEmpty())
        write("Sec-WebSocket-Protocol: " + subprotocol + "\r\n");
    write("\r\n");
    QByteArray response;
    // Byte by byte up to the blank line, so that no frame after the response is taken off the buffer.
    while (!response.endsWith("\r\n\r\n") && !deadline.hasExpired()) {
        char byte = 0;
        if (getChar(&byte))
            response.append(byte);
        else
            QTest::qWait(5);
    }
    return response.startsWith("HTTP/1.1 101");
}

void RawWebSocket::sendText(const QByteArray &utf8)
{
    sendFrame(0x1, utf8);
}

void RawWebSocket::sendFrame(quint8 opcode, const QByteArray &utf8)
{
    QByteArray frame;
    frame.append(char(0x80 | opcode)); // FIN
    const qsizetype size = utf8.size();
    if (size < 126) {
        frame.append(char(0x80 | size));
    } else if (size < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(size >> 8));
        frame.append(char(size & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(size) >> shift) & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < size; ++i)
        frame.append(char(utf8[i] ^ mask[i % 4]));
    write(frame);
}

int RawWebSocket::pingsSeen()
{
    m_received += readAll();
    // Server frames are unmasked; walk them, keeping an incomplete one for later.
    qsizetype at = 0;
    while (m_received.size() - at >= 2) {
        const quint8 opcode = quint8(m_received[at]) & 0x0f;
        quint64 length = quint8(m_received[at + 1]) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (m_received.size() - at < 4)
                break;
            length = (quint64(quint8(m_received[at + 2])) << 8) | quint8(m_received[at + 3]);
            header = 4;
        } else if (length == 127) {
            if (m_received.size() - at < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(m_received[at + 2 + i]);
            header = 10;
        }
        if (quint64(m_received.size() - at - header) < length)
            break;
        const QByteArray payload = m_received.mid(at + header, qsizetype(length));
        if (opcode == 0x9) {
            ++m_pings;
            if (m_answerPings)
                sendFrame(0xA, payload);
        } else if (opcode == 0x8 && payload.size() >= 2) {
            m_closeCode = (quint8(payload[0]) << 8) | quint8(payload[1]);
            m_closeReason = payload.mid(2);
        }
        at += header + qsizetype(length);
    }
    m_received.remove(0, at);
    return m_pings;
}
