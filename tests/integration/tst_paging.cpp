// History paging (socketchat.v1, docs/EXTENSIONS.md): a client that negotiated the subprotocol gets the
// newest page on enter_room and older pages from list_messages; a plain client in the same room sees the
// original protocol, byte for byte.
#include "model/Message.h"
#include "model/Room.h"
#include "protocol/Limits.h"
#include "support/Json.h"
#include "support/TestClient.h"
#include "support/TestServer.h"

#include <QJsonArray>
#include <QTest>

using namespace chat;

namespace {

constexpr int messageCount = 230; // two full pages of 100 and one of 30

QStringList uuidsOf(const QJsonArray &list)
{
    QStringList uuids;
    for (const QJsonValue &value : list)
        uuids << value.toObject().value(QStringView(key::uuid)).toString();
    return uuids;
}

} // namespace

class TestPaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 0; // the room is filled in one burst
        QVERIFY(m_server.start(options));
        m_paged.offerSubprotocols({extensionSubprotocol()});
        for (TestClient *client : {&m_paged, &m_plain, &m_poster})
            QVERIFY(client->connectTo(m_server.url()));
        m_room = m_poster.createRoom().value_or(Room {});
        m_other = m_poster.createRoom().value_or(Room {});
        QVERIFY(m_poster.enterRoom(m_other.uuid));
        m_otherMessage = post(str("elsewhere"));
        QVERIFY(m_poster.enterRoom(m_room.uuid));
        for (int i = 0; i < messageCount; ++i)
            m_uuids << post(QString::number(i));
        QVERIFY(!m_otherMessage.isEmpty() && !m_uuids.contains(QString()));
    }

    void init()
    {
        for (TestClient *client : {&m_paged, &m_plain, &m_poster})
            client->drain();
    }

    void cleanupTestCase()
    {
        for (TestClient *client : {&m_paged, &m_plain, &m_poster})
            client->close();
        m_server.stop();
    }

    void theSubprotocolIsSelectedOnlyWhenOffered()
    {
        QCOMPARE(m_paged.socket().subprotocol(), extensionSubprotocol());
        QVERIFY(m_plain.socket().subprotocol().isEmpty());
        TestClient choosy; // among others, ours is picked
        choosy.offerSubprotocols({str("some.protocol.v1"), extensionSubprotocol()});
        QVERIFY(choosy.connectTo(m_server.url()));
        QCOMPARE(choosy.socket().subprotocol(), extensionSubprotocol());
    }

    void enteringGivesTheNewestPage()
    {
        m_paged.call(CallName::EnterRoom, fields({{"uuid", m_room.uuid}}));
        QVERIFY(m_paged.expect(nameOf(ResultName::RoomEntered)));
        const auto listed = m_paged.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(listed);
        QCOMPARE(uuidsOf(listed->list()), m_uuids.mid(messageCount - limits::historyPage));
        QCOMPARE(listed->members(), (QJsonObject {{str("more"), true}}));
        QVERIFY(m_paged.expect(nameOf(ResultName::DrawingGot)));
    }

    void aPlainClientInTheSameRoomGetsEverything()
    {
        m_plain.call(CallName::EnterRoom, fields({{"uuid", m_room.uuid}}));
        QVERIFY(m_plain.expect(nameOf(ResultName::RoomEntered)));
        const auto listed = m_plain.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(listed);
        QCOMPARE(uuidsOf(listed->list()), m_uuids);
        QVERIFY(listed->members().isEmpty());
        m_plain.drain();

        // The extension's keys mean nothing to it.
        m_plain.call(CallName::ListMessages, fields({{"before", m_uuids.last()}, {"limit", 3}}));
        const auto again = m_plain.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(again);
        QCOMPARE(uuidsOf(again->list()), m_uuids);
        QVERIFY(again->members().isEmpty());
        m_plain.call(CallName::ListMessages, fields({{"limit", str("bad")}}));
        QVERIFY(m_plain.expect(nameOf(ResultName::MessagesListed)));
    }

    void listMessagesWalksBackToTheFirstMessage()
    {
        QVERIFY(enterPaged());
        QStringList walked;
        QVector<int> sizes;
        QJsonValue before; // null: the newest page
        bool more = true;
        while (more && sizes.size() < 10) {
            m_paged.call(CallName::ListMessages,
                         before.isNull() ? QJsonObject() : fields({{"before", before}}));
            const auto page = m_paged.expect(nameOf(ResultName::MessagesListed));
            QVERIFY(page);
            QCOMPARE(page->member(key::before), before);
            QCOMPARE(page->members().size(), 2);
            const QStringList uuids = uuidsOf(page->list());
            walked = uuids + walked;
            sizes << int(uuids.size());
            more = page->member(key::more).toBool();
            QVERIFY(page->member(key::more).isBool());
            before = uuids.value(0);
        }
        QCOMPARE(sizes, (QVector<int> {100, 100, 30}));
        QCOMPARE(walked, m_uuids);
    }

    void aPageHasTheSizeAskedFor()
    {
        QVERIFY(enterPaged());
        m_paged.call(CallName::ListMessages, fields({{"before", m_uuids.at(50)}, {"limit", 7}}));
        auto page = m_paged.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(page);
        QCOMPARE(uuidsOf(page->list()), m_uuids.mid(43, 7));
        QCOMPARE(page->member(key::more), QJsonValue(true));
        QCOMPARE(page->member(key::before), QJsonValue(m_uuids.at(50)));

        m_paged.call(CallName::ListMessages, fields({{"before", m_uuids.at(3)}, {"limit", 3}}));
        page = m_paged.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(page);
        QCOMPARE(uuidsOf(page->list()), m_uuids.mid(0, 3));
        QCOMPARE(page->member(key::more), QJsonValue(false)); // exactly the first three: none older

        m_paged.call(CallName::ListMessages, fields({{"before", m_uuids.first()}}));
        page = m_paged.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(page && page->list().isEmpty());
        QCOMPARE(page->member(key::more), QJsonValue(false));

        m_paged.call(CallName::ListMessages,
                     fields({{"limit", limits::maxHistoryPage}, {"before", QJsonValue()}}));
        page = m_paged.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(page);
        QCOMPARE(uuidsOf(page->list()), m_uuids);
        QCOMPARE(page->member(key::more), QJsonValue(false));
        QVERIFY(page->member(key::before).isNull());
    }

    void badPageRequestsGetBadData_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::newRow("before: unknown uuid") << fields({{"before", str("no-such-message")}});
        QTest::newRow("before: another room's message") << fields({{"before", m_otherMessage}});
        QTest::newRow("before: empty") << fields({{"before", str("")}});
        QTest::newRow("before: number") << fields({{"before", 12}});
        QTest::newRow("before: true") << fields({{"before", true}});
        QTest::newRow("before: object") << fields({{"before", QJsonObject()}});
        QTest::newRow("limit: 0") << fields({{"limit", 0}});
        QTest::newRow("limit: -1") << fields({{"limit", -1}});
        QTest::newRow("limit: 501") << fields({{"limit", limits::maxHistoryPage + 1}});
        QTest::newRow("limit: 2.5") << fields({{"limit", 2.5}});
        QTest::newRow("limit: text") << fields({{"limit", str("10")}});
        QTest::newRow("limit: null") << fields({{"limit", QJsonValue()}});
        QTest::newRow("limit: huge") << fields({{"limit", 1e300}});
        QTest::newRow("good before, bad limit") << fields({{"before", str("x")}, {"limit", 0}});
    }

    void badPageRequestsGetBadData()
    {
        QFETCH(QJsonObject, payload);
        QVERIFY(enterPaged());
        m_paged.call(CallName::ListMessages, payload);
        QVERIFY(m_paged.expect(nameOf(GeneralReply::BadData)));
        QVERIFY(m_paged.receivesNothing());
        m_paged.call(CallName::ListMessages, fields({{"limit", 1}})); // and it goes on
        const auto page = m_paged.expect(nameOf(ResultName::MessagesListed));
        QVERIFY(page);
        QCOMPARE(uuidsOf(page->list()), QStringList {m_uuids.last()});
    }

    void outsideARoomItIsNoSelectedRoom()
    {
        QVERIFY(enterPaged());
        m_paged.call(CallName::LeaveRoom);
        QVERIFY(m_paged.expect(nameOf(ResultName::RoomLeft)));
        m_paged.drain();
        for (const QJsonObject &payload :
             {QJsonObject(), fields({{"before", m_uuids.first()}}), fields({{"limit", 0}})}) {
            m_paged.call(CallName::ListMessages, payload);
            QVERIFY(m_paged.expect(nameOf(ErrorName::NoSelectedRoom)));
        }
    }

private:
    // Posts one message into the poster's room and returns its uuid (empty on failure).
    QString post(const QString &body)
    {
        m_poster.call(CallName::CreateMessage, fields({{"body", body}}));
        for (int i = 0; i < 5; ++i) {
            const auto statement = m_poster.next();
            if (statement && statement->name() == nameOf(ResultName::MessageCreated))
                return Message::fromJson(statement->object())->uuid;
        }
        return {};
    }

    bool enterPaged()
    {
        m_paged.call(CallName::EnterRoom, fields({{"uuid", m_room.uuid}}));
        const bool entered = m_paged.expect(nameOf(ResultName::RoomEntered)).has_value();
        m_paged.drain();
        return entered;
    }

    TestServer m_server;
    TestClient m_paged, m_plain, m_poster;
    Room m_room, m_other;
    QStringList m_uuids; // of m_room, oldest first
    QString m_otherMessage;
};

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"
