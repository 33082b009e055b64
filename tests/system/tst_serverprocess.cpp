// The chat-server executable: options, environment, failures with one clear line, and SIGTERM.
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace chat;

namespace {

struct Finished
{
    int exitCode = -1;
    QString output;
    QString errors;
};

Finished runToEnd(const QStringList &arguments,
                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(str(CHAT_SERVER_PATH), arguments);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion()
    {
        const Finished help = runToEnd({str("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--host",
                                   "--port",
                                   "--db",
                                   "--log-level",
                                   "--version",
                                   "--tls-cert",
                                   "--tls-key",
                                   "--allowed-origin",
                                   "--rate-limit",
                                   "--rate-burst",
                                   "--flood-close",
                                   "--flood-ban",
                                   "--max-connections",
                                   "--max-per-address",
                                   "--handshake-timeout",
                                   "--ping-interval",
                                   "--pong-timeout",
                                   "--max-unsent-kib",
                                   "--max-name",
                                   "--max-body",
                                   "--max-points",
                                   "--max-lines",
                                   "--metrics"})
            QVERIFY2(help.output.contains(str(option)), option);
        const Finished version = runToEnd({str("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.output.startsWith(str("chat-server ")));
    }

    void badOptionsFailWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown option") << QStringList {str("--bogus")};
        QTest::newRow("port text") << QStringList {str("--port"), str("abc")};
        QTest::newRow("port too big") << QStringList {str("--port"), str("70000")};
        QTest::newRow("host") << QStringList {str("--host"), str("not-an-ip")};
        QTest::newRow("log level") << QStringList {str("--log-level"), str("loud")};
        QTest::newRow("stray argument") << QStringList {str("extra")};
        QTest::newRow("negative limit") << QStringList {str("--max-body"), str("-1")};
        QTest::newRow("limit text") << QStringList {str("--rate-limit"), str("fast")};
        QTest::newRow("ping interval too long") << QStringList {str("--ping-interval"), str("3601")};
        QTest::newRow("certificate without key") << QStringList {str("--tls-cert"), str("cert.pem")};
        QTest::newRow("PostgreSQL URL without a database")
            << QStringList {str("--db"), str("postgresql://localhost")};
        QTest::newRow("PostgreSQL schema not an identifier")
            << QStringList {str("--db"), str("postgresql://localhost/chat?schema=a;b")};
        QTest::newRow("empty node id") << QStringList {str("--node-id"), str(" ")};
        QTest::newRow("metrics nonsense") << QStringList {str("--metrics"), str("nonsense")};
        QTest::newRow("metrics port too big") << QStringList {str("--metrics"), str("127.0.0.1:70000")};
        QTest::newRow("metrics not an address") << QStringList {str("--metrics"), str("example.org:9100")};
    }

    void badOptionsFailWithOneLine()
    {
        QFETCH(QStringList, arguments);
        const Finished run = runToEnd(arguments);
        QVERIFY(run.exitCode != 0);
        QCOMPARE(run.errors.trimmed().count(u'\n'), 0);
        QVERIFY(run.errors.startsWith(str("chat-server: ")));
    }

    void badMetricsValuesExitWith2()
    {
        const Finished option = runToEnd({str("--metrics"), str("nonsense")});
        QCOMPARE(option.exitCode, 2);
        QVERIFY2(option.errors.contains(str("--metrics")), qPrintable(option.errors));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(str("CHAT_METRICS"), str("99999"));
        const Finished fromEnvironment = runToEnd({}, environment);
        QCOMPARE(fromEnvironment.exitCode, 2);
        QVERIFY2(fromEnvironment.errors.startsWith(str("chat-server: ")), qPrintable(fromEnvironment.errors));
        QCOMPARE(fromEnvironment.errors.trimmed().count(u'\n'), 0);
    }

    void metricsThatCannotBeServedFailWithOneLine()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        // A port already taken, and an address of no interface here (TEST-NET-1).
        for (const QString &metrics : {QString::number(squatter.serverPort()), str("192.0.2.1:9100")}) {
            const Finished run = runToEnd({str("--port"), str("0"), str("--db"),
                                           m_folder.filePath(str("metrics.db")), str("--metrics"), metrics});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.errors.contains(str("chat-server: cannot serve metrics on")),
                     qPrintable(run.errors));
            QCOMPARE(run.errors.count(str("chat-server:")), 1);
        }
    }

    void metricsAddressIsLoggedAndServed()
    {
        // From the environment, port 0: the system picks it and the log names it.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(str("CHAT_METRICS"), str("0"));
        QProcess server;
        server.setProcessEnvironment(environment);
        server.start(str(CHAT_SERVER_PATH),
                     {str("--port"), str("0"), str("--db"), m_folder.filePath(str("served.db"))});
        QVERIFY(waitForListening(server));
        const QRegularExpression listening(str("listening on ws://127.0.0.1:(\\d+)"));
        const QRegularExpression metrics(str("metrics on http://127.0.0.1:(\\d+)/metrics"));
        QDeadlineTimer deadline(10000);
        while (!metrics.match(QString::fromUtf8(server.peek(1 << 20))).hasMatch() && !deadline.hasExpired())
            server.waitForReadyRead(100);
        const QString log = QString::fromUtf8(server.peek(1 << 20));
        const quint16 chatPort = quint16(listening.match(log).captured(1).toUInt());
        const quint16 metricsPort = quint16(metrics.match(log).captured(1).toUInt());
        QVERIFY2(chatPort > 0 && metricsPort > 0 && metricsPort != chatPort, qPrintable(log));

        TestClient client;
        QVERIFY(client.connectTo(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(chatPort))));
        QTcpSocket scraper; // the server is another process: blocking calls are fine here
        scraper.connectToHost(QHostAddress::LocalHost, metricsPort);
        QVERIFY(scraper.waitForConnected(5000));
        scraper.write("GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QByteArray response;
        while (scraper.state() == QAbstractSocket::ConnectedState && scraper.waitForReadyRead(5000))
            response += scraper.readAll();
        response += scraper.readAll();
        QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.left(200).constData());
        QVERIFY(response.contains("\nchat_connections_open 1\n"));
        QVERIFY(response.contains("\nchat_connections_accepted_total 1\n"));
        QVERIFY(response.contains("\nprocess_open_fds "));
        QVERIFY(response.contains("\nprocess_resident_memory_bytes "));
        server.terminate();
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitCode(), 0);
    }

