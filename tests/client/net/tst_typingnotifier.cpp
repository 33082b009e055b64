// TypingNotifier: when set_typing goes out, driven by an injected clock (no sleeping).
#include "net/TypingNotifier.h"

#include <QTest>

using namespace chat;

class TestTypingNotifier : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1000;
    QList<bool> m_sent;
    bool m_accept = true;

    TypingNotifier *make(QObject *parent)
    {
        auto *notifier = new TypingNotifier(
            [this](bool typing) {
                if (m_accept)
                    m_sent.append(typing);
                return m_accept;
            },
            parent);
        notifier->setClock([this] { return m_now; });
        return notifier;
    }

private slots:
    void init()
    {
        m_now = 1000;
        m_sent.clear();
        m_accept = true;
    }

    void trueOnFirstKeystrokeThenEveryThreeSeconds()
    {
        QObject parent;
        TypingNotifier *notifier = make(&parent);
        notifier->edited(false);
        QCOMPARE(m_sent, QList<bool>({true}));
        QVERIFY(notifier->isTyping());
        m_now += 1000;
        notifier->edited(false);
        m_now += 1999; // 2999 ms after the first
        notifier->edited(false);
        QCOMPARE(m_sent, QList<bool>({true}));
        m_now += 1; // 3 s
        notifier->edited(false);
        QCOMPARE(m_sent, QList<bool>({true, true}));
    }

    void falseOnClearingAndOnSend()
    {
        QObject parent;
        TypingNotifier *notifier = make(&parent);
        notifier->edited(false);
        notifier->edited(true); // the field was cleared
        QCOMPARE(m_sent, QList<bool>({true, false}));
        notifier->edited(true); // already not typing: nothing
        notifier->stop();
        QCOMPARE(m_sent, QList<bool>({true, false}));
        notifier->edited(false);
        notifier->stop(); // sent
        QCOMPARE(m_sent, QList<bool>({true, false, true, false}));
        QVERIFY(!notifier->isTyping());
    }

    void falseAfterFiveSecondsIdle()
    {
        QObject parent;
        TypingNotifier *notifier = make(&parent);
        notifier->edited(false);
        m_now += 2000;
        notifier->edited(false); // last keystroke at 3000
        notifier->expire(3000 + TypingNotifier::idleMs - 1);
        QCOMPARE(m_sent, QList<bool>({true}));
        notifier->expire(3000 + TypingNotifier::idleMs);
        QCOMPARE(m_sent, QList<bool>({true, false}));
        // The idle timer does the same with the clock it is given.
        notifier->edited(false);
        m_now += TypingNotifier::idleMs;
        QTRY_COMPARE_WITH_TIMEOUT(m_sent.size(), 4, 10000);
        QCOMPARE(m_sent.last(), false);
    }

    void resetForgetsWithoutSendingAndNothingIsAssumedWhenNotSent()
    {
        QObject parent;
        TypingNotifier *notifier = make(&parent);
        notifier->edited(false);
        notifier->reset(); // the room is gone
        notifier->stop();
        QCOMPARE(m_sent, QList<bool>({true}));
        m_accept = false; // a plain server, or not in a room
        notifier->edited(false);
        QVERIFY(!notifier->isTyping());
        notifier->stop();
        m_accept = true;
        QCOMPARE(m_sent, QList<bool>({true}));
        notifier->edited(false); // the next keystroke tries again
        QCOMPARE(m_sent, QList<bool>({true, true}));
    }
};

QTEST_GUILESS_MAIN(TestTypingNotifier)
#include "tst_typingnotifier.moc"
