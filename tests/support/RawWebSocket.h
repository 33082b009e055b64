#pragma once

#include <QByteArray>
#include <QTcpSocket>

// A WebSocket client written by hand over a QTcpSocket, for peers QWebSocket will not imitate: one that never
// answers pings, or one that stops reading. It sends masked text frames and reads nothing unless asked.
class RawWebSocket : public QTcpSocket
{
    Q_OBJECT

public:
    explicit RawWebSocket(QObject *parent = nullptr);

    // Connects and completes the opening handshake; the 101 response is consumed, nothing after it. A
    // subprotocol, when given, is offered (Sec-WebSocket-Protocol).
    bool handshake(quint16 port, int timeoutMs = 5000, const QByteArray &subprotocol = {});
    // Sends one masked text frame.
    void sendText(const QByteArray &utf8);
    // Reads what has arrived and counts ping frames in it (a rough parse: enough for tests). Pings are
    // answered with their pong when answerPings is set; a close frame's code and reason are kept.
    int pingsSeen();
    void setAnswerPings(bool answer) { m_answerPings = answer; }
    int closeCodeSeen() const { return m_closeCode; } // -1: no close frame (yet)
    QByteArray closeReasonSeen() const { return m_closeReason; }

private:
    void sendFrame(quint8 opcode, const QByteArray &payload);

    QByteArray m_received;
    int m_pings = 0;
    bool m_answerPings = false;
    int m_closeCode = -1;
    QByteArray m_closeReason;
};
