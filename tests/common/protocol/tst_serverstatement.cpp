// Unit tests of chat::ServerStatement: the server → client envelope of docs/PROTOCOL.md section 2,
// {"type": "result"|"error", "payload": {"message": name[, "object"|"list"]}}, and its parsing.

#include "protocol/ServerStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>

using namespace chat;

namespace {

QJsonObject parseObject(const QByteArray &utf8)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

QJsonObject sampleRoom()
{
    return QJsonObject {{QStringLiteral("uuid"), QStringLiteral("5f0e8a3c-3b7e-4f7a-9a53-1d2c3b4a5e6f")},
                        {QStringLiteral("name"), QStringLiteral("room-5f0e8a3c-3b7e-4f7a-9a53-1d2c3b4a5e6f")},
                        {QStringLiteral("color"), QStringLiteral("#5da247")},
                        {QStringLiteral("users"), QJsonArray()},
                        {QStringLiteral("sum"), 0}};
}

QStringList sortedKeys(const QJsonObject &object)
{
    return object.keys(); // QJsonObject keeps its keys sorted
}

} // namespace

class TestServerStatement : public QObject
{
    Q_OBJECT

private slots:
    void resultWithoutData()
    {
        const ServerStatement statement = ServerStatement::result(ResultName::RoomEntered);
        QCOMPARE(int(statement.type()), int(StatementType::Result));
        QCOMPARE(statement.name(), QStringLiteral("room_entered"));
        QCOMPARE(statement.resultName(), std::optional<ResultName>(ResultName::RoomEntered));
        QVERIFY(!statement.errorName());
        QVERIFY(!statement.generalReply());
        QVERIFY(!statement.hasObject());
        QVERIFY(!statement.hasList());

        const QJsonObject json = statement.toJson();
        QCOMPARE(json,
                 (QJsonObject {{QStringLiteral("type"), QStringLiteral("result")},
                               {QStringLiteral("payload"),
                                QJsonObject {{QStringLiteral("message"), QStringLiteral("room_entered")}}}}));
        QCOMPARE(parseObject(statement.toUtf8()), json);
        QCOMPARE(statement.toText(), QString::fromUtf8(statement.toUtf8()));
    }

    void resultWithObject()
    {
        const ServerStatement statement = ServerStatement::result(ResultName::RoomCreated, sampleRoom());
        QVERIFY(statement.hasObject());
        QVERIFY(!statement.hasList());
        QCOMPARE(statement.object(), sampleRoom());
        const QJsonObject json = statement.toJson();
        QCOMPARE(sortedKeys(json), (QStringList {QStringLiteral("payload"), QStringLiteral("type")}));
        QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        const QJsonObject payload = json.value(QStringLiteral("payload")).toObject();
        QCOMPARE(sortedKeys(payload), (QStringList {QStringLiteral("message"), QStringLiteral("object")}));
        QCOMPARE(payload.value(QStringLiteral("message")).toString(), QStringLiteral("room_created"));
        QCOMPARE(payload.value(QStringLiteral("object")).toObject(), sampleRoom());
        QCOMPARE(parseObject(statement.toUtf8()), json);
    }

    void resultWithEmptyObjectStillHasObject()
    {
        const ServerStatement statement = ServerStatement::result(ResultName::DrawingGot, QJsonObject());
        QVERIFY(statement.hasObject());
        const QJsonObject payload = statement.toJson().value(QStringLiteral("payload")).toObject();
        QVERIFY(payload.value(QStringLiteral("object")).isObject());
        QVERIFY(!payload.contains(QStringLiteral("list")));
    }

    void resultWithList()
    {
        const QJsonArray rooms {sampleRoom(), sampleRoom()};
        const ServerStatement statement = ServerStatement::result(ResultName::RoomsListed, rooms);
        QVERIFY(statement.hasList());
        QVERIFY(!statement.hasObject());
        QCOMPARE(statement.list(), rooms);
        const QJsonObject payload = statement.toJson().value(QStringLiteral("payload")).toObject();
        QCOMPARE(sortedKeys(payload), (QStringList {QStringLiteral("list"), QStringLiteral("message")}));
        QCOMPARE(payload.value(QStringLiteral("message")).toString(), QStringLiteral("rooms_listed"));
        QCOMPARE(payload.value(QStringLiteral("list")).toArray(), rooms);
    }

