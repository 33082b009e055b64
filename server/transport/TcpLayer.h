#pragma once

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace chat::server {

// Reaches under QWebSocketServer to the TCP layer it keeps private: its listening QTcpServer (a child of the
// QWebSocketServer, in either mode), for the listen backlog, and the socket each QWebSocket was upgraded from
// (a child of that QTcpServer), so frames can be written onto it directly (TextFrameWriter). Either lookup
// may fail with another Qt version; the server then keeps Qt's defaults, only slower.
class TcpLayer
{
public:
    explicit TcpLayer(QWebSocketServer &server);

    // Call before listening. False when the QTcpServer was not found.
    bool setListenBacklog(int size);
    // The socket under a freshly accepted QWebSocket, moved under that QWebSocket (so that it goes with it
    // and later searches stay short: only handshakes in flight remain); null when not found.
    QTcpSocket *takeSocketOf(QWebSocket &socket);

private:
    QTcpServer *m_tcpServer;
};

} // namespace chat::server
