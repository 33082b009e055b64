// Unit tests of the statement names (common/protocol/MessageNames): every enum value round-trips through
// nameOf / *From, and the strings are exactly those of docs/PROTOCOL.md section 9, listed literally here.

#include "protocol/MessageNames.h"

#include <QSet>
#include <QStringList>
#include <QTest>

using namespace chat;

class TestMessageNames : public QObject
{
    Q_OBJECT

private slots:
    void callNames_data()
    {
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("name");
        QTest::newRow("create_room") << int(CallName::CreateRoom) << QStringLiteral("create_room");
        QTest::newRow("list_rooms") << int(CallName::ListRooms) << QStringLiteral("list_rooms");
        QTest::newRow("enter_room") << int(CallName::EnterRoom) << QStringLiteral("enter_room");
        QTest::newRow("leave_room") << int(CallName::LeaveRoom) << QStringLiteral("leave_room");
        QTest::newRow("delete_room") << int(CallName::DeleteRoom) << QStringLiteral("delete_room");
        QTest::newRow("change_name") << int(CallName::ChangeName) << QStringLiteral("change_name");
        QTest::newRow("change_color") << int(CallName::ChangeColor) << QStringLiteral("change_color");
        QTest::newRow("change_user_name")
            << int(CallName::ChangeUserName) << QStringLiteral("change_user_name");
        QTest::newRow("create_message") << int(CallName::CreateMessage) << QStringLiteral("create_message");
        QTest::newRow("list_messages") << int(CallName::ListMessages) << QStringLiteral("list_messages");
        QTest::newRow("get_drawing") << int(CallName::GetDrawing) << QStringLiteral("get_drawing");
        QTest::newRow("change_draw_line")
            << int(CallName::ChangeDrawLine) << QStringLiteral("change_draw_line");
        QTest::newRow("reset_drawing") << int(CallName::ResetDrawing) << QStringLiteral("reset_drawing");
    }