    void unusableDatabaseFailsWithOneLine_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("folder") << m_folder.path();
        QTest::newRow("under a file") << m_folder.filePath(str("file.txt/chat.db"));
        QTest::newRow("under /proc") << str("/proc/no-such/chat.db");
        QTest::newRow("not a database") << m_folder.filePath(str("garbage.db"));
        QTest::newRow("PostgreSQL not there") << str("postgresql://chat@127.0.0.1:1/chat?connect_timeout=2");
    }

    void unusableDatabaseFailsWithOneLine()
    {
        QFETCH(QString, path);
        QFile file(m_folder.filePath(str("file.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        file.close();
        QFile garbage(m_folder.filePath(str("garbage.db")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'g'));
        garbage.close();

        const Finished run = runToEnd({str("--port"), str("0"), str("--db"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errors.contains(str("chat-server: database")), qPrintable(run.errors));
        QCOMPARE(run.errors.trimmed().count(u'\n'), 0);
    }

    void unusableTlsFilesFailWithOneLine()
    {
        QFile notPem(m_folder.filePath(str("not.pem")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        for (const QString &certificate : {m_folder.filePath(str("missing.pem")), notPem.fileName()}) {
            const Finished run =
                runToEnd({str("--port"), str("0"), str("--db"), m_folder.filePath(str("tls.db")),
                          str("--tls-cert"), certificate, str("--tls-key"), notPem.fileName()});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.errors.startsWith(str("chat-server: ")), qPrintable(run.errors));
            QVERIFY2(run.errors.contains(str("TLS")) || run.errors.contains(str("PEM")),
                     qPrintable(run.errors));
            QCOMPARE(run.errors.trimmed().count(u'\n'), 0);
        }
    }

    void limitsComeFromTheEnvironment()
    {
        const quint16 port = freePort();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(str("CHAT_MAX_CONNECTIONS"), str("1"));
        QProcess server;
        server.setProcessEnvironment(environment);
        server.start(
            str(CHAT_SERVER_PATH),
            {str("--port"), QString::number(port), str("--db"), m_folder.filePath(str("limits.db"))});
        QVERIFY(waitForListening(server));
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(port));
        TestClient first, second;
        QVERIFY(first.connectTo(url));
        QVERIFY(second.openOnly(url));
        QVERIFY(second.waitForDisconnected());
        QCOMPARE(second.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        server.terminate();
        QVERIFY(server.waitForFinished(5000));
    }

    void aTakenPortFailsWithOneLine()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const Finished run = runToEnd({str("--port"), QString::number(squatter.serverPort()), str("--db"),
                                       m_folder.filePath(str("taken.db"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errors.contains(str("cannot listen")), qPrintable(run.errors));
        QCOMPARE(run.errors.trimmed().count(u'\n'), 0);
    }

    void environmentSelectsPortAndDatabase()
    {
        const quint16 port = freePort();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(str("CHAT_PORT"), QString::number(port));
        environment.insert(str("CHAT_DB"), m_folder.filePath(str("env.db")));
        QProcess server;
        server.setProcessEnvironment(environment);
        server.start(str(CHAT_SERVER_PATH), {});
        QVERIFY(waitForListening(server));
        TestClient client;
        QVERIFY(client.connectTo(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port))));
        QVERIFY(QFile::exists(m_folder.filePath(str("env.db"))));
        server.terminate();
        QVERIFY(server.waitForFinished(5000));
    }

    void sigtermClosesWith1001AndKeepsData()
    {
        const QString database = m_folder.filePath(str("sigterm.db"));
        const quint16 port = freePort();
        const QStringList arguments {str("--port"), QString::number(port), str("--db"), database};
        QProcess server;
        server.start(str(CHAT_SERVER_PATH), arguments);
        QVERIFY(waitForListening(server));
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(port));

        TestClient a, b;
        QVERIFY(a.connectTo(url));
        QVERIFY(b.connectTo(url));
        const auto room = a.createRoom();
        QVERIFY(a.enterRoom(room->uuid));
        a.call(CallName::CreateMessage, fields({{"body", str("kept")}}));
        QVERIFY(a.expect(nameOf(ResultName::RoomChanged)));
        QVERIFY(a.expect(nameOf(ResultName::MessageCreated)));

        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        QVERIFY(a.waitForDisconnected());
        QVERIFY(b.waitForDisconnected());
        QCOMPARE(a.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(b.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);

        QProcess again;
        again.start(str(CHAT_SERVER_PATH), arguments);
        QVERIFY(waitForListening(again));
        TestClient c;
        QVERIFY(c.openOnly(url));
        QVERIFY(c.expect(nameOf(ResultName::UserCreated)));
        const auto listed = c.expect(nameOf(ResultName::RoomsListed));
        QVERIFY(listed);
        QCOMPARE(listed->list().size(), 1);
        const auto stored = Room::fromJson(listed->list().first().toObject());
        QCOMPARE(stored->uuid, room->uuid);
        QCOMPARE(stored->sum, 1);
        QVERIFY(stored->users.isEmpty());
        again.terminate();
        QVERIFY(again.waitForFinished(5000));
        QCOMPARE(again.exitCode(), 0);
    }

    void startupLogNamesAddressAndDatabase()
    {
        const quint16 port = freePort();
        QProcess server;
        server.start(str(CHAT_SERVER_PATH),
                     {str("--port"), QString::number(port), str("--db"), m_folder.filePath(str("log.db"))});
        QVERIFY(waitForListening(server));
        server.terminate();
        QVERIFY(server.waitForFinished(5000));
        const QString log = QString::fromUtf8(server.readAllStandardError());
        QVERIFY2(log.contains(QStringLiteral("ws://127.0.0.1:%1").arg(port)), qPrintable(log));
        QVERIFY2(log.contains(m_folder.filePath(str("log.db"))), qPrintable(log));
    }

private:
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    // Waits for the start-up line on stderr without consuming it.
    static bool waitForListening(QProcess &server)
    {
        if (!server.waitForStarted(5000))
            return false;
        server.setReadChannel(QProcess::StandardError);
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (server.peek(1 << 20).contains("listening on"))
                return true;
            if (server.state() != QProcess::Running)
                return false;
            server.waitForReadyRead(100);
        }
        return false;
    }

    QTemporaryDir m_folder;
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
