// The metrics endpoint (--metrics) on a real server: the counters move by what WebSocket clients do, the
// exposition is well-formed, and what a scraper sends (wrong paths and methods, malformed or oversized
// requests, silence, too many at once) gets its answer or is dropped, while the chat goes on.
#include "metrics/MetricsEndpoint.h"
#include "support/Json.h"
#include "support/RawWebSocket.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace chat;
using chat::server::ChatServer;
using chat::server::MetricsEndpoint;

namespace {

struct HttpReply
{
    QByteArray statusLine; // empty: no answer
    QByteArray headers; // the header lines, each ending with CRLF
    QByteArray body;
    bool closed = false; // the server closed the connection
};

// Sends raw bytes to the endpoint and reads until the server closes (the event loop runs meanwhile: the
// server is in this process).
HttpReply exchange(quint16 port, const QByteArray &request, int timeoutMs = 10000)
{
    QTcpSocket socket;
    QByteArray data;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { data += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    HttpReply reply;
    reply.closed = socket.state() == QAbstractSocket::UnconnectedState;
    data += socket.readAll();
    const qsizetype lineEnd = data.indexOf("\r\n");
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (lineEnd < 0 || headEnd < 0)
        return reply;
    reply.statusLine = data.left(lineEnd);
    reply.headers = data.mid(lineEnd + 2, headEnd - lineEnd);
    reply.body = data.mid(headEnd + 4);
    return reply;
}

HttpReply get(quint16 port, const QByteArray &path = "/metrics")
{
    return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: tst_metrics\r\n\r\n");
}

// name{labels} -> value; an empty map when a line is not in the exposition format.
QHash<QByteArray, double> samplesOf(const QByteArray &body)
{
    static const QRegularExpression sample(
        QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")"
                       R"((,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})?) (\S+)$)"));
    static const QRegularExpression comment(
        QStringLiteral(R"(^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* )"
                       R"((counter|gauge|histogram))$)"));
    QHash<QByteArray, double> samples;
    if (!body.endsWith('\n'))
        return {};
    for (const QByteArray &line : body.chopped(1).split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (comment.match(text).hasMatch())
            continue;
        const auto match = sample.match(text);
        bool ok = false;
        const double value = match.captured(4).toDouble(&ok);
        if (!match.hasMatch() || (!ok && match.captured(4) != QLatin1String("+Inf"))) {
            qWarning("not a sample line: %s", line.constData());
            return {};
        }
        samples.insert(match.captured(1).toUtf8(), value);
    }
    return samples;
}

// Skips other statements (the room_changed that comes before each message) until one with this name.
bool receives(TestClient &client, const QString &name)
{
    while (const auto statement = client.next(5000)) {
        if (statement->name() == name)
            return true;
    }
    return false;
}

int countNamed(const QVector<ServerStatement> &statements, const QString &name)
{
    return int(std::count_if(statements.cbegin(), statements.cend(),
                             [&](const ServerStatement &s) { return s.name() == name; }));
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<MetricsEndpoint> m_endpoint;

    bool startWith(const ChatServer::Options &options, MetricsEndpoint::Options endpointOptions = {})
    {
        if (!m_server.start(options))
            return false;
        m_endpoint = std::make_unique<MetricsEndpoint>(m_server.server()->metrics(), endpointOptions);
        return m_endpoint->listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_endpoint->port(); }

    QHash<QByteArray, double> scrape()
    {
        const HttpReply reply = get(port());
        if (reply.statusLine != "HTTP/1.1 200 OK") {
            qWarning("scrape: %s", reply.statusLine.constData());
            return {};
        }
        return samplesOf(reply.body);
    }

private slots:
    void cleanup()
    {
        m_endpoint.reset();
        m_server.stop();
    }

    void countersFollowWhatClientsDo()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 1;
        options.limits.callBurst = 30;
        options.limits.floodCloseAfter = 0;
        options.limits.maxConnections = 3;
        QVERIFY(startWith(options));
        const auto before = scrape();
        QVERIFY(!before.isEmpty());
        QCOMPARE(before.value("chat_connections_open"), 0.0);

        TestClient a, b, flooder;
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(b.connectTo(m_server.url()));
        QVERIFY(flooder.connectTo(m_server.url()));
        const auto room = a.createRoom();
        QVERIFY(room);
        QVERIFY(a.enterRoom(room->uuid));
        for (int i = 0; i < 3; ++i) {
            a.call(CallName::CreateMessage, fields({{"body", str("hello")}}));
            QVERIFY(receives(a, nameOf(ResultName::MessageCreated)));
        }
        b.drain(30);
        b.call(CallName::ListRooms);
        QVERIFY(b.expect(nameOf(ResultName::RoomsListed)));
        a.drain(30);
        a.sendText(str("not json"));
        QVERIFY(a.expect(nameOf(GeneralReply::BadData)));

        flooder.drain(30);
        for (int i = 0; i < 40; ++i)
            flooder.call(CallName::ListRooms);
        QVector<ServerStatement> replies;
        while (replies.size() < 40) {
            const auto reply = flooder.next(5000);
            QVERIFY(reply);
            if (reply->name() == nameOf(ResultName::RoomsListed)
                || reply->name() == nameOf(ErrorName::RateLimited))
                replies.append(*reply);
        }
        const int limited = countNamed(replies, nameOf(ErrorName::RateLimited));
        QVERIFY2(limited >= 5, qPrintable(QString::number(limited))); // 30 at once, then 1 a second

        TestClient refused;
        QVERIFY(refused.openOnly(m_server.url()));
        QVERIFY(refused.waitForDisconnected());
        QCOMPARE(refused.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

        const auto after = scrape();
        QVERIFY(!after.isEmpty());
        const auto delta = [&](const char *name) { return after.value(name) - before.value(name); };
        QCOMPARE(after.value("chat_connections_open"), 3.0);
        QCOMPARE(delta("chat_connections_accepted_total"), 3.0);
        QCOMPARE(delta("chat_connections_refused_total{reason=\"max_connections\"}"), 1.0);
        QCOMPARE(delta("chat_connections_refused_total{reason=\"max_per_address\"}"), 0.0);
        QCOMPARE(delta("chat_calls_total{call=\"create_room\"}"), 1.0);
        QCOMPARE(delta("chat_calls_total{call=\"enter_room\"}"), 1.0);
        QCOMPARE(delta("chat_calls_total{call=\"create_message\"}"), 3.0);
        QCOMPARE(delta("chat_calls_total{call=\"list_rooms\"}"), 1.0 + (40 - limited));
        QCOMPARE(delta("chat_calls_total{call=\"unknown\"}"), 1.0);
        QCOMPARE(delta("chat_calls_total{call=\"delete_room\"}"), 0.0);
        QCOMPARE(delta("chat_messages_posted_total"), 3.0);
        QCOMPARE(delta("chat_rate_limited_total"), double(limited));
        QCOMPARE(delta("chat_flood_closes_total"), 0.0);
        QCOMPARE(after.value("chat_commit_failures_total"), 0.0);

        // Every call above was committed before it was answered: some group commits, all in the histogram.
        const double commits = after.value("chat_commits_total");
        QVERIFY(commits > before.value("chat_commits_total"));
        QCOMPARE(after.value("chat_commit_duration_seconds_count"), commits);
        QCOMPARE(after.value("chat_commit_duration_seconds_bucket{le=\"+Inf\"}"), commits);
        QVERIFY(after.value("chat_commit_duration_seconds_sum") > 0);
        double previous = 0;
        for (const char *le : {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
                               "0.5", "1", "+Inf"}) {
            const QByteArray key = "chat_commit_duration_seconds_bucket{le=\"" + QByteArray(le) + "\"}";
            QVERIFY2(after.contains(key), key.constData());
            QVERIFY2(after.value(key) >= previous, key.constData()); // cumulative
            previous = after.value(key);
        }

        // The process: this test program here, since the server runs in it.
        QVERIFY(after.value("process_resident_memory_bytes") > 1e6);
        QVERIFY(after.value("process_open_fds") >= 5); // three clients and their server sides, at least
        const double now = double(QDateTime::currentSecsSinceEpoch());
        QVERIFY(after.value("process_start_time_seconds") <= now + 1);
        QVERIFY(after.value("process_start_time_seconds") > now - 3600);

        b.close();
        QTRY_COMPARE_WITH_TIMEOUT(scrape().value("chat_connections_open"), 2.0, 5000);

        if (TestServer::usesPostgres()) {
            // The room's creation went to everyone: relayed to the other nodes (there are none to hear it).
            QVERIFY(after.value("chat_cluster_events_out_total") >= 1);
            QCOMPARE(after.value("chat_cluster_events_in_total"), 0.0);
            QTRY_VERIFY_WITH_TIMEOUT(scrape().value("chat_cluster_heartbeats_total") >= 1, 10000);
        } else {
            QVERIFY(!after.contains("chat_cluster_heartbeats_total"));
        }
    }

    void floodClosesAreCounted()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 1;
        options.limits.callBurst = 1;
        options.limits.floodCloseAfter = 5;
        QVERIFY(startWith(options));
        TestClient flooder, bystander;
        QVERIFY(flooder.connectTo(m_server.url()));
        QVERIFY(bystander.connectTo(m_server.url()));
        for (int i = 0; i < 50; ++i)
            flooder.call(CallName::ListRooms);
        QVERIFY(flooder.waitForDisconnected());
        QCOMPARE(flooder.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        const auto after = scrape();
        QCOMPARE(after.value("chat_flood_closes_total"), 1.0);
        QVERIFY(after.value("chat_rate_limited_total") >= 5);
        QTRY_COMPARE_WITH_TIMEOUT(scrape().value("chat_connections_open"), 1.0, 5000);
    }

    void mergedCountUpdatesAreCounted()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.roomUpdateBudget = 1; // one frame a second outside the room
        QVERIFY(startWith(options));
        TestClient poster, outsider;
        QVERIFY(poster.connectTo(m_server.url()));
        QVERIFY(outsider.connectTo(m_server.url()));
        const auto room = poster.createRoom();
        QVERIFY(room);
        QVERIFY(poster.enterRoom(room->uuid));
        QCOMPARE(scrape().value("chat_count_updates_merged_total"), 0.0);
        for (int i = 0; i < 6; ++i)
            poster.call(CallName::CreateMessage, fields({{"body", str("burst")}}));
        for (int i = 0; i < 6; ++i)
            QVERIFY(receives(poster, nameOf(ResultName::MessageCreated)));
        // The first goes at once, the second waits for the budget, and the later ones replace it.
        const double merged = scrape().value("chat_count_updates_merged_total");
        QVERIFY2(merged >= 1 && merged <= 4, qPrintable(QString::number(merged)));
        QCOMPARE(scrape().value("chat_messages_posted_total"), 6.0);
    }

