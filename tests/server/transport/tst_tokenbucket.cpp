// TokenBucket, the rate limiter of every connection: burst, refill at the rate, no more than the burst
// after a long pause, and "unlimited" at rate 0.
#include "transport/TokenBucket.h"

#include <QTest>

using chat::server::TokenBucket;

class TestTokenBucket : public QObject
{
    Q_OBJECT

private slots:
    void theBurstIsAvailableAtOnce()
    {
        TokenBucket bucket(10, 5, 0);
        for (int i = 0; i < 5; ++i)
            QVERIFY(bucket.take(0));
        QVERIFY(!bucket.take(0));
    }

    void tokensComeBackAtTheRate()
    {
        TokenBucket bucket(10, 5, 0);
        for (int i = 0; i < 5; ++i)
            bucket.take(0);
        QVERIFY(!bucket.take(50)); // half a token
        QVERIFY(bucket.take(100)); // one
        QVERIFY(!bucket.take(100));
        int taken = 0;
        while (bucket.take(1100))
            ++taken;
        QCOMPARE(taken, 5); // a second later: ten more earned, but the bucket holds five
    }

    void aClockThatStepsBackAddsNothing()
    {
        TokenBucket bucket(10, 1, 1000);
        QVERIFY(bucket.take(1000));
        QVERIFY(!bucket.take(0));
        QVERIFY(!bucket.take(1050));
        QVERIFY(bucket.take(1100));
    }

    void rateZeroNeverRunsOut()
    {
        TokenBucket bucket(0, 1, 0);
        QVERIFY(bucket.isUnlimited());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(bucket.take(0));
    }

    void aCostBeyondTheBurstIsPaidLater()
    {
        TokenBucket bucket(100, 100, 0);
        QVERIFY(bucket.spend(450, 0)); // 100 held: the rest is owed
        QVERIFY(!bucket.spend(1, 0));
        QCOMPARE(bucket.msUntilAvailable(0), 3501); // 350 owed at 100/s, and one token's worth above zero
        QVERIFY(!bucket.spend(1, 3500));
        QVERIFY(bucket.spend(1, 3501));
        QVERIFY(!bucket.spend(1, 3501));
    }

    void spendingWhenUnlimitedAlwaysWorks()
    {
        TokenBucket bucket(0, 1, 0);
        QVERIFY(bucket.spend(1e9, 0));
        QCOMPARE(bucket.msUntilAvailable(0), 0);
    }

    void refillStartsFull()
    {
        TokenBucket bucket(1, 3, 0);
        for (int i = 0; i < 3; ++i)
            bucket.take(0);
        bucket.refill(0);
        QVERIFY(bucket.take(0));
    }
};

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
