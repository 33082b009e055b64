// wss:// with --tls-cert/--tls-key (a self-signed certificate made here with the openssl CLI), and
// --allowed-origin.
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"
#include "transport/TlsFiles.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslCipher>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chat;
using chat::server::ChatServer;
using chat::server::TlsFiles;

// In a test function that needs the self-signed certificate.
#define REQUIRE_CERTIFICATE()                                                                                \
    do {                                                                                                     \
        if (!m_haveCertificate)                                                                              \
            QSKIP("the openssl command (Debian package openssl) is not installed");                          \
    } while (false)

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    // Makes the certificate when the openssl command is there. Without it only the functions that need TLS
    // skip (REQUIRE_CERTIFICATE): the origin checks below run all the same.
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        const QString openssl = QStandardPaths::findExecutable(str("openssl"));
        if (openssl.isEmpty())
            return;
        QProcess process;
        process.start(openssl,
                      {str("req"), str("-x509"), str("-newkey"), str("rsa:2048"), str("-nodes"), str("-days"),
                       str("2"), str("-subj"), str("/CN=127.0.0.1"), str("-addext"),
                       str("subjectAltName=IP:127.0.0.1"), str("-keyout"), keyPath(), str("-out"),
                       certificatePath()});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        m_haveCertificate = true;
    }
    void cleanup() { m_server.stop(); }

    void aClientThatTrustsTheCertificateTalksOverWss()
    {
        REQUIRE_CERTIFICATE();
        startTls();
        QVERIFY(m_server.url().toString().startsWith(str("wss://")));
        TestClient a;
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(QSslCertificate::fromPath(certificatePath()));
        a.socket().setSslConfiguration(trust);
        QVERIFY(a.connectTo(m_server.url()));
        QVERIFY(a.socket().sslConfiguration().sessionCipher().isNull() == false);
        a.call(CallName::CreateRoom);
        QVERIFY(a.expect(nameOf(ResultName::RoomCreated)));
    }

    void aClientThatDoesNotTrustItIsRefused()
    {
        REQUIRE_CERTIFICATE();
        startTls();
        TestClient stranger; // the system's CAs only: the self-signed certificate fails verification
        QVERIFY(!stranger.openOnly(m_server.url(), 3000));
        TestClient plain; // ws:// to a wss:// server
        QUrl url = m_server.url();
        url.setScheme(str("ws"));
        QVERIFY(!plain.openOnly(url, 3000));
    }

    void unusableFilesGiveOneLineReasons()
    {
        REQUIRE_CERTIFICATE();
        const auto missing = TlsFiles::load(m_folder.filePath(str("none.pem")), keyPath());
        QVERIFY(std::holds_alternative<QString>(missing));
        QVERIFY(std::get<QString>(missing).contains(str("none.pem")));
        const auto swapped = TlsFiles::load(keyPath(), certificatePath());
        QVERIFY(std::holds_alternative<QString>(swapped));
        QVERIFY(!std::get<QString>(swapped).contains(u'\n'));
        QVERIFY(std::holds_alternative<QSslConfiguration>(TlsFiles::load(certificatePath(), keyPath())));
    }

    void onlyAllowedOriginsConnect_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("listed") << str("https://chat.example") << true;
        QTest::newRow("second listed") << str("http://localhost:8080") << true;
        QTest::newRow("other") << str("https://evil.example") << false;
        QTest::newRow("prefix of a listed one") << str("https://chat.example.evil") << false;
    }

    void onlyAllowedOriginsConnect()
    {
        QFETCH(QString, origin);
        QFETCH(bool, allowed);
        ChatServer::Options options = TestServer::defaultOptions();
        options.allowedOrigins = {str("https://chat.example"), str("http://localhost:8080")};
        QVERIFY(m_server.start(options));
        QWebSocket socket(origin);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(m_server.url());
        QTRY_VERIFY(!connected.isEmpty() || !disconnected.isEmpty());
        QCOMPARE(!connected.isEmpty(), allowed);
        TestClient noOrigin; // not a browser: no Origin header, so the list does not apply
        QVERIFY(noOrigin.connectTo(m_server.url()));
    }

    void withoutAListEveryOriginConnects()
    {
        QVERIFY(m_server.start());
        QWebSocket socket(str("https://anywhere.example"));
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(m_server.url());
        QVERIFY(connected.wait(30000));
    }

private:
    QString certificatePath() const { return m_folder.filePath(str("cert.pem")); }
    QString keyPath() const { return m_folder.filePath(str("key.pem")); }

    void startTls()
    {
        const auto tls = TlsFiles::load(certificatePath(), keyPath());
        QVERIFY(std::holds_alternative<QSslConfiguration>(tls));
        ChatServer::Options options = TestServer::defaultOptions();
        options.tls = std::get<QSslConfiguration>(tls);
        QVERIFY(m_server.start(options));
    }

    QTemporaryDir m_folder;
    bool m_haveCertificate = false;
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
