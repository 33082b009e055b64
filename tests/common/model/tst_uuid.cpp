// Unit tests of chat::Uuid: lowercase canonical uuid4 strings and "<kind>-<uuid>" default names.

#include "model/Uuid.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace chat;

namespace {
const QRegularExpression
    uuid4(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
} // namespace

class TestUuid : public QObject
{
    Q_OBJECT

private slots:
    void createIsLowercaseCanonicalUuid4()
    {
        for (int i = 0; i < 1000; ++i) {
            const QString uuid = Uuid::create();
            QVERIFY2(uuid4.match(uuid).hasMatch(), qPrintable(uuid));
            QCOMPARE(uuid.size(), 36);
            QCOMPARE(uuid, uuid.toLower());
        }
    }

    void createIsUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 10000; ++i)
            seen.insert(Uuid::create());
        QCOMPARE(seen.size(), 10000);
    }

    void defaultName_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<QString>("expected");
        const QString id = QStringLiteral("0b7e6a52-55a1-4c3e-9d8f-2a1b3c4d5e6f");
        QTest::newRow("user") << QByteArray("user") << id << QStringLiteral("user-") + id;
        QTest::newRow("room") << QByteArray("room") << id << QStringLiteral("room-") + id;
        QTest::newRow("message") << QByteArray("message") << id << QStringLiteral("message-") + id;
        QTest::newRow("drawing") << QByteArray("drawing") << id << QStringLiteral("drawing-") + id;
        QTest::newRow("line") << QByteArray("line") << id << QStringLiteral("line-") + id;
        QTest::newRow("empty uuid") << QByteArray("room") << QString() << QStringLiteral("room-");
    }

    void defaultName()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, uuid);
        QFETCH(QString, expected);
        QCOMPARE(Uuid::defaultName(kind.constData(), uuid), expected);
    }
};

QTEST_APPLESS_MAIN(TestUuid)
#include "tst_uuid.moc"
