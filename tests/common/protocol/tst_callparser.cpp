// Unit tests of chat::CallParser and chat::makeCall: the client → server statement checks of
// docs/PROTOCOL.md section 2 and 2.1 (length, JSON, envelope, call name), in that order, plus Q6, Q7, Q20,
// Q21.

#include "protocol/CallStatement.h"
#include "protocol/Limits.h"
#include "protocol/MessageNames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTest>

using namespace chat;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// "call:<name>" for a call to dispatch, "reply:<name>" for a general reply: readable in failure output.
// A string of these UTF-16 units.
QString units(std::initializer_list<char16_t> list)
{
    return QString(reinterpret_cast<const QChar *>(list.begin()), qsizetype(list.size()));
}

QString describe(const ParsedCall &parsed)
{
    if (const auto *call = std::get_if<CallStatement>(&parsed))
        return QStringLiteral("call:") + nameOf(call->name);
    return QStringLiteral("reply:") + nameOf(std::get<GeneralReply>(parsed));
}

QString expectCall(CallName name)
{
    return QStringLiteral("call:") + nameOf(name);
}

QString expectReply(GeneralReply reply)
{
    return QStringLiteral("reply:") + nameOf(reply);
}

QJsonObject payloadOf(const ParsedCall &parsed)
{
    if (const auto *call = std::get_if<CallStatement>(&parsed))
        return call->payload;
    return {};
}

const QByteArray prefix =
    QByteArrayLiteral("{\"type\": \"call\", \"payload\": {\"message\": \"create_room\", \"pad\": \"");
const QByteArray suffix = QByteArrayLiteral("\"}}");

// A valid create_room statement of exactly `codePoints` code points, padded with copies of `unit`
// (one code point each) inside the "pad" field.
QString paddedStatement(const QString &unit, qsizetype codePoints)
{
    const qsizetype envelope = prefix.size() + suffix.size();
    QString statement = QString::fromUtf8(prefix);
    statement += unit.repeated(codePoints - envelope);
    statement += QString::fromUtf8(suffix);
    return statement;
}

QByteArray encoded(QStringConverter::Encoding encoding, const QString &source)
{
    QStringEncoder encoder(encoding, QStringEncoder::Flag::WriteBom);
    return encoder.encode(source);
}

} // namespace

class TestCallParser : public QObject
{
    Q_OBJECT

private:
    // parseText, parseUtf8 and parseBinary must agree on valid UTF-8 input.
    static void checkAllEntryPoints(const QByteArray &utf8, const QString &expected)
    {
        QCOMPARE(describe(CallParser::parseText(QString::fromUtf8(utf8))), expected);
        QCOMPARE(describe(CallParser::parseUtf8(utf8)), expected);
        QCOMPARE(describe(CallParser::parseBinary(utf8)), expected);
    }

private slots:
    void limits()
    {
        QCOMPARE(limits::maxStatementCodePoints, qsizetype(100000));
        QCOMPARE(limits::maxMessageBytes, quint64(1048576));
        QVERIFY(limits::maxJsonDepth > 0);
        QVERIFY(limits::maxJsonDepth < 2000);
    }

