// LivePreviewModel: every receiver rule of docs/EXTENSIONS.md "Live strokes" that the model owns, driven by
// an injected clock (no sleeping).
#include "models/LivePreviewModel.h"

#include <QPolygonF>
#include <QSignalSpy>
#include <QTest>

using namespace chat;

class TestLivePreviewModel : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1000;

    void useClock(LivePreviewModel &model)
    {
        model.setClock([this] { return m_now; });
    }

    static QVector<double> numbers(const LivePreviewModel &model, int row) { return model.at(row).numbers; }

private slots:
    void init() { m_now = 1000; }

    void firstUpdateAddsARowWithEverything()
    {
        LivePreviewModel model;
        useClock(model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.update(QStringLiteral("l1"), QStringLiteral("alice"), 0, {10, 20, 30, 40},
                     QStringLiteral("pen"), QStringLiteral("#112233"), false);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(LivePreviewModel::UuidRole).toString(), QStringLiteral("l1"));
        QCOMPARE(index.data(LivePreviewModel::AuthorRole).toString(), QStringLiteral("alice"));
        QCOMPARE(index.data(LivePreviewModel::ToolRole).toString(), QStringLiteral("pen"));
        QCOMPARE(index.data(LivePreviewModel::ColorRole).toString(), QStringLiteral("#112233"));
        QCOMPARE(index.data(LivePreviewModel::EndedRole).toBool(), false);
        QCOMPARE(index.data(LivePreviewModel::PointsRole).value<QPolygonF>(),
                 QPolygonF({QPointF(10, 20), QPointF(30, 40)}));
        QCOMPARE(model.rowOf(QStringLiteral("l1")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    }

    void fromEqualToLengthAppends()
    {
        LivePreviewModel model;
        useClock(model);
        QSignalSpy grew(&model, &LivePreviewModel::previewGrew);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 2, {3, 4, 5, 6}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        QCOMPARE(numbers(model, 0), QVector<double>({1, 2, 3, 4, 5, 6}));
        QCOMPARE(grew.size(), 1);
        QCOMPARE(grew.at(0).at(1).value<qsizetype>(), qsizetype(2));
        QCOMPARE(model.rowCount(), 1);
    }

    void fromBelowLengthTruncatesThenAppends()
    {
        LivePreviewModel model;
        useClock(model);
        QSignalSpy grew(&model, &LivePreviewModel::previewGrew);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 0, {1, 2, 3, 4, 5, 6}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 2, {9, 9}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        QCOMPARE(numbers(model, 0), QVector<double>({1, 2, 9, 9}));
        QCOMPARE(grew.at(0).at(1).value<qsizetype>(), qsizetype(2));
    }

    void fromAboveLengthAppendsAnyway()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 6, {7, 8}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        QCOMPARE(numbers(model, 0), QVector<double>({1, 2, 7, 8}));
    }

    void endedPreviewGrowsNoMoreAndGoesAfterTwoSeconds()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 0, {1, 2, 3, 4}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        m_now += 500;
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 4, {}, QStringLiteral("pen"),
                     QStringLiteral("#000"), true);
        QVERIFY(model.at(0).ended);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 4, {5, 6}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        QCOMPARE(numbers(model, 0), QVector<double>({1, 2, 3, 4})); // grows no more
        QCOMPARE(model.expire(m_now + LivePreviewModel::endGraceMs - 1), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.expire(m_now + LivePreviewModel::endGraceMs), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void anEndAloneShowsNothing()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 8, {}, QStringLiteral("pen"),
                     QStringLiteral("#000"), true);
        QCOMPARE(model.rowCount(), 0);
    }

    void silentPreviewGoesAfterTenSeconds()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        m_now += 4000;
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 2, {3, 4}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        model.update(QStringLiteral("l2"), QStringLiteral("b"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        // l1 was updated at 5000: 10 s later it goes, l2 (also 5000) too; nothing at 14999.
        QCOMPARE(model.expire(m_now + LivePreviewModel::idleTimeoutMs - 1), 0);
        QCOMPARE(model.expire(m_now + LivePreviewModel::idleTimeoutMs), 2);
        QCOMPARE(model.rowCount(), 0);
    }

    void theSweepTimerExpiresWithTheInjectedClock()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        m_now += LivePreviewModel::idleTimeoutMs; // the clock jumps: the next sweep (250 ms) removes it
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
    }

    void removeRetainAndClear()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("alice"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        model.update(QStringLiteral("l2"), QStringLiteral("bob"), 0, {1, 2}, QStringLiteral("eraser"),
                     QStringLiteral("#000"), false);
        model.update(QStringLiteral("l3"), QStringLiteral("alice"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        model.remove(QStringLiteral("l3"));
        QCOMPARE(model.rowCount(), 2);
        model.retainAuthors({QStringLiteral("bob")}); // alice left the room
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.at(0).uuid, QStringLiteral("l2"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 1);
    }

    void anotherAuthorCannotTakeOverAPreview()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("alice"), 0, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        model.update(QStringLiteral("l1"), QStringLiteral("mallory"), 0, {9, 9}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        QCOMPARE(numbers(model, 0), QVector<double>({1, 2}));
    }

    void tooManyNumbersAreRefused()
    {
        LivePreviewModel model;
        useClock(model);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), LivePreviewModel::maxNumbers, {1, 2},
                     QStringLiteral("pen"), QStringLiteral("#000"), false);
        QCOMPARE(model.rowCount(), 0);
        model.update(QStringLiteral("l1"), QStringLiteral("a"), -2, {1, 2}, QStringLiteral("pen"),
                     QStringLiteral("#000"), false);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLivePreviewModel)
#include "tst_livepreviewmodel.moc"
