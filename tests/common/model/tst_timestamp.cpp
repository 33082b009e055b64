// Unit tests of chat::Timestamp: Python's datetime.now().isoformat() in local time (docs/PROTOCOL.md section
// 3, Q19): "YYYY-MM-DDTHH:MM:SS.ffffff", no zone, and no fraction when the microseconds are 0.

#include "model/Timestamp.h"

#include <QRegularExpression>
#include <QTest>

#include <cstdlib>
#include <ctime>

using namespace chat;

namespace {
const QRegularExpression isoFormat(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?$"));
// A fixed zone far from UTC with a half-hour offset and no DST (POSIX TZ syntax, needs no tzdata):
// local time must differ visibly from UTC.
constexpr int zoneOffsetSeconds = 5 * 3600 + 30 * 60;
} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("TZ", "XST-05:30");
        tzset();
        QCOMPARE(QDateTime::currentDateTime().offsetFromUtc(), zoneOffsetSeconds);
    }

    void format_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<int>("microseconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full") << QDate(2026, 11, 27) << QTime(23, 39, 6) << 123456
                              << QStringLiteral("2026-11-27T23:39:06.123456");
        QTest::newRow("no fraction") << QDate(2026, 11, 27) << QTime(23, 39, 6) << 0
                                     << QStringLiteral("2026-11-27T23:39:06");
        QTest::newRow("one microsecond")
            << QDate(2026, 11, 27) << QTime(23, 39, 6) << 1 << QStringLiteral("2026-11-27T23:39:06.000001");
        QTest::newRow("leading zeros")
            << QDate(2026, 1, 2) << QTime(3, 4, 5) << 10 << QStringLiteral("2026-01-02T03:04:05.000010");
        QTest::newRow("trailing zeros kept")
            << QDate(2022, 6, 1) << QTime(12, 0, 0) << 500000 << QStringLiteral("2022-06-01T12:00:00.500000");
        QTest::newRow("max fraction") << QDate(2022, 12, 31) << QTime(23, 59, 59) << 999999
                                      << QStringLiteral("2022-12-31T23:59:59.999999");
        QTest::newRow("midnight") << QDate(2024, 2, 29) << QTime(0, 0, 0) << 0
                                  << QStringLiteral("2024-02-29T00:00:00");
        QTest::newRow("24-hour clock")
            << QDate(2024, 7, 14) << QTime(15, 7, 8) << 42 << QStringLiteral("2024-07-14T15:07:08.000042");
        // Only the microseconds argument decides the fraction; the QDateTime's own milliseconds are ignored.
        QTest::newRow("ms ignored") << QDate(2024, 7, 14) << QTime(15, 7, 8, 999) << 0
                                    << QStringLiteral("2024-07-14T15:07:08");
    }

    void format()
    {
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(int, microseconds);
        QFETCH(QString, expected);
        const QString text = Timestamp::format(QDateTime(date, time, Qt::LocalTime), microseconds);
        QCOMPARE(text, expected);
        QVERIFY2(isoFormat.match(text).hasMatch(), qPrintable(text));
    }

    void nowLocalFormat()
    {
        int withFraction = 0;
        for (int i = 0; i < 200; ++i) {
            const QString now = Timestamp::nowLocal();
            QVERIFY2(isoFormat.match(now).hasMatch(), qPrintable(now));
            QVERIFY(!now.contains(u'Z'));
            QVERIFY(!now.contains(u'+'));
            if (now.size() == 26)
                ++withFraction;
            else
                QCOMPARE(now.size(), 19);
        }
        QVERIFY(withFraction > 0); // microseconds are 0 only once in a million
    }

    // Server local time, not UTC (Q19).
    void nowLocalIsLocalTime()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QString now = Timestamp::nowLocal();
        const QDateTime after = QDateTime::currentDateTimeUtc();

        // The wall-clock text equals UTC shifted by the zone offset.
        const QDateTime wallClock =
            QDateTime::fromString(now.left(19), QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
        QVERIFY(wallClock.isValid());
        const QDateTime shiftedBefore = QDateTime(before.addSecs(zoneOffsetSeconds).date(),
                                                  before.addSecs(zoneOffsetSeconds).time(), Qt::LocalTime);
        const qint64 skew = shiftedBefore.secsTo(wallClock);
        QVERIFY2(skew >= -1 && skew <= 2 + before.secsTo(after), qPrintable(now));

        // Read back as local time, it is the current instant.
        const QDateTime parsed = Timestamp::parse(now);
        QVERIFY(parsed.isValid());
        QVERIFY(qAbs(parsed.toUTC().secsTo(before)) <= 2);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::newRow("with fraction")
            << QStringLiteral("2026-11-27T23:39:06.123456") << QDate(2026, 11, 27) << QTime(23, 39, 6, 123);
        QTest::newRow("without fraction")
            << QStringLiteral("2026-11-27T23:39:06") << QDate(2026, 11, 27) << QTime(23, 39, 6);
        QTest::newRow("milliseconds")
            << QStringLiteral("2022-01-02T03:04:05.678") << QDate(2022, 1, 2) << QTime(3, 4, 5, 678);
        // The seconds written are the seconds read: no rounding into the next second, day or year.
        QTest::newRow("fraction close to the next second")
            << QStringLiteral("2026-11-27T23:39:06.999999") << QDate(2026, 11, 27) << QTime(23, 39, 6, 999);
        QTest::newRow("last microsecond of the year")
            << QStringLiteral("2022-12-31T23:59:59.999600") << QDate(2022, 12, 31) << QTime(23, 59, 59, 999);
        QTest::newRow("fraction just below a millisecond")
            << QStringLiteral("2022-06-01T10:00:00.000999") << QDate(2022, 6, 1) << QTime(10, 0, 0, 0);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        const QDateTime parsed = Timestamp::parse(text);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.timeSpec(), Qt::LocalTime);
        QCOMPARE(parsed.date(), date);
        QCOMPARE(parsed.time(), time);
    }

    void parseInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("word") << QStringLiteral("yesterday");
        QTest::newRow("bad month") << QStringLiteral("2026-13-01T00:00:00");
        QTest::newRow("bad day") << QStringLiteral("2026-02-30T00:00:00");
        QTest::newRow("bad hour") << QStringLiteral("2026-01-01T25:00:00");
        QTest::newRow("garbage after") << QStringLiteral("2026-01-01T10:00:00xyz");
    }

    void parseInvalid()
    {
        QFETCH(QString, text);
        QVERIFY(!Timestamp::parse(text).isValid());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<int>("microseconds");
        QTest::newRow("no fraction") << QDateTime(QDate(2026, 11, 27), QTime(23, 39, 6), Qt::LocalTime) << 0;
        QTest::newRow("fraction") << QDateTime(QDate(2026, 11, 27), QTime(23, 39, 6), Qt::LocalTime)
                                  << 123456;
        QTest::newRow("near next second")
            << QDateTime(QDate(2021, 12, 31), QTime(23, 59, 59), Qt::LocalTime) << 999999;
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(0, 0, 1), Qt::LocalTime) << 1000;
    }

    void roundTrip()
    {
        QFETCH(QDateTime, time);
        QFETCH(int, microseconds);
        const QString text = Timestamp::format(time, microseconds);
        const QDateTime parsed = Timestamp::parse(text);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.date(), time.date());
        QCOMPARE(parsed.time().hour(), time.time().hour());
        QCOMPARE(parsed.time().minute(), time.time().minute());
        QCOMPARE(parsed.time().second(), time.time().second());
        QCOMPARE(parsed.time().msec(), microseconds / 1000);
        QCOMPARE(Timestamp::format(parsed, microseconds), text);
    }

    void nowRoundTrip()
    {
        const QString now = Timestamp::nowLocal();
        const QDateTime parsed = Timestamp::parse(now);
        QVERIFY(parsed.isValid());
        const int micro = now.size() == 26 ? now.mid(20).toInt() : 0;
        QCOMPARE(Timestamp::format(parsed, micro), now);
    }
};

QTEST_APPLESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
