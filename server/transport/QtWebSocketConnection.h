#pragma once

#include "Connection.h"

#include <QPointer>

class QTcpSocket;
class QWebSocket;

namespace chat::server {

// A connection carried by QWebSocket: wss:// (its QSslSocket encrypts), or a plain one that could not move to
// its descriptor. Statements, already UTF-8 and framed by TextFrameWriter, go onto the socket under the
// QWebSocket (no QString round trip); Qt reads and answers everything the peer sends.
class QtWebSocketConnection : public Connection
{
    Q_OBJECT

public:
    // Takes the QWebSocket; `tcp` is the socket under it (a child of it, or null when unknown: then text goes
    // through QWebSocket's QString API).
    QtWebSocketConnection(QWebSocket *socket, QTcpSocket *tcp, qint64 maxMessageBytes,
                          QObject *parent = nullptr);

    bool isOpen() const override;
    using Connection::sendTexts;
    void sendTexts(const QByteArray *messages, qsizetype count) override;
    qint64 bytesToWrite() const override;
    void ping() override;
    void close(quint16 code, const QString &reason) override;
    void abort() override;

private:
    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_tcp;
    bool m_plainTcp = false; // m_tcp is no QSslSocket: frames may go to its descriptor directly
    bool m_closing = false;
};

} // namespace chat::server
