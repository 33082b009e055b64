#include "MetricsEndpoint.h"

#include "MetricsWriter.h"
#include "ProcessMetrics.h"
#include "ServerLogging.h"
#include "ServerMetrics.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace chat::server {

namespace {

const QByteArray plainText = QByteArrayLiteral("text/plain; charset=utf-8");

bool isTokenCharacter(char c)
{
    // RFC 9110 tchar
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenCharacter(c))
            return false;
    }
    return true;
}

bool isVisible(QByteArrayView text)
{
    for (const char c : text) {
        if (uchar(c) <= 0x20 || uchar(c) == 0x7f)
            return false;
    }
    return !text.isEmpty();
}

// A header field line "name: value": a token, a colon, then no control characters but tab.
bool isHeaderLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return false;
    for (const char c : line.sliced(colon + 1)) {
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f)
            return false;
    }
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    }
    return QByteArrayLiteral("Error");
}

void shutDownWhenWritten(QTcpSocket &socket)
{
    if (socket.bytesToWrite() == 0 && socket.state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
}

} // namespace

MetricsEndpoint::MetricsEndpoint(const ServerMetrics &metrics, QObject *parent)
    : MetricsEndpoint(metrics, Options {}, parent)
{ }

MetricsEndpoint::MetricsEndpoint(const ServerMetrics &metrics, Options options, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_options(options)
{
    m_clock.start();
    m_server.setMaxPendingConnections(m_options.maxClients);
    connect(&m_server, &QTcpServer::newConnection, this, &MetricsEndpoint::accept);
    m_sweep.setInterval(qMax(50, m_options.timeoutMs / 4));
    connect(&m_sweep, &QTimer::timeout, this, &MetricsEndpoint::dropOverdue);
}

MetricsEndpoint::~MetricsEndpoint()
{
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        delete it.key();
    }
}

bool MetricsEndpoint::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

QByteArray MetricsEndpoint::render() const
{
    QByteArray text;
    text.reserve(8192);
    MetricsWriter writer(text);
    m_metrics.writeTo(writer);
    ProcessMetrics::writeTo(writer);
    return text;
}

void MetricsEndpoint::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_clients.size() >= m_options.maxClients) {
            qCDebug(lcServer) << "metrics: refused a connection, already" << m_clients.size() << "open";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Qt stops reading from the kernel beyond this, so a peer that keeps sending fills only its own
        // TCP window.
        socket->setReadBufferSize(maxRequestBytes);
        m_clients.insert(socket, Client {{}, m_clock.elapsed() + m_options.timeoutMs, false});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_clients.remove(socket) > 0)
                socket->deleteLater();
        });
        if (!m_sweep.isActive())
            m_sweep.start();
        read(socket); // bytes may have come with the connection
    }
}

void MetricsEndpoint::read(QTcpSocket *socket)
{
    const auto client = m_clients.find(socket);
    if (client == m_clients.end())
        return;
    if (client->answered) {
        socket->skip(socket->bytesAvailable()); // a body, a second request, the rest of a long one: unread
        return;
    }
    QByteArray &head = client->head;
    const qsizetype before = head.size();
    head += socket->read(maxRequestBytes + 4 - head.size());
    // Lines end with CRLF: a bare LF or a NUL anywhere makes the request malformed at once.
    for (qsizetype i = qMax<qsizetype>(before, 0); i < head.size(); ++i) {
        if (head[i] == '\0' || (head[i] == '\n' && (i == 0 || head[i - 1] != '\r'))) {
            respond(socket, 400, plainText, "malformed request\n");
            return;
        }
    }
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end >= 0 && end + 4 <= maxRequestBytes) {
        const QByteArray complete = head.left(end);
        answerHead(socket, complete);
        return;
    }
    if (head.size() >= maxRequestBytes)
        respond(socket, 400, plainText, "request head too large\n");
}

void MetricsEndpoint::answerHead(QTcpSocket *socket, const QByteArray &head)
{
    // Every line feed follows a carriage return (read() checked): cut the lines there.
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> request = lines.constFirst().split(' ');
    bool wellFormed = request.size() == 3 && isToken(request[0]) && request[1].startsWith('/')
        && isVisible(request[1]) && (request[2] == "HTTP/1.1" || request[2] == "HTTP/1.0");
    for (qsizetype i = 1; wellFormed && i < lines.size(); ++i)
        wellFormed = isHeaderLine(lines[i]);
    if (!wellFormed) {
        respond(socket, 400, plainText, "malformed request\n");
        return;
    }
    const QByteArray &method = request[0];
    const qsizetype query = request[1].indexOf('?');
    const QByteArray path = query < 0 ? request[1] : request[1].left(query);
    if (method != "GET")
        respond(socket, 405, plainText, "only GET\n", "Allow: GET\r\n");
    else if (path != "/metrics")
        respond(socket, 404, plainText, "not found: try /metrics\n");
    else
        respond(socket, 200, MetricsWriter::contentType, render());
}

void MetricsEndpoint::respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                              const QByteArray &body, const QByteArray &extraHeaders)
{
    const auto client = m_clients.find(socket);
    if (client == m_clients.end() || client->answered)
        return;
    client->answered = true;
    client->head = {};
    if (status != 200)
        qCDebug(lcServer) << "metrics: answered" << status << "to" << socket->peerAddress().toString();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += extraHeaders;
    response += "Connection: close\r\n\r\n";
    response += body;
    socket->write(response);
    // Closing with unread bytes from the peer (the rest of an oversized request) would reset the connection,
    // and the peer could lose the response: once it is written, only our side is shut down, and what still
    // comes is read and discarded until the peer closes too (or its deadline passes).
    connect(socket, &QTcpSocket::bytesWritten, this, [socket] { shutDownWhenWritten(*socket); });
    socket->flush();
    shutDownWhenWritten(*socket);
}

void MetricsEndpoint::drop(QTcpSocket *socket)
{
    if (m_clients.remove(socket) == 0)
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void MetricsEndpoint::dropOverdue()
{
    const qint64 now = m_clock.elapsed();
    QList<QTcpSocket *> overdue;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (now >= it->deadline)
            overdue.append(it.key());
    }
    for (QTcpSocket *socket : overdue) {
        qCDebug(lcServer) << "metrics: dropped" << socket->peerAddress().toString() << "after"
                          << m_options.timeoutMs << "ms";
        drop(socket);
    }
    if (m_clients.isEmpty())
        m_sweep.stop();
}

} // namespace chat::server
