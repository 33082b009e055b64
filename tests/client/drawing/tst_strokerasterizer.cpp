// StrokeRasterizer draws strokes as QPainter does (StrokePath::paint: round caps and joins, the eraser
// clears), within anti-aliasing differences.
#include "drawing/StrokePath.h"
#include "drawing/StrokeRasterizer.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <cmath>

using namespace chat;

namespace {

struct Difference
{
    double coveredRatio = 0; // ours / QPainter's, summed alpha (ours lays about 3 % more at the edges)
    double badShare = 0; // pixels off by more than a third of full alpha, per covered pixel
};

Difference compare(const QImage &ours, const QImage &reference)
{
    qint64 oursSum = 0, referenceSum = 0, covered = 0, bad = 0;
    for (int y = 0; y < ours.height(); ++y) {
        for (int x = 0; x < ours.width(); ++x) {
            const int a = qAlpha(ours.pixel(x, y)), b = qAlpha(reference.pixel(x, y));
            oursSum += a;
            referenceSum += b;
            covered += (a > 0 || b > 0) ? 1 : 0;
            bad += std::abs(a - b) > 85 ? 1 : 0;
        }
    }
    return {referenceSum ? double(oursSum) / double(referenceSum) : 1.0,
            covered ? double(bad) / double(covered) : 0.0};
}

QVector<QPointF> wave(double y0, int count)
{
    QVector<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(10 + i * 9.5, y0 + 20 * std::sin(i / 3.0)));
    return points;
}

} // namespace

class TestStrokeRasterizer : public QObject
{
    Q_OBJECT

private:
    static void paintBoth(const QVector<QPointF> &points, DrawingTool tool, qreal scale, bool filled)
    {
        QImage ours(int(320 * scale), int(240 * scale), QImage::Format_ARGB32_Premultiplied);
        ours.fill(filled ? QColor(Qt::darkGreen) : QColor(Qt::transparent));
        QImage reference = ours.copy();
        StrokeRasterizer::paint(ours, points, tool, QColor(0xe0, 0x2d, 0x25), scale);
        QPainter painter(&reference);
        painter.scale(scale, scale);
        StrokePath::paint(painter, points, tool, QColor(0xe0, 0x2d, 0x25));
        painter.end();
        const Difference difference = compare(ours, reference);
        QVERIFY2(std::abs(difference.coveredRatio - 1) < 0.05,
                 qPrintable(QString::number(difference.coveredRatio)));
        QVERIFY2(difference.badShare < 0.01, qPrintable(QString::number(difference.badShare)));
        QCOMPARE(ours.pixelColor(ours.width() - 1, ours.height() - 1),
                 reference.pixelColor(ours.width() - 1, ours.height() - 1));
    }

private slots:
    void penStrokesLookLikeQPaintersOnes()
    {
        paintBoth(wave(60, 30), DrawingTool::Pen, 1.0, false);
        paintBoth(wave(60, 30), DrawingTool::Pen, 2.0, false);
        paintBoth({QPointF(100, 100)}, DrawingTool::Pen, 1.0, false); // a dot
        paintBoth({QPointF(-20, 50), QPointF(150, 260), QPointF(340, 10)}, DrawingTool::Pen, 1.0, false);
        // a scribble that turns back on itself
        paintBoth({QPointF(50, 50), QPointF(60, 52), QPointF(50, 54), QPointF(62, 58), QPointF(48, 60)},
                  DrawingTool::Pen, 1.0, false);
    }

    void theEraserClearsAsQPainterDoes()
    {
        paintBoth(wave(120, 25), DrawingTool::Eraser, 1.0, true);
        QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::black);
        StrokeRasterizer::paint(image, {QPointF(20, 50), QPointF(80, 50)}, DrawingTool::Eraser, Qt::black,
                                1.0);
        QCOMPARE(qAlpha(image.pixel(50, 50)), 0); // erased: transparent, not painted
        QCOMPARE(qAlpha(image.pixel(50, 10)), 255); // out of the eraser's reach
        QCOMPARE(qAlpha(image.pixel(50, 85)), 255);
    }

    void nothingToDrawChangesNothing()
    {
        QImage image(50, 50, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        const QImage before = image.copy();
        StrokeRasterizer::paint(image, {}, DrawingTool::Pen, Qt::red, 1.0);
        StrokeRasterizer::paint(image, {QPointF(500, 500), QPointF(600, 600)}, DrawingTool::Pen, Qt::red,
                                1.0);
        QCOMPARE(image, before);
    }
};

QTEST_MAIN(TestStrokeRasterizer)
#include "tst_strokerasterizer.moc"
