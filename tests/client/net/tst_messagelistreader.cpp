// MessageListReader gives exactly what the general path (ServerStatement::parse + Message::fromJson) gives
// for messages_listed, and declines (nullopt) whatever it does not read itself.
#include "TestJson.h"
#include "net/MessageListReader.h"
#include "protocol/MessageNames.h"
#include "protocol/ServerStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace chat;

namespace {

// What ProtocolClient makes of the statement when MessageListReader declines it.
MessageListReader::Listing generalPath(const QByteArray &utf8)
{
    MessageListReader::Listing listing;
    const auto statement = ServerStatement::parse(utf8);
    for (const QJsonValue &value : statement->list()) {
        if (const auto message = Message::fromJson(value.toObject()))
            listing.messages.append(*message);
    }
    listing.more = statement->member(key::more).toBool();
    listing.before = statement->member(key::before).toString();
    return listing;
}

QByteArray listed(const char *listJson)
{
    return "{\"type\": \"result\", \"payload\": {\"message\": \"messages_listed\", \"list\": "
        + jsonText(listJson) + "}}";
}

} // namespace

class TestMessageListReader : public QObject
{
    Q_OBJECT

private:
    static void compareWithGeneralPath(const QByteArray &utf8)
    {
        const auto listing = MessageListReader::read(utf8);
        QVERIFY2(listing.has_value(), utf8.left(200).constData());
        const MessageListReader::Listing general = generalPath(utf8);
        QCOMPARE(listing->more, general.more);
        QCOMPARE(listing->before, general.before);
        const QVector<Message> &fast = listing->messages;
        const QVector<Message> &expected = general.messages;
        QCOMPARE(fast.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(fast.at(i).uuid, expected.at(i).uuid);
            QCOMPARE(fast.at(i).body, expected.at(i).body);
            QCOMPARE(fast.at(i).user.uuid, expected.at(i).user.uuid);
            QCOMPARE(fast.at(i).user.name, expected.at(i).user.name);
            QCOMPARE(fast.at(i).user.roomUuid, expected.at(i).user.roomUuid);
            QCOMPARE(fast.at(i).roomUuid, expected.at(i).roomUuid);
            QCOMPARE(fast.at(i).created, expected.at(i).created);
        }
    }

private slots:
    void readsARecordedHistory()
    {
        compareWithGeneralPath(listed(
            "[{'uuid': 'm1', 'body': 'Hello', 'name': 'message-m1', 'user': {'uuid': 'u1', 'name': 'Alice', "
            "'room_uuid': 'r1'}, 'room_uuid': 'r1', 'created': '2024-05-01T10:00:00.123456'}, {'uuid': 'm2', "
            "'body': 'two\\nlines', 'user': {'uuid': 'u2', 'name': 'Bob', 'room_uuid': null}, 'room_uuid': "
            "'r1', 'created': '2024-05-01T10:00:01'}]"));
        QCOMPARE(MessageListReader::read(listed("[]"))->messages.size(), 0);
    }

    void decodesEscapesAndUnicode()
    {
        const QByteArray text =
            listed("[{'uuid': 'm\\u0031', 'body': 'caf\\u00e9 \\ud83d\\ude00 \\/ \\\\ \\' "
                   "\\t \\b\\f\\r', 'user': {'uuid': 'u1', 'name': '\\u0416\\u043e\\u0440\\u0430'}}]")
                .replace("\\'", "\\\"");
        compareWithGeneralPath(text);
        compareWithGeneralPath(
            listed("[{'uuid': 'm1', 'body': 'Привіт, 世界 😀', 'user': {'uuid': 'u1', 'name': 'Ölaf'}}]"));
        QCOMPARE(MessageListReader::read(text)->messages.first().body.left(6),
                 QStringLiteral("café 😀").left(6));
    }

    void leavesOutWhatFromJsonLeavesOut()
    {
        // No uuid, a uuid that is not a string, no user, a user that is not an object or has no uuid, an
        // element that is not an object, unknown keys with nested values, nulls, repeated keys.
        compareWithGeneralPath(listed(
            "[{'body': 'no uuid', 'user': {'uuid': 'u1'}}, {'uuid': 5, 'user': {'uuid': 'u1'}}, {'uuid': "
            "'m3'}, {'uuid': 'm4', 'user': 'u1'}, {'uuid': 'm5', 'user': {'name': 'x'}}, 42, 'text', null, "
            "[1], "
            "{'uuid': 'm6', 'extra': {'a': [1, 2.5, -3, true, false, null, {'b': 'c'}]}, 'body': null, "
            "'user': "
            "{'uuid': 'u1', 'name': null, 'room_uuid': 7, 'more': []}, 'room_uuid': null, 'created': 12}, "
            "{'uuid': 'first', 'uuid': 'm7', 'body': 'a', 'body': 'b', 'user': {'uuid': 'u1'}}, {'uuid': "
            "'m8', "
            "'user': {'uuid': 'u1'}, 'user': {'name': 'no uuid'}}]"));
    }

