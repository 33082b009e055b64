// The client's Connection against a real chat server (the chatserver library in this process, TestServer)
// that closes every connection with 1012 "server restarting" (ChatServer::restartSessions, as a cluster node
// does when the others took it for dead; docs/PROTOCOL.md section 1). Qt 6.4's QWebSocket reports that close
// as 1002 "Invalid close code 1002 detected." (the probe below pins what it reports); the client must still
// see a restart: the log and notice say 1012 and it reconnects at once instead of with its backoff.
#include "net/Connection.h"
#include "net/ProtocolClient.h"
#include "support/TestServer.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace chat;

namespace {
constexpr int firstBackoffMs = 500; // Connection's first retry delay after a lost connection
}

class TestRestart : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_server.start()); }
    void cleanup() { m_server.stop(); }

    // What QWebSocket itself reports for the server's 1012: the code and reason Connection recognises.
    void qtReportsTheRestartAs1002WithItsOwnReason()
    {
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(m_server.url());
        QVERIFY(connected.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server()->sessionCount(), 1, 20000);
        restartSessions(1);
        QVERIFY(disconnected.wait(20000));
        qInfo() << "QWebSocket reports" << socket.closeCode() << socket.closeReason();
        if (socket.closeCode() == 1012)
            return; // a Qt that knows 1012: Connection recognises the code itself
        QCOMPARE(int(socket.closeCode()), 1002);
        QCOMPARE(socket.closeReason(), QStringLiteral("Invalid close code 1002 detected."));
    }

    void restartIsReportedAs1012AndReconnectsAtOnce()
    {
        Connection connection;
        QSignalSpy opened(&connection, &Connection::opened);
        QSignalSpy closed(&connection, &Connection::closed);
        connection.open(m_server.url());
        QVERIFY(opened.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server()->sessionCount(), 1, 20000);

        restartSessions(1);
        QVERIFY(closed.wait(20000));
        QCOMPARE(closed.first().at(0).toInt(), 1012);
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("server restarting"));
        // No backoff (tst_client_connection checks it after other closes): only the jitter that spreads the
        // clients of a restarted server.
        if (connection.state() == Connection::State::WaitingToReconnect) {
            const int delay = connection.scheduledRetryMs();
            QVERIFY2(delay >= 0 && delay < firstBackoffMs, qPrintable(QString::number(delay)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 20000);
        QCOMPARE(connection.state(), Connection::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server()->sessionCount(), 1, 20000);
        connection.close();
    }

    // What the user reads: the log line and the notice name the restart.
    void protocolClientLogsAndTellsTheRestart()
    {
        ProtocolClient client;
        QSignalSpy notices(&client, &ProtocolClient::notice);
        client.connectTo(m_server.url());
        QTRY_COMPARE_WITH_TIMEOUT(client.connection()->state(), Connection::State::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server()->sessionCount(), 1, 20000);
        restartSessions(1);
        QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 20000);
        QCOMPARE(notices.first().at(0).toString(), QStringLiteral("The server is restarting. Reconnecting…"));
        QTRY_COMPARE_WITH_TIMEOUT(client.connection()->state(), Connection::State::Connected, 20000);
        client.connection()->close();
    }

private:
    void restartSessions(int count)
    {
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("closing all %1 connections: test").arg(count)));
        m_server.server()->restartSessions(QStringLiteral("test"));
    }

    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestRestart)
#include "tst_restart.moc"
