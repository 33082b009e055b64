#pragma once

// A paint device that draws nothing and records every piece of text painted on it: what a widget or a
// delegate really draws (after elision, wrapping and formatting), with where and in which font and colour,
// independent of the fonts installed (no pixels are compared).
//
//     TextRecorder recorder(viewport->size());
//     viewport->render(&recorder);
//     for (const DrawnText &text : recorder.texts()) ...

#include <QColor>
#include <QFont>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QTextItem>
#include <QVector>

#include <climits>
#include <cmath>

struct DrawnText
{
    QString text;
    QRectF rect; // in device coordinates: from the start of the first run to the end of the last, ascent to
                 // descent
    qreal baseline = 0;
    QFont font;
    QColor color;
};

class TextRecordingEngine : public QPaintEngine
{
public:
    TextRecordingEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    { }

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    Type type() const override { return QPaintEngine::User; }
    void updateState(const QPaintEngineState &) override { }

    // Shapes, lines and images: not recorded.
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawTiledPixmap(const QRectF &, const QPixmap &, const QPointF &) override { }
    void drawImage(const QRectF &, const QImage &, const QRectF &, Qt::ImageConversionFlags) override { }
    void drawPath(const QPainterPath &) override { }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override { }
    void drawRects(const QRect *, int) override { }
    void drawRects(const QRectF *, int) override { }
    void drawLines(const QLine *, int) override { }
    void drawLines(const QLineF *, int) override { }
    void drawEllipse(const QRectF &) override { }
    void drawEllipse(const QRect &) override { }
    void drawPoints(const QPointF *, int) override { }
    void drawPoints(const QPoint *, int) override { }

    // One run of text (one line, or a part of one in another script or font) at its baseline's start.
    void drawTextItem(const QPointF &position, const QTextItem &item) override
    {
        const QTransform transform = state->transform();
        const QPointF start = transform.map(position);
        const qreal width = transform.mapRect(QRectF(0, 0, item.width(), 1)).width();
        const QColor color = state->pen().color();
        // A run that continues the previous one (same line, starting where it ended) is the same text.
        if (!m_texts.isEmpty()) {
            DrawnText &last = m_texts.last();
            if (qAbs(last.baseline - start.y()) < 0.5 && qAbs(last.rect.right() - start.x()) < 1.5
                && last.color == color) {
                last.text += item.text();
                last.rect.setRight(start.x() + width);
                return;
            }
        }
        DrawnText text;
        text.text = item.text();
        text.baseline = start.y();
        text.rect = QRectF(start.x(), start.y() - item.ascent(), width, item.ascent() + item.descent());
        text.font = item.font();
        text.color = color;
        m_texts.append(text);
    }

    QVector<DrawnText> m_texts;
};

class TextRecorder : public QPaintDevice
{
public:
    explicit TextRecorder(const QSize &size)
        : m_size(size)
    { }
    ~TextRecorder() override = default;

    QPaintEngine *paintEngine() const override { return &m_engine; }
    const QVector<DrawnText> &texts() const { return m_engine.m_texts; }
    void clear() { m_engine.m_texts.clear(); }

    // The texts whose rectangle's centre lies inside area.
    QVector<DrawnText> textsIn(const QRectF &area) const
    {
        QVector<DrawnText> inside;
        for (const DrawnText &text : texts()) {
            if (area.contains(text.rect.center()))
                inside.append(text);
        }
        return inside;
    }
    QStringList stringsIn(const QRectF &area) const
    {
        QStringList strings;
        for (const DrawnText &text : textsIn(area))
            strings.append(text.text);
        return strings;
    }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return int(std::lround(m_size.width() * 25.4 / 96));
        case PdmHeightMM:
            return int(std::lround(m_size.height() * 25.4 / 96));
        case PdmNumColors:
            return INT_MAX;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable TextRecordingEngine m_engine;
};
