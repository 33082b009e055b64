// Unit tests of chat::Color: the strict colour rule of docs/PROTOCOL.md section 3 (without the "$" quirk Q9)
// and the room palette a new room's colour is drawn from.

#include "model/Color.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace chat;

class TestColor : public QObject
{
    Q_OBJECT

private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("color");
        QTest::newRow("#abc") << QStringLiteral("#abc");
        QTest::newRow("#ABC") << QStringLiteral("#ABC");
        QTest::newRow("#aBc") << QStringLiteral("#aBc");
        QTest::newRow("#000") << QStringLiteral("#000");
        QTest::newRow("#fff") << QStringLiteral("#fff");
        QTest::newRow("#123456") << QStringLiteral("#123456");
        QTest::newRow("#abcdef") << QStringLiteral("#abcdef");
        QTest::newRow("#ABCDEF") << QStringLiteral("#ABCDEF");
        QTest::newRow("#AbCdEf") << QStringLiteral("#AbCdEf");
        QTest::newRow("#5da247") << QStringLiteral("#5da247");
        QTest::newRow("#11223344") << QStringLiteral("#11223344");
        QTest::newRow("#000000cc") << QStringLiteral("#000000cc");
        QTest::newRow("#FFFFFFFF") << QStringLiteral("#FFFFFFFF");
        QTest::newRow("#aBcDeF09") << QStringLiteral("#aBcDeF09");
    }

    void valid()
    {
        QFETCH(QString, color);
        QVERIFY2(Color::isValid(color), qPrintable(color));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("color");
        QTest::newRow("empty") << QString();
        QTest::newRow("#") << QStringLiteral("#");
        QTest::newRow("#a") << QStringLiteral("#a");
        QTest::newRow("#ab") << QStringLiteral("#ab");
        QTest::newRow("#abcd") << QStringLiteral("#abcd");
        QTest::newRow("#12345") << QStringLiteral("#12345");
        QTest::newRow("#1234567") << QStringLiteral("#1234567");
        QTest::newRow("#123456789") << QStringLiteral("#123456789");
        QTest::newRow("#12345678a") << QStringLiteral("#12345678a");
        QTest::newRow("red") << QStringLiteral("red");
        QTest::newRow("123456") << QStringLiteral("123456");
        QTest::newRow("abc") << QStringLiteral("abc");
        QTest::newRow("leading space") << QStringLiteral(" #123456");
        QTest::newRow("trailing space") << QStringLiteral("#123456 ");
        QTest::newRow("trailing newline (Q9)") << QStringLiteral("#fff\n");
        QTest::newRow("trailing newline 6") << QStringLiteral("#123456\n");
        QTest::newRow("leading newline") << QStringLiteral("\n#fff");
        QTest::newRow("trailing cr") << QStringLiteral("#fff\r");
        QTest::newRow("#ggg") << QStringLiteral("#ggg");
        QTest::newRow("#12345g") << QStringLiteral("#12345g");
        QTest::newRow("##abc") << QStringLiteral("##abc");
        QTest::newRow("#-12") << QStringLiteral("#-12");
        QTest::newRow("#+12") << QStringLiteral("#+12");
        QTest::newRow("0x prefix") << QStringLiteral("0x123456");
        QTest::newRow("rgb()") << QStringLiteral("rgb(1,2,3)");
        QTest::newRow("embedded nul") << QString::fromUtf16(u"#ab\u0000", 4);
        QTest::newRow("fullwidth digits") << QString::fromUtf8("#\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93");
        QTest::newRow("arabic-indic digits") << QString::fromUtf8("#\xd9\xa1\xd9\xa2\xd9\xa3");
        QTest::newRow("fullwidth hash") << QString::fromUtf8("\xef\xbc\x83"
                                                             "abc");
    }

    void invalid()
    {
        QFETCH(QString, color);
        QVERIFY2(!Color::isValid(color), qPrintable(color));
    }

    void validViewOfLargerString()
    {
        const QString text = QStringLiteral("x#abcx");
        QVERIFY(Color::isValid(QStringView(text).mid(1, 4)));
        QVERIFY(!Color::isValid(QStringView(text).mid(1, 5)));
    }

    // Section 3: the palette, literally, in the documented order.
    void palette()
    {
        const QStringList expected {
            QStringLiteral("#ffffff"), QStringLiteral("#5da247"), QStringLiteral("#fbeb50"),
            QStringLiteral("#2b347e"), QStringLiteral("#cf2e24"), QStringLiteral("#e69635"),
            QStringLiteral("#d95d98"), QStringLiteral("#5e297e"), QStringLiteral("#888888"),
            QStringLiteral("#e79d7e"),
        };
        QCOMPARE(Color::roomPalette(), expected);
        QCOMPARE(Color::roomPalette().size(), 10);
        for (const QString &color : Color::roomPalette())
            QVERIFY2(Color::isValid(color), qPrintable(color));
        QCOMPARE(QSet<QString>(expected.cbegin(), expected.cend()).size(), 10);
        QCOMPARE(&Color::roomPalette(), &Color::roomPalette());
    }

    void randomRoomColorIsFromPalette()
    {
        const QStringList &palette = Color::roomPalette();
        QHash<QString, int> counts;
        constexpr int draws = 5000;
        for (int i = 0; i < draws; ++i) {
            const QString color = Color::randomRoomColor();
            QVERIFY2(palette.contains(color), qPrintable(color));
            ++counts[color];
        }
        // Uniform: every colour shows up (the chance of missing one in 5000 draws is ~1e-228), and none is
        // wildly over- or under-represented (expected 500 each; the bounds are > 10 standard deviations
        // away).
        QCOMPARE(counts.size(), palette.size());
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            QVERIFY2(it.value() > 300, qPrintable(it.key()));
            QVERIFY2(it.value() < 700, qPrintable(it.key()));
        }
    }
};

QTEST_APPLESS_MAIN(TestColor)
#include "tst_color.moc"
