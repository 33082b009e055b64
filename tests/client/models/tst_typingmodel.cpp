// TypingModel: who is typing, with the 6 s expiry driven by an injected clock (no sleeping).
#include "models/TypingModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace chat;

class TestTypingModel : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1000;

private slots:
    void init() { m_now = 1000; }

    void trueAddsInOrderAndFalseRemoves()
    {
        TypingModel model;
        model.setClock([this] { return m_now; });
        QSignalSpy changed(&model, &TypingModel::typingChanged);
        model.setTyping(QStringLiteral("a"), QStringLiteral("Alice"), true);
        model.setTyping(QStringLiteral("b"), QStringLiteral("Bob"), true);
        model.setTyping(QStringLiteral("a"), QStringLiteral("Alice"), true); // a refresh: no new row
        QCOMPARE(model.names(), QStringList({QStringLiteral("Alice"), QStringLiteral("Bob")}));
        QCOMPARE(model.index(1).data(TypingModel::UuidRole).toString(), QStringLiteral("b"));
        QCOMPARE(model.index(1).data(TypingModel::NameRole).toString(), QStringLiteral("Bob"));
        QCOMPARE(changed.size(), 2);
        model.setTyping(QStringLiteral("a"), QStringLiteral("Alice"), false);
        QCOMPARE(model.names(), QStringList({QStringLiteral("Bob")}));
        model.setTyping(QStringLiteral("zed"), QStringLiteral("Zed"), false); // not typing: nothing
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(changed.size(), 3);
    }

    void stateExpiresSixSecondsAfterItsLastTrue()
    {
        TypingModel model;
        model.setClock([this] { return m_now; });
        model.setTyping(QStringLiteral("a"), QStringLiteral("Alice"), true);
        m_now += 3000;
        model.setTyping(QStringLiteral("a"), QStringLiteral("Alice"), true); // refreshed at 4000
        model.setTyping(QStringLiteral("b"), QStringLiteral("Bob"), true);
        QCOMPARE(model.expire(1000 + TypingModel::expiryMs),
                 0); // Alice's first true is 6 s old: refreshed since
        QCOMPARE(model.expire(m_now + TypingModel::expiryMs - 1), 0);
        QCOMPARE(model.expire(m_now + TypingModel::expiryMs), 2);
        QCOMPARE(model.rowCount(), 0);
    }

    void theSweepTimerUsesTheInjectedClock()
    {
        TypingModel model;
        model.setClock([this] { return m_now; });
        model.setTyping(QStringLiteral("a"), QStringLiteral("Alice"), true);
        m_now += TypingModel::expiryMs;
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
    }

    void clearedByTheirMessageByLeavingAndByUsTheRoom()
    {
        TypingModel model;
        model.setClock([this] { return m_now; });
        model.setTyping(QStringLiteral("a"), QStringLiteral("Alice"), true);
        model.setTyping(QStringLiteral("b"), QStringLiteral("Bob"), true);
        model.setTyping(QStringLiteral("c"), QStringLiteral("Carol"), true);
        model.clearUser(QStringLiteral("a")); // Alice's message arrived
        QCOMPARE(model.names(), QStringList({QStringLiteral("Bob"), QStringLiteral("Carol")}));
        // Bob left the room; Carol renamed herself.
        model.retainUsers(
            {{QStringLiteral("c"), QStringLiteral("Caroline")}, {QStringLiteral("x"), QStringLiteral("X")}});
        QCOMPARE(model.names(), QStringList({QStringLiteral("Caroline")}));
        model.clear(); // we left
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTypingModel)
#include "tst_typingmodel.moc"
