#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace chat::server {

class ServerMetrics;

// GET /metrics over plain HTTP/1.1 for Prometheus, on the server's own event loop: ServerMetrics and the
// process_* metrics in the text exposition format. The request reader is strict and bounded: a request line
// and headers over maxRequestBytes, or malformed, get 400; other paths 404; other methods 405; a peer that
// has not been answered and gone within the timeout is dropped, and beyond maxClients at once new ones are
// closed at once. Every connection is closed after its response, so nothing a scraper sends can grow the
// server or hold it up.
class MetricsEndpoint : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int timeoutMs = 10000; // from accept to the end of the connection
        int maxClients = 16;
    };
    static constexpr qsizetype maxRequestBytes = 8192;

    explicit MetricsEndpoint(const ServerMetrics &metrics, QObject *parent = nullptr);
    MetricsEndpoint(const ServerMetrics &metrics, Options options, QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    // false with errorString() set when the address cannot be used.
    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_server.errorString(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    quint16 port() const { return m_server.serverPort(); }
    int clientCount() const { return int(m_clients.size()); }

    // The whole exposition, as GET /metrics answers it.
    QByteArray render() const;

private:
    struct Client
    {
        QByteArray head; // what arrived of the request line and headers
        qint64 deadline = 0; // m_clock time
        bool answered = false;
    };

    void accept();
    void read(QTcpSocket *socket);
    // The response for a complete request head (without its final empty line).
    void answerHead(QTcpSocket *socket, const QByteArray &head);
    void respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                 const QByteArray &extraHeaders = {});
    void drop(QTcpSocket *socket);
    void dropOverdue();

    const ServerMetrics &m_metrics;
    Options m_options;
    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, Client> m_clients;
    QTimer m_sweep;
};

} // namespace chat::server
