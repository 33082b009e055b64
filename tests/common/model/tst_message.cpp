// Unit tests of chat::Message: {"uuid", "body", "name": "message-<uuid>", "user": user, "room_uuid",
// "created"} (docs/PROTOCOL.md section 3, Q12, Q13).

#include "model/Message.h"
#include "model/Timestamp.h"
#include "model/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace chat;

namespace {
const QString messageId = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const QString roomId = QStringLiteral("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
const QString userId = QStringLiteral("0b7e6a52-55a1-4c3e-9d8f-2a1b3c4d5e6f");

Message sampleMessage()
{
    Message message;
    message.uuid = messageId;
    message.body = QString::fromUtf8("h\xc3\xa9llo \xf0\x9f\x98\x80");
    message.user.uuid = userId;
    message.user.name = QStringLiteral("alice");
    message.user.roomUuid = roomId;
    message.roomUuid = roomId;
    message.created = QStringLiteral("2026-11-27T23:39:06.123456");
    return message;
}

QJsonObject fromText(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray messageJsonWithBody(const QByteArray &body)
{
    return "{\"uuid\": \"m-1\", \"body\": " + body
        + ", \"name\": \"message-m-1\", \"user\": {\"uuid\": \"u-1\", \"name\": \"n\", \"room_uuid\": "
          "\"r-1\"}, "
          "\"room_uuid\": \"r-1\", \"created\": \"2022-05-01T10:00:00\"}";
}
} // namespace

class TestMessage : public QObject
{
    Q_OBJECT

private slots:
    void name()
    {
        QCOMPARE(sampleMessage().name(), QStringLiteral("message-") + messageId);
        Message other;
        other.uuid = Uuid::create();
        QCOMPARE(other.name(), QStringLiteral("message-") + other.uuid);
    }

    void toJsonKeys()
    {
        const QJsonObject json = sampleMessage().toJson();
        QCOMPARE(json.keys(),
                 (QStringList {QStringLiteral("body"), QStringLiteral("created"), QStringLiteral("name"),
                               QStringLiteral("room_uuid"), QStringLiteral("user"), QStringLiteral("uuid")}));
        QCOMPARE(json.value(QStringLiteral("uuid")), QJsonValue(messageId));
        QCOMPARE(json.value(QStringLiteral("body")),
                 QJsonValue(QString::fromUtf8("h\xc3\xa9llo \xf0\x9f\x98\x80")));
        QCOMPARE(json.value(QStringLiteral("name")), QJsonValue(QStringLiteral("message-") + messageId));
        QCOMPARE(json.value(QStringLiteral("room_uuid")), QJsonValue(roomId));
        QCOMPARE(json.value(QStringLiteral("created")),
                 QJsonValue(QStringLiteral("2026-11-27T23:39:06.123456")));
        const QJsonObject user = json.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.keys(),
                 (QStringList {QStringLiteral("name"), QStringLiteral("room_uuid"), QStringLiteral("uuid")}));
        QCOMPARE(user.value(QStringLiteral("uuid")), QJsonValue(userId));
        QCOMPARE(user.value(QStringLiteral("name")), QJsonValue(QStringLiteral("alice")));
        QCOMPARE(user.value(QStringLiteral("room_uuid")), QJsonValue(roomId));
    }

    // Q12: the author is live data; once they left, their room_uuid is null while the message keeps its room.
    void authorWhoLeft()
    {
        Message message = sampleMessage();
        message.user.roomUuid.clear();
        const QJsonObject json = message.toJson();
        QVERIFY(json.value(QStringLiteral("user")).toObject().value(QStringLiteral("room_uuid")).isNull());
        QCOMPARE(json.value(QStringLiteral("room_uuid")), QJsonValue(roomId));
        QCOMPARE(Message::fromJson(json), std::optional<Message>(message));
    }

    void createdFromTimestamp()
    {
        Message message = sampleMessage();
        message.created = Timestamp::nowLocal();
        const QString created = message.toJson().value(QStringLiteral("created")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?$"))
                    .match(created)
                    .hasMatch());
    }

    void roundTrip()
    {
        const Message message = sampleMessage();
        QCOMPARE(Message::fromJson(message.toJson()), std::optional<Message>(message));
        const QByteArray text = QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(Message::fromJson(fromText(text)), std::optional<Message>(message));
    }

    void fromPythonJson()
    {
        const auto message = Message::fromJson(fromText(
            "{\"uuid\": \"3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7\", \"body\": \"caf\\u00e9 \\ud83d\\ude00\", "
            "\"name\": \"message-3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7\", \"user\": {\"uuid\": "
            "\"0b7e6a52-55a1-4c3e-9d8f-2a1b3c4d5e6f\", \"name\": \"alice\", \"room_uuid\": null}, "
            "\"room_uuid\": \"9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f\", \"created\": "
            "\"2022-05-01T10:00:00.000001\"}"));
        QVERIFY(message);
        QCOMPARE(message->uuid, messageId);
        QCOMPARE(message->body, QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
        QCOMPARE(message->name(), QStringLiteral("message-") + messageId);
        QCOMPARE(message->user.uuid, userId);
        QVERIFY(!message->user.isInRoom());
        QCOMPARE(message->roomUuid, roomId);
        QCOMPARE(message->created, QStringLiteral("2022-05-01T10:00:00.000001"));
    }

    // The name is always derived from the uuid, whatever name was received (Q11: names are not keys).
    void nameIsDerived()
    {
        const auto message =
            Message::fromJson(fromText("{\"uuid\": \"m-1\", \"body\": \"b\", \"name\": \"message-other\", "
                                       "\"user\": {\"uuid\": \"u-1\", \"name\": \"n\", \"room_uuid\": null}, "
                                       "\"room_uuid\": \"r\", \"created\": \"\"}"));
        QVERIFY(message);
        QCOMPARE(message->name(), QStringLiteral("message-m-1"));
        QCOMPARE(message->toJson().value(QStringLiteral("name")).toString(), QStringLiteral("message-m-1"));
    }

    // Q13: the original echoes any body as sent; it is shown as text.
    void fromJsonLenientBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << QByteArray("\"hi\"") << QStringLiteral("hi");
        QTest::newRow("empty string") << QByteArray("\"\"") << QString();
        QTest::newRow("integer") << QByteArray("42") << QStringLiteral("42");
        QTest::newRow("negative") << QByteArray("-3") << QStringLiteral("-3");
        QTest::newRow("float") << QByteArray("1.5") << QStringLiteral("1.5");
        QTest::newRow("0.1") << QByteArray("0.1") << QStringLiteral("0.1");
        QTest::newRow("true") << QByteArray("true") << QStringLiteral("true");
        QTest::newRow("false") << QByteArray("false") << QStringLiteral("false");
        QTest::newRow("null") << QByteArray("null") << QString();
        QTest::newRow("list") << QByteArray("[1, \"a\"]") << QStringLiteral("[1,\"a\"]");
        QTest::newRow("object") << QByteArray("{\"k\": 1}") << QStringLiteral("{\"k\":1}");
    }

    void fromJsonLenientBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const auto message = Message::fromJson(fromText(messageJsonWithBody(body)));
        QVERIFY(message);
        QCOMPARE(message->body, expected);
        QCOMPARE(message->toJson().value(QStringLiteral("body")), QJsonValue(expected));
    }

