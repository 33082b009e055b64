// Unit tests of chat::Line: {"uuid": <chosen by the client>, "name": "line-<fresh uuid4>", "points", "tool",
// "color"} (docs/PROTOCOL.md section 3, Q11, Q13).

#include "model/Line.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <limits>

using namespace chat;

namespace {
const QRegularExpression
    lineName(QStringLiteral("^line-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
const QString lineId = QStringLiteral("6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");

Line sampleLine()
{
    Line line;
    line.uuid = lineId;
    line.name = QStringLiteral("line-1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b");
    line.points = QJsonArray {10, 20, 30.5, 40.25, 639.75, 479.5};
    line.tool = QStringLiteral("pen");
    line.color = QStringLiteral("#000000cc");
    return line;
}

QJsonObject fromText(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestLine : public QObject
{
    Q_OBJECT

private slots:
    // Q11: "line-<fresh uuid4>", never derived from the line uuid.
    void freshName()
    {
        QSet<QString> names;
        for (int i = 0; i < 200; ++i) {
            const QString name = Line::freshName();
            QVERIFY2(lineName.match(name).hasMatch(), qPrintable(name));
            names.insert(name);
        }
        QCOMPARE(names.size(), 200);
    }

    void freshNameUnrelatedToUuid()
    {
        Line line = sampleLine();
        line.name = Line::freshName();
        QVERIFY(line.name != QStringLiteral("line-") + line.uuid);
        QVERIFY(!line.name.contains(line.uuid));
        QCOMPARE(line.toJson().value(QStringLiteral("name")).toString(), line.name);
        QCOMPARE(line.toJson().value(QStringLiteral("uuid")).toString(), lineId);
    }

    void toJsonKeys()
    {
        const QJsonObject json = sampleLine().toJson();
        QCOMPARE(json.keys(),
                 (QStringList {QStringLiteral("color"), QStringLiteral("name"), QStringLiteral("points"),
                               QStringLiteral("tool"), QStringLiteral("uuid")}));
        QCOMPARE(json.value(QStringLiteral("uuid")), QJsonValue(lineId));
        QCOMPARE(json.value(QStringLiteral("name")), QJsonValue(sampleLine().name));
        QCOMPARE(json.value(QStringLiteral("tool")), QJsonValue(QStringLiteral("pen")));
        QCOMPARE(json.value(QStringLiteral("color")), QJsonValue(QStringLiteral("#000000cc")));
        QCOMPARE(json.value(QStringLiteral("points")).toArray(), sampleLine().points);
    }

    // Points are echoed exactly as sent: integers stay integers.
    void toJsonPointsExact()
    {
        const QByteArray text = QJsonDocument(sampleLine().toJson()).toJson(QJsonDocument::Compact);
        QVERIFY2(text.contains("\"points\":[10,20,30.5,40.25,639.75,479.5]"), text.constData());
    }

    void roundTrip()
    {
        const Line line = sampleLine();
        QCOMPARE(Line::fromJson(line.toJson()), std::optional<Line>(line));
        Line eraser = line;
        eraser.tool = QStringLiteral("eraser");
        eraser.points = QJsonArray();
        eraser.name = Line::freshName();
        QCOMPARE(Line::fromJson(eraser.toJson()), std::optional<Line>(eraser));
        const QByteArray text = QJsonDocument(line.toJson()).toJson();
        QCOMPARE(Line::fromJson(fromText(text)), std::optional<Line>(line));
    }

    void fromPythonJson()
    {
        const auto line = Line::fromJson(fromText("{\"uuid\": \"6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d\", "
                                                  "\"name\": \"line-1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b\", "
                                                  "\"points\": [0.5, 1.25, -3, 1000, 639.75, 479.5], "
                                                  "\"tool\": \"eraser\", \"color\": \"#ffffff\"}"));
        QVERIFY(line);
        QCOMPARE(line->uuid, lineId);
        QCOMPARE(line->name, QStringLiteral("line-1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"));
        QCOMPARE(line->points, (QJsonArray {0.5, 1.25, -3, 1000, 639.75, 479.5}));
        QCOMPARE(line->tool, QStringLiteral("eraser"));
        QCOMPARE(line->color, QStringLiteral("#ffffff"));
    }

    // The original accepts any JSON as line uuid, points and tool (Q13): read what makes sense.
    void fromJsonLenient()
    {
        const auto numeric = Line::fromJson(fromText(
            "{\"uuid\": 5, \"name\": \"line-x\", \"points\": [1, \"2\"], \"tool\": 3, \"color\": 1}"));
        QVERIFY(numeric);
        QCOMPARE(numeric->uuid, QStringLiteral("5"));
        QCOMPARE(numeric->points, QJsonArray()); // not a number array
        QCOMPARE(numeric->tool, QStringLiteral("3"));
        QCOMPARE(numeric->color, QString());

        const auto structured = Line::fromJson(
            fromText("{\"uuid\": [1], \"points\": {\"x\": 1}, \"tool\": [\"pen\"], \"color\": \"#abc\"}"));
        QVERIFY(structured);
        QCOMPARE(structured->uuid, QStringLiteral("[1]"));
        QCOMPARE(structured->points, QJsonArray());
        QCOMPARE(structured->tool, QStringLiteral("[\"pen\"]"));
        QCOMPARE(structured->name, QString());
        QCOMPARE(structured->color, QStringLiteral("#abc"));

        const auto bare = Line::fromJson(fromText("{\"uuid\": \"l\"}"));
        QVERIFY(bare);
        QCOMPARE(bare->points, QJsonArray());
        QCOMPARE(bare->tool, QString());
        QCOMPARE(bare->color, QString());
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("no uuid") << QByteArray(
            "{\"name\": \"line-x\", \"points\": [], \"tool\": \"pen\", \"color\": \"#fff\"}");
        QTest::newRow("null uuid") << QByteArray("{\"uuid\": null, \"points\": []}");
    }

    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!Line::fromJson(fromText(json)).has_value());
    }

    void isPointArray_data()
    {
        QTest::addColumn<QJsonArray>("points");
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty") << QJsonArray() << true;
        QTest::newRow("integers") << QJsonArray {1, 2, 3, 4} << true;
        QTest::newRow("floats") << QJsonArray {0.5, -1.25, 1e300} << true;
        QTest::newRow("odd count") << QJsonArray {1, 2, 3} << true;
        QTest::newRow("string") << QJsonArray {1, QStringLiteral("2")} << false;
        QTest::newRow("null") << QJsonArray {QJsonValue::Null} << false;
        QTest::newRow("bool") << QJsonArray {true} << false;
        QTest::newRow("nested pair") << QJsonArray {QJsonArray {1, 2}} << false;
        QTest::newRow("object") << QJsonArray {QJsonObject {{QStringLiteral("x"), 1}}} << false;
        QTest::newRow("nan") << QJsonArray {1, std::numeric_limits<double>::quiet_NaN()} << false;
        QTest::newRow("infinity") << QJsonArray {std::numeric_limits<double>::infinity(), 1} << false;
        QTest::newRow("-infinity") << QJsonArray {-std::numeric_limits<double>::infinity()} << false;
    }

    void isPointArray()
    {
        QFETCH(QJsonArray, points);
        QFETCH(bool, expected);
        QCOMPARE(Line::isPointArray(points), expected);
    }

    void pointList()
    {
        Line line = sampleLine();
        QCOMPARE(line.pointList(),
                 (QVector<QPointF> {QPointF(10, 20), QPointF(30.5, 40.25), QPointF(639.75, 479.5)}));
        line.points = QJsonArray {1, 2, 3}; // a dangling last number is ignored
        QCOMPARE(line.pointList(), (QVector<QPointF> {QPointF(1, 2)}));
        line.points = QJsonArray {7};
        QVERIFY(line.pointList().isEmpty());
        line.points = QJsonArray();
        QVERIFY(line.pointList().isEmpty());
    }

    void toPointArray()
    {
        const QVector<QPointF> points {QPointF(1, 2), QPointF(3.5, -4.25)};
        const QJsonArray array = Line::toPointArray(points);
        QCOMPARE(array, (QJsonArray {1, 2, 3.5, -4.25}));
        QVERIFY(Line::isPointArray(array));
        Line line;
        line.points = array;
        QCOMPARE(line.pointList(), points);
        QCOMPARE(Line::toPointArray({}), QJsonArray());
    }

    void equality()
    {
        const Line a = sampleLine();
        Line b = a;
        QVERIFY(a == b);
        b.name = Line::freshName();
        QVERIFY(!(a == b));
        b = a;
        b.points.append(1);
        QVERIFY(!(a == b));
        b = a;
        b.tool = QStringLiteral("eraser");
        QVERIFY(!(a == b));
        b = a;
        b.color = QStringLiteral("#fff");
        QVERIFY(!(a == b));
        b = a;
        b.uuid = QStringLiteral("other");
        QVERIFY(!(a == b));
    }
};

QTEST_APPLESS_MAIN(TestLine)
#include "tst_line.moc"
