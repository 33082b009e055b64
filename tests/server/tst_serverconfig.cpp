// ServerConfig::parse for --metrics / CHAT_METRICS: the accepted forms, the default address, and one-line
// errors with exit code 2 for everything else.
#include "ServerConfig.h"

#include <QTest>

using chat::server::ServerConfig;
using chat::server::ServerConfigParse;

namespace {

ServerConfigParse parse(const QStringList &arguments)
{
    return ServerConfig::parse(QStringList {QStringLiteral("chat-server")} + arguments);
}

} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private slots:
    void init() { qunsetenv("CHAT_METRICS"); }
    void cleanup() { qunsetenv("CHAT_METRICS"); }

    void metricsAreOffByDefault()
    {
        const auto parsed = parse({});
        QVERIFY(parsed.config);
        QVERIFY(!parsed.config->metrics);
    }

    void goodMetricsValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("bare port") << "9100"
                                   << "127.0.0.1"
                                   << "127.0.0.1" << 9100;
        QTest::newRow(":port") << ":9100"
                               << "127.0.0.1"
                               << "127.0.0.1" << 9100;
        QTest::newRow("port 0") << "0"
                                << "127.0.0.1"
                                << "127.0.0.1" << 0;
        QTest::newRow("every interface") << "0.0.0.0:9100"
                                         << "0.0.0.0"
                                         << "0.0.0.0" << 9100;
        QTest::newRow("an address") << "10.1.2.3:65535"
                                    << "10.1.2.3"
                                    << "10.1.2.3" << 65535;
        QTest::newRow("localhost") << "localhost:9100"
                                   << "127.0.0.1"
                                   << "127.0.0.1" << 9100;
        QTest::newRow("IPv6") << "[::1]:9100"
                              << "::1"
                              << "[::1]" << 9100;
        QTest::newRow("IPv6 any") << "[::]:0"
                                  << "::"
                                  << "[::]" << 0;
    }

    void goodMetricsValues()
    {
        QFETCH(QString, value);
        QFETCH(QString, address);
        QFETCH(QString, host);
        QFETCH(int, port);
        const auto parsed = parse({QStringLiteral("--metrics"), value});
        QVERIFY2(parsed.config, qPrintable(parsed.output));
        QVERIFY(parsed.config->metrics);
        QCOMPARE(parsed.config->metricsAddress, QHostAddress(address));
        QCOMPARE(parsed.config->metricsHost, host);
        QCOMPARE(int(parsed.config->metricsPort), port);
    }

    void badMetricsValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("nonsense") << "nonsense";
        QTest::newRow("empty") << "";
        QTest::newRow("colon only") << ":";
        QTest::newRow("port too big") << "70000";
        QTest::newRow("negative port") << "-1";
        QTest::newRow("address without port") << "127.0.0.1";
        QTest::newRow("address and empty port") << "127.0.0.1:";
        QTest::newRow("not an address") << "1.2.3.4.5:9100";
        QTest::newRow("host name") << "metrics.example:9100";
        QTest::newRow("IPv6 without brackets") << "::1:9100";
        QTest::newRow("IPv6 without port") << "[::1]";
        QTest::newRow("bad IPv6") << "[nope]:9100";
        QTest::newRow("port text") << "127.0.0.1:http";
    }

    void badMetricsValues()
    {
        QFETCH(QString, value);
        const auto parsed = parse({QStringLiteral("--metrics"), value});
        QVERIFY(!parsed.config);
        QCOMPARE(parsed.exitCode, 2);
        QVERIFY2(parsed.output.startsWith(QStringLiteral("chat-server: ")), qPrintable(parsed.output));
        QVERIFY2(parsed.output.contains(QStringLiteral("--metrics")), qPrintable(parsed.output));
        QVERIFY(!parsed.output.contains(u'\n'));
    }

    void theEnvironmentVariableWorksAndTheOptionWins()
    {
        qputenv("CHAT_METRICS", ":9200");
        auto parsed = parse({});
        QVERIFY(parsed.config);
        QVERIFY(parsed.config->metrics);
        QCOMPARE(int(parsed.config->metricsPort), 9200);
        parsed = parse({QStringLiteral("--metrics"), QStringLiteral("0.0.0.0:9300")});
        QVERIFY(parsed.config);
        QCOMPARE(parsed.config->metricsAddress, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(int(parsed.config->metricsPort), 9300);

        qputenv("CHAT_METRICS", "nonsense");
        parsed = parse({});
        QVERIFY(!parsed.config);
        QCOMPARE(parsed.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