    void theEnvelopeMayBeInAnyOrderWithMoreKeys()
    {
        compareWithGeneralPath(
            jsonText(" { 'payload' : { 'list' : [ { 'user' : { 'uuid' : 'u1' } , 'uuid' : 'm1' } ] , "
                     "'message' : 'messages_listed', 'extra': {} } , 'type' : 'result', 'x': [] } \n"));
    }

    // socketchat.v1 pages (docs/EXTENSIONS.md): "more" and "before" beside the list, in any order.
    void readsThePagingKeys()
    {
        const QByteArray page =
            jsonText("{'type': 'result', 'payload': {'more': true, 'message': 'messages_listed', 'list': "
                     "[{'uuid': 'm1', 'user': {'uuid': 'u1'}}], 'before': 'm\u0032'}}");
        compareWithGeneralPath(page);
        QCOMPARE(MessageListReader::read(page)->before, QStringLiteral("m2"));
        QVERIFY(MessageListReader::read(page)->more);

        const QByteArray newest = jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', "
                                           "'list': [], 'before': null, 'more': false}}");
        compareWithGeneralPath(newest);
        QVERIFY(MessageListReader::read(newest)->before.isEmpty());
        QVERIFY(!MessageListReader::read(newest)->more);

        const auto plain = MessageListReader::read(listed("[]"));
        QVERIFY(!plain->more && plain->before.isEmpty());
    }

    void matchesTheGeneralPathOnRandomHistories()
    {
        QRandomGenerator random(7);
        const QStringList bodies {QStringLiteral("short"),
                                  QStringLiteral("with \"quotes\" and \\ slash"),
                                  QStringLiteral("multi\nline\ttext"),
                                  QStringLiteral("ünïcödé ✓ 😀"),
                                  QString(),
                                  QStringLiteral("</script>\u0001\u001f")};
        QJsonArray list;
        for (int i = 0; i < 500; ++i) {
            QJsonObject user {{QStringLiteral("uuid"), QStringLiteral("u%1").arg(random.bounded(5))},
                              {QStringLiteral("name"), bodies.at(random.bounded(bodies.size()))}};
            if (random.bounded(2))
                user.insert(QStringLiteral("room_uuid"), QJsonValue::Null);
            QJsonObject message {
                {QStringLiteral("uuid"), QStringLiteral("m%1").arg(i)},
                {QStringLiteral("body"), bodies.at(random.bounded(bodies.size()))},
                {QStringLiteral("user"), user},
                {QStringLiteral("n"), random.bounded(1000) - 500},
                {QStringLiteral("created"), QStringLiteral("2024-05-01T10:00:%1").arg(i % 60)}};
            if (random.bounded(10) == 0)
                message.remove(QStringLiteral("uuid"));
            list.append(message);
        }
        const QJsonObject statement {
            {QStringLiteral("type"), QStringLiteral("result")},
            {QStringLiteral("payload"),
             QJsonObject {{QStringLiteral("message"), QStringLiteral("messages_listed")},
                          {QStringLiteral("list"), list}}}};
        compareWithGeneralPath(QJsonDocument(statement).toJson(QJsonDocument::Compact));
        compareWithGeneralPath(QJsonDocument(statement).toJson(QJsonDocument::Indented));
    }

    void declinesWhatItDoesNotRead()
    {
        const QList<QByteArray> others {
            jsonText("{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': []}}"),
            jsonText("{'type': 'error', 'payload': {'message': 'messages_listed', 'list': []}}"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': {}}}"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed'}}"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': []}} x"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [1,]}}"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [01]}}"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [1e3]}}"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [tru]}}"),
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': ['\\x']}}"),
            listed("[{'uuid': 'm1', 'body': 12, 'user': {'uuid': 'u1'}}]"), // textOf's number text
            listed("[{'uuid': 'm1', 'body': 'a', 'user': {'uuid': 'u1', 'name': ['x']}}]"),
            listed("[{'uuid': 'm1'") + "\xff\"}]",
            listed("[{'uuid': 'm1\n'}]"),
            // Paging keys of other types than the extension's: the general path decides.
            jsonText("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [], 'more': 1}}"),
            jsonText(
                "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [], 'more': 'yes'}}"),
            jsonText(
                "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [], 'more': null}}"),
            jsonText(
                "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [], 'before': 5}}"),
            jsonText(
                "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [], 'before': ['m']}}"),
            QByteArray("not json \"messages_listed\""),
        };
        for (const QByteArray &text : others)
            QVERIFY2(!MessageListReader::read(text).has_value(), text.constData());
    }
};

QTEST_MAIN(TestMessageListReader)
#include "tst_messagelistreader.moc"
