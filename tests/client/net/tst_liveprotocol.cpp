// ProtocolClient with the issue 15 extensions: live_line_changed and typing_changed statements fed as the
// server sends them end up in LivePreviewModel and TypingModel by every receiver rule (docs/EXTENSIONS.md);
// draw_live and set_typing go out exactly as the design says; and without socketchat.v1 (a plain server,
// e.g. the original) nothing of this is sent or shown.
#include "TestJson.h"
#include "models/DrawingModel.h"
#include "models/EventLogModel.h"
#include "models/LivePreviewModel.h"
#include "models/TypingModel.h"
#include "net/LiveStrokeSender.h"
#include "net/ProtocolClient.h"
#include "net/TypingNotifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chat;

class TestLiveProtocol : public QObject
{
    Q_OBJECT

private:
    QVector<QJsonObject> m_sent;

    // A client inside room r1 with alice and bob (and us), the socket replaced.
    void enter(ProtocolClient &client, bool extended)
    {
        m_sent.clear();
        client.setExtendedForTesting(extended);
        client.setTransportForTesting([this](const QString &text) {
            m_sent.append(
                QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("payload")).toObject());
            return true;
        });
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'user_created', 'object': "
                                        "{'uuid': 'me', 'name': 'Me', 'room_uuid': null}}}"));
        client.handleStatement(
            jsonText("{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': [{'uuid': "
                     "'r1', 'name': 'Kitchen', 'color': '#cf2e24', 'users': [], 'sum': 0}]}}"));
        client.enterRoom(QStringLiteral("r1"));
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}"));
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'drawing_got', 'object': "
                                        "{'uuid': 'd1', 'name': 'drawing-d1', 'lines': []}}}"));
        users(client,
              "{'uuid': 'me', 'name': 'Me', 'room_uuid': 'r1'}, {'uuid': 'alice', 'name': 'Alice', "
              "'room_uuid': 'r1'}, {'uuid': 'bob', 'name': 'Bob', 'room_uuid': 'r1'}");
        QCOMPARE(client.currentRoom(), QStringLiteral("r1"));
        m_sent.clear();
    }

    static void users(ProtocolClient &client, const char *list)
    {
        client.handleStatement(
            jsonText((QByteArray("{'type': 'result', 'payload': {'message': 'room_changed', "
                                 "'object': {'uuid': 'r1', 'name': 'Kitchen', 'color': "
                                 "'#cf2e24', 'users': [")
                      + list + "], 'sum': 0}}}")
                         .constData()));
    }

    static void live(ProtocolClient &client, const char *uuid, const char *user, int from, const char *points,
                     bool end = false)
    {
        const QByteArray text = QByteArray("{'type': 'result', 'payload': {'message': 'live_line_changed', "
                                           "'object': {'uuid': '")
            + uuid + "', 'user': '" + user + "', 'from': " + QByteArray::number(from) + ", 'points': ["
            + points + "], 'tool': 'pen', 'color': '#112233', 'end': " + (end ? "true" : "false") + "}}}";
        client.handleStatement(jsonText(text.constData()));
    }

    static void typing(ProtocolClient &client, const char *user, bool on, const char *room = "r1")
    {
        const QByteArray text = QByteArray("{'type': 'result', 'payload': {'message': 'typing_changed', "
                                           "'object': {'user': '")
            + user + "', 'room_uuid': '" + room + "', 'typing': " + (on ? "true" : "false") + "}}}";
        client.handleStatement(jsonText(text.constData()));
    }

    static void line(ProtocolClient &client, const char *uuid)
    {
        const QByteArray text = QByteArray("{'type': 'result', 'payload': {'message': 'draw_line_changed', "
                                           "'object': {'uuid': '")
            + uuid + "', 'name': 'line-x', 'points': [1, 2, 3, 4], 'tool': 'pen', 'color': '#112233'}}}";
        client.handleStatement(jsonText(text.constData()));
    }

    QStringList sentNames() const
    {
        QStringList names;
        for (const QJsonObject &payload : m_sent)
            names.append(payload.value(QStringLiteral("message")).toString());
        return names;
    }

