// Smoke test of chat-bench: starts the real chat-server on a free loopback port with a temporary database,
// runs a tiny bounded run of every scenario and checks the JSON line: no failures, nothing lost, cleaned up.
// The live scenario (issue 15) runs against a second server with the default limits.
#include <QDir>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class TestChatBenchSmoke : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void usageErrors_data();
    void usageErrors();
    void scenario_data();
    void scenario();
    void timeoutIsBounded();
    void roomsWereCleanedUp();
    void liveWithDefaultLimits();

private:
    struct BenchRun
    {
        int exitCode = -1;
        qint64 elapsedMs = 0;
        QJsonObject json;
        QByteArray stdoutText;
        QByteArray stderrText;
    };
    BenchRun runBench(const QStringList &arguments, int waitMs = 90000);
    // What every successful run of `scenario` reports: ok, no failure, not timed out, exit code 0, the
    // cleanup complete (QVERIFY/QCOMPARE: the caller returns when QTest::currentTestFailed()).
    static void verifySucceeded(const BenchRun &run, const QString &scenario);
    QStringList common() const;
    static QStringList commonFor(quint16 port, const QProcess &server);
    // Starts chat-server on a free port with a database in m_dir; false (and a message) when it does not
    // listen.
    bool startServer(QProcess &server, quint16 &port, const QString &database, const QStringList &extra,
                     QByteArray &problem);
    static void stopServer(QProcess &server);

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
};

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

bool TestChatBenchSmoke::startServer(QProcess &server, quint16 &port, const QString &database,
                                     const QStringList &extra, QByteArray &problem)
{
    port = freePort();
    if (port == 0) {
        problem = "no free port";
        return false;
    }
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.setWorkingDirectory(m_dir.path());
    server.start(QStringLiteral(CHAT_SERVER_BINARY),
                 QStringList {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                              QString::number(port), QStringLiteral("--db"), m_dir.filePath(database),
                              QStringLiteral("--log-level"), QStringLiteral("warning")}
                     + extra);
    if (!server.waitForStarted(10000)) {
        problem = server.errorString().toUtf8();
        return false;
    }

    // Wait until it accepts connections.
    QElapsedTimer waited;
    waited.start();
    bool listening = false;
    while (!listening && waited.elapsed() < 15000 && server.state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        listening = socket.waitForConnected(200);
        if (!listening)
            QTest::qWait(50);
    }
    if (!listening)
        problem = "chat-server did not start listening";
    return listening;
}

void TestChatBenchSmoke::stopServer(QProcess &server)
{
    if (server.state() == QProcess::NotRunning)
        return;
    server.terminate();
    if (!server.waitForFinished(10000)) {
        server.kill();
        server.waitForFinished(5000);
    }
}

void TestChatBenchSmoke::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(CHAT_SERVER_BINARY)), CHAT_SERVER_BINARY);
    QVERIFY2(QFile::exists(QStringLiteral(CHAT_BENCH_BINARY)), CHAT_BENCH_BINARY);

    QByteArray problem;
    // The benchmark pipelines hundreds of calls on one connection on purpose.
    QVERIFY2(startServer(m_server, m_port, QStringLiteral("bench.db"),
                         {QStringLiteral("--rate-limit"), QStringLiteral("0")}, problem),
             problem.constData());
}

void TestChatBenchSmoke::cleanupTestCase()
{
    stopServer(m_server);
}

QStringList TestChatBenchSmoke::common() const
{
    return commonFor(m_port, m_server);
}

QStringList TestChatBenchSmoke::commonFor(quint16 port, const QProcess &server)
{
    return {QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1").arg(port), QStringLiteral("--pid"),
            QString::number(server.processId()), QStringLiteral("--json-only")};
}

TestChatBenchSmoke::BenchRun TestChatBenchSmoke::runBench(const QStringList &arguments, int waitMs)
{
    BenchRun run;
    QProcess bench;
    QElapsedTimer timer;
    timer.start();
    bench.start(QStringLiteral(CHAT_BENCH_BINARY), arguments);
    if (!bench.waitForStarted(10000))
        return run;
    if (!bench.waitForFinished(waitMs)) {
        bench.kill();
        bench.waitForFinished(5000);
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = bench.exitStatus() == QProcess::NormalExit ? bench.exitCode() : -1;
    run.stdoutText = bench.readAllStandardOutput();
    run.stderrText = bench.readAllStandardError();
    const QList<QByteArray> lines = run.stdoutText.trimmed().split('\n');
    run.json = QJsonDocument::fromJson(lines.value(lines.size() - 1)).object();
    return run;
}

void TestChatBenchSmoke::verifySucceeded(const BenchRun &run, const QString &scenario)
{
    const QByteArray context = run.stdoutText + run.stderrText;
    QVERIFY2(!run.json.isEmpty(), context.constData());
    QCOMPARE(run.json.value(QStringLiteral("scenario")).toString(), scenario);
    QVERIFY2(run.json.value(QStringLiteral("ok")).toBool(), context.constData());
    QCOMPARE(run.json.value(QStringLiteral("failures")).toInt(-1), 0);
    QCOMPARE(run.json.value(QStringLiteral("timed_out")).toBool(true), false);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.json.value(QStringLiteral("cleanup")).toObject().value(QStringLiteral("complete")).toBool(),
             context.constData());
}

