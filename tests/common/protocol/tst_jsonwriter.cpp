// JsonWriter: its output must be the JSON QJsonDocument would write, for every model and every character.
#include "model/Drawing.h"
#include "model/Message.h"
#include "model/Room.h"
#include "protocol/JsonWriter.h"
#include "protocol/ServerStatement.h"

#include <QJsonDocument>
#include <QTest>

using namespace chat;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

template<typename Value>
QByteArray written(const Value &value)
{
    QByteArray json;
    JsonWriter writer(json);
    value.writeJson(writer);
    return json;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void stringsRoundTrip_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("empty") << QString();
        QTest::newRow("ascii") << text("hello world");
        QTest::newRow("quotes and backslashes") << text("say \"hi\" \\ back\\slash");
        QTest::newRow("controls") << text("a\nb\rc\td\be\ff") + QChar(0x01) + QChar(0x1f) + QChar(0x7f);
        QTest::newRow("two-byte") << text("Привіт, ÿ é");
        QTest::newRow("three-byte") << text("中文 € ✓");
        QTest::newRow("astral") << text("emoji 😀👋 𝄞");
        QTest::newRow("only escapes") << text("\"\"\\\\\n\n");
        QString all;
        for (char16_t c = 1; c < 0xD800; ++c)
            all.append(QChar(c));
        QTest::newRow("every BMP character before surrogates") << all;
    }

    void stringsRoundTrip()
    {
        QFETCH(QString, value);
        QByteArray json;
        JsonWriter writer(json);
        writer.beginArray();
        writer.value(value);
        writer.endArray();
        QJsonParseError error {};
        const QJsonDocument parsed = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.array().at(0).toString(), value);
    }

    // The same strings as UTF-8 bytes (a database row): the same JSON as from UTF-16, byte for byte.
    void utf8TextWritesLikeUtf16Text_data() { stringsRoundTrip_data(); }

    void utf8TextWritesLikeUtf16Text()
    {
        QFETCH(QString, value);
        const QByteArray utf8 = value.toUtf8();
        QByteArray fromUtf8;
        QByteArray fromUtf16;
        JsonWriter(fromUtf8).value(QAnyStringView(utf8));
        JsonWriter(fromUtf16).value(value);
        QCOMPARE(fromUtf8, fromUtf16);
    }

    // Bytes that are not UTF-8 never reach the wire: each one that starts no well-formed sequence becomes
    // U+FFFD, as QString::fromUtf8 decodes it, and what follows is kept.
    void malformedUtf8BecomesReplacementCharacters_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("stray continuation") << QByteArray("a\x80"
                                                          "b");
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAFx");
        QTest::newRow("overlong three-byte") << QByteArray("\xE0\x80\x80x");
        QTest::newRow("encoded surrogate") << QByteArray("\xED\xA0\x80x");
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80x");
        QTest::newRow("truncated at the end") << QByteArray("ok\xE2\x82");
        QTest::newRow("lead without continuation") << QByteArray("\xE2x\xF0\x9F\x98");
        QTest::newRow("0xFF") << QByteArray("\xFF\xFE");
    }

    void malformedUtf8BecomesReplacementCharacters()
    {
        QFETCH(QByteArray, bytes);
        QByteArray json;
        JsonWriter writer(json);
        writer.beginArray();
        writer.value(QAnyStringView(bytes));
        writer.endArray();
        QVERIFY2(QString::fromUtf8(json).toUtf8() == json, json.constData()); // valid UTF-8 out
        QJsonParseError error {};
        const QJsonDocument parsed = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QString decoded = parsed.array().at(0).toString();
        QVERIFY(decoded.contains(QChar(0xFFFD)));
        QCOMPARE(decoded.remove(QChar(0xFFFD)), QString::fromUtf8(bytes).remove(QChar(0xFFFD)));
    }

    void prefixedValuesAndNullForEmptyText()
    {
        QByteArray json;
        JsonWriter writer(json);
        writer.beginArray();
        writer.prefixedValue("message-", QAnyStringView(QByteArray("a\"b")));
        writer.prefixedValue("room-", QAnyStringView(text("é")));
        writer.stringOrNull(QAnyStringView(QByteArray()));
        writer.stringOrNull(QAnyStringView(QByteArray("x")));
        writer.stringOrNull(QString());
        writer.endArray();
        QCOMPARE(json, QByteArray("[\"message-a\\\"b\",\"room-\xC3\xA9\",null,\"x\",null]"));
    }

    // Noncharacters and U+FEFF are well-formed UTF-8: both paths write them as they are (docs/PROTOCOL.md
    // section 3, "Strings"), only what starts no well-formed sequence becomes U+FFFD.
    void noncharactersAndByteOrderMarksPassUnchanged()
    {
        const QByteArray utf8("\xEF\xBB\xBF\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90\xEF\xB7\xAF\xF0\x9F\xBF\xBE"
                              "\xF4\x8F\xBF\xBF\xE2\x80\xA8\xEF\xBB\xBF");
        QString utf16;
        for (const char16_t unit :
             {0xFEFF, 0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0xD83F, 0xDFFE, 0xDBFF, 0xDFFF, 0x2028, 0xFEFF})
            utf16.append(QChar(unit));
        QByteArray fromBytes;
        JsonWriter bytesWriter(fromBytes);
        bytesWriter.value(QUtf8StringView(utf8));
        QCOMPARE(fromBytes, '"' + utf8 + '"');
        QByteArray fromUtf16;
        JsonWriter utf16Writer(fromUtf16);
        utf16Writer.value(utf16);
        QCOMPARE(fromUtf16, '"' + utf8 + '"');
        QByteArray nul;
        JsonWriter nulWriter(nul);
        nulWriter.value(QUtf8StringView(QByteArray("a\0b", 3)));
        QCOMPARE(nul, QByteArray("\"a\\u0000b\""));
    }

    void loneSurrogateBecomesReplacementCharacter()
    {
        QByteArray json;
        JsonWriter writer(json);
        writer.beginArray();
        writer.value(QString(QChar(0xD800)) + text("x"));
        writer.endArray();
        QCOMPARE(QJsonDocument::fromJson(json).array().at(0).toString(), QString(QChar(0xFFFD)) + text("x"));
    }

    void structureAndNumbers()
    {
        QByteArray json;
        JsonWriter writer(json);
        writer.beginObject();
        writer.key("a");
        writer.value(qint64(-9007199254740993));
        writer.key("b");
        writer.beginArray();
        writer.nullValue();
        writer.value(0);
        writer.beginObject();
        writer.endObject();
        writer.beginArray();
        writer.endArray();
        writer.rawValue("[1,2.5]");
        writer.endArray();
        writer.key("c");
        writer.stringOrNull(QString());
        writer.endObject();
        QCOMPARE(json, QByteArray("{\"a\":-9007199254740993,\"b\":[null,0,{},[],[1,2.5]],\"c\":null}"));
    }

    void modelsWriteWhatToJsonWrites()
    {
        User alice {text("5f0c6a8e-3a9b-4c6d-8e7f-0a1b2c3d4e5f"), text("Alice \"A\" ✓"), text("room-uuid")};
        User bob = User::create();
        QCOMPARE(QJsonDocument::fromJson(written(alice)).object(), alice.toJson());
        QCOMPARE(QJsonDocument::fromJson(written(bob)).object(), bob.toJson()); // room_uuid null

        Room room = Room::create();
        room.users = {alice, bob};
        room.sum = 123456789012LL;
        QCOMPARE(QJsonDocument::fromJson(written(room)).object(), room.toJson());

        const Message message {text("m-uuid"), text("line one\nline two 😀"), alice, room.uuid,
                               text("2026-11-27T23:59:59.123456")};
        QCOMPARE(QJsonDocument::fromJson(written(message)).object(), message.toJson());

        Line line {text("l-uuid"), Line::freshName(), QJsonArray {1, 2.5, -3, 4e10}, text("pen"),
                   text("#000000cc")};
        QCOMPARE(QJsonDocument::fromJson(written(line)).object(), line.toJson());
        Line stored = line; // as the server reads it back: the points as stored text only
        stored.points = {};
        stored.pointsJson = "[1,2.5,-3,40000000000]";
        QCOMPARE(QJsonDocument::fromJson(written(stored)).object(), line.toJson());

        Drawing drawing {text("d-uuid"), {line, line}};
        QCOMPARE(QJsonDocument::fromJson(written(drawing)).object(), drawing.toJson());
    }

    void rawStatementsSerializeLikeParsedOnes()
    {
        Room room = Room::create();
        QByteArray roomJson = written(room);
        const ServerStatement raw = ServerStatement::resultWithRawObject(ResultName::RoomChanged, roomJson);
        const ServerStatement built = ServerStatement::result(ResultName::RoomChanged, room.toJson());
        QCOMPARE(QJsonDocument::fromJson(raw.toUtf8()).object(), built.toJson());
        QCOMPARE(raw.object(), room.toJson());
        QVERIFY(raw.hasObject() && !raw.hasList());

        const ServerStatement rawList =
            ServerStatement::resultWithRawList(ResultName::RoomsListed, "[" + roomJson + "]");
        const ServerStatement builtList =
            ServerStatement::result(ResultName::RoomsListed, QJsonArray {room.toJson()});
        QCOMPARE(QJsonDocument::fromJson(rawList.toUtf8()).object(), builtList.toJson());
        QCOMPARE(compact(rawList.toJson()), compact(builtList.toJson()));
    }

    void anyJsonValueAndEscapedKeys()
    {
        const QJsonObject object {{text("t"), true},
                                  {text("f"), false},
                                  {text("n"), QJsonValue()},
                                  {text("i"), 500},
                                  {text("d"), 0.1},
                                  {text("s"), text("\"q\" ✓")},
                                  {text("a"), QJsonArray {1, text("x")}},
                                  {text("o"), QJsonObject {{text("k"), 2}}}};
        QByteArray json;
        JsonWriter writer(json);
        writer.beginObject();
        writer.key(QStringView(u"\"odd\nkey")); // first, where QJsonObject sorts it
        writer.jsonValue(QJsonValue(QJsonValue::Undefined)); // nothing to write: null
        for (auto it = object.begin(); it != object.end(); ++it) {
            writer.key(it.key());
            writer.jsonValue(it.value());
        }
        writer.endObject();
        QJsonObject expected = object;
        expected.insert(text("\"odd\nkey"), QJsonValue());
        QCOMPARE(json, compact(expected));
    }

    // Extension members (socketchat.v1) go beside the list, in the raw and the built form alike.
    void statementMembersSerializeAndParse()
    {
        const ServerStatement raw = ServerStatement::resultWithRawList(ResultName::MessagesListed, "[]")
                                        .withMember(key::more, true)
                                        .withMember(key::before, QJsonValue());
        ServerStatement built = ServerStatement::result(ResultName::MessagesListed, QJsonArray());
        built.withMember(key::more, true).withMember(key::before, QJsonValue());
        QCOMPARE(compact(raw.toJson()), compact(built.toJson()));
        QCOMPARE(QJsonDocument::fromJson(raw.toUtf8()).object(), built.toJson());
        QCOMPARE(raw.toUtf8(),
                 QByteArray("{\"type\":\"result\",\"payload\":{\"message\":\"messages_listed\",\"list\":[],"
                            "\"before\":null,\"more\":true}}"));

        const auto parsed = ServerStatement::parse(raw.toUtf8());
        QVERIFY(parsed);
        QCOMPARE(parsed->members().keys(), (QStringList {text("before"), text("more")}));
        QCOMPARE(parsed->member(key::more), QJsonValue(true));
        QVERIFY(parsed->member(key::before).isNull());
        QVERIFY(parsed->hasList() && parsed->list().isEmpty());
        QCOMPARE(parsed->toJson(), built.toJson());
        // A plain statement has none.
        QVERIFY(ServerStatement::parse(ServerStatement::result(ResultName::RoomEntered).toUtf8())
                    ->members()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