    void slowConsumersDroppedAreCounted()
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.maxUnsentBytes = 64 * 1024;
        options.limits.callsPerSecond = 0;
        QVERIFY(startWith(options));
        TestClient poster;
        QVERIFY(poster.connectTo(m_server.url()));
        const auto room = poster.createRoom();
        QVERIFY(room);
        QVERIFY(poster.enterRoom(room->uuid));
        const QString body(19000, u'x');
        for (int i = 0; i < 100; ++i)
            poster.call(CallName::CreateMessage, fields({{"body", body}}));
        for (int i = 0; i < 100; ++i)
            QVERIFY(receives(poster, nameOf(ResultName::MessageCreated)));

        // A peer that stops reading (Qt reads no more than 1 KiB for it) and asks for the 2 MB history eight
        // times: the kernel's buffers fill, and then what waits for it passes the limit.
        RawWebSocket stalled;
        stalled.setReadBufferSize(1024);
        QVERIFY(stalled.handshake(m_server.server()->port()));
        const auto frame = [](CallName name, const QJsonObject &payload) {
            return QJsonDocument(makeCall(name, payload)).toJson(QJsonDocument::Compact);
        };
        stalled.sendText(frame(CallName::EnterRoom, fields({{"uuid", room->uuid}})));
        for (int i = 0; i < 8; ++i)
            stalled.sendText(frame(CallName::ListMessages, {}));
        // The server reads no more calls from a peer whose answers wait; messages in the room are due to it
        // once it is inside, which the poster hears (room_changed with two users).
        bool inside = false;
        const auto stalledIsInside = [&] {
            for (const ServerStatement &statement : poster.takeAll())
                inside = inside
                    || (statement.name() == nameOf(ResultName::RoomChanged)
                        && statement.object().value(str("users")).toArray().size() == 2);
            return inside;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stalledIsInside(), 15000);
        for (int i = 0; i < 5; ++i)
            poster.call(CallName::CreateMessage, fields({{"body", body}}));
        // The server aborts it; the peer does not notice, as it reads nothing.
        QTRY_COMPARE_WITH_TIMEOUT(scrape().value("chat_slow_consumers_dropped_total"), 1.0, 15000);
        const auto after = scrape();
        QCOMPARE(after.value("chat_connections_open"), 1.0);
    }

    void wrongRequestsGetTheirStatusAndTheServerGoesOn()
    {
        QVERIFY(startWith(TestServer::defaultOptions()));

        HttpReply reply = get(port());
        QCOMPARE(reply.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QVERIFY2(reply.headers.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"),
                 reply.headers.constData());
        QVERIFY(reply.headers.contains("Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n"));
        QVERIFY(reply.headers.contains("Connection: close\r\n"));
        QVERIFY(reply.closed);
        QVERIFY(!samplesOf(reply.body).isEmpty());

        QCOMPARE(get(port(), "/").statusLine, QByteArray("HTTP/1.1 404 Not Found"));
        QCOMPARE(get(port(), "/metrics/x").statusLine, QByteArray("HTTP/1.1 404 Not Found"));
        reply = exchange(port(), "POST /metrics HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        QCOMPARE(reply.statusLine, QByteArray("HTTP/1.1 405 Method Not Allowed"));
        QVERIFY(reply.headers.contains("Allow: GET\r\n"));
        QCOMPARE(exchange(port(), "HEAD /metrics HTTP/1.1\r\n\r\n").statusLine,
                 QByteArray("HTTP/1.1 405 Method Not Allowed"));

        const QByteArray badRequest("HTTP/1.1 400 Bad Request");
        for (const QByteArray &malformed : {
                 QByteArray("hello\r\n\r\n"),
                 QByteArray("GET /metrics\r\n\r\n"), // no version
                 QByteArray("GET /metrics HTTP/2.0\r\n\r\n"),
                 QByteArray("GET  /metrics HTTP/1.1\r\n\r\n"), // two spaces
                 QByteArray("GET metrics HTTP/1.1\r\n\r\n"),
                 QByteArray("GET /metrics HTTP/1.1\n\n"), // bare line feeds
                 QByteArray("GET /metrics HTTP/1.1\r\nno colon here\r\n\r\n"),
                 QByteArray("GET /metrics HTTP/1.1\r\n folded: header\r\n\r\n"),
                 QByteArray("GET /metrics HTTP/1.1\r\nX: a\0b\r\n\r\n", 29),
             }) {
            reply = exchange(port(), malformed);
            QVERIFY2(reply.statusLine == badRequest, malformed.constData());
            QVERIFY(reply.closed);
        }

        // An oversized head: refused once the limit is reached, and the answer still arrives whole although
        // the peer has sent more than was read.
        reply =
            exchange(port(), "GET /metrics HTTP/1.1\r\nX-Big: " + QByteArray(256 * 1024, 'a') + "\r\n\r\n");
        QCOMPARE(reply.statusLine, badRequest);
        QVERIFY(reply.body.contains("too large"));
        QVERIFY(reply.closed);
        reply = exchange(port(), QByteArray(MetricsEndpoint::maxRequestBytes + 10, 'G'));
        QCOMPARE(reply.statusLine, badRequest);

        // The chat is untouched, and the endpoint still answers and holds nothing.
        TestClient client;
        QVERIFY(client.connectTo(m_server.url()));
        client.call(CallName::ListRooms);
        QVERIFY(client.expect(nameOf(ResultName::RoomsListed)));
        const auto samples = scrape();
        QCOMPARE(samples.value("chat_connections_open"), 1.0);
        QCOMPARE(samples.value("chat_calls_total{call=\"list_rooms\"}"), 1.0);
        QTRY_COMPARE(m_endpoint->clientCount(), 0);
    }

    void surplusPeersAreRefusedAtOnce()
    {
        MetricsEndpoint::Options endpointOptions;
        endpointOptions.timeoutMs = 120000; // no timeout can close anything during this test
        endpointOptions.maxClients = 2;
        QVERIFY(startWith(TestServer::defaultOptions(), endpointOptions));

        QTcpSocket silent, trickling, surplus;
        silent.connectToHost(QHostAddress::LocalHost, port());
        trickling.connectToHost(QHostAddress::LocalHost, port());
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->clientCount(), 2, 30000);
        trickling.write("GET /met");
        surplus.connectToHost(QHostAddress::LocalHost, port());
        // Beyond maxClients a connection is closed at once: here nothing else could close it.
        QTRY_COMPARE_WITH_TIMEOUT(surplus.state(), QAbstractSocket::UnconnectedState, 30000);
        QCOMPARE(m_endpoint->clientCount(), 2);
        QCOMPARE(silent.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(trickling.state(), QAbstractSocket::ConnectedState);
    }

    void silentPeersAreDroppedAfterTheTimeout()
    {
        MetricsEndpoint::Options endpointOptions;
        endpointOptions.timeoutMs = 500;
        endpointOptions.maxClients = 2;
        QVERIFY(startWith(TestServer::defaultOptions(), endpointOptions));

        QTcpSocket silent, trickling;
        silent.connectToHost(QHostAddress::LocalHost, port());
        trickling.connectToHost(QHostAddress::LocalHost, port());
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->clientCount(), 2, 30000);
        trickling.write("GET /met");
        // The two that never finish a request are dropped after the timeout, and the endpoint serves again.
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(trickling.state(), QAbstractSocket::UnconnectedState, 30000);
        QCOMPARE(m_endpoint->clientCount(), 0);
        QCOMPARE(get(port()).statusLine, QByteArray("HTTP/1.1 200 OK"));
        TestClient client;
        QVERIFY(client.connectTo(m_server.url()));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