    void fromJsonLenientFields()
    {
        const auto message = Message::fromJson(fromText(
            "{\"uuid\": \"m-1\", \"user\": {\"uuid\": \"u-1\"}, \"room_uuid\": 5, \"created\": 17}"));
        QVERIFY(message);
        QCOMPARE(message->body, QString());
        QCOMPARE(message->roomUuid, QString());
        QCOMPARE(message->created, QString());
        QCOMPARE(message->user.uuid, QStringLiteral("u-1"));
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("no uuid") << QByteArray("{\"body\": \"b\", \"user\": {\"uuid\": \"u\"}}");
        QTest::newRow("number uuid") << QByteArray(
            "{\"uuid\": 1, \"body\": \"b\", \"user\": {\"uuid\": \"u\"}}");
        QTest::newRow("null uuid") << QByteArray(
            "{\"uuid\": null, \"body\": \"b\", \"user\": {\"uuid\": \"u\"}}");
        QTest::newRow("no user") << QByteArray("{\"uuid\": \"m\", \"body\": \"b\"}");
        QTest::newRow("null user") << QByteArray("{\"uuid\": \"m\", \"body\": \"b\", \"user\": null}");
        QTest::newRow("user is a string")
            << QByteArray("{\"uuid\": \"m\", \"body\": \"b\", \"user\": \"u\"}");
        QTest::newRow("user without uuid")
            << QByteArray("{\"uuid\": \"m\", \"body\": \"b\", \"user\": {\"name\": \"n\"}}");
    }

    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!Message::fromJson(fromText(json)).has_value());
    }

    void equality()
    {
        const Message a = sampleMessage();
        Message b = a;
        QVERIFY(a == b);
        b.body = QStringLiteral("other");
        QVERIFY(!(a == b));
        b = a;
        b.user.name = QStringLiteral("renamed");
        QVERIFY(!(a == b));
        b = a;
        b.created = QStringLiteral("2026-11-27T23:39:06");
        QVERIFY(!(a == b));
        b = a;
        b.roomUuid.clear();
        QVERIFY(!(a == b));
    }
};

QTEST_APPLESS_MAIN(TestMessage)
#include "tst_message.moc"