    void codePointCount_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<qsizetype>("expected");
        QTest::newRow("empty") << QString() << qsizetype(0);
        QTest::newRow("ascii") << QStringLiteral("hello") << qsizetype(5);
        QTest::newRow("latin1") << text("h\xc3\xa9llo") << qsizetype(5);
        QTest::newRow("cjk") << text("\xe4\xb8\xad\xe6\x96\x87") << qsizetype(2);
        QTest::newRow("one emoji") << text("\xf0\x9f\x98\x80") << qsizetype(1);
        QTest::newRow("emoji mix") << text("a\xf0\x9f\x98\x80"
                                           "b\xf0\x9f\x8e\x89")
                                   << qsizetype(4);
        QTest::newRow("lone high surrogate") << QString(QChar(0xD83D)) << qsizetype(1);
        QTest::newRow("lone low surrogate") << QString(QChar(0xDE00)) << qsizetype(1);
        QTest::newRow("reversed pair") << (QString(QChar(0xDE00)) + QChar(0xD83D)) << qsizetype(2);
        QTest::newRow("high then ascii") << (QString(QChar(0xD83D)) + QLatin1Char('x')) << qsizetype(2);
    }

    void codePointCount()
    {
        QFETCH(QString, input);
        QFETCH(qsizetype, expected);
        QCOMPARE(CallParser::codePointCount(input), expected);
    }

    void codePointCountUtf8_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qsizetype>("expected");
        QTest::newRow("empty") << QByteArray() << qsizetype(0);
        QTest::newRow("ascii") << QByteArray("hello") << qsizetype(5);
        QTest::newRow("latin1") << QByteArray("h\xc3\xa9llo") << qsizetype(5);
        QTest::newRow("cjk") << QByteArray("\xe4\xb8\xad\xe6\x96\x87") << qsizetype(2);
        QTest::newRow("emoji mix") << QByteArray("a\xf0\x9f\x98\x80"
                                                 "b\xf0\x9f\x8e\x89")
                                   << qsizetype(4);
    }

    void codePointCountUtf8()
    {
        QFETCH(QByteArray, input);
        QFETCH(qsizetype, expected);
        QCOMPARE(CallParser::codePointCountUtf8(input), expected);
        QCOMPARE(CallParser::codePointCount(QString::fromUtf8(input)), expected);
    }

    // Step 1: the length in code points, checked before anything else.
    void lengthLimit_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("expected");

        const QString ascii = QStringLiteral("a");
        const QString emoji = text("\xf0\x9f\x98\x80");
        QTest::newRow("exactly 100000 ascii")
            << paddedStatement(ascii, 100000) << expectCall(CallName::CreateRoom);
        QTest::newRow("100001 ascii statement")
            << paddedStatement(ascii, 100001) << expectReply(GeneralReply::DataTooLong);
        QTest::newRow("200000 ascii statement")
            << paddedStatement(ascii, 200000) << expectReply(GeneralReply::DataTooLong);
        QTest::newRow("100000 ascii garbage")
            << QString(100000, QLatin1Char('x')) << expectReply(GeneralReply::BadData);
        QTest::newRow("100001 ascii garbage")
            << QString(100001, QLatin1Char('x')) << expectReply(GeneralReply::DataTooLong);
        QTest::newRow("100001 chars of open braces")
            << QString(100001, QLatin1Char('{')) << expectReply(GeneralReply::DataTooLong);
        // 100000 code points, 200000-ish UTF-16 units and 400000-ish bytes: still accepted.
        QTest::newRow("exactly 100000 code points with emoji")
            << paddedStatement(emoji, 100000) << expectCall(CallName::CreateRoom);
        QTest::newRow("100001 code points with emoji")
            << paddedStatement(emoji, 100001) << expectReply(GeneralReply::DataTooLong);
        QTest::newRow("60000 emoji") << paddedStatement(emoji, 60000 + prefix.size() + suffix.size())
                                     << expectCall(CallName::CreateRoom);
        // 50001 emoji = 100002 UTF-16 units but only 50001 code points: not too long, just not JSON.
        QTest::newRow("50001 emoji garbage") << emoji.repeated(50001) << expectReply(GeneralReply::BadData);
        // Too long wins over every other problem.
        QTest::newRow("too long and not sufficient")
            << (QStringLiteral("{\"x\": \"") + QString(100001, QLatin1Char('a')) + QStringLiteral("\"}"))
            << expectReply(GeneralReply::DataTooLong);
        QTest::newRow("too long and unknown call")
            << (QStringLiteral("{\"payload\": {\"message\": \"bogus\", \"x\": \"")
                + QString(100001, QLatin1Char('a')) + QStringLiteral("\"}}"))
            << expectReply(GeneralReply::DataTooLong);
    }

    void lengthLimit()
    {
        QFETCH(QString, statement);
        QFETCH(QString, expected);
        checkAllEntryPoints(statement.toUtf8(), expected);
    }

    void lengthLimitCountsCodePointsNotUtf16Units()
    {
        const QString emoji = text("\xf0\x9f\x98\x80");
        const QString statement = paddedStatement(emoji, 60000 + prefix.size() + suffix.size());
        QVERIFY2(statement.size() > limits::maxStatementCodePoints,
                 "the test needs more than 100000 UTF-16 units");
        QCOMPARE(CallParser::codePointCount(statement), qsizetype(60000) + prefix.size() + suffix.size());
        const ParsedCall parsed = CallParser::parseText(statement);
        QCOMPARE(describe(parsed), expectCall(CallName::CreateRoom));
        QCOMPARE(payloadOf(parsed).value(QStringLiteral("pad")).toString(), emoji.repeated(60000));
    }

    // Q6: 60065 characters, 120065 UTF-8 bytes, are accepted.
    void lengthLimitCountsCodePointsNotBytes()
    {
        const QString eAcute = text("\xc3\xa9");
        const QString shortPrefix = QStringLiteral("{\"payload\":{\"message\":\"create_room\",\"pad\":\"");
        const qsizetype asciiFiller = 65 - shortPrefix.size() - suffix.size();
        QVERIFY(asciiFiller >= 0);
        QString statement = shortPrefix;
        statement += QString(asciiFiller, QLatin1Char('x'));
        statement += eAcute.repeated(60000);
        statement += QString::fromUtf8(suffix);
        const QByteArray utf8 = statement.toUtf8();
        QCOMPARE(CallParser::codePointCount(statement), qsizetype(60065));
        QCOMPARE(utf8.size(), qsizetype(120065));
        checkAllEntryPoints(utf8, expectCall(CallName::CreateRoom));
        const QString pad = payloadOf(CallParser::parseUtf8(utf8)).value(QStringLiteral("pad")).toString();
        QCOMPARE(pad, QString(asciiFiller, QLatin1Char('x')) + eAcute.repeated(60000));
    }

    void lengthLimitGarbageBytes()
    {
        // 25001 four-byte characters: 100004 bytes but 25001 code points: not too long.
        const QByteArray emojiGarbage = QByteArray("\xf0\x9f\x98\x80").repeated(25001);
        QCOMPARE(describe(CallParser::parseUtf8(emojiGarbage)), expectReply(GeneralReply::BadData));
        QCOMPARE(describe(CallParser::parseBinary(emojiGarbage)), expectReply(GeneralReply::BadData));
        const QByteArray eGarbage = QByteArray("\xc3\xa9").repeated(100001);
        QCOMPARE(describe(CallParser::parseUtf8(eGarbage)), expectReply(GeneralReply::DataTooLong));
        QCOMPARE(describe(CallParser::parseBinary(eGarbage)), expectReply(GeneralReply::DataTooLong));
    }

    // Step 2: not JSON at all.
    void invalidJson_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("open brace") << QByteArray("{");
        QTest::newRow("close brace") << QByteArray("}");
        QTest::newRow("whitespace") << QByteArray("   ");
        QTest::newRow("word") << QByteArray("hello");
        QTest::newRow("single quotes") << QByteArray("{'payload': {'message': 'create_room'}}");
        QTest::newRow("unquoted key") << QByteArray("{payload: {\"message\": \"create_room\"}}");
        QTest::newRow("trailing comma") << QByteArray("{\"payload\": {\"message\": \"create_room\",}}");
        QTest::newRow("truncated") << QByteArray(
            "{\"type\": \"call\", \"payload\": {\"message\": \"create_room\"}");
        QTest::newRow("trailing garbage") << QByteArray("{\"payload\": {\"message\": \"create_room\"}} x");
        QTest::newRow("two objects") << QByteArray(
            "{\"payload\": {\"message\": \"create_room\"}}{\"payload\": {\"message\": \"create_room\"}}");
        QTest::newRow("unterminated string") << QByteArray("{\"payload\": {\"message\": \"create_room}}");
        QTest::newRow("comment") << QByteArray("{\"payload\": {\"message\": \"create_room\"}} // hi");
    }

    void invalidJson()
    {
        QFETCH(QByteArray, statement);
        checkAllEntryPoints(statement, expectReply(GeneralReply::BadData));
    }

    // Step 4 (R of Q1): JSON that is not an object gets bad_data instead of a crash.
    void nonObjectJson_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("string") << QByteArray("\"x\"");
        QTest::newRow("empty string literal") << QByteArray("\"\"");
        QTest::newRow("number") << QByteArray("1");
        QTest::newRow("float") << QByteArray("1.5");
        QTest::newRow("true") << QByteArray("true");
        QTest::newRow("false") << QByteArray("false");
        QTest::newRow("array holding a statement")
            << QByteArray("[{\"type\": \"call\", \"payload\": {\"message\": \"create_room\"}}]");
    }

    void nonObjectJson()
    {
        QFETCH(QByteArray, statement);
        checkAllEntryPoints(statement, expectReply(GeneralReply::BadData));
    }

    // Step 3 and R of Q1: missing or wrongly typed payload / message.
    void notSufficientData_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("type only") << QByteArray("{\"type\": \"call\"}");
        QTest::newRow("message at top level")
            << QByteArray("{\"type\": \"call\", \"message\": \"create_room\"}");
        QTest::newRow("empty payload") << QByteArray("{\"type\": \"call\", \"payload\": {}}");
        QTest::newRow("payload without message")
            << QByteArray("{\"payload\": {\"uuid\": \"x\", \"name\": \"n\"}}");
        QTest::newRow("payload null") << QByteArray("{\"payload\": null}");
        QTest::newRow("payload string") << QByteArray("{\"payload\": \"create_room\"}");
        QTest::newRow("payload number") << QByteArray("{\"payload\": 1}");
        QTest::newRow("payload array") << QByteArray("{\"payload\": [{\"message\": \"create_room\"}]}");
        QTest::newRow("payload bool") << QByteArray("{\"payload\": true}");
        QTest::newRow("message null") << QByteArray("{\"payload\": {\"message\": null}}");
        QTest::newRow("message number") << QByteArray("{\"payload\": {\"message\": 1}}");
        QTest::newRow("message bool") << QByteArray("{\"payload\": {\"message\": true}}");
        QTest::newRow("message array") << QByteArray("{\"payload\": {\"message\": [\"create_room\"]}}");
        QTest::newRow("message object")
            << QByteArray("{\"payload\": {\"message\": {\"name\": \"create_room\"}}}");
        QTest::newRow("message key misspelt") << QByteArray("{\"payload\": {\"Message\": \"create_room\"}}");
        QTest::newRow("payload key misspelt") << QByteArray("{\"Payload\": {\"message\": \"create_room\"}}");
    }

    void notSufficientData()
    {
        QFETCH(QByteArray, statement);
        checkAllEntryPoints(statement, expectReply(GeneralReply::NotSufficientData));
    }

    // Step 4 (R of Q1): an unknown call name gets bad_data.
    void unknownCall_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("bogus") << QStringLiteral("bogus");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper case") << QStringLiteral("CREATE_ROOM");
        QTest::newRow("camel case") << QStringLiteral("createRoom");
        QTest::newRow("trailing space") << QStringLiteral("create_room ");
        QTest::newRow("leading space") << QStringLiteral(" create_room");
        QTest::newRow("hyphen") << QStringLiteral("create-room");
        QTest::newRow("result name") << QStringLiteral("room_created");
        QTest::newRow("error name") << QStringLiteral("no_specified_room");
        QTest::newRow("general reply name") << QStringLiteral("bad_data");
        QTest::newRow("type name") << QStringLiteral("call");
        QTest::newRow("never sent ok") << QStringLiteral("ok");
        QTest::newRow("embedded nul") << QString::fromUtf16(u"create_room\u0000", 12);
    }

    void unknownCall()
    {
        QFETCH(QString, name);
        const QJsonObject statement {
            {QStringLiteral("type"), QStringLiteral("call")},
            {QStringLiteral("payload"), QJsonObject {{QStringLiteral("message"), name}}}};
        checkAllEntryPoints(QJsonDocument(statement).toJson(QJsonDocument::Compact),
                            expectReply(GeneralReply::BadData));
    }

    void everyCallName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("value");
        for (int value = int(CallName::CreateRoom); value <= int(CallName::ResetDrawing); ++value) {
            const QString name = nameOf(static_cast<CallName>(value));
            QTest::newRow(name.toUtf8().constData()) << name << value;
        }
    }

    void everyCallName()
    {
        QFETCH(QString, name);
        QFETCH(int, value);
        const QByteArray statement =
            QByteArrayLiteral("{\"type\": \"call\", \"payload\": {\"message\": \"") + name.toUtf8() + "\"}}";
        const ParsedCall parsed = CallParser::parseText(QString::fromUtf8(statement));
        const auto *call = std::get_if<CallStatement>(&parsed);
        QVERIFY(call);
        QCOMPARE(int(call->name), value);
        QCOMPARE(call->payload.value(QStringLiteral("message")).toString(), name);
        checkAllEntryPoints(statement, expectCall(static_cast<CallName>(value)));
    }

    // Section 2: "type" is ignored.
    void typeIsIgnored_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::newRow("call") << QByteArray(
            "{\"type\": \"call\", \"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("missing") << QByteArray("{\"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("bogus") << QByteArray(
            "{\"type\": \"bogus\", \"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("result") << QByteArray(
            "{\"type\": \"result\", \"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("null") << QByteArray("{\"type\": null, \"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("number") << QByteArray("{\"type\": 42, \"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("object") << QByteArray("{\"type\": {}, \"payload\": {\"message\": \"list_rooms\"}}");
        QTest::newRow("after payload")
            << QByteArray("{\"payload\": {\"message\": \"list_rooms\"}, \"type\": []}");
    }

    void typeIsIgnored()
    {
        QFETCH(QByteArray, statement);
        checkAllEntryPoints(statement, expectCall(CallName::ListRooms));
    }

    // Section 2: with duplicate keys the last one wins (Python json).
    void duplicateKeysLastWins()
    {
        QCOMPARE(describe(CallParser::parseUtf8(
                     "{\"payload\": {\"message\": \"list_rooms\", \"message\": \"create_room\"}}")),
                 expectCall(CallName::CreateRoom));
        QCOMPARE(describe(CallParser::parseUtf8(
                     "{\"payload\": {\"message\": \"bogus\"}, \"payload\": {\"message\": \"get_drawing\"}}")),
                 expectCall(CallName::GetDrawing));
        QCOMPARE(describe(CallParser::parseUtf8(
                     "{\"payload\": {\"message\": \"get_drawing\"}, \"payload\": {\"message\": \"bogus\"}}")),
                 expectReply(GeneralReply::BadData));
        QCOMPARE(
            describe(CallParser::parseUtf8("{\"payload\": {\"message\": \"get_drawing\"}, \"payload\": 1}")),
            expectReply(GeneralReply::NotSufficientData));
        QCOMPARE(describe(CallParser::parseUtf8(
                     "{\"payload\": {\"message\": \"get_drawing\", \"message\": null}}")),
                 expectReply(GeneralReply::NotSufficientData));

        const ParsedCall parsed = CallParser::parseUtf8(
            "{\"payload\": {\"message\": \"enter_room\", \"uuid\": \"first\", \"uuid\": \"second\"}}");
        QCOMPARE(describe(parsed), expectCall(CallName::EnterRoom));
        QCOMPARE(payloadOf(parsed).value(QStringLiteral("uuid")).toString(), QStringLiteral("second"));

        const ParsedCall interleaved =
            CallParser::parseUtf8("{\"payload\": {\"name\": \"a\", \"message\": \"change_name\", \"uuid\": "
                                  "\"u\", \"name\": \"b\"}}");
        QCOMPARE(describe(interleaved), expectCall(CallName::ChangeName));
        QCOMPARE(payloadOf(interleaved).value(QStringLiteral("name")).toString(), QStringLiteral("b"));
        QCOMPARE(payloadOf(interleaved).value(QStringLiteral("uuid")).toString(), QStringLiteral("u"));
    }

    // Section 2: call fields sit next to "message"; extra keys are kept for the handler to ignore.
    void payloadFieldsAreKept()
    {
        const QByteArray statement =
            QByteArrayLiteral("{\"type\": \"call\", \"extra_top\": 1, \"payload\": {\"message\": "
                              "\"change_draw_line\", \"uuid\": \"l-1\","
                              " \"points\": [1, 2.5, -3], \"color\": \"#abc\", \"tool\": \"pen\", \"extra\": "
                              "{\"nested\": [true, null]},"
                              " \"name\": \"h\\u00e9llo \\ud83d\\ude00\"}}");
        const ParsedCall parsed = CallParser::parseUtf8(statement);
        QCOMPARE(describe(parsed), expectCall(CallName::ChangeDrawLine));
        const QJsonObject payload = payloadOf(parsed);
        QCOMPARE(payload.value(QStringLiteral("message")).toString(), QStringLiteral("change_draw_line"));
        QCOMPARE(payload.value(QStringLiteral("uuid")).toString(), QStringLiteral("l-1"));
        QCOMPARE(payload.value(QStringLiteral("points")).toArray(), (QJsonArray {1, 2.5, -3}));
        QCOMPARE(payload.value(QStringLiteral("color")).toString(), QStringLiteral("#abc"));
        QCOMPARE(payload.value(QStringLiteral("tool")).toString(), QStringLiteral("pen"));
        QCOMPARE(payload.value(QStringLiteral("extra")).toObject(),
                 (QJsonObject {{QStringLiteral("nested"), QJsonArray {true, QJsonValue::Null}}}));
        QCOMPARE(payload.value(QStringLiteral("name")).toString(), text("h\xc3\xa9llo \xf0\x9f\x98\x80"));
        QVERIFY(!payload.contains(QStringLiteral("extra_top")));
        QVERIFY(!payload.contains(QStringLiteral("type")));
        QCOMPARE(payload.size(), 7);
    }

    // Every Unicode scalar value in a string comes back as sent (docs/PROTOCOL.md section 3, "Strings"):
    // QJsonDocument::fromJson alone drops a raw U+FEFF at the start of a string without escapes.
    void keepsEveryCodePoint_data()
    {
        QTest::addColumn<QByteArray>("value"); // the JSON text of the "name" field
        QTest::addColumn<QString>("name");
        const QString bom(QChar(0xFEFF));
        QTest::newRow("raw U+FEFF first") << QByteArray("\"\xef\xbb\xbf"
                                                        "abc\"")
                                          << (bom + QStringLiteral("abc"));
        QTest::newRow("raw U+FEFF alone") << QByteArray("\"\xef\xbb\xbf\"") << bom;
        QTest::newRow("two raw U+FEFF") << QByteArray("\"\xef\xbb\xbf\xef\xbb\xbf\"") << (bom + bom);
        QTest::newRow("raw U+FEFF then an escape")
            << QByteArray("\"\xef\xbb\xbf\\n\"") << (bom + QStringLiteral("\n"));
        QTest::newRow("raw U+FEFF after an escaped backslash")
            << QByteArray("\"\\\\\xef\xbb\xbf\"") << (QStringLiteral("\\") + bom);
        QTest::newRow("raw U+FEFF inside") << QByteArray("\"a\xef\xbb\xbf"
                                                         "b\"")
                                           << (QStringLiteral("a") + bom + QStringLiteral("b"));
        QTest::newRow("escaped U+FEFF") << QByteArray("\"\\ufeff\"") << bom;
        QTest::newRow("raw U+FFFE U+FFFF")
            << QByteArray("\"\xef\xbf\xbe\xef\xbf\xbf\"") << units({0xFFFE, 0xFFFF});
        QTest::newRow("raw U+10FFFF U+FDD0")
            << QByteArray("\"\xf4\x8f\xbf\xbf\xef\xb7\x90\"") << units({0xDBFF, 0xDFFF, 0xFDD0});
        QTest::newRow("escaped U+FFFF U+FFFE") << QByteArray("\"\\uffff\\uFFFE\"") << units({0xFFFF, 0xFFFE});
        QTest::newRow("NUL") << QByteArray("\"a\\u0000b\"") << units({u'a', 0, u'b'});
        QTest::newRow("raw U+2028 U+2029")
            << QByteArray("\"\xe2\x80\xa8\xe2\x80\xa9\"") << units({0x2028, 0x2029});
        QTest::newRow("escaped surrogate pair")
            << QByteArray("\"\\ud83d\\ude00\"") << units({0xD83D, 0xDE00});
    }
    void keepsEveryCodePoint()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, name);
        const QByteArray statement =
            "{\"payload\":{\"message\":\"change_user_name\",\"name\":" + value + "}}";
        for (const ParsedCall &parsed : {CallParser::parseUtf8(statement), CallParser::parseBinary(statement),
                                         CallParser::parseText(QString::fromUtf8(statement))}) {
            QCOMPARE(describe(parsed), expectCall(CallName::ChangeUserName));
            QCOMPARE(payloadOf(parsed).value(QStringLiteral("name")).toString(), name);
        }
    }

    // Turning a raw U+FEFF into \ufeff never makes invalid JSON valid, and a byte-order mark before the
    // document is still skipped.
    void rawByteOrderMarksElsewhere_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<QString>("expected");
        const QString badData = expectReply(GeneralReply::BadData);
        const QString call = expectCall(CallName::ListRooms);
        QTest::newRow("escaping the mark")
            << QByteArray("{\"payload\":{\"message\":\"list_rooms\",\"x\":\"\\\xef\xbb\xbf\"}}") << badData;
        QTest::newRow("between tokens")
            << QByteArray("{\"payload\":\xef\xbb\xbf{\"message\":\"list_rooms\"}}") << badData;
        QTest::newRow("after the document")
            << QByteArray("{\"payload\":{\"message\":\"list_rooms\"}}\xef\xbb\xbf") << badData;
        QTest::newRow("before the document")
            << QByteArray("\xef\xbb\xbf{\"payload\":{\"message\":\"list_rooms\"}}") << call;
    }
    void rawByteOrderMarksElsewhere()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(QString, expected);
        QCOMPARE(describe(CallParser::parseUtf8(utf8)), expected);
    }

    // Q7: binary frames are accepted as JSON; undecodable bytes give bad_data.
    void binaryFrames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("name"); // the decoded "name" field, for calls

        const QString statement =
            text("{\"type\": \"call\", \"payload\": {\"message\": \"change_user_name\", \"name\": "
                 "\"\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80\"}}");
        const QString name = text("\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80");
        const QString call = expectCall(CallName::ChangeUserName);
        const QString badData = expectReply(GeneralReply::BadData);

        QTest::newRow("utf-8") << statement.toUtf8() << call << name;
        QTest::newRow("utf-8 with bom") << (QByteArray("\xef\xbb\xbf") + statement.toUtf8()) << call << name;
        QTest::newRow("utf-16le with bom") << encoded(QStringConverter::Utf16LE, statement) << call << name;
        QTest::newRow("utf-16be with bom") << encoded(QStringConverter::Utf16BE, statement) << call << name;
        QTest::newRow("utf-32le with bom") << encoded(QStringConverter::Utf32LE, statement) << call << name;
        QTest::newRow("ff fe") << QByteArray("\xff\xfe") << badData << QString();
        QTest::newRow("80 81 82") << QByteArray("\x80\x81\x82") << badData << QString();
        QTest::newRow("lone ff") << QByteArray("\xff") << badData << QString();
        QTest::newRow("invalid utf-8 inside a valid statement")
            << QByteArray("{\"payload\": {\"message\": \"change_user_name\", \"name\": \"\xff\xfe\x80\"}}")
            << badData << QString();
        QTest::newRow("overlong encoding")
            << QByteArray("{\"payload\": {\"message\": \"change_user_name\", \"name\": \"\xc0\xaf\"}}")
            << badData << QString();
        QTest::newRow("truncated sequence")
            << QByteArray("{\"payload\": {\"message\": \"change_user_name\", \"name\": \"\xe4\xb8\"}}")
            << badData << QString();
        QTest::newRow("encoded surrogate")
            << QByteArray("{\"payload\": {\"message\": \"change_user_name\", \"name\": \"\xed\xa0\xbd\"}}")
            << badData << QString();
        QTest::newRow("empty") << QByteArray() << badData << QString();
    }

    void binaryFrames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, expected);
        QFETCH(QString, name);
        const ParsedCall parsed = CallParser::parseBinary(frame);
        QCOMPARE(describe(parsed), expected);
        if (std::holds_alternative<CallStatement>(parsed))
            QCOMPARE(payloadOf(parsed).value(QStringLiteral("name")).toString(), name);
    }

    void binaryFrameLengthLimit()
    {
        const QString statement = paddedStatement(QStringLiteral("a"), 100001);
        QCOMPARE(describe(CallParser::parseBinary(encoded(QStringConverter::Utf16LE, statement))),
                 expectReply(GeneralReply::DataTooLong));
        const QString exact = paddedStatement(QStringLiteral("a"), 100000);
        QCOMPARE(describe(CallParser::parseBinary(encoded(QStringConverter::Utf16LE, exact))),
                 expectCall(CallName::CreateRoom));
    }

    // Q21: non-finite numbers are rejected.
    void nonFiniteNumbers_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("NaN") << QByteArray("NaN");
        QTest::newRow("Infinity") << QByteArray("Infinity");
        QTest::newRow("-Infinity") << QByteArray("-Infinity");
        QTest::newRow("1e999") << QByteArray("1e999");
        QTest::newRow("-1e999") << QByteArray("-1e999");
        QTest::newRow("nan lower case") << QByteArray("nan");
        QTest::newRow("inf") << QByteArray("inf");
    }

    void nonFiniteNumbers()
    {
        QFETCH(QByteArray, value);
        const QByteArray inField =
            "{\"payload\": {\"message\": \"change_name\", \"uuid\": \"u\", \"name\": " + value + "}}";
        checkAllEntryPoints(inField, expectReply(GeneralReply::BadData));
        const QByteArray inPoints =
            "{\"payload\": {\"message\": \"change_draw_line\", \"points\": [1, " + value + "]}}";
        checkAllEntryPoints(inPoints, expectReply(GeneralReply::BadData));
        checkAllEntryPoints(value, expectReply(GeneralReply::BadData));
    }

    void finiteNumbersAreAccepted()
    {
        const ParsedCall parsed = CallParser::parseUtf8(
            "{\"payload\": {\"message\": \"change_draw_line\", \"points\": [1e300, -0.5, 0]}}");
        QCOMPARE(describe(parsed), expectCall(CallName::ChangeDrawLine));
        QCOMPARE(payloadOf(parsed).value(QStringLiteral("points")).toArray(), (QJsonArray {1e300, -0.5, 0}));
    }

    // Q20: nesting beyond a fixed depth gives bad_data, never a crash.
    void deepNesting_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("arrays");
        QTest::addColumn<QString>("expected");
        const QString call = expectCall(CallName::ChangeName);
        const QString badData = expectReply(GeneralReply::BadData);
        QTest::newRow("arrays 10") << 10 << true << call;
        QTest::newRow("arrays 900") << 900 << true << call;
        QTest::newRow("arrays 2000") << 2000 << true << badData;
        QTest::newRow("arrays 20000") << 20000 << true << badData;
        QTest::newRow("objects 10") << 10 << false << call;
        QTest::newRow("objects 2000") << 2000 << false << badData;
    }

    void deepNesting()
    {
        QFETCH(int, depth);
        QFETCH(bool, arrays);
        QFETCH(QString, expected);
        const QByteArray open = arrays ? QByteArray("[") : QByteArray("{\"a\": ");
        const QByteArray close = arrays ? QByteArray("]") : QByteArray("}");
        const QByteArray nested = open.repeated(depth) + "1" + close.repeated(depth);
        const QByteArray statement =
            "{\"payload\": {\"message\": \"change_name\", \"uuid\": \"u\", \"name\": " + nested + "}}";
        checkAllEntryPoints(statement, expected);
        if (expected == badData())
            checkAllEntryPoints(nested, badData());
    }

    // makeCall builds the envelope that CallParser reads back.
    void makeCallEnvelope()
    {
        const QJsonObject bare = makeCall(CallName::ListRooms);
        QCOMPARE(bare,
                 (QJsonObject {{QStringLiteral("type"), QStringLiteral("call")},
                               {QStringLiteral("payload"),
                                QJsonObject {{QStringLiteral("message"), QStringLiteral("list_rooms")}}}}));

        const QJsonObject fields {{QStringLiteral("uuid"), QStringLiteral("r-1")},
                                  {QStringLiteral("name"), QStringLiteral("Lobby")}};
        const QJsonObject call = makeCall(CallName::ChangeName, fields);
        QCOMPARE(call.keys(), (QStringList {QStringLiteral("payload"), QStringLiteral("type")}));
        QCOMPARE(call.value(QStringLiteral("type")).toString(), QStringLiteral("call"));
        const QJsonObject payload = call.value(QStringLiteral("payload")).toObject();
        QCOMPARE(payload.keys(),
                 (QStringList {QStringLiteral("message"), QStringLiteral("name"), QStringLiteral("uuid")}));
        QCOMPARE(payload.value(QStringLiteral("message")).toString(), QStringLiteral("change_name"));
        QCOMPARE(payload.value(QStringLiteral("uuid")).toString(), QStringLiteral("r-1"));
        QCOMPARE(payload.value(QStringLiteral("name")).toString(), QStringLiteral("Lobby"));
    }

    void makeCallMessageWinsOverFields()
    {
        const QJsonObject call = makeCall(CallName::GetDrawing,
                                          QJsonObject {{QStringLiteral("message"), QStringLiteral("bogus")}});
        QCOMPARE(call.value(QStringLiteral("payload")).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("get_drawing"));
    }

    void makeCallRoundTrip_data()
    {
        QTest::addColumn<int>("value");
        for (int value = int(CallName::CreateRoom); value <= int(CallName::ResetDrawing); ++value)
            QTest::newRow(nameOf(static_cast<CallName>(value)).toUtf8().constData()) << value;
    }

    void makeCallRoundTrip()
    {
        QFETCH(int, value);
        const auto name = static_cast<CallName>(value);
        const QJsonObject fields {{QStringLiteral("uuid"), QStringLiteral("u")},
                                  {QStringLiteral("body"), text("h\xc3\xa9 \xf0\x9f\x98\x80")}};
        const QByteArray bytes = QJsonDocument(makeCall(name, fields)).toJson(QJsonDocument::Compact);
        const ParsedCall parsed = CallParser::parseUtf8(bytes);
        const auto *call = std::get_if<CallStatement>(&parsed);
        QVERIFY(call);
        QCOMPARE(call->name, name);
        QCOMPARE(call->payload.value(QStringLiteral("uuid")).toString(), QStringLiteral("u"));
        QCOMPARE(call->payload.value(QStringLiteral("body")).toString(), text("h\xc3\xa9 \xf0\x9f\x98\x80"));
        QCOMPARE(describe(CallParser::parseText(QString::fromUtf8(bytes))), expectCall(name));
    }

private:
    static QString badData() { return expectReply(GeneralReply::BadData); }
};

QTEST_APPLESS_MAIN(TestCallParser)
#include "tst_callparser.moc"