    // rooms_listed with no rooms still carries "list": [] (section 5: user_created then rooms_listed).
    void resultWithEmptyList()
    {
        const ServerStatement statement = ServerStatement::result(ResultName::RoomsListed, QJsonArray());
        QVERIFY(statement.hasList());
        const QJsonObject payload = statement.toJson().value(QStringLiteral("payload")).toObject();
        QVERIFY(payload.value(QStringLiteral("list")).isArray());
        QCOMPARE(payload.value(QStringLiteral("list")).toArray().size(), 0);
        QVERIFY(statement.toUtf8().contains("\"list\":[]"));
    }

    void errors_data()
    {
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("name");
        QTest::newRow("no_specified_room")
            << int(ErrorName::NoSpecifiedRoom) << QStringLiteral("no_specified_room");
        QTest::newRow("not_valid_color")
            << int(ErrorName::NotValidColor) << QStringLiteral("not_valid_color");
        QTest::newRow("not_empty_room") << int(ErrorName::NotEmptyRoom) << QStringLiteral("not_empty_room");
        QTest::newRow("no_selected_room")
            << int(ErrorName::NoSelectedRoom) << QStringLiteral("no_selected_room");
    }

    // Handler errors use type "error" and carry neither object nor list.
    void errors()
    {
        QFETCH(int, value);
        QFETCH(QString, name);
        const ServerStatement statement = ServerStatement::error(static_cast<ErrorName>(value));
        QCOMPARE(int(statement.type()), int(StatementType::Error));
        QCOMPARE(statement.name(), name);
        QCOMPARE(statement.errorName(), std::optional<ErrorName>(static_cast<ErrorName>(value)));
        QVERIFY(!statement.resultName());
        QVERIFY(!statement.generalReply());
        QVERIFY(!statement.hasObject());
        QVERIFY(!statement.hasList());
        const QJsonObject expected {
            {QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("payload"), QJsonObject {{QStringLiteral("message"), name}}}};
        QCOMPARE(statement.toJson(), expected);
        QCOMPARE(parseObject(statement.toUtf8()), expected);
    }

    void generalReplies_data()
    {
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("name");
        QTest::newRow("bad_data") << int(GeneralReply::BadData) << QStringLiteral("bad_data");
        QTest::newRow("not_sufficient_data")
            << int(GeneralReply::NotSufficientData) << QStringLiteral("not_sufficient_data");
        QTest::newRow("data_too_long") << int(GeneralReply::DataTooLong) << QStringLiteral("data_too_long");
    }

    // Q5: the general replies use type "result", not "error".
    void generalReplies()
    {
        QFETCH(int, value);
        QFETCH(QString, name);
        const ServerStatement statement = ServerStatement::general(static_cast<GeneralReply>(value));
        QCOMPARE(int(statement.type()), int(StatementType::Result));
        QCOMPARE(statement.name(), name);
        QCOMPARE(statement.generalReply(), std::optional<GeneralReply>(static_cast<GeneralReply>(value)));
        QVERIFY(!statement.resultName());
        QVERIFY(!statement.errorName());
        QVERIFY(!statement.hasObject());
        QVERIFY(!statement.hasList());
        const QJsonObject expected {
            {QStringLiteral("type"), QStringLiteral("result")},
            {QStringLiteral("payload"), QJsonObject {{QStringLiteral("message"), name}}}};
        QCOMPARE(statement.toJson(), expected);
        QCOMPARE(parseObject(statement.toUtf8()), expected);
    }

    void toUtf8IsCompactJson()
    {
        const QByteArray utf8 = ServerStatement::general(GeneralReply::DataTooLong).toUtf8();
        QVERIFY(!utf8.contains('\n'));
        QCOMPARE(
            parseObject(utf8).value(QStringLiteral("payload")).toObject().value(QStringLiteral("message")),
            QJsonValue(QStringLiteral("data_too_long")));
    }

