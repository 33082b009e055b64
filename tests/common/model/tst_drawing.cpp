// Unit tests of chat::Drawing: {"uuid", "name": "drawing-<uuid>", "lines": [line…]} (docs/PROTOCOL.md section
// 3).

#include "model/Drawing.h"
#include "model/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chat;

namespace {
const QString drawingId = QStringLiteral("7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a");

Line makeLine(const QString &uuid, const QString &tool)
{
    Line line;
    line.uuid = uuid;
    line.name = Line::freshName();
    line.points = QJsonArray {1, 2, 3, 4};
    line.tool = tool;
    line.color = QStringLiteral("#2b347e");
    return line;
}

Drawing sampleDrawing()
{
    Drawing drawing;
    drawing.uuid = drawingId;
    drawing.lines = {makeLine(QStringLiteral("l-3"), QStringLiteral("pen")),
                     makeLine(QStringLiteral("l-1"), QStringLiteral("eraser")),
                     makeLine(QStringLiteral("l-2"), QStringLiteral("pen"))};
    return drawing;
}

QJsonObject fromText(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QStringList lineUuids(const Drawing &drawing)
{
    QStringList uuids;
    for (const Line &line : drawing.lines)
        uuids.append(line.uuid);
    return uuids;
}
} // namespace

class TestDrawing : public QObject
{
    Q_OBJECT

private slots:
    void name()
    {
        QCOMPARE(sampleDrawing().name(), QStringLiteral("drawing-") + drawingId);
        Drawing fresh;
        fresh.uuid = Uuid::create();
        QCOMPARE(fresh.name(), QStringLiteral("drawing-") + fresh.uuid);
    }

    void toJsonKeys()
    {
        const QJsonObject json = sampleDrawing().toJson();
        QCOMPARE(json.keys(),
                 (QStringList {QStringLiteral("lines"), QStringLiteral("name"), QStringLiteral("uuid")}));
        QCOMPARE(json.value(QStringLiteral("uuid")), QJsonValue(drawingId));
        QCOMPARE(json.value(QStringLiteral("name")), QJsonValue(QStringLiteral("drawing-") + drawingId));
    }

    // Lines in insertion order, each a full line object.
    void toJsonLines()
    {
        const Drawing drawing = sampleDrawing();
        const QJsonArray lines = drawing.toJson().value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 3);
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject line = lines.at(i).toObject();
            QCOMPARE(line, drawing.lines.at(i).toJson());
            QCOMPARE(line.size(), 5);
        }
        QCOMPARE(lines.at(0).toObject().value(QStringLiteral("uuid")).toString(), QStringLiteral("l-3"));
        QCOMPARE(lines.at(2).toObject().value(QStringLiteral("uuid")).toString(), QStringLiteral("l-2"));
    }

    // reset_drawing sends "lines": [].
    void toJsonEmptyLines()
    {
        Drawing drawing;
        drawing.uuid = drawingId;
        const QJsonObject json = drawing.toJson();
        QVERIFY(json.value(QStringLiteral("lines")).isArray());
        QCOMPARE(json.value(QStringLiteral("lines")).toArray().size(), 0);
        QVERIFY(QJsonDocument(json).toJson(QJsonDocument::Compact).contains("\"lines\":[]"));
    }

    void roundTrip()
    {
        const Drawing drawing = sampleDrawing();
        const auto back = Drawing::fromJson(drawing.toJson());
        QVERIFY(back);
        QCOMPARE(back->uuid, drawing.uuid);
        QCOMPARE(back->lines, drawing.lines);
        QCOMPARE(back->name(), drawing.name());
        QCOMPARE(lineUuids(*back),
                 (QStringList {QStringLiteral("l-3"), QStringLiteral("l-1"), QStringLiteral("l-2")}));
        QCOMPARE(back->toJson(), drawing.toJson());
    }

    void fromPythonJson()
    {
        const auto drawing =
            Drawing::fromJson(fromText("{\"uuid\": \"7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a\", \"name\": "
                                       "\"drawing-7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a\", "
                                       "\"lines\": [{\"uuid\": \"a\", \"name\": \"line-x\", \"points\": [10, "
                                       "20, 30, 40], \"tool\": \"pen\", "
                                       "\"color\": \"#000000cc\"}, {\"uuid\": \"b\", \"name\": \"line-y\", "
                                       "\"points\": [], \"tool\": \"eraser\", "
                                       "\"color\": \"#ffffff\"}]}"));
        QVERIFY(drawing);
        QCOMPARE(drawing->uuid, drawingId);
        QCOMPARE(lineUuids(*drawing), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(drawing->lines.at(0).points, (QJsonArray {10, 20, 30, 40}));
        QCOMPARE(drawing->lines.at(1).tool, QStringLiteral("eraser"));
    }

    // The name is derived from the uuid, whatever was received.
    void nameIsDerived()
    {
        const auto drawing =
            Drawing::fromJson(fromText("{\"uuid\": \"d-1\", \"name\": \"drawing-other\", \"lines\": []}"));
        QVERIFY(drawing);
        QCOMPARE(drawing->name(), QStringLiteral("drawing-d-1"));
    }

    void fromJsonSkipsUnreadableLines()
    {
        const auto drawing = Drawing::fromJson(
            fromText("{\"uuid\": \"d\", \"lines\": [{\"uuid\": \"a\"}, 1, null, {\"name\": \"no uuid\"}, "
                     "{\"uuid\": null}, [\"x\"], {\"uuid\": \"b\", \"points\": [1, 2]}]}"));
        QVERIFY(drawing);
        QCOMPARE(lineUuids(*drawing), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(drawing->lines.at(1).points, (QJsonArray {1, 2}));
    }

    void fromJsonWithoutLines()
    {
        const auto missing = Drawing::fromJson(fromText("{\"uuid\": \"d\"}"));
        QVERIFY(missing);
        QVERIFY(missing->lines.isEmpty());
        const auto wrongType = Drawing::fromJson(fromText("{\"uuid\": \"d\", \"lines\": {\"uuid\": \"a\"}}"));
        QVERIFY(wrongType);
        QVERIFY(wrongType->lines.isEmpty());
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("no uuid") << QByteArray("{\"name\": \"drawing-x\", \"lines\": []}");
        QTest::newRow("null uuid") << QByteArray("{\"uuid\": null, \"lines\": []}");
        QTest::newRow("number uuid") << QByteArray("{\"uuid\": 3, \"lines\": []}");
    }

    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!Drawing::fromJson(fromText(json)).has_value());
    }
};

QTEST_APPLESS_MAIN(TestDrawing)
#include "tst_drawing.moc"