void TestChatBenchSmoke::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no scenario") << QStringList {};
    QTest::newRow("unknown scenario") << QStringList {QStringLiteral("bogus")};
    QTest::newRow("option of another scenario")
        << QStringList {QStringLiteral("fanout"), QStringLiteral("--lines"), QStringLiteral("3")};
    QTest::newRow("bad number") << QStringList {QStringLiteral("connect"), QStringLiteral("--clients"),
                                                QStringLiteral("many")};
    QTest::newRow("not loopback") << QStringList {QStringLiteral("connect"), QStringLiteral("--url"),
                                                  QStringLiteral("ws://192.0.2.1:9000")};
    QTest::newRow("more drawers than members")
        << QStringList {QStringLiteral("live"), QStringLiteral("--per-room"), QStringLiteral("3"),
                        QStringLiteral("--drawers"), QStringLiteral("4")};
    QTest::newRow("live alone in the room")
        << QStringList {QStringLiteral("live"), QStringLiteral("--per-room"), QStringLiteral("1"),
                        QStringLiteral("--drawers"), QStringLiteral("1")};
}

void TestChatBenchSmoke::usageErrors()
{
    QFETCH(QStringList, arguments);
    const BenchRun run = runBench(arguments, 20000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.stderrText.isEmpty());
}

void TestChatBenchSmoke::scenario_data()
{
    QTest::addColumn<QStringList>("arguments");
    const auto args = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); };
    QTest::newRow("connect") << args("connect --clients 40 --concurrency 10");
    QTest::newRow("fanout rate") << args("fanout --rooms 2 --per-room 4 --rate 40 --duration 1 --drain 5");
    QTest::newRow("fanout closed loop")
        << args("fanout --rooms 2 --per-room 3 --senders 2 --rate 0 --duration 0.5");
    QTest::newRow("fanout subprotocol")
        << args("fanout --rooms 1 --per-room 3 --rate 20 --duration 0.5 --subprotocol x-chat-bench-smoke");
    QTest::newRow("history") << args("history --messages 300 --window 50 --repeat 2");
    QTest::newRow("history paged") << args(
        "history --messages 150 --window 50 --repeat 2 --subprotocol socketchat.v1");
    QTest::newRow("rooms") << args("rooms --rooms 40 --repeat 2");
    QTest::newRow("drawing") << args("drawing --lines 12 --points 30 --repeat 2");
}

void TestChatBenchSmoke::scenario()
{
    QFETCH(QStringList, arguments);
    const BenchRun run =
        runBench(arguments + common() + QStringList {QStringLiteral("--timeout"), QStringLiteral("40")});
    verifySucceeded(run, arguments.first());
    if (QTest::currentTestFailed())
        return;
    QVERIFY(
        run.json.value(QStringLiteral("server")).toObject().value(QStringLiteral("rss_kb_end")).toInteger()
        > 0);

    const QJsonObject figures = run.json.value(QStringLiteral("figures")).toObject();
    const QString scenario = arguments.first();
    if (scenario == QStringLiteral("connect")) {
        QCOMPARE(figures.value(QStringLiteral("ready")).toInt(), 40);
        QCOMPARE(figures.value(QStringLiteral("failed")).toInt(-1), 0);
    } else if (scenario == QStringLiteral("fanout")) {
        QVERIFY(figures.value(QStringLiteral("messages_sent")).toInteger() > 0);
        QCOMPARE(figures.value(QStringLiteral("lost")).toInteger(-1), 0);
        QCOMPARE(figures.value(QStringLiteral("duplicated")).toInteger(-1), 0);
        QCOMPARE(figures.value(QStringLiteral("delivered")).toInteger(),
                 figures.value(QStringLiteral("expected_deliveries")).toInteger());
        QVERIFY(
            figures.value(QStringLiteral("latency_ms")).toObject().value(QStringLiteral("count")).toInteger()
            > 0);
    } else if (scenario == QStringLiteral("history") && arguments.contains(QStringLiteral("--subprotocol"))) {
        QCOMPARE(figures.value(QStringLiteral("filled")).toInteger(), 150);
        QCOMPARE(figures.value(QStringLiteral("messages_listed_count")).toInteger(), 100); // the newest page
        QCOMPARE(figures.value(QStringLiteral("messages_listed_more")).toString(), QStringLiteral("true"));
    } else if (scenario == QStringLiteral("history")) {
        QCOMPARE(figures.value(QStringLiteral("filled")).toInteger(), 300);
        QCOMPARE(figures.value(QStringLiteral("messages_listed_count")).toInteger(), 300);
        QVERIFY(figures.value(QStringLiteral("messages_listed_more")).isNull());
    } else if (scenario == QStringLiteral("rooms")) {
        QCOMPARE(figures.value(QStringLiteral("created")).toInteger(), 40);
        QVERIFY(figures.value(QStringLiteral("rooms_listed_count")).toInteger() >= 40);
    } else if (scenario == QStringLiteral("drawing")) {
        QCOMPARE(figures.value(QStringLiteral("filled")).toInteger(), 12);
        QCOMPARE(figures.value(QStringLiteral("drawing_lines_got")).toInteger(), 12);
    }
}