    void nonAsciiSurvivesUtf8()
    {
        const QString name = QString::fromUtf8("h\xc3\xa9 \xf0\x9f\x98\x80");
        const QJsonObject user {{QStringLiteral("uuid"), QStringLiteral("u")},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("room_uuid"), QJsonValue::Null}};
        const ServerStatement statement = ServerStatement::result(ResultName::UserChanged, user);
        const auto parsed = ServerStatement::parse(statement.toUtf8());
        QVERIFY(parsed);
        QCOMPARE(parsed->object().value(QStringLiteral("name")).toString(), name);
        QVERIFY(parsed->object().value(QStringLiteral("room_uuid")).isNull());
        QVERIFY(statement.toText().contains(name));
    }

    void parseRoundTrip()
    {
        const QList<ServerStatement> statements {
            ServerStatement::result(ResultName::RoomLeft),
            ServerStatement::result(ResultName::RoomChanged, sampleRoom()),
            ServerStatement::result(ResultName::MessagesListed, QJsonArray {1, QStringLiteral("x")}),
            ServerStatement::error(ErrorName::NotEmptyRoom),
            ServerStatement::general(GeneralReply::NotSufficientData),
        };
        for (const ServerStatement &statement : statements) {
            const auto parsed = ServerStatement::parse(statement.toUtf8());
            QVERIFY2(parsed, statement.toUtf8().constData());
            QCOMPARE(int(parsed->type()), int(statement.type()));
            QCOMPARE(parsed->name(), statement.name());
            QCOMPARE(parsed->hasObject(), statement.hasObject());
            QCOMPARE(parsed->hasList(), statement.hasList());
            QCOMPARE(parsed->object(), statement.object());
            QCOMPARE(parsed->list(), statement.list());
            QCOMPARE(parsed->toJson(), statement.toJson());
        }
    }

    // What the original server sends: Python json.dumps spacing, \u escapes.
    void parsePythonOutput()
    {
        const QByteArray text =
            "{\"type\": \"result\", \"payload\": {\"message\": \"room_created\", \"object\": "
            "{\"uuid\": \"5f0e8a3c-3b7e-4f7a-9a53-1d2c3b4a5e6f\", \"name\": \"caf\\u00e9 \\ud83d\\ude00\", "
            "\"color\": \"#5da247\", \"users\": [], \"sum\": 0}}}";
        const auto parsed = ServerStatement::parse(text);
        QVERIFY(parsed);
        QCOMPARE(int(parsed->type()), int(StatementType::Result));
        QCOMPARE(parsed->resultName(), std::optional<ResultName>(ResultName::RoomCreated));
        QVERIFY(parsed->hasObject());
        QVERIFY(!parsed->hasList());
        QCOMPARE(parsed->object().value(QStringLiteral("name")).toString(),
                 QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
        QCOMPARE(parsed->object().value(QStringLiteral("sum")).toInteger(-1), qint64(0));

        const auto error = ServerStatement::parse(
            "{\"type\": \"error\", \"payload\": {\"message\": \"no_specified_room\"}}");
        QVERIFY(error);
        QCOMPARE(int(error->type()), int(StatementType::Error));
        QCOMPARE(error->errorName(), std::optional<ErrorName>(ErrorName::NoSpecifiedRoom));
        QVERIFY(!error->generalReply());

        const auto general =
            ServerStatement::parse("{\"payload\": {\"message\": \"bad_data\"}, \"type\": \"result\"}");
        QVERIFY(general);
        QCOMPARE(general->generalReply(), std::optional<GeneralReply>(GeneralReply::BadData));
        QVERIFY(!general->resultName());
    }

    // Unknown names are kept so that a client can ignore them (section 8).
    void parseKeepsUnknownNames()
    {
        const auto result = ServerStatement::parse(
            "{\"type\": \"result\", \"payload\": {\"message\": \"history_paged\", \"list\": [1, 2]}}");
        QVERIFY(result);
        QCOMPARE(result->name(), QStringLiteral("history_paged"));
        QCOMPARE(int(result->type()), int(StatementType::Result));
        QVERIFY(!result->resultName());
        QVERIFY(!result->generalReply());
        QVERIFY(!result->errorName());
        QVERIFY(result->hasList());
        QCOMPARE(result->list(), (QJsonArray {1, 2}));

        const auto error = ServerStatement::parse(
            "{\"type\": \"error\", \"payload\": {\"message\": \"no specified_user\"}}");
        QVERIFY(error);
        QCOMPARE(error->name(), QStringLiteral("no specified_user"));
        QVERIFY(!error->errorName());

        const auto empty = ServerStatement::parse("{\"type\": \"result\", \"payload\": {\"message\": \"\"}}");
        QVERIFY(empty);
        QCOMPARE(empty->name(), QString());
    }

    // A general reply name sent as an error is not a general reply.
    void generalReplyNeedsResultType()
    {
        const auto parsed =
            ServerStatement::parse("{\"type\": \"error\", \"payload\": {\"message\": \"bad_data\"}}");
        QVERIFY(parsed);
        QCOMPARE(parsed->name(), QStringLiteral("bad_data"));
        QVERIFY(!parsed->generalReply());
    }

    void parseIgnoresWronglyTypedData()
    {
        const auto parsed = ServerStatement::parse("{\"type\": \"result\", \"payload\": {\"message\": "
                                                   "\"room_created\", \"object\": 1, \"list\": {}}}");
        QVERIFY(parsed);
        QVERIFY(!parsed->hasObject());
        QVERIFY(!parsed->hasList());
        const auto nullObject = ServerStatement::parse(
            "{\"type\": \"result\", \"payload\": {\"message\": \"room_created\", \"object\": null}}");
        QVERIFY(nullObject);
        QVERIFY(!nullObject->hasObject());
    }

    void parseExtraKeysAreHarmless()
    {
        const auto parsed = ServerStatement::parse(
            "{\"type\": \"result\", \"id\": 7, \"payload\": {\"message\": \"room_left\", \"extra\": true}}");
        QVERIFY(parsed);
        QCOMPARE(parsed->resultName(), std::optional<ResultName>(ResultName::RoomLeft));
    }

    void parseRejectsNonStatements_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("open brace") << QByteArray("{");
        QTest::newRow("garbage") << QByteArray("hello");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("list of statements")
            << QByteArray("[{\"type\": \"error\", \"payload\": {\"message\": \"no_specified_room\"}}]");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("string") << QByteArray("\"x\"");
        QTest::newRow("number") << QByteArray("1");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("missing type") << QByteArray("{\"payload\": {\"message\": \"room_left\"}}");
        QTest::newRow("unknown type")
            << QByteArray("{\"type\": \"bogus\", \"payload\": {\"message\": \"room_left\"}}");
        QTest::newRow("type upper case")
            << QByteArray("{\"type\": \"RESULT\", \"payload\": {\"message\": \"room_left\"}}");
        QTest::newRow("type number") << QByteArray(
            "{\"type\": 1, \"payload\": {\"message\": \"room_left\"}}");
        QTest::newRow("missing payload") << QByteArray("{\"type\": \"result\"}");
        QTest::newRow("payload null") << QByteArray("{\"type\": \"result\", \"payload\": null}");
        QTest::newRow("payload string") << QByteArray("{\"type\": \"result\", \"payload\": \"room_left\"}");
        QTest::newRow("payload array")
            << QByteArray("{\"type\": \"result\", \"payload\": [{\"message\": \"room_left\"}]}");
        QTest::newRow("missing message")
            << QByteArray("{\"type\": \"result\", \"payload\": {\"object\": {}}}");
        QTest::newRow("message number")
            << QByteArray("{\"type\": \"result\", \"payload\": {\"message\": 3}}");
        QTest::newRow("message null")
            << QByteArray("{\"type\": \"result\", \"payload\": {\"message\": null}}");
        QTest::newRow("message array")
            << QByteArray("{\"type\": \"result\", \"payload\": {\"message\": [\"room_left\"]}}");
        QTest::newRow("trailing garbage")
            << QByteArray("{\"type\": \"result\", \"payload\": {\"message\": \"room_left\"}} x");
    }

    void parseRejectsNonStatements()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!ServerStatement::parse(text).has_value());
    }

    // The fragmented delete_room error of Q4 is reassembled by the WebSocket layer, before any parsing: the
    // real check (a text frame without FIN and an empty continuation, on a socket) is in
    // tests/client/net/tst_connection.cpp, fragmentedStatementArrivesWhole.
};

QTEST_APPLESS_MAIN(TestServerStatement)
#include "tst_serverstatement.moc"
