// The client keeps text exactly (docs/PROTOCOL.md section 3, "Strings"): names and bodies in the statements
// it reads (through ServerStatement and QJsonDocument, through MessageListReader and JsonCursor) arrive in
// its models as the code points the server sent, U+FEFF at the start or anywhere, noncharacters, NUL, U+2028
// and astral characters included, whether the server wrote them raw in UTF-8 or as \u escapes. Random strings
// from a fixed seed (CHAT_EXACTTEXT_SEED repeats another run).
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "net/JsonCursor.h"
#include "net/MessageListReader.h"
#include "net/ProtocolClient.h"
#include "protocol/CallStatement.h"
#include "protocol/ServerStatement.h"
#include "testlib/HardStrings.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace chat;

namespace {

QString describe(const QString &text)
{
    QStringList units;
    for (const QChar c : text)
        units.append(QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
    return units.join(u' ');
}

#define COMPARE_TEXT(actual, expected)                                                                       \
    QVERIFY2((actual) == (expected),                                                                         \
             qPrintable(QStringLiteral("got [%1], sent [%2]").arg(describe(actual), describe(expected))))

QByteArray message(const QByteArray &uuid, const QByteArray &body, const QByteArray &name)
{
    return "{\"uuid\":\"" + uuid + "\",\"body\":" + body + ",\"name\":\"message-" + uuid
        + "\",\"user\":{\"uuid\":\"u1\",\"name\":" + name
        + ",\"room_uuid\":\"r1\"},\"room_uuid\":\"r1\",\"created\":\"2026-12-02T10:00:00\"}";
}

QByteArray result(const char *name, const QByteArray &member)
{
    return QByteArray("{\"type\":\"result\",\"payload\":{\"message\":\"") + name + "\"," + member + "}}";
}

// The client as user u1 inside room r1, as the server would have put it there.
void enterRoomR1(ProtocolClient &client)
{
    client.handleStatement(
        result("user_created", "\"object\":{\"uuid\":\"u1\",\"name\":\"A\",\"room_uuid\":null}"));
    client.handleStatement(result("rooms_listed", "\"list\":[]"));
    client.enterRoom(QStringLiteral("r1"));
    client.handleStatement(QByteArray("{\"type\":\"result\",\"payload\":{\"message\":\"room_entered\"}}"));
}

} // namespace

class TestClientExactText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        bool ok = false;
        const quint32 seed = qEnvironmentVariable("CHAT_EXACTTEXT_SEED").toUInt(&ok);
        m_seed = ok ? seed : 20261202u;
        qInfo("seed %u (CHAT_EXACTTEXT_SEED repeats a run)", m_seed);
        test::HardStrings strings(m_seed);
        for (int i = 0; i < 300; ++i)
            m_texts.push_back(strings.next());
    }

    void jsonCursorReadsEveryCodePoint()
    {
        test::HardStrings strings(m_seed + 1);
        for (const std::u32string &text : m_texts) {
            const QByteArray literal = strings.literal(text);
            JsonCursor cursor(literal);
            QString read;
            QVERIFY2(cursor.readString(read), literal.constData());
            COMPARE_TEXT(read, test::HardStrings::utf16(text));
        }
    }

    void aServerStatementReadsEveryCodePoint()
    {
        test::HardStrings strings(m_seed + 2);
        for (const std::u32string &text : m_texts) {
            const QByteArray json =
                result("room_changed", "\"object\":{\"uuid\":\"r1\",\"name\":" + strings.literal(text) + "}");
            const auto statement = ServerStatement::parse(json);
            QVERIFY(statement);
            COMPARE_TEXT(statement->object().value(QStringLiteral("name")).toString(),
                         test::HardStrings::utf16(text));
        }
    }

    // A plain history (read by MessageListReader) and a socketchat.v1 page, then message_created,
    // user_changed, rooms_listed and room_changed, through ProtocolClient into its models.
    void theProtocolClientKeepsEveryCodePoint()
    {
        test::HardStrings strings(m_seed + 3);
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        enterRoomR1(client);

        QByteArray list;
        for (size_t i = 0; i < m_texts.size(); ++i) {
            list += (i ? "," : "")
                + message("m" + QByteArray::number(qulonglong(i)), strings.literal(m_texts[i]),
                          strings.literal(m_texts[m_texts.size() - 1 - i]));
        }
        client.handleStatement(result("messages_listed", "\"list\":[" + list + "]"));
        QCOMPARE(client.messages()->rowCount(), int(m_texts.size()));
        for (size_t i = 0; i < m_texts.size(); ++i) {
            COMPARE_TEXT(client.messages()->at(int(i)).body, test::HardStrings::utf16(m_texts[i]));
            COMPARE_TEXT(client.messages()->at(int(i)).user.name,
                         test::HardStrings::utf16(m_texts[m_texts.size() - 1 - i]));
        }

        for (size_t i = 0; i < m_texts.size(); ++i) {
            const QString expected = test::HardStrings::utf16(m_texts[i]);
            const QByteArray literal = strings.literal(m_texts[i]);
            client.handleStatement(result("message_created",
                                          "\"object\":"
                                              + message("n" + QByteArray::number(qulonglong(i)), literal,
                                                        strings.literal(m_texts[i]))));
            const Message &last = client.messages()->at(client.messages()->rowCount() - 1);
            COMPARE_TEXT(last.body, expected);
            COMPARE_TEXT(last.user.name, expected);

            client.handleStatement(result("user_changed",
                                          "\"object\":{\"uuid\":\"u1\",\"name\":"
                                              + strings.literal(m_texts[i]) + ",\"room_uuid\":\"r1\"}"));
            COMPARE_TEXT(client.self().name, expected);

            const QByteArray room =
                "{\"uuid\":\"r1\",\"name\":" + literal + ",\"color\":\"#ffffff\",\"users\":[],\"sum\":0}";
            client.handleStatement(result("rooms_listed", "\"list\":[" + room + "]"));
            QVERIFY(client.rooms()->find(QStringLiteral("r1")));
            COMPARE_TEXT(client.rooms()->find(QStringLiteral("r1"))->name, expected);
            client.handleStatement(result("room_changed",
                                          "\"object\":{\"uuid\":\"r1\",\"name\":\"x\",\"color\":"
                                          "\"#ffffff\",\"users\":[],\"sum\":0}"));
            client.handleStatement(result("room_changed", "\"object\":" + room));
            COMPARE_TEXT(client.rooms()->find(QStringLiteral("r1"))->name, expected);
        }
    }

    // What the client sends: the server's parser finds the same text in the call.
    void theProtocolClientSendsEveryCodePoint()
    {
        QString sent;
        ProtocolClient client;
        client.setTransportForTesting([&sent](const QString &text) {
            sent = text;
            return true;
        });
        enterRoomR1(client);
        for (const std::u32string &text : m_texts) {
            const QString expected = test::HardStrings::utf16(text);
            if (expected.trimmed().isEmpty()) { // the client sends no blank message or name, by design
                QVERIFY(!client.sendMessage(expected));
                QVERIFY(!client.changeUserName(expected));
                continue;
            }
            QVERIFY(client.sendMessage(expected));
            const ParsedCall parsed = CallParser::parseText(sent);
            QVERIFY(std::holds_alternative<CallStatement>(parsed));
            COMPARE_TEXT(std::get<CallStatement>(parsed).payload.value(QStringLiteral("body")).toString(),
                         expected);
            QVERIFY(client.changeUserName(expected));
            const ParsedCall renamed = CallParser::parseText(sent);
            QVERIFY(std::holds_alternative<CallStatement>(renamed));
            COMPARE_TEXT(std::get<CallStatement>(renamed).payload.value(QStringLiteral("name")).toString(),
                         expected);
        }
    }

    void messageListReaderReadsEveryCodePoint()
    {
        test::HardStrings strings(m_seed + 4);
        QByteArray list;
        for (size_t i = 0; i < m_texts.size(); ++i) {
            list += (i ? "," : "")
                + message("m" + QByteArray::number(qulonglong(i)), strings.literal(m_texts[i]),
                          strings.literal(m_texts[i]));
        }
        const auto listing =
            MessageListReader::read(result("messages_listed", "\"list\":[" + list + "],\"more\":false"));
        QVERIFY(listing);
        QCOMPARE(listing->messages.size(), qsizetype(m_texts.size()));
        for (size_t i = 0; i < m_texts.size(); ++i) {
            COMPARE_TEXT(listing->messages.at(qsizetype(i)).body, test::HardStrings::utf16(m_texts[i]));
            COMPARE_TEXT(listing->messages.at(qsizetype(i)).user.name, test::HardStrings::utf16(m_texts[i]));
        }
    }

private:
    quint32 m_seed = 0;
    std::vector<std::u32string> m_texts;
};

QTEST_GUILESS_MAIN(TestClientExactText)
#include "tst_exacttext.moc"
