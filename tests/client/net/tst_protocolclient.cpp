// ProtocolClient fed with the recorded statements of the original server: the models end in the state the
// recording implies, the calls it sends are the recorded ones, and section 8 of docs/PROTOCOL.md is kept.
#include "TestJson.h"
#include "TranscriptReplay.h"
#include "models/DrawingModel.h"
#include "models/EventLogModel.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "models/UserListModel.h"
#include "net/ProtocolClient.h"
#include "protocol/ServerStatement.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace chat;

class TestProtocolClient : public QObject
{
    Q_OBJECT

private:
    static QString path(const QString &name, bool memory = true)
    {
        return TranscriptReplay::transcriptDir() + (memory ? QStringLiteral("/memory/") : QStringLiteral("/"))
            + name;
    }

    static QByteArray statement(const QByteArray &json) { return json; }

    // messages_listed with these message uuids and payload members; a numeric body in the first message
    // sends it down the general path instead of MessageListReader's.
    static QByteArray listed(const QStringList &uuids, const char *members, bool generalPath = false)
    {
        QByteArray list;
        for (const QString &uuid : uuids) {
            const char *body = generalPath && list.isEmpty() ? "5" : "'hi'";
            list += (list.isEmpty() ? "" : ", ") + QByteArray("{'uuid': '") + uuid.toUtf8()
                + "', 'body': " + body
                + ", 'user': {'uuid': 'u1', 'name': 'A', 'room_uuid': 'r1'}, 'room_uuid': 'r1', "
                  "'created': '2024-05-01T10:00:00'}";
        }
        QByteArray json =
            "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [" + list + "]";
        if (*members)
            json += QByteArray(", ") + members;
        json += "}}";
        return jsonText(json.constData());
    }

    static QStringList uuidsIn(const MessageListModel *messages)
    {
        QStringList uuids;
        for (int row = 0; row < messages->rowCount(); ++row)
            uuids << messages->at(row).uuid;
        return uuids;
    }

    static void enter(ProtocolClient &client)
    {
        client.enterRoom(QStringLiteral("r1"));
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}"));
    }

