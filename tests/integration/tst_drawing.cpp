// change_draw_line, get_drawing and reset_drawing: recipients, replacement in place, validation.
#include "model/Drawing.h"
#include "model/Room.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QTest>

using namespace chat;

class TestDrawing : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_server.start());
        for (TestClient *client : {&m_a, &m_b, &m_lobby})
            QVERIFY(client->connectTo(m_server.url()));
        m_room = m_a.createRoom().value_or(Room {});
        QVERIFY(m_a.enterRoom(m_room.uuid));
        QVERIFY(m_b.enterRoom(m_room.uuid));
        for (TestClient *client : {&m_a, &m_b, &m_lobby})
            client->drain();
    }
    void cleanup()
    {
        for (TestClient *client : {&m_a, &m_b, &m_lobby}) {
            client->close();
            client->waitForDisconnected();
        }
        m_server.stop();
    }

    void linesGoToRoomMembersOnly()
    {
        const QJsonArray points {10, 20, 30.5, 40.25};
        m_a.call(CallName::ChangeDrawLine, line(str("l1"), points));
        for (TestClient *member : {&m_a, &m_b}) {
            const auto changed = member->expect(nameOf(ResultName::DrawLineChanged));
            QVERIFY(changed);
            const QJsonObject json = changed->object();
            QCOMPARE(json.keys(),
                     (QStringList {str("color"), str("name"), str("points"), str("tool"), str("uuid")}));
            QCOMPARE(json.value(str("uuid")).toString(), str("l1"));
            QCOMPARE(json.value(str("points")).toArray(), points);
            QVERIFY(json.value(str("name")).toString().startsWith(str("line-")));
            QVERIFY(json.value(str("name")).toString() != str("line-l1")); // a fresh uuid (Q11)
        }
        QVERIFY(m_lobby.receivesNothing());
    }

    void aKnownUuidReplacesTheLineInPlace()
    {
        m_a.call(CallName::ChangeDrawLine, line(str("l1"), {1, 2}));
        EXPECT_STATEMENT(got1, m_a, nameOf(ResultName::DrawLineChanged));
        const QString name = got1.object().value(str("name")).toString();
        m_a.call(CallName::ChangeDrawLine, line(str("l2"), {5, 6}));
        QVERIFY(m_a.expect(nameOf(ResultName::DrawLineChanged)));
        m_a.call(CallName::ChangeDrawLine, line(str("l1"), {1, 2, 3, 4}, str("eraser")));
        const auto replaced = m_a.expect(nameOf(ResultName::DrawLineChanged));
        QVERIFY(replaced);
        QCOMPARE(replaced->object().value(str("name")).toString(), name);

        m_b.drain();
        m_b.call(CallName::GetDrawing);
        EXPECT_STATEMENT(got2, m_b, nameOf(ResultName::DrawingGot));
        const auto drawing = Drawing::fromJson(got2.object());
        QCOMPARE(drawing->lines.size(), 2);
        QCOMPARE(drawing->lines.at(0).uuid, str("l1"));
        QCOMPARE(drawing->lines.at(0).points, (QJsonArray {1, 2, 3, 4}));
        QCOMPARE(drawing->lines.at(0).tool, str("eraser"));
        QCOMPARE(drawing->lines.at(0).name, name);
        QCOMPARE(drawing->lines.at(1).uuid, str("l2"));
    }

    void resetClearsForTheRoom()
    {
        m_a.call(CallName::ChangeDrawLine, line(str("l1"), {1, 2}));
        m_a.drain();
        m_b.drain();
        m_b.call(CallName::ResetDrawing);
        for (TestClient *member : {&m_a, &m_b}) {
            EXPECT_STATEMENT(got3, *member, nameOf(ResultName::DrawingGot));
            const auto drawing = Drawing::fromJson(got3.object());
            QVERIFY(drawing && drawing->lines.isEmpty());
        }
        QVERIFY(m_lobby.receivesNothing());
        m_lobby.call(CallName::EnterRoom, fields({{"uuid", m_room.uuid}}));
        QVERIFY(m_lobby.expect(nameOf(ResultName::RoomEntered)));
        QVERIFY(m_lobby.expect(nameOf(ResultName::MessagesListed)));
        EXPECT_STATEMENT(got4, m_lobby, nameOf(ResultName::DrawingGot));
        QVERIFY(got4.object().value(str("lines")).toArray().isEmpty());
    }

    void drawingCallsNeedARoom()
    {
        for (CallName call : {CallName::GetDrawing, CallName::ResetDrawing, CallName::ChangeDrawLine}) {
            m_lobby.call(call); // no room is checked before the fields
            QVERIFY(m_lobby.expect(nameOf(ErrorName::NoSelectedRoom)));
        }
    }

    void badLinesAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("reply");
        const QString sufficient = nameOf(GeneralReply::NotSufficientData);
        QJsonObject noPoints = line(str("x"), {});
        noPoints.remove(str("points"));
        QTest::newRow("no points") << noPoints << sufficient;
        QJsonObject noTool = line(str("x"), {});
        noTool.remove(str("tool"));
        QTest::newRow("no tool") << noTool << sufficient;
        QJsonObject noColor = line(str("x"), {});
        noColor.remove(str("color"));
        QTest::newRow("no color") << noColor << sufficient;
        QJsonObject textPoints = line(str("x"), {});
        textPoints.insert(str("points"), QJsonArray {str("1"), 2});
        QTest::newRow("text points") << textPoints << sufficient;
        QJsonObject nestedPoints = line(str("x"), {});
        nestedPoints.insert(str("points"), QJsonArray {QJsonArray {1, 2}});
        QTest::newRow("nested points") << nestedPoints << sufficient;
        QJsonObject numberUuid = line(str("x"), {});
        numberUuid.insert(str("uuid"), 5);
        QTest::newRow("number uuid") << numberUuid << sufficient;
        QJsonObject listTool = line(str("x"), {});
        listTool.insert(str("tool"), QJsonArray {});
        QTest::newRow("list tool") << listTool << sufficient;
        QJsonObject badColor = line(str("x"), {});
        badColor.insert(str("color"), str("black"));
        QTest::newRow("named colour") << badColor << nameOf(ErrorName::NotValidColor);
        badColor.insert(str("color"), 0);
        QTest::newRow("number colour") << badColor << nameOf(ErrorName::NotValidColor);
    }

    void badLinesAreRefused()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(QString, reply);
        m_a.call(CallName::ChangeDrawLine, payload);
        QVERIFY(m_a.expect(reply));
        QVERIFY(m_b.receivesNothing());
        m_a.call(CallName::GetDrawing);
        EXPECT_STATEMENT(got5, m_a, nameOf(ResultName::DrawingGot));
        QVERIFY(got5.object().value(str("lines")).toArray().isEmpty());
    }

private:
    static QJsonObject line(const QString &uuid, const QJsonArray &points, const QString &tool = str("pen"))
    {
        return fields({{"uuid", uuid}, {"points", points}, {"color", str("#000000cc")}, {"tool", tool}});
    }

    TestServer m_server;
    TestClient m_a, m_b, m_lobby;
    Room m_room;
};

QTEST_GUILESS_MAIN(TestDrawing)
#include "tst_drawing.moc"
