// Unit tests of chat::User: {"uuid": str, "name": str, "room_uuid": str|null} (docs/PROTOCOL.md section 3).

#include "model/User.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace chat;

namespace {
const QRegularExpression
    uuid4(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
const QString userId = QStringLiteral("0b7e6a52-55a1-4c3e-9d8f-2a1b3c4d5e6f");
const QString roomId = QStringLiteral("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");

QJsonObject fromText(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestUser : public QObject
{
    Q_OBJECT

private slots:
    void create()
    {
        const User user = User::create();
        QVERIFY2(uuid4.match(user.uuid).hasMatch(), qPrintable(user.uuid));
        QCOMPARE(user.name, QStringLiteral("user-") + user.uuid);
        QVERIFY(user.roomUuid.isEmpty());
        QVERIFY(!user.isInRoom());
    }

    void createIsFresh()
    {
        QSet<QString> uuids;
        for (int i = 0; i < 100; ++i)
            uuids.insert(User::create().uuid);
        QCOMPARE(uuids.size(), 100);
    }

    void toJsonInNoRoom()
    {
        User user;
        user.uuid = userId;
        user.name = QStringLiteral("alice");
        const QJsonObject json = user.toJson();
        QCOMPARE(json.keys(),
                 (QStringList {QStringLiteral("name"), QStringLiteral("room_uuid"), QStringLiteral("uuid")}));
        QCOMPARE(json.value(QStringLiteral("uuid")), QJsonValue(userId));
        QCOMPARE(json.value(QStringLiteral("name")), QJsonValue(QStringLiteral("alice")));
        QVERIFY(json.value(QStringLiteral("room_uuid")).isNull());
        QVERIFY(QJsonDocument(json).toJson(QJsonDocument::Compact).contains("\"room_uuid\":null"));
    }

    void toJsonInRoom()
    {
        User user;
        user.uuid = userId;
        user.name = QStringLiteral("bob");
        user.roomUuid = roomId;
        QVERIFY(user.isInRoom());
        const QJsonObject json = user.toJson();
        QCOMPARE(json.size(), 3);
        QCOMPARE(json.value(QStringLiteral("room_uuid")), QJsonValue(roomId));
    }

    void toJsonOfCreated()
    {
        const User user = User::create();
        const QJsonObject json = user.toJson();
        QCOMPARE(json.size(), 3);
        QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("user-") + user.uuid);
        QVERIFY(json.value(QStringLiteral("room_uuid")).isNull());
    }

    void roundTrip()
    {
        User outside;
        outside.uuid = userId;
        outside.name = QString::fromUtf8("\xc3\xa9l\xc3\xa8ve \xf0\x9f\x98\x80");
        QCOMPARE(User::fromJson(outside.toJson()), std::optional<User>(outside));

        User inside = outside;
        inside.roomUuid = roomId;
        QCOMPARE(User::fromJson(inside.toJson()), std::optional<User>(inside));
        QVERIFY(inside != outside);

        const User created = User::create();
        QCOMPARE(User::fromJson(created.toJson()), std::optional<User>(created));
    }

    void fromPythonJson()
    {
        const auto user = User::fromJson(fromText("{\"uuid\": \"0b7e6a52-55a1-4c3e-9d8f-2a1b3c4d5e6f\", "
                                                  "\"name\": \"user-0b7e6a52-55a1-4c3e-9d8f-2a1b3c4d5e6f\", "
                                                  "\"room_uuid\": null}"));
        QVERIFY(user);
        QCOMPARE(user->uuid, userId);
        QCOMPARE(user->name, QStringLiteral("user-") + userId);
        QVERIFY(!user->isInRoom());
    }

    // The original stores whatever name was sent (Q13): such names are shown as text.
    void fromJsonLenientName_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << QByteArray("\"x\"") << QStringLiteral("x");
        QTest::newRow("integer") << QByteArray("42") << QStringLiteral("42");
        QTest::newRow("float") << QByteArray("1.5") << QStringLiteral("1.5");
        QTest::newRow("bool") << QByteArray("true") << QStringLiteral("true");
        QTest::newRow("null") << QByteArray("null") << QString();
        QTest::newRow("list") << QByteArray("[1, 2]") << QStringLiteral("[1,2]");
        QTest::newRow("object") << QByteArray("{\"a\": \"b\"}") << QStringLiteral("{\"a\":\"b\"}");
    }

    void fromJsonLenientName()
    {
        QFETCH(QByteArray, name);
        QFETCH(QString, expected);
        const QByteArray json = "{\"uuid\": \"u-1\", \"name\": " + name + ", \"room_uuid\": null}";
        const auto user = User::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(user);
        QCOMPARE(user->uuid, QStringLiteral("u-1"));
        QCOMPARE(user->name, expected);
    }

    void fromJsonMissingOptionalKeys()
    {
        const auto user = User::fromJson(fromText("{\"uuid\": \"u-1\"}"));
        QVERIFY(user);
        QCOMPARE(user->name, QString());
        QVERIFY(!user->isInRoom());
    }

    void fromJsonRoomUuidNotString()
    {
        const auto user = User::fromJson(fromText("{\"uuid\": \"u-1\", \"name\": \"n\", \"room_uuid\": 5}"));
        QVERIFY(user);
        QVERIFY(!user->isInRoom());
    }

    void fromJsonExtraKeysIgnored()
    {
        const auto user = User::fromJson(
            fromText("{\"uuid\": \"u-1\", \"name\": \"n\", \"room_uuid\": \"r-1\", \"avatar\": \"x.png\"}"));
        QVERIFY(user);
        QCOMPARE(user->roomUuid, QStringLiteral("r-1"));
        QCOMPARE(user->toJson().size(), 3);
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("no uuid") << QByteArray("{\"name\": \"n\", \"room_uuid\": null}");
        QTest::newRow("null uuid") << QByteArray("{\"uuid\": null, \"name\": \"n\"}");
        QTest::newRow("number uuid") << QByteArray("{\"uuid\": 42, \"name\": \"n\"}");
        QTest::newRow("object uuid") << QByteArray("{\"uuid\": {}, \"name\": \"n\"}");
    }

    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!User::fromJson(QJsonDocument::fromJson(json).object()).has_value());
    }

    void equality()
    {
        User a;
        a.uuid = userId;
        a.name = QStringLiteral("a");
        User b = a;
        QVERIFY(a == b);
        QVERIFY(!(a != b));
        b.name = QStringLiteral("b");
        QVERIFY(a != b);
        b = a;
        b.roomUuid = roomId;
        QVERIFY(a != b);
        b = a;
        b.uuid = roomId;
        QVERIFY(a != b);
    }
};

QTEST_APPLESS_MAIN(TestUser)
#include "tst_user.moc"