private slots:
    // Unread counts come from the original server's sums alone: replayed as each client, with the window
    // active (the room it is in counts as looked at), the counts are those the recording implies.
    void unreadCountsFromRecordedSums()
    {
        TranscriptReplay replay;
        QVERIFY(replay.load(path(QStringLiteral("multi_client_broadcast.jsonl"), false)));
        const QString r1 = QStringLiteral("<room:1>"), r2 = QStringLiteral("<room:2>");
        {
            // D stays in the lobby while A writes in r1 and C in r2, then enters r1.
            ProtocolClient client;
            QObject::connect(&client, &ProtocolClient::currentRoomChanged, client.rooms(),
                             &RoomListModel::setViewedRoom);
            bool checked12 = false, checked13 = false, checked19 = false;
            replay.replay(client, QStringLiteral("D"), [&](int step) {
                RoomListModel *rooms = client.rooms();
                if (step == 12) {
                    QCOMPARE(rooms->unread(r1), 1);
                    QCOMPARE(rooms->totalUnread(), 1);
                    checked12 = true;
                } else if (step == 13) {
                    QCOMPARE(rooms->unread(r2), 1);
                    QCOMPARE(rooms->totalUnread(), 2);
                    checked13 = true;
                } else if (step == 19) {
                    QCOMPARE(client.currentRoom(), r1);
                    QCOMPARE(rooms->unread(r1), 0); // entered: read
                    QCOMPARE(rooms->unread(r2), 1);
                    checked19 = true;
                }
            });
            QVERIFY(checked12 && checked13 && checked19);
        }
        {
            // B is inside r1 from step 8: its messages are read, r2's is not. When r1 is deleted the
            // count goes with it.
            ProtocolClient client;
            QObject::connect(&client, &ProtocolClient::currentRoomChanged, client.rooms(),
                             &RoomListModel::setViewedRoom);
            bool checked = false;
            replay.replay(client, QStringLiteral("B"), [&](int step) {
                if (step == 21) {
                    QCOMPARE(client.rooms()->find(r1)->sum, 2);
                    QCOMPARE(client.rooms()->unread(r1), 0);
                    QCOMPARE(client.rooms()->unread(r2), 1);
                    QCOMPARE(client.rooms()->totalUnread(), 1);
                    checked = true;
                }
            });
            QVERIFY(checked);
        }
        {
            // E connects at the end: the rooms it lists have no news for it.
            ProtocolClient client;
            replay.replay(client, QStringLiteral("E"));
            QVERIFY(client.rooms()->rowCount() > 0);
            QCOMPARE(client.rooms()->totalUnread(), 0);
        }
    }

    void basicScenario()
    {
        TranscriptReplay replay;
        QVERIFY2(replay.load(path(QStringLiteral("basic.jsonl"))),
                 qPrintable(path(QStringLiteral("basic.jsonl"))));
        ProtocolClient client;
        QSignalSpy arrived(&client, &ProtocolClient::messageArrived);
        replay.replay(client, QStringLiteral("A"), [&](int step) {
            switch (step) {
            case 3:
            case 4:
                QCOMPARE(client.rooms()->rowCount(), 1);
                break;
            case 5:
                QCOMPARE(client.self().name, QStringLiteral("Alice"));
                break;
            case 7:
                QCOMPARE(client.currentRoom(), QStringLiteral("<room:1>"));
                QCOMPARE(client.messages()->rowCount(), 0);
                QCOMPARE(client.users()->rowCount(), 1);
                QVERIFY(client.users()->index(0).data(UserListModel::SelfRole).toBool());
                break;
            case 8:
                QCOMPARE(client.messages()->rowCount(), 1);
                QVERIFY(client.messages()->index(0).data(MessageListModel::OwnRole).toBool());
                QCOMPARE(client.rooms()->at(0).sum, 1);
                break;
            case 11:
                QCOMPARE(client.drawing()->lines().size(), 1);
                break;
            case 12:
                QCOMPARE(client.drawing()->lines().size(), 0);
                break;
            case 13:
                QVERIFY(client.currentRoom().isEmpty());
                break;
            case 14:
            case 15:
                QCOMPARE(client.rooms()->rowCount(), 0);
                break;
            default:
                break;
            }
        });
        QVERIFY2(replay.mismatches.isEmpty(), qPrintable(replay.mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(replay.refused.isEmpty(), qPrintable(replay.refused.join(QLatin1Char('\n'))));
        QCOMPARE(arrived.count(), 1);
        QVERIFY(client.log()->rowCount() > 20);
    }

    // The recordings are part of the repository (tests/data/transcripts): a missing or incomplete folder is a
    // broken checkout and fails here, it is never a reason to skip.
    void transcriptsAreInTheRepository()
    {
        for (const bool memory : {true, false}) {
            const QDir dir(path(QString(), memory));
            const QStringList names = dir.entryList({QStringLiteral("*.jsonl")});
            QVERIFY2(names.size() >= 8,
                     qPrintable(QStringLiteral("expected the 8 recorded scenarios in %1, found %2")
                                    .arg(dir.absolutePath())
                                    .arg(names.size())));
        }
    }

    // Every client of every recording (SQLite and memory) replays, and after every step its models hold what
    // the recording implies: the rooms (order, names, colours, sums, users), our user, the room we are in,
    // its users, messages and drawing, derived from the recorded statements alone (ExpectedState in
    // TranscriptReplay.cpp). Every call it agreed to send is the recorded payload; every call it refused is
    // one section 8 forbids; every call its API cannot make was refused by the server too.
    void everyTranscript_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("who");
        for (const bool memory : {true, false}) {
            const QDir dir(path(QString(), memory));
            const QStringList names = dir.entryList({QStringLiteral("*.jsonl")});
            if (names.isEmpty()) {
                // One row that fails loudly in everyTranscript (load() of a folder fails), instead of a test
                // with no rows, which QTest aborts at QFETCH.
                QTest::newRow(qPrintable(QStringLiteral("no transcripts in ") + dir.absolutePath()))
                    << dir.absolutePath() << QString();
                continue;
            }
            for (const QString &name : names) {
                TranscriptReplay replay;
                replay.load(dir.filePath(name));
                for (const QString &who : replay.clients()) {
                    const QString tag =
                        (memory ? QStringLiteral("memory/") : QString()) + name + QLatin1Char(':') + who;
                    QTest::newRow(qPrintable(tag)) << dir.filePath(name) << who;
                }
            }
        }
    }

    void everyTranscript()
    {
        QFETCH(QString, file);
        QFETCH(QString, who);
        TranscriptReplay replay;
        QVERIFY2(replay.load(file), qPrintable(QStringLiteral("no recorded frames in ") + file));
        ProtocolClient client;
        replay.replay(client, who);
        QVERIFY2(replay.mismatches.isEmpty(), qPrintable(replay.mismatches.join(QLatin1Char('\n'))));
        QVERIFY(replay.comparedSteps > 0);
    }

    // Section 8: a line uuid is sent once, ever (a second one breaks the original SQLite server, Q2).
    void duplicateLineIsNeverSent()
    {
        TranscriptReplay replay;
        QVERIFY2(replay.load(path(QStringLiteral("dup_line.jsonl"), false)),
                 qPrintable(path(QStringLiteral("dup_line.jsonl"), false)));
        ProtocolClient client;
        replay.replay(client, QStringLiteral("A"));
        int lines = 0;
        for (const QJsonObject &call : std::as_const(replay.sent)) {
            if (call.value(QStringLiteral("payload")).toObject().value(QStringLiteral("message"))
                == QLatin1String("change_draw_line"))
                ++lines;
        }
        QCOMPARE(lines, 1);
        QCOMPARE(replay.refused.size(), 1);
        QVERIFY(replay.refused.first().contains(QLatin1String("change_draw_line")));
    }

    // Section 8: leave_room only while inside a room.
    void leaveOnlyWhenInside()
    {
        ProtocolClient client;
        QStringList sent;
        client.setTransportForTesting([&](const QString &text) {
            sent.append(text);
            return true;
        });
        QVERIFY(client.leaveRoom());
        QVERIFY(sent.isEmpty());
        client.enterRoom(QStringLiteral("r1"));
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}")));
        QCOMPARE(client.currentRoom(), QStringLiteral("r1"));
        QVERIFY(client.leaveRoom());
        QCOMPARE(sent.size(), 2);
        QVERIFY(sent.last().contains(QLatin1String("leave_room")));
    }

    void serverErrorsBecomeNotices()
    {
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        QSignalSpy notices(&client, &ProtocolClient::notice);
        client.deleteRoom(QStringLiteral("r1"));
        client.handleStatement(
            statement(jsonText("{'type': 'error', 'payload': {'message': 'not_empty_room'}}")));
        QCOMPARE(notices.count(), 1);
        QVERIFY(notices.last().at(0).toString().contains(QLatin1String("people inside")));
        client.handleStatement(statement(jsonText("{'type': 'result', 'payload': {'message': 'bad_data'}}")));
        QCOMPARE(notices.count(), 2);
        // Unknown results are ignorable (section 8) and only logged.
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'something_new'}}")));
        QCOMPARE(notices.count(), 2);
    }

    void enteringAVanishedRoomGoesBack()
    {
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        QSignalSpy closed(&client, &ProtocolClient::roomClosed);
        client.enterRoom(QStringLiteral("gone"));
        client.handleStatement(
            statement(jsonText("{'type': 'error', 'payload': {'message': 'no_specified_room'}}")));
        QCOMPARE(closed.count(), 1);
        QCOMPARE(closed.first().at(0).toString(), QStringLiteral("gone"));
        QVERIFY(client.currentRoom().isEmpty());
    }

    void roomDeletedWhileInside()
    {
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': [{'uuid': "
                               "'r1', 'name': 'One', 'color': '#fff', 'users': [], 'sum': 0}]}}")));
        client.enterRoom(QStringLiteral("r1"));
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}")));
        QSignalSpy closed(&client, &ProtocolClient::roomClosed);
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'room_deleted', 'object': {'uuid': "
                               "'r1', 'name': 'One', 'color': '#fff', 'users': [], 'sum': 0}}}")));
        QCOMPARE(closed.count(), 1);
        QVERIFY(closed.first().at(1).toString().contains(QLatin1String("One")));
        QVERIFY(client.currentRoom().isEmpty());
        QCOMPARE(client.rooms()->rowCount(), 0);
    }

    // After a reconnect the server gives a new user: the chosen name is sent again and the room re-entered.
    void restoresNameAndRoomOnNewConnection()
    {
        ProtocolClient client;
        QStringList sent;
        client.setTransportForTesting([&](const QString &text) {
            sent.append(text);
            return true;
        });
        client.setPreferredName(QStringLiteral("Alice"));
        client.setRoomToOpen(QStringLiteral("r1"));
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'user_created', 'object': {'uuid': "
                               "'u1', 'name': 'user-u1', 'room_uuid': null}}}")));
        QCOMPARE(sent.size(), 1);
        QVERIFY(sent.first().contains(QLatin1String("\"change_user_name\"")));
        QVERIFY(sent.first().contains(QLatin1String("Alice")));
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': [{'uuid': "
                               "'r1', 'name': 'One', 'color': '#fff', 'users': [], 'sum': 0}]}}")));
        QCOMPARE(sent.size(), 2);
        QVERIFY(sent.last().contains(QLatin1String("\"enter_room\"")));
        QVERIFY(sent.last().contains(QLatin1String("r1")));
    }

    // socketchat.v1 (docs/EXTENSIONS.md): room_sum_changed sets one room's count; anything malformed or
    // about an unknown room changes nothing.
    void roomSumChangedSetsTheCount()
    {
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        client.handleStatement(jsonText(
            "{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': [{'uuid': 'r1', 'name': "
            "'One', "
            "'color': '#fff', 'users': [], 'sum': 0}, {'uuid': 'r2', 'name': 'Two', 'color': '#000', "
            "'users': [], 'sum': 4}]}}"));
        QSignalSpy changed(client.rooms(), &QAbstractItemModel::dataChanged);
        const auto sumChanged = [&](const char *object) {
            client.handleStatement(jsonText(
                (QByteArray("{'type': 'result', 'payload': {'message': 'room_sum_changed', 'object': ")
                 + object + "}}")
                    .constData()));
        };
        sumChanged("{'uuid': 'r2', 'sum': 7}");
        QCOMPARE(client.rooms()->at(1).sum, 7);
        QCOMPARE(client.rooms()->index(1).data(RoomListModel::SumRole).toLongLong(), 7);
        QCOMPARE(client.rooms()->at(0).sum, 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        sumChanged("{'uuid': 'r2', 'sum': '8'}"); // not a number
        sumChanged("{'uuid': 'r2'}");
        sumChanged("{'sum': 9}");
        sumChanged("{'uuid': 'r9', 'sum': 9}"); // unknown room
        sumChanged("{'uuid': 'r2', 'sum': 7}"); // no change: no repaint
        QCOMPARE(client.rooms()->at(1).sum, 7);
        QCOMPARE(client.rooms()->rowCount(), 2);
        QCOMPARE(changed.count(), 1);
    }

    // enter_room, then the room is deleted before room_entered: the room closes once, with the deletion's
    // reason, and the no_specified_room that answers the enter_room adds no second notice.
    void aRoomDeletedWhileBeingEnteredClosesOnce()
    {
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        client.handleStatement(
            jsonText("{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': [{'uuid': 'r1', "
                     "'name': 'One', 'color': '#fff', 'users': [], 'sum': 0}]}}"));
        QSignalSpy closed(&client, &ProtocolClient::roomClosed);
        QSignalSpy notices(&client, &ProtocolClient::notice);
        QVERIFY(client.enterRoom(QStringLiteral("r1")));
        client.handleStatement(
            jsonText("{'type': 'result', 'payload': {'message': 'room_deleted', 'object': {'uuid': 'r1', "
                     "'name': 'One', 'color': '#fff', 'users': [], 'sum': 0}}}"));
        QCOMPARE(closed.count(), 1);
        QCOMPARE(closed.first().at(0).toString(), QStringLiteral("r1"));
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("The room \"One\" was deleted."));
        client.handleStatement(jsonText("{'type': 'error', 'payload': {'message': 'no_specified_room'}}"));
        QCOMPARE(closed.count(), 1);
        QCOMPARE(notices.count(), 1);
        QVERIFY(client.currentRoom().isEmpty());
        QCOMPARE(client.rooms()->rowCount(), 0);
        // A later no_specified_room (another call) is told again.
        client.handleStatement(jsonText("{'type': 'error', 'payload': {'message': 'no_specified_room'}}"));
        QCOMPARE(notices.count(), 2);
    }

    // A message_created of another room (the original may send one late, after a switch) is not shown.
    void messagesOfAnotherRoomAreDropped()
    {
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        enter(client);
        QSignalSpy arrived(&client, &ProtocolClient::messageArrived);
        const auto created = [&](const char *room) {
            client.handleStatement(jsonText(
                (QByteArray("{'type': 'result', 'payload': {'message': 'message_created', 'object': {'uuid': "
                            "'m-")
                 + room
                 + "', 'body': 'hi', 'user': {'uuid': 'u2', 'name': 'B', 'room_uuid': 'r1'}, 'room_uuid': '"
                 + room + "', 'created': '2024-05-01T10:00:00'}}}")
                    .constData()));
        };
        created("r2");
        QCOMPARE(client.messages()->rowCount(), 0);
        QCOMPARE(arrived.count(), 0);
        created("r1");
        QCOMPARE(uuidsIn(client.messages()), QStringList {QStringLiteral("m-r1")});
        QCOMPARE(arrived.count(), 1);
    }

    void anEmptyRoomNameIsRefused()
    {
        ProtocolClient client;
        QStringList sent;
        client.setTransportForTesting([&](const QString &text) {
            sent.append(text);
            return true;
        });
        QSignalSpy notices(&client, &ProtocolClient::notice);
        for (const QString &blank : {QString(), QStringLiteral("   "), QStringLiteral("\t\n")}) {
            QVERIFY(!client.renameRoom(QStringLiteral("r1"), blank));
            QCOMPARE(notices.last().at(0).toString(), QStringLiteral("A room name cannot be empty."));
        }
        QCOMPARE(notices.count(), 3);
        QVERIFY(sent.isEmpty());
        QVERIFY(client.renameRoom(QStringLiteral("r1"), QStringLiteral(" x ")));
        QCOMPARE(sent.size(), 1);
    }

    // Every error of docs/PROTOCOL.md section 9 becomes one notice that says what happened.
    void everyErrorHasItsNotice_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("notice");
        const QString couldNot =
            QStringLiteral("The server could not complete the last request; nothing was changed.");
        QTest::newRow("no_specified_room") << "no_specified_room"
                                           << "That room no longer exists.";
        QTest::newRow("not_valid_color") << "not_valid_color"
                                         << "The server refused that colour.";
        QTest::newRow("not_empty_room") << "not_empty_room"
                                        << "This room still has people inside, so it cannot be deleted.";
        QTest::newRow("no_selected_room") << "no_selected_room"
                                          << "You are not in a room, so that was not done.";
        for (const char *error : {"internal_error", "rate_limited", "name_too_long", "body_too_long",
                                  "too_many_points", "too_many_lines"})
            QTest::newRow(error) << QString::fromLatin1(error) << couldNot;
    }

    void everyErrorHasItsNotice()
    {
        QFETCH(QString, error);
        QFETCH(QString, notice);
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        QSignalSpy notices(&client, &ProtocolClient::notice);
        QSignalSpy closed(&client, &ProtocolClient::roomClosed);
        client.handleStatement(QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("error")},
                                                          {QStringLiteral("payload"),
                                                           QJsonObject {{QStringLiteral("message"), error}}}})
                                   .toJson(QJsonDocument::Compact));
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.first().at(0).toString(), notice);
        QCOMPARE(closed.count(), 0);
    }

    void refusesWhatIsTooLong()
    {
        ProtocolClient client;
        client.setTransportForTesting([](const QString &) { return true; });
        client.enterRoom(QStringLiteral("r1"));
        client.handleStatement(
            statement(jsonText("{'type': 'result', 'payload': {'message': 'room_entered'}}")));
        QSignalSpy notices(&client, &ProtocolClient::notice);
        QVERIFY(!client.sendMessage(QString(100000, QLatin1Char('x'))));
        QCOMPARE(notices.count(), 1);
        QVERIFY(client.sendMessage(QString(99000, QLatin1Char('x'))));
    }

    void olderPagesArePrependedAndNewListsReplace_data()
    {
        QTest::addColumn<bool>("generalPath");
        QTest::newRow("MessageListReader") << false;
        QTest::newRow("general path") << true;
    }

    void olderPagesArePrependedAndNewListsReplace()
    {
        QFETCH(bool, generalPath);
        ProtocolClient client;
        client.setPagesHistoryForTesting(true);
        QStringList sent;
        client.setTransportForTesting([&](const QString &text) {
            sent.append(text);
            return true;
        });
        QSignalSpy loading(&client, &ProtocolClient::loadingOlderMessagesChanged);
        enter(client);
        client.handleStatement(
            listed({QStringLiteral("m3"), QStringLiteral("m4")}, "'more': true", generalPath));
        QCOMPARE(uuidsIn(client.messages()), (QStringList {QStringLiteral("m3"), QStringLiteral("m4")}));
        QVERIFY(client.hasOlderMessages());

        sent.clear();
        QVERIFY(client.loadOlderMessages());
        QCOMPARE(sent.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(sent.first().toUtf8()).object(),
                 QJsonDocument::fromJson(
                     jsonText("{'type': 'call', 'payload': {'message': 'list_messages', 'before': 'm3'}}"))
                     .object());
        QVERIFY(client.isLoadingOlderMessages());
        QCOMPARE(loading.count(), 1);
        QCOMPARE(loading.last().at(0).toBool(), true);
        QVERIFY(!client.loadOlderMessages()); // one request at a time
        QCOMPARE(sent.size(), 1);

        // A page that does not end at our oldest message is not ours.
        client.handleStatement(listed({QStringLiteral("x1")}, "'more': true, 'before': 'm9'", generalPath));
        QCOMPARE(client.messages()->rowCount(), 2);
        QVERIFY(client.isLoadingOlderMessages());

        client.handleStatement(listed({QStringLiteral("m1"), QStringLiteral("m2")},
                                      "'before': 'm3', 'more': false", generalPath));
        QCOMPARE(uuidsIn(client.messages()),
                 (QStringList {QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m3"),
                               QStringLiteral("m4")}));
        QVERIFY(!client.hasOlderMessages());
        QVERIFY(!client.isLoadingOlderMessages());
        QCOMPARE(loading.count(), 2);
        QCOMPARE(loading.last().at(0).toBool(), false);
        QVERIFY(!client.loadOlderMessages()); // nothing older
        QCOMPARE(sent.size(), 1);

        // A list without "before" (null or absent) starts afresh.
        client.handleStatement(listed({QStringLiteral("m9")}, "'more': true, 'before': null", generalPath));
        QCOMPARE(uuidsIn(client.messages()), QStringList {QStringLiteral("m9")});
        QVERIFY(client.hasOlderMessages());
    }

    void aPlainServerIsNeverAskedForPages()
    {
        ProtocolClient client; // nothing negotiated
        QStringList sent;
        client.setTransportForTesting([&](const QString &text) {
            sent.append(text);
            return true;
        });
        enter(client);
        sent.clear();
        client.handleStatement(listed({QStringLiteral("m3"), QStringLiteral("m4")}, "'more': true"));
        QCOMPARE(client.messages()->rowCount(), 2);
        QVERIFY(!client.hasOlderMessages());
        QVERIFY(!client.loadOlderMessages());
        QVERIFY(sent.isEmpty());
        client.handleStatement(listed({QStringLiteral("m1")}, "'before': 'm3', 'more': false"));
        QCOMPARE(client.messages()->rowCount(), 2);
    }

    void aRefusedOrAbandonedPageStopsWaiting()
    {
        ProtocolClient client;
        client.setPagesHistoryForTesting(true);
        client.setTransportForTesting([](const QString &) { return true; });
        QSignalSpy notices(&client, &ProtocolClient::notice);
        enter(client);
        client.handleStatement(listed({QStringLiteral("m3")}, "'more': true"));
        QVERIFY(client.loadOlderMessages());
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'bad_data'}}"));
        QVERIFY(!client.isLoadingOlderMessages());
        QVERIFY(!client.hasOlderMessages()); // not asked again and again
        QCOMPARE(notices.count(), 0);

        client.handleStatement(listed({QStringLiteral("m3")}, "'more': true"));
        QVERIFY(client.loadOlderMessages());
        client.handleStatement(jsonText("{'type': 'result', 'payload': {'message': 'room_left'}}"));
        QVERIFY(!client.isLoadingOlderMessages());
        enter(client);
        client.handleStatement(listed({QStringLiteral("m1")}, "'before': 'm3', 'more': false"));
        QCOMPARE(client.messages()->rowCount(), 0); // the page of the room we left is not shown
    }

    void disconnectedActionsAreRefusedVisibly()
    {
        ProtocolClient client; // no transport, no socket
        QSignalSpy notices(&client, &ProtocolClient::notice);
        QVERIFY(!client.createRoom());
        QCOMPARE(notices.count(), 1);
        QVERIFY(client.changeUserName(QStringLiteral("Bob"))); // kept and sent after reconnecting
        QCOMPARE(notices.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestProtocolClient)
#include "tst_protocolclient.moc"