    void callNames()
    {
        QFETCH(int, value);
        QFETCH(QString, name);
        const auto call = static_cast<CallName>(value);
        QCOMPARE(nameOf(call), name);
        const auto back = callNameFrom(name);
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), value);
        // A call name is not a name of any other kind.
        QVERIFY(!resultNameFrom(name));
        QVERIFY(!errorNameFrom(name));
        QVERIFY(!generalReplyFrom(name));
        QVERIFY(!statementTypeFrom(name));
    }

    void resultNames_data()
    {
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("name");
        QTest::newRow("user_created") << int(ResultName::UserCreated) << QStringLiteral("user_created");
        QTest::newRow("user_changed") << int(ResultName::UserChanged) << QStringLiteral("user_changed");
        QTest::newRow("rooms_listed") << int(ResultName::RoomsListed) << QStringLiteral("rooms_listed");
        QTest::newRow("room_created") << int(ResultName::RoomCreated) << QStringLiteral("room_created");
        QTest::newRow("room_entered") << int(ResultName::RoomEntered) << QStringLiteral("room_entered");
        QTest::newRow("room_left") << int(ResultName::RoomLeft) << QStringLiteral("room_left");
        QTest::newRow("room_deleted") << int(ResultName::RoomDeleted) << QStringLiteral("room_deleted");
        QTest::newRow("room_changed") << int(ResultName::RoomChanged) << QStringLiteral("room_changed");
        QTest::newRow("messages_listed")
            << int(ResultName::MessagesListed) << QStringLiteral("messages_listed");
        QTest::newRow("message_created")
            << int(ResultName::MessageCreated) << QStringLiteral("message_created");
        QTest::newRow("drawing_got") << int(ResultName::DrawingGot) << QStringLiteral("drawing_got");
        QTest::newRow("draw_line_changed")
            << int(ResultName::DrawLineChanged) << QStringLiteral("draw_line_changed");
    }

    void resultNames()
    {
        QFETCH(int, value);
        QFETCH(QString, name);
        QCOMPARE(nameOf(static_cast<ResultName>(value)), name);
        const auto back = resultNameFrom(name);
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), value);
        QVERIFY(!callNameFrom(name));
        QVERIFY(!errorNameFrom(name));
        QVERIFY(!generalReplyFrom(name));
    }

    void errorNames_data()
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
        // Our additions (docs/PROTOCOL.md section 9): plain clients ignore unknown error names.
        QTest::newRow("internal_error") << int(ErrorName::InternalError) << QStringLiteral("internal_error");
        QTest::newRow("rate_limited") << int(ErrorName::RateLimited) << QStringLiteral("rate_limited");
        QTest::newRow("name_too_long") << int(ErrorName::NameTooLong) << QStringLiteral("name_too_long");
        QTest::newRow("body_too_long") << int(ErrorName::BodyTooLong) << QStringLiteral("body_too_long");
        QTest::newRow("too_many_points")
            << int(ErrorName::TooManyPoints) << QStringLiteral("too_many_points");
        QTest::newRow("too_many_lines") << int(ErrorName::TooManyLines) << QStringLiteral("too_many_lines");
    }

    void errorNames()
    {
        QFETCH(int, value);
        QFETCH(QString, name);
        QCOMPARE(nameOf(static_cast<ErrorName>(value)), name);
        const auto back = errorNameFrom(name);
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), value);
        QVERIFY(!callNameFrom(name));
        QVERIFY(!resultNameFrom(name));
        QVERIFY(!generalReplyFrom(name));
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

    void generalReplies()
    {
        QFETCH(int, value);
        QFETCH(QString, name);
        QCOMPARE(nameOf(static_cast<GeneralReply>(value)), name);
        const auto back = generalReplyFrom(name);
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), value);
        QVERIFY(!callNameFrom(name));
        QVERIFY(!resultNameFrom(name));
        QVERIFY(!errorNameFrom(name));
    }

    void statementTypes_data()
    {
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("name");
        QTest::newRow("call") << int(StatementType::Call) << QStringLiteral("call");
        QTest::newRow("result") << int(StatementType::Result) << QStringLiteral("result");
        QTest::newRow("error") << int(StatementType::Error) << QStringLiteral("error");
    }

    void statementTypes()
    {
        QFETCH(int, value);
        QFETCH(QString, name);
        QCOMPARE(nameOf(static_cast<StatementType>(value)), name);
        const auto back = statementTypeFrom(name);
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), value);
    }

    // Every enumerator, from the first to the last, has a distinct name that maps back to it.
    void everyValueRoundTrips()
    {
        QSet<QString> seen;
        for (int v = int(CallName::CreateRoom); v <= int(CallName::ResetDrawing); ++v) {
            const QString name = nameOf(static_cast<CallName>(v));
            QVERIFY(!name.isEmpty());
            QCOMPARE(callNameFrom(name), std::optional<CallName>(static_cast<CallName>(v)));
            seen.insert(name);
        }
        QCOMPARE(seen.size(), 13);

        QSet<QString> serverNames;
        for (int v = int(ResultName::UserCreated); v <= int(ResultName::DrawLineChanged); ++v) {
            const QString name = nameOf(static_cast<ResultName>(v));
            QVERIFY(!name.isEmpty());
            QCOMPARE(resultNameFrom(name), std::optional<ResultName>(static_cast<ResultName>(v)));
            serverNames.insert(name);
        }
        QCOMPARE(serverNames.size(), 12);
        for (int v = int(ErrorName::NoSpecifiedRoom); v <= int(ErrorName::TooManyLines); ++v) {
            const QString name = nameOf(static_cast<ErrorName>(v));
            QVERIFY(!name.isEmpty());
            QCOMPARE(errorNameFrom(name), std::optional<ErrorName>(static_cast<ErrorName>(v)));
            serverNames.insert(name);
        }
        QCOMPARE(serverNames.size(), 12 + 10);
        for (int v = int(GeneralReply::BadData); v <= int(GeneralReply::DataTooLong); ++v) {
            const QString name = nameOf(static_cast<GeneralReply>(v));
            QVERIFY(!name.isEmpty());
            QCOMPARE(generalReplyFrom(name), std::optional<GeneralReply>(static_cast<GeneralReply>(v)));
            serverNames.insert(name);
        }
        // Clients match replies by name only, so no two server names may be equal.
        QCOMPARE(serverNames.size(), 12 + 10 + 3);
        QVERIFY(!serverNames.intersects(seen));
    }

    // The lookups are exact: no case folding, no trimming, no prefix matches.
    void lookupsAreExact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper case call") << QStringLiteral("CREATE_ROOM");
        QTest::newRow("capitalised result") << QStringLiteral("Room_created");
        QTest::newRow("trailing space") << QStringLiteral("bad_data ");
        QTest::newRow("leading space") << QStringLiteral(" no_selected_room");
        QTest::newRow("trailing newline") << QStringLiteral("room_changed\n");
        QTest::newRow("prefix") << QStringLiteral("room_");
        QTest::newRow("longer") << QStringLiteral("data_too_longer");
        QTest::newRow("hyphens") << QStringLiteral("not-valid-color");
        QTest::newRow("never sent ok") << QStringLiteral("ok");
        QTest::newRow("never sent no specified_user") << QStringLiteral("no specified_user");
        QTest::newRow("Call") << QStringLiteral("Call");
        QTest::newRow("RESULT") << QStringLiteral("RESULT");
    }

    void lookupsAreExact()
    {
        QFETCH(QString, text);
        QVERIFY(!callNameFrom(text));
        QVERIFY(!resultNameFrom(text));
        QVERIFY(!errorNameFrom(text));
        QVERIFY(!generalReplyFrom(text));
        QVERIFY(!statementTypeFrom(text));
    }

    void lookupsTakeViews()
    {
        const QString padded = QStringLiteral("xxenter_roomxx");
        QCOMPARE(callNameFrom(QStringView(padded).mid(2, 10)), std::optional<CallName>(CallName::EnterRoom));
        QVERIFY(!callNameFrom(QStringView(padded).mid(2, 9)));
    }

    void keys()
    {
        QCOMPARE(QString::fromUtf16(key::type), QStringLiteral("type"));
        QCOMPARE(QString::fromUtf16(key::payload), QStringLiteral("payload"));
        QCOMPARE(QString::fromUtf16(key::message), QStringLiteral("message"));
        QCOMPARE(QString::fromUtf16(key::object), QStringLiteral("object"));
        QCOMPARE(QString::fromUtf16(key::list), QStringLiteral("list"));
        QCOMPARE(QString::fromUtf16(key::uuid), QStringLiteral("uuid"));
        QCOMPARE(QString::fromUtf16(key::name), QStringLiteral("name"));
        QCOMPARE(QString::fromUtf16(key::color), QStringLiteral("color"));
        QCOMPARE(QString::fromUtf16(key::body), QStringLiteral("body"));
        QCOMPARE(QString::fromUtf16(key::points), QStringLiteral("points"));
        QCOMPARE(QString::fromUtf16(key::tool), QStringLiteral("tool"));
        QCOMPARE(QString::fromUtf16(key::users), QStringLiteral("users"));
        QCOMPARE(QString::fromUtf16(key::sum), QStringLiteral("sum"));
        QCOMPARE(QString::fromUtf16(key::roomUuid), QStringLiteral("room_uuid"));
        QCOMPARE(QString::fromUtf16(key::user), QStringLiteral("user"));
        QCOMPARE(QString::fromUtf16(key::created), QStringLiteral("created"));
        QCOMPARE(QString::fromUtf16(key::lines), QStringLiteral("lines"));
    }
};

QTEST_APPLESS_MAIN(TestMessageNames)
#include "tst_messagenames.moc"
