#include "TcpLayer.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace chat::server {

TcpLayer::TcpLayer(QWebSocketServer &server)
    : m_tcpServer(server.findChild<QTcpServer *>(QString(), Qt::FindDirectChildrenOnly))
{ }

bool TcpLayer::setListenBacklog(int size)
{
    if (!m_tcpServer)
        return false;
    m_tcpServer->setListenBacklogSize(size);
    return true;
}

QTcpSocket *TcpLayer::takeSocketOf(QWebSocket &socket)
{
    if (!m_tcpServer)
        return nullptr;
    // A connection is known by its peer's address and port; the server's own end is the same for all.
    const quint16 port = socket.peerPort();
    const QHostAddress address = socket.peerAddress();
    for (QObject *child : m_tcpServer->children()) {
        auto *candidate = qobject_cast<QTcpSocket *>(child);
        if (candidate && candidate->peerPort() == port && candidate->peerAddress() == address) {
            candidate->setParent(&socket);
            return candidate;
        }
    }
    return nullptr;
}

} // namespace chat::server
