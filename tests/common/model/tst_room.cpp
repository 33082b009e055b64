// Unit tests of chat::Room: {"uuid": str, "name": str, "color": str, "users": [user…], "sum": int}
// (docs/PROTOCOL.md section 3).

#include "model/Color.h"
#include "model/Room.h"
#include "protocol/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace chat;

namespace {
const QRegularExpression
    uuid4(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
const QString roomId = QStringLiteral("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");

User makeUser(const QString &uuid, const QString &name, const QString &room)
{
    User user;
    user.uuid = uuid;
    user.name = name;
    user.roomUuid = room;
    return user;
}

Room sampleRoom()
{
    Room room;
    room.uuid = roomId;
    room.name = QStringLiteral("Lobby");
    room.color = QStringLiteral("#5da247");
    room.users = {makeUser(QStringLiteral("u-2"), QStringLiteral("zed"), roomId),
                  makeUser(QStringLiteral("u-1"), QStringLiteral("amy"), roomId)};
    room.sum = 3;
    return room;
}

QJsonObject fromText(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestRoom : public QObject
{
    Q_OBJECT

private slots:
    void create()
    {
        const Room room = Room::create();
        QVERIFY2(uuid4.match(room.uuid).hasMatch(), qPrintable(room.uuid));
        QCOMPARE(room.name, QStringLiteral("room-") + room.uuid);
        QVERIFY2(Color::roomPalette().contains(room.color), qPrintable(room.color));
        QVERIFY(room.users.isEmpty());
        QCOMPARE(room.sum, qint64(0));
    }

    void createIsFreshWithPaletteColours()
    {
        QSet<QString> uuids;
        QSet<QString> colours;
        for (int i = 0; i < 500; ++i) {
            const Room room = Room::create();
            uuids.insert(room.uuid);
            QVERIFY2(Color::roomPalette().contains(room.color), qPrintable(room.color));
            colours.insert(room.color);
        }
        QCOMPARE(uuids.size(), 500);
        QVERIFY(colours.size() > 1); // picked at random, not a constant
    }

    void toJsonKeys()
    {
        const QJsonObject json = sampleRoom().toJson();
        QCOMPARE(json.keys(),
                 (QStringList {QStringLiteral("color"), QStringLiteral("name"), QStringLiteral("sum"),
                               QStringLiteral("users"), QStringLiteral("uuid")}));
        QCOMPARE(json.value(QStringLiteral("uuid")), QJsonValue(roomId));
        QCOMPARE(json.value(QStringLiteral("name")), QJsonValue(QStringLiteral("Lobby")));
        QCOMPARE(json.value(QStringLiteral("color")), QJsonValue(QStringLiteral("#5da247")));
    }

    // Users in join order, each a full user object.
    void toJsonUsers()
    {
        const QJsonArray users = sampleRoom().toJson().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 2);
        const QJsonObject first = users.at(0).toObject();
        QCOMPARE(first.keys(),
                 (QStringList {QStringLiteral("name"), QStringLiteral("room_uuid"), QStringLiteral("uuid")}));
        QCOMPARE(first.value(QStringLiteral("uuid")).toString(), QStringLiteral("u-2"));
        QCOMPARE(first.value(QStringLiteral("room_uuid")).toString(), roomId);
        QCOMPARE(users.at(1).toObject().value(QStringLiteral("uuid")).toString(), QStringLiteral("u-1"));
    }

    // A count update writes the room around a users array written before (CallDispatcher): byte for byte
    // what writing it whole gives, for no users, plain ones and ones whose names need escaping.
    void writeJsonWithWrittenUsersIsTheSame_data()
    {
        QTest::addColumn<Room>("room");
        Room empty = sampleRoom();
        empty.users.clear();
        Room escaped = sampleRoom();
        escaped.users.append(
            makeUser(QStringLiteral("u-3"), QStringLiteral("q\"\\\n\u2028\U0001F600\uFEFF"), roomId));
        QTest::newRow("no users") << empty;
        QTest::newRow("two users") << sampleRoom();
        QTest::newRow("escaped name") << escaped;
    }

    void writeJsonWithWrittenUsersIsTheSame()
    {
        QFETCH(Room, room);
        QByteArray whole;
        JsonWriter wholeWriter(whole);
        room.writeJson(wholeWriter);
        QByteArray parts;
        JsonWriter partsWriter(parts);
        room.writeJson(partsWriter, Room::usersJson(room.users));
        QCOMPARE(parts, whole);
        QCOMPARE(fromText(parts), room.toJson());
    }

    void toJsonEmptyUsersIsAnArray()
    {
        Room room = sampleRoom();
        room.users.clear();
        const QJsonValue users = room.toJson().value(QStringLiteral("users"));
        QVERIFY(users.isArray());
        QCOMPARE(users.toArray().size(), 0);
    }

    // "sum" is an integer on the wire: 3, never 3.0.
    void toJsonSumIsInteger_data()
    {
        QTest::addColumn<qint64>("sum");
        QTest::newRow("0") << qint64(0);
        QTest::newRow("3") << qint64(3);
        QTest::newRow("2^40") << (qint64(1) << 40);
        QTest::newRow("2^53+1") << ((qint64(1) << 53) + 1);
    }

    void toJsonSumIsInteger()
    {
        QFETCH(qint64, sum);
        Room room = sampleRoom();
        room.sum = sum;
        const QJsonObject json = room.toJson();
        QCOMPARE(json.value(QStringLiteral("sum")).toInteger(-1), sum);
        QCOMPARE(json.value(QStringLiteral("sum")).toVariant().typeId(), int(QMetaType::LongLong));
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QVERIFY2(text.contains("\"sum\":" + QByteArray::number(sum) + ","), text.constData());
        QCOMPARE(Room::fromJson(fromText(text))->sum, sum);
    }

    void toJsonOfCreated()
    {
        const Room room = Room::create();
        const QJsonObject json = room.toJson();
        QCOMPARE(json.size(), 5);
        QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("room-") + room.uuid);
        QCOMPARE(json.value(QStringLiteral("sum")).toInteger(-1), qint64(0));
        QCOMPARE(json.value(QStringLiteral("users")).toArray(), QJsonArray());
    }

    void roundTrip()
    {
        const Room room = sampleRoom();
        QCOMPARE(Room::fromJson(room.toJson()), std::optional<Room>(room));
        const Room created = Room::create();
        QCOMPARE(Room::fromJson(created.toJson()), std::optional<Room>(created));
        const QByteArray text = QJsonDocument(room.toJson()).toJson();
        QCOMPARE(Room::fromJson(fromText(text)), std::optional<Room>(room));
    }

    void fromPythonJson()
    {
        const auto room =
            Room::fromJson(fromText("{\"uuid\": \"9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f\", \"name\": "
                                    "\"caf\\u00e9\", \"color\": \"#fbeb50\", "
                                    "\"users\": [{\"uuid\": \"u-1\", \"name\": \"user-u-1\", \"room_uuid\": "
                                    "\"9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f\"}], "
                                    "\"sum\": 12}"));
        QVERIFY(room);
        QCOMPARE(room->uuid, roomId);
        QCOMPARE(room->name, QString::fromUtf8("caf\xc3\xa9"));
        QCOMPARE(room->color, QStringLiteral("#fbeb50"));
        QCOMPARE(room->sum, qint64(12));
        QCOMPARE(room->users.size(), 1);
        QCOMPARE(room->users.at(0).roomUuid, roomId);
        QVERIFY(room->contains(QStringLiteral("u-1")));
    }

    void fromJsonLenient()
    {
        const auto room =
            Room::fromJson(fromText("{\"uuid\": \"r\", \"name\": 42, \"color\": 7, \"sum\": 5.0, "
                                    "\"users\": [{\"uuid\": \"a\"}, 3, {\"name\": \"no uuid\"}, "
                                    "{\"uuid\": \"b\", \"name\": false}]}"));
        QVERIFY(room);
        QCOMPARE(room->name, QStringLiteral("42"));
        QCOMPARE(room->color, QString());
        QCOMPARE(room->sum, qint64(5));
        QCOMPARE(room->users.size(), 2);
        QCOMPARE(room->users.at(0).uuid, QStringLiteral("a"));
        QCOMPARE(room->users.at(1).uuid, QStringLiteral("b"));
        QCOMPARE(room->users.at(1).name, QStringLiteral("false"));
    }

    void fromJsonMissingOptionalKeys()
    {
        const auto room = Room::fromJson(fromText("{\"uuid\": \"r\"}"));
        QVERIFY(room);
        QCOMPARE(room->name, QString());
        QCOMPARE(room->color, QString());
        QCOMPARE(room->sum, qint64(0));
        QVERIFY(room->users.isEmpty());
        const auto notAList = Room::fromJson(fromText("{\"uuid\": \"r\", \"users\": {\"uuid\": \"a\"}}"));
        QVERIFY(notAList);
        QVERIFY(notAList->users.isEmpty());
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("no uuid") << QByteArray(
            "{\"name\": \"n\", \"color\": \"#fff\", \"users\": [], \"sum\": 0}");
        QTest::newRow("null uuid") << QByteArray("{\"uuid\": null}");
        QTest::newRow("number uuid") << QByteArray("{\"uuid\": 1}");
    }

    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!Room::fromJson(fromText(json)).has_value());
    }

    void contains()
    {
        const Room room = sampleRoom();
        QVERIFY(room.contains(QStringLiteral("u-1")));
        QVERIFY(room.contains(QStringLiteral("u-2")));
        QVERIFY(!room.contains(QStringLiteral("u-3")));
        QVERIFY(!room.contains(QString()));
        QVERIFY(!Room().contains(QStringLiteral("u-1")));
    }

    void equality()
    {
        const Room a = sampleRoom();
        Room b = a;
        QVERIFY(a == b);
        b.sum = 4;
        QVERIFY(a != b);
        b = a;
        b.color = QStringLiteral("#ffffff");
        QVERIFY(a != b);
        b = a;
        b.name = QStringLiteral("x");
        QVERIFY(a != b);
        b = a;
        std::swap(b.users[0], b.users[1]);
        QVERIFY(a != b); // user order matters
        b = a;
        b.users.removeLast();
        QVERIFY(a != b);
    }
};

QTEST_APPLESS_MAIN(TestRoom)
#include "tst_room.moc"