private slots:
    void livePreviewsFollowEveryReceiverRule()
    {
        ProtocolClient client;
        enter(client, true);
        LivePreviewModel *previews = client.livePreviews();
        live(client, "l1", "alice", 0, "10, 20, 30, 40");
        QCOMPARE(previews->rowCount(), 1);
        QCOMPARE(previews->at(0).author, QStringLiteral("alice"));
        QCOMPARE(previews->at(0).color, QStringLiteral("#112233"));
        QCOMPARE(previews->at(0).tool, QStringLiteral("pen"));
        live(client, "l1", "alice", 4, "50, 60");
        QCOMPARE(previews->at(0).numbers, QVector<double>({10, 20, 30, 40, 50, 60}));
        live(client, "l1", "alice", 2, "31, 41"); // a re-send
        QCOMPARE(previews->at(0).numbers, QVector<double>({10, 20, 31, 41}));

        // Ours (a server echo would be a bug) and malformed ones are ignored.
        live(client, "mine", "me", 0, "1, 2");
        live(client, "bad", "bob", -2, "1, 2");
        live(client, "bad", "bob", 0, "1, 'x'");
        client.handleStatement(
            jsonText("{'type': 'result', 'payload': {'message': 'live_line_changed', 'object': "
                     "{'uuid': 'bad', 'user': 'bob', 'from': 0, 'points': [1, 2]}}}"));
        QCOMPARE(previews->rowCount(), 1);

        // The final line replaces the preview: the line is added first, then the preview goes.
        QStringList order;
        connect(client.drawing(), &DrawingModel::lineAppended, this,
                [&] { order.append(QStringLiteral("line")); });
        connect(previews, &QAbstractItemModel::rowsRemoved, this,
                [&] { order.append(QStringLiteral("preview gone")); });
        line(client, "l1");
        QCOMPARE(order, QStringList({QStringLiteral("line"), QStringLiteral("preview gone")}));
        QCOMPARE(previews->rowCount(), 0);
        // A late preview of a stroke that is already a line is ignored.
        live(client, "l1", "alice", 6, "70, 80");
        QCOMPARE(previews->rowCount(), 0);

        // drawing_got (a reset, re-entry) removes every preview.
        live(client, "l2", "alice", 0, "1, 2");
        live(client, "l3", "bob", 0, "1, 2");
        QCOMPARE(previews->rowCount(), 2);
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'drawing_got', 'object': "
                                        "{'uuid': 'd1', 'name': 'drawing-d1', 'lines': []}}}"));
        QCOMPARE(previews->rowCount(), 0);

        // An author no longer among the room's users: their preview goes.
        live(client, "l4", "alice", 0, "1, 2");
        live(client, "l5", "bob", 0, "1, 2");
        users(client,
              "{'uuid': 'me', 'name': 'Me', 'room_uuid': 'r1'}, {'uuid': 'bob', 'name': 'Bob', "
              "'room_uuid': 'r1'}");
        QCOMPARE(previews->rowCount(), 1);
        QCOMPARE(previews->at(0).uuid, QStringLiteral("l5"));

        // end: the stroke grows no more; it stays at most 2 s for its line (the clock is the model's).
        live(client, "l5", "bob", 2, "", true);
        QVERIFY(previews->at(0).ended);
        QCOMPARE(previews->expire(previews->now() + LivePreviewModel::endGraceMs), 1);

        // Leaving the room: everything goes, and nothing arrives while outside.
        live(client, "l6", "bob", 0, "1, 2");
        QVERIFY(client.leaveRoom());
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'room_left'}}"));
        QCOMPARE(previews->rowCount(), 0);
        live(client, "l7", "bob", 0, "1, 2");
        QCOMPARE(previews->rowCount(), 0);
    }

    void typingFollowsEveryReceiverRule()
    {
        ProtocolClient client;
        enter(client, true);
        TypingModel *model = client.typing();
        typing(client, "alice", true);
        QCOMPARE(model->names(), QStringList({QStringLiteral("Alice")}));
        typing(client, "bob", true);
        typing(client, "me", true); // never us
        typing(client, "stranger", true); // not in the room
        typing(client, "alice", true, "r2"); // another room
        QCOMPARE(model->names(), QStringList({QStringLiteral("Alice"), QStringLiteral("Bob")}));
        typing(client, "bob", false);
        QCOMPARE(model->names(), QStringList({QStringLiteral("Alice")}));
        // Alice's message clears her.
        client.handleStatement(
            jsonText("{'type': 'result', 'payload': {'message': 'message_created', 'object': "
                     "{'uuid': 'm1', 'body': 'hi', 'user': {'uuid': 'alice', 'name': 'Alice', "
                     "'room_uuid': 'r1'}, 'room_uuid': 'r1', 'created': "
                     "'2024-01-01T00:00:00'}}}"));
        QCOMPARE(model->rowCount(), 0);
        // Leaving the users list clears; a rename follows.
        typing(client, "alice", true);
        typing(client, "bob", true);
        users(client,
              "{'uuid': 'me', 'name': 'Me', 'room_uuid': 'r1'}, {'uuid': 'bob', 'name': 'Robert', "
              "'room_uuid': 'r1'}");
        QCOMPARE(model->names(), QStringList({QStringLiteral("Robert")}));
        // Expiry: 6 s after the last true.
        QCOMPARE(model->expire(model->now() + TypingModel::expiryMs), 1);
        // Leaving the room clears.
        typing(client, "bob", true);
        client.leaveRoom();
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'room_left'}}"));
        QCOMPARE(model->rowCount(), 0);
    }

    void typingStatesAreSentAsDesigned()
    {
        ProtocolClient client;
        enter(client, true);
        client.typingNotifier()->edited(false);
        QCOMPARE(m_sent.size(), 1);
        QCOMPARE(m_sent.at(0),
                 QJsonObject({{QStringLiteral("message"), QStringLiteral("set_typing")},
                              {QStringLiteral("typing"), true}}));
        // Sending the message: create_message, then typing false.
        QVERIFY(client.sendMessage(QStringLiteral("hello")));
        QCOMPARE(sentNames(),
                 QStringList({QStringLiteral("set_typing"), QStringLiteral("create_message"),
                              QStringLiteral("set_typing")}));
        QCOMPARE(m_sent.last().value(QStringLiteral("typing")), QJsonValue(false));
        // Leaving while typing: typing false, then leave_room.
        m_sent.clear();
        client.typingNotifier()->edited(false);
        client.leaveRoom();
        QCOMPARE(sentNames(),
                 QStringList({QStringLiteral("set_typing"), QStringLiteral("set_typing"),
                              QStringLiteral("leave_room")}));
        QCOMPARE(m_sent.at(1).value(QStringLiteral("typing")), QJsonValue(false));
    }

    void liveStrokeIsStreamedAndEndsAfterTheLine()
    {
        ProtocolClient client;
        enter(client, true);
        LiveStrokeSender sender(&client);
        sender.begin(QStringLiteral("s1"), DrawingTool::Pen, QColor(0x11, 0x22, 0x33));
        sender.extend({QPointF(1, 2), QPointF(3, 4)});
        sender.flush();
        sender.flush(); // nothing new: nothing sent
        sender.extend({QPointF(1, 2), QPointF(3, 4), QPointF(5, 6)});
        sender.flush();
        QCOMPARE(m_sent.size(), 2);
        QCOMPARE(m_sent.at(0),
                 QJsonObject({{QStringLiteral("message"), QStringLiteral("draw_live")},
                              {QStringLiteral("uuid"), QStringLiteral("s1")},
                              {QStringLiteral("from"), 0},
                              {QStringLiteral("points"), QJsonArray({1, 2, 3, 4})},
                              {QStringLiteral("tool"), QStringLiteral("pen")},
                              {QStringLiteral("color"), QStringLiteral("#112233")}}));
        QCOMPARE(m_sent.at(1).value(QStringLiteral("from")).toInt(), 4);
        QCOMPARE(m_sent.at(1).value(QStringLiteral("points")).toArray(), QJsonArray({5, 6}));
        // Pen-up: change_draw_line first, then draw_live end:true with no points.
        sender.extend({QPointF(1, 2), QPointF(3, 4), QPointF(5, 6), QPointF(7, 8)});
        QVERIFY(client.sendLine(sender.uuid(), QJsonArray({1, 2, 3, 4, 5, 6, 7, 8}),
                                QStringLiteral("#112233"), QStringLiteral("pen")));
        sender.finish();
        QCOMPARE(sentNames(),
                 QStringList({QStringLiteral("draw_live"), QStringLiteral("draw_live"),
                              QStringLiteral("change_draw_line"), QStringLiteral("draw_live")}));
        QCOMPARE(m_sent.at(2).value(QStringLiteral("uuid")).toString(), QStringLiteral("s1"));
        QCOMPARE(m_sent.at(3).value(QStringLiteral("end")), QJsonValue(true));
        QCOMPARE(m_sent.at(3).value(QStringLiteral("from")).toInt(), 6);
        QCOMPARE(m_sent.at(3).value(QStringLiteral("points")).toArray(), QJsonArray());
        QVERIFY(!sender.isActive());
        sender.flush();
        QCOMPARE(m_sent.size(), 4);
        // The timer sends without being asked (every 30 ms).
        sender.begin(QStringLiteral("s2"), DrawingTool::Eraser, Qt::black);
        sender.extend({QPointF(9, 9)});
        QTRY_COMPARE_WITH_TIMEOUT(m_sent.size(), 5, 10000);
        QCOMPARE(m_sent.last().value(QStringLiteral("tool")).toString(), QStringLiteral("eraser"));
        sender.finish();
    }

    // The plain protocol (the original server, or ours without socketchat.v1): nothing of this goes out, and
    // statements a plain server would never send are not shown either.
    void plainProtocolSendsAndShowsNothing()
    {
        ProtocolClient client;
        enter(client, false);
        QVERIFY(!client.isExtended());
        LiveStrokeSender sender(&client);
        sender.begin(QStringLiteral("s1"), DrawingTool::Pen, Qt::black);
        QVERIFY(!sender.isActive());
        sender.extend({QPointF(1, 2), QPointF(3, 4)});
        sender
            .flush(); // what its 30 ms timer would call: nothing goes out (sentNames() below), no time window
        QVERIFY(client.sendLine(QStringLiteral("s1"), QJsonArray({1, 2, 3, 4}), QStringLiteral("#000000"),
                                QStringLiteral("pen")));
        sender.finish();
        client.typingNotifier()->edited(false);
        QVERIFY(!client.typingNotifier()->isTyping());
        client.typingNotifier()->edited(true);
        QVERIFY(client.sendMessage(QStringLiteral("hello")));
        QVERIFY(!client.sendTyping(true));
        QVERIFY(!client.sendLivePoints(QStringLiteral("x"), 0, {}, QStringLiteral("#000000"),
                                       QStringLiteral("pen"), true));
        QVERIFY(client.leaveRoom());
        QCOMPARE(sentNames(),
                 QStringList({QStringLiteral("change_draw_line"), QStringLiteral("create_message"),
                              QStringLiteral("leave_room")}));

        ProtocolClient other;
        enter(other, false);
        live(other, "l1", "alice", 0, "1, 2");
        typing(other, "alice", true);
        QCOMPARE(other.livePreviews()->rowCount(), 0);
        QCOMPARE(other.typing()->rowCount(), 0);
    }

    // The event log does not take a row per preview or typing refresh (about 33 previews a second per
    // drawer): a stroke's first and last preview, each change of a typing state, and the number left out.
    void liveAndTypingStatementsAreThinnedInTheLog()
    {
        ProtocolClient client;
        enter(client, true);
        EventLogModel *log = client.log();
        const auto names = [log](int from) {
            QStringList list;
            for (int row = from; row < log->rowCount(); ++row)
                list.append(log->index(row).data(EventLogModel::NameRole).toString());
            return list;
        };
        const auto skipped = [log](int row) {
            return log->index(row).data(EventLogModel::SkippedRole).toInt();
        };

        // Alice's and Bob's strokes interleaved: 100 previews each, then their ends and lines.
        int start = log->rowCount();
        for (int i = 0; i < 100; ++i) {
            live(client, "la", "alice", 4 * i, "1, 2, 3, 4");
            live(client, "lb", "bob", 4 * i, "5, 6, 7, 8");
        }
        QCOMPARE(names(start),
                 QStringList({QStringLiteral("live_line_changed"), QStringLiteral("live_line_changed")}));
        QCOMPARE(client.livePreviews()->at(client.livePreviews()->rowOf(QStringLiteral("la"))).numbers.size(),
                 400);
        line(client, "la");
        live(client, "la", "alice", 400, "", true);
        live(client, "lb", "bob", 400, "", true);
        QCOMPARE(names(start),
                 QStringList({QStringLiteral("live_line_changed"), QStringLiteral("live_line_changed"),
                              QStringLiteral("draw_line_changed"), QStringLiteral("live_line_changed"),
                              QStringLiteral("live_line_changed")}));
        QCOMPARE(skipped(start), 0);
        QCOMPARE(skipped(start + 3), 99); // the end of Alice's stroke: 99 previews between were counted
        QCOMPARE(skipped(start + 4), 99);
        // "update(s)" without a translator
        QVERIFY(log->rowText(start + 3).contains(QLatin1String(" (99 earlier update")));
        QVERIFY(log->index(start + 3)
                    .data(EventLogModel::JsonRole)
                    .toString()
                    .contains(QLatin1String("\"end\": true")));
        QCOMPARE(log->unlogged(), 198);

        // A new stroke starts a new series.
        start = log->rowCount();
        live(client, "lc", "alice", 0, "1, 2");
        live(client, "lc", "alice", 2, "3, 4");
        QCOMPARE(names(start), QStringList({QStringLiteral("live_line_changed")}));

        // Typing: Alice's refreshes are counted until her false.
        start = log->rowCount();
        for (int i = 0; i < 5; ++i)
            typing(client, "alice", true);
        typing(client, "alice", false);
        typing(client, "alice", true); // typing again: logged
        QCOMPARE(names(start),
                 QStringList({QStringLiteral("typing_changed"), QStringLiteral("typing_changed"),
                              QStringLiteral("typing_changed")}));
        QCOMPARE(skipped(start + 1), 4);

        // What we send: our stroke's first and last preview, our typing state's changes.
        start = log->rowCount();
        for (int i = 0; i < 50; ++i)
            QVERIFY(client.sendLivePoints(QStringLiteral("mine"), 2 * i, {1, 2}, QStringLiteral("#000000"),
                                          QStringLiteral("pen"), false));
        QVERIFY(client.sendLivePoints(QStringLiteral("mine"), 100, {}, QStringLiteral("#000000"),
                                      QStringLiteral("pen"), true));
        for (int i = 0; i < 4; ++i)
            QVERIFY(client.sendTyping(true));
        QVERIFY(client.sendTyping(false));
        QCOMPARE(m_sent.size(), 56); // everything was sent
        QCOMPARE(names(start),
                 QStringList({QStringLiteral("draw_live"), QStringLiteral("draw_live"),
                              QStringLiteral("set_typing"), QStringLiteral("set_typing")}));
        QCOMPARE(skipped(start + 1), 49);
        QCOMPARE(skipped(start + 3), 3);
        // Everything else is logged one row each, as before.
        start = log->rowCount();
        line(client, "lx");
        line(client, "ly");
        QCOMPARE(log->rowCount(), start + 2);
    }

    void nothingIsSentOutsideARoom()
    {
        ProtocolClient client;
        client.setExtendedForTesting(true);
        m_sent.clear();
        client.setTransportForTesting([this](const QString &text) {
            m_sent.append(QJsonDocument::fromJson(text.toUtf8()).object());
            return true;
        });
        client.typingNotifier()->edited(false);
        QVERIFY(!client.sendLivePoints(QStringLiteral("x"), 0, {}, QStringLiteral("#000000"),
                                       QStringLiteral("pen"), false));
        QVERIFY(m_sent.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLiveProtocol)
#include "tst_liveprotocol.moc"
