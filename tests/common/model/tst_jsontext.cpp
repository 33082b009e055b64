// Unit tests of chat::JsonText: lenient reading of values that the original server echoes as sent (Q13).

#include "model/JsonText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace chat;

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void textOf_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << QJsonValue(QStringLiteral("hello")) << QStringLiteral("hello");
        QTest::newRow("empty string") << QJsonValue(QString()) << QString();
        QTest::newRow("string with json") << QJsonValue(QStringLiteral("[1]")) << QStringLiteral("[1]");
        QTest::newRow("non-ascii string") << QJsonValue(QString::fromUtf8("\xc3\xa9\xf0\x9f\x98\x80"))
                                          << QString::fromUtf8("\xc3\xa9\xf0\x9f\x98\x80");
        QTest::newRow("integer") << QJsonValue(42) << QStringLiteral("42");
        QTest::newRow("zero") << QJsonValue(0) << QStringLiteral("0");
        QTest::newRow("negative zero") << QJsonValue(-0.0) << QStringLiteral("0");
        QTest::newRow("negative integer") << QJsonValue(-7) << QStringLiteral("-7");
        QTest::newRow("integral double") << QJsonValue(2.0) << QStringLiteral("2");
        QTest::newRow("large integer")
            << QJsonValue(qint64(9007199254740992)) << QStringLiteral("9007199254740992");
        QTest::newRow("1e15") << QJsonValue(1e15) << QStringLiteral("1000000000000000");
        QTest::newRow("1.5") << QJsonValue(1.5) << QStringLiteral("1.5");
        QTest::newRow("-0.25") << QJsonValue(-0.25) << QStringLiteral("-0.25");
        // The shortest text that reads back as the same double, as Python's repr / json.dumps writes it.
        QTest::newRow("0.1") << QJsonValue(0.1) << QStringLiteral("0.1");
        QTest::newRow("0.3") << QJsonValue(0.1 + 0.2) << QStringLiteral("0.30000000000000004");
        QTest::newRow("639.75") << QJsonValue(639.75) << QStringLiteral("639.75");
        QTest::newRow("1e20") << QJsonValue(1e20) << QStringLiteral("1e+20");
        QTest::newRow("1e-7") << QJsonValue(1e-7) << QStringLiteral("1e-07");
        QTest::newRow("true") << QJsonValue(true) << QStringLiteral("true");
        QTest::newRow("false") << QJsonValue(false) << QStringLiteral("false");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QString();
        QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QString();
        QTest::newRow("array") << QJsonValue(QJsonArray {1, QStringLiteral("a"), QJsonValue::Null})
                               << QStringLiteral("[1,\"a\",null]");
        QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QStringLiteral("[]");
        QTest::newRow("object") << QJsonValue(QJsonObject {{QStringLiteral("a"), 1}})
                                << QStringLiteral("{\"a\":1}");
        QTest::newRow("empty object") << QJsonValue(QJsonObject()) << QStringLiteral("{}");
    }

    void textOf()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QCOMPARE(JsonText::textOf(value), expected);
    }

    // Every double's text reads back as the same double.
    void textOfNumbersIsExact()
    {
        const double values[] = {0.1,
                                 1.0 / 3.0,
                                 2.0 / 3.0,
                                 123456.789,
                                 1e-300,
                                 1.7976931348623157e308,
                                 -4.9406564584124654e-324,
                                 9007199254740993.0,
                                 3.14159265358979};
        for (const double value : values) {
            const QString text = JsonText::textOf(QJsonValue(value));
            bool ok = false;
            QCOMPARE(text.toDouble(&ok), value);
            QVERIFY(ok);
        }
    }

    void nullableString_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << QJsonValue(QStringLiteral("#abc")) << QStringLiteral("#abc");
        QTest::newRow("empty string") << QJsonValue(QString()) << QString();
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QString();
        QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QString();
        QTest::newRow("number") << QJsonValue(42) << QString();
        QTest::newRow("bool") << QJsonValue(true) << QString();
        QTest::newRow("array") << QJsonValue(QJsonArray {QStringLiteral("a")}) << QString();
        QTest::newRow("object") << QJsonValue(QJsonObject {{QStringLiteral("a"), QStringLiteral("b")}})
                                << QString();
    }

    void nullableString()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QCOMPARE(JsonText::nullableString(value), expected);
    }

    void stringOrNull()
    {
        QVERIFY(JsonText::stringOrNull(QString()).isNull());
        QVERIFY(JsonText::stringOrNull(QStringLiteral("")).isNull());
        QCOMPARE(JsonText::stringOrNull(QStringLiteral("x")), QJsonValue(QStringLiteral("x")));
        QCOMPARE(JsonText::stringOrNull(QStringLiteral(" ")), QJsonValue(QStringLiteral(" ")));
        QVERIFY(JsonText::stringOrNull(QStringLiteral("null")).isString());
    }

    void stringOrNullRoundTrip()
    {
        for (const QString &text : {QString(), QStringLiteral("r-1"), QStringLiteral("0")})
            QCOMPARE(JsonText::nullableString(JsonText::stringOrNull(text)), text);
    }
};

QTEST_APPLESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