void TestChatBenchSmoke::timeoutIsBounded()
{
    // Sending for 30 s with a 1 s bound: the run must stop, print what it has and fail.
    const BenchRun run =
        runBench(QStringList {QStringLiteral("fanout"), QStringLiteral("--rooms"), QStringLiteral("1"),
                              QStringLiteral("--per-room"), QStringLiteral("2"), QStringLiteral("--rate"),
                              QStringLiteral("10"), QStringLiteral("--duration"), QStringLiteral("30"),
                              QStringLiteral("--timeout"), QStringLiteral("1")}
                     + common(),
                 30000);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.elapsedMs < 12000, QByteArray::number(run.elapsedMs).constData());
    QCOMPARE(run.json.value(QStringLiteral("timed_out")).toBool(), true);
    QCOMPARE(run.json.value(QStringLiteral("ok")).toBool(true), false);
}

void TestChatBenchSmoke::roomsWereCleanedUp()
{
    // Every run above deleted its rooms, the timed-out one included: a new client sees an empty lobby.
    const BenchRun run =
        runBench(QStringList {QStringLiteral("connect"), QStringLiteral("--clients"), QStringLiteral("1"),
                              QStringLiteral("--timeout"), QStringLiteral("20")}
                 + common());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json.value(QStringLiteral("figures"))
                 .toObject()
                 .value(QStringLiteral("rooms_at_connect"))
                 .toInt(-1),
             0);
}

void TestChatBenchSmoke::liveWithDefaultLimits()
{
    // Live strokes (issue 15) with the server's default limits: a draw_live costs half a token, so drawing
    // every 30 ms plus a line a second stays within the default 30 calls/s (no rate_limited). 8 members, 3
    // of them drawing for 2 s: every preview must reach the 7 others once, in order, never its author.
    QProcess server;
    quint16 port = 0;
    QByteArray problem;
    QVERIFY2(startServer(server, port, QStringLiteral("live.db"), {}, problem), problem.constData());
    const BenchRun run =
        runBench(QStringList {QStringLiteral("live"), QStringLiteral("--per-room"), QStringLiteral("8"),
                              QStringLiteral("--drawers"), QStringLiteral("3"), QStringLiteral("--interval"),
                              QStringLiteral("30"), QStringLiteral("--stroke-ms"), QStringLiteral("500"),
                              QStringLiteral("--duration"), QStringLiteral("2"), QStringLiteral("--drain"),
                              QStringLiteral("10"), QStringLiteral("--timeout"), QStringLiteral("60")}
                 + commonFor(port, server));
    stopServer(server);
    const QByteArray context = run.stdoutText + run.stderrText;
    verifySucceeded(run, QStringLiteral("live"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.json.value(QStringLiteral("subprotocol_negotiated")).toString(),
             QStringLiteral("socketchat.v1"));

    const QJsonObject figures = run.json.value(QStringLiteral("figures")).toObject();
    QCOMPARE(figures.value(QStringLiteral("members_joined")).toInt(), 8);
    QCOMPARE(figures.value(QStringLiteral("drawers_drawing")).toInt(), 3);
    const qint64 sent = figures.value(QStringLiteral("previews_sent")).toInteger();
    QVERIFY2(sent >= 3 * 10, context.constData()); // 2 s at 30 ms, even on a loaded machine
    QVERIFY(figures.value(QStringLiteral("previews_end")).toInteger() >= 3); // each drawer lifted its pen
    QCOMPARE(figures.value(QStringLiteral("expected_deliveries")).toInteger(), sent * 7);
    QCOMPARE(figures.value(QStringLiteral("delivered")).toInteger(), sent * 7);
    for (const char *zero : {"lost", "duplicated", "reordered", "echoed", "mismatched", "unknown"})
        QVERIFY2(figures.value(QString::fromLatin1(zero)).toInteger(-1) == 0, zero);
    QCOMPARE(
        figures.value(QStringLiteral("latency_ms")).toObject().value(QStringLiteral("count")).toInteger(),
        sent * 7);
    QVERIFY(figures.value(QStringLiteral("line_frames")).toInteger() > 0);
    QVERIFY(!figures.value(QStringLiteral("server_cpu_us_per_preview")).isNull());
}

QTEST_GUILESS_MAIN(TestChatBenchSmoke)
#include "tst_chatbench_smoke.moc"
