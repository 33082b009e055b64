// DatabaseUrl: what --db accepts, and that a password never shows.
#include "storage/DatabaseUrl.h"

#include <QTest>

using chat::server::DatabaseUrl;
using chat::server::SqlSchema;

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void aPathIsSqlite()
    {
        QString error;
        const auto url = DatabaseUrl::parse(QStringLiteral("/var/lib/chat/chat.db"), &error);
        QVERIFY(url);
        QCOMPARE(url->dialect, SqlSchema::Dialect::Sqlite);
        QCOMPARE(url->sqlitePath, QStringLiteral("/var/lib/chat/chat.db"));
    }

    void aPostgresUrlHasEveryPart()
    {
        QString error;
        const auto url = DatabaseUrl::parse(
            QStringLiteral(
                "postgresql://chat:s%40cret@db.internal:6543/chatdb?schema=node_test&sslmode=require"),
            &error);
        QVERIFY2(url, qPrintable(error));
        QVERIFY(url->isPostgres());
        QCOMPARE(url->host, QStringLiteral("db.internal"));
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->user, QStringLiteral("chat"));
        QCOMPARE(url->password, QStringLiteral("s@cret"));
        QCOMPARE(url->databaseName, QStringLiteral("chatdb"));
        QCOMPARE(url->schema, QStringLiteral("node_test"));
        QCOMPARE(url->connectOptions, QStringList {QStringLiteral("sslmode=require")});
        QVERIFY(!url->display().contains(QStringLiteral("cret")));
        QCOMPARE(url->display(),
                 QStringLiteral("postgresql://chat@db.internal:6543/chatdb?schema=node_test"));
    }

    void theDefaultPortIs5432()
    {
        QString error;
        const auto url = DatabaseUrl::parse(QStringLiteral("postgres://localhost/chat"), &error);
        QVERIFY(url);
        QCOMPARE(url->port, 5432);
    }

    void unusableUrlsAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("no database") << QStringLiteral("postgresql://localhost");
        QTest::newRow("no host") << QStringLiteral("postgresql:///chat");
        QTest::newRow("schema injection") << QStringLiteral("postgresql://localhost/chat?schema=a;drop");
        QTest::newRow("option with a space") << QStringLiteral("postgresql://localhost/chat?sslmode=a%20b");
        QTest::newRow("option with a quote") << QStringLiteral("postgresql://localhost/chat?options=%27x");
    }
    void unusableUrlsAreRefusedWithAReason()
    {
        QFETCH(QString, value);
        QString error;
        QVERIFY(!DatabaseUrl::parse(value, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
