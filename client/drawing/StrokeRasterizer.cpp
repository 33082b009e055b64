#include "StrokeRasterizer.h"

#include "StrokePath.h"

#include <QImage>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace chat {

namespace {

// Per-pixel coverage (0..255) of one stroke over the part of the image it touches, and in each row the
// columns touched, so that blending skips the empty parts of the stroke's bounding box.
struct Coverage
{
    QRect area;
    std::vector<quint8> values;
    std::vector<int> rowFirst, rowLast;

    void reset(const QRect &rect)
    {
        area = rect;
        values.assign(size_t(rect.width()) * size_t(rect.height()), 0);
        rowFirst.assign(size_t(rect.height()), rect.right() + 1);
        rowLast.assign(size_t(rect.height()), rect.left() - 1);
    }
    quint8 *row(int y) { return values.data() + size_t(y - area.top()) * size_t(area.width()) - area.left(); }
    void touch(int y, int first, int last)
    {
        const size_t index = size_t(y - area.top());
        rowFirst[index] = std::min(rowFirst[index], first);
        rowLast[index] = std::max(rowLast[index], last);
    }
};

// The four channels of a premultiplied pixel times alpha / 255 (as Qt's BYTE_MUL).
inline quint32 byteMul(quint32 pixel, quint32 alpha)
{
    quint32 redBlue = (pixel & 0xff00ff) * alpha;
    redBlue = ((redBlue + ((redBlue >> 8) & 0xff00ff) + 0x800080) >> 8) & 0xff00ff;
    quint32 alphaGreen = ((pixel >> 8) & 0xff00ff) * alpha;
    alphaGreen = (alphaGreen + ((alphaGreen >> 8) & 0xff00ff) + 0x800080) & 0xff00ff00;
    return alphaGreen | redBlue;
}

// The centre line in image pixels, with points closer than minStep to the last one left out: a wide eraser
// needs far fewer segments than Qt's flattening gives, and nothing visible changes.
QPolygonF centreLine(const QVector<QPointF> &points, qreal scale, qreal minStep)
{
    QPolygonF line;
    if (points.size() == 1)
        return {points.first() * scale}; // a path of one point has no polygon
    const QList<QPolygonF> parts =
        StrokePath::smooth(points).toSubpathPolygons(QTransform::fromScale(scale, scale));
    for (const QPolygonF &part : parts) {
        for (const QPointF &point : part) {
            if (line.isEmpty() || QLineF(line.last(), point).length() >= minStep)
                line.append(point);
        }
        if (!part.isEmpty() && line.last() != part.last())
            line.append(part.last()); // the end stays where the stroke ended
    }
    return line;
}

// A segment from the origin to (dx, dy), as seen from pixel centres relative to its start.
struct Segment
{
    qreal dx, dy, length2, length;
};

// Where a row (py, relative to the segment's start) crosses the segment's capsule of radius r: a single
// interval, since the capsule is convex (the union of the two end discs and the band between them).
bool rowSpan(const Segment &s, qreal py, qreal r, qreal &low, qreal &high)
{
    low = std::numeric_limits<qreal>::max();
    high = std::numeric_limits<qreal>::lowest();
    const auto unite = [&](qreal from, qreal to) {
        low = std::min(low, from);
        high = std::max(high, to);
    };
    for (const QPointF centre : {QPointF(0, 0), QPointF(s.dx, s.dy)}) {
        const qreal h2 = r * r - (py - centre.y()) * (py - centre.y());
        if (h2 > 0)
            unite(centre.x() - std::sqrt(h2), centre.x() + std::sqrt(h2));
    }
    if (s.length2 > 0) {
        qreal from = std::numeric_limits<qreal>::lowest(), to = std::numeric_limits<qreal>::max();
        const auto clip = [&](qreal a, qreal b) {
            from = std::max(from, std::min(a, b));
            to = std::min(to, std::max(a, b));
        };
        // Within r of the line: |px * dy - py * dx| < r * length.
        if (s.dy != 0)
            clip((py * s.dx - r * s.length) / s.dy, (py * s.dx + r * s.length) / s.dy);
        else if (std::abs(py) >= r)
            return low <= high;
        // Between the ends: 0 <= px * dx + py * dy <= length2.
        if (s.dx != 0)
            clip(-py * s.dy / s.dx, (s.length2 - py * s.dy) / s.dx);
        else if (py * s.dy < 0 || py * s.dy > s.length2)
            return low <= high;
        if (from < to)
            unite(from, to);
    }
    return low <= high;
}

// Raises the coverage around segment a-b (a capsule of the given radius): full inside radius - 0.5,
// falling to none at radius + 0.5. Each row computes distances only where the edge is; the inside is
// filled at once.
void coverSegment(Coverage &coverage, QPointF a, QPointF b, qreal radius)
{
    const qreal outer = radius + 0.5, inner = std::max<qreal>(0, radius - 0.5);
    const QRect box =
        QRectF(a, b).normalized().adjusted(-outer, -outer, outer, outer).toAlignedRect() & coverage.area;
    Segment segment {b.x() - a.x(), b.y() - a.y(), 0, 0};
    segment.length2 = segment.dx * segment.dx + segment.dy * segment.dy;
    segment.length = std::sqrt(segment.length2);
    const qreal inverse = segment.length2 > 0 ? 1 / segment.length2 : 0;
    // Pixel x's centre is at x + 0.5 - a.x() from the segment's start.
    const auto firstPixel = [&](qreal low) {
        return std::max(box.left(), int(std::ceil(low + a.x() - 0.5)));
    };
    const auto lastPixel = [&](qreal high) {
        return std::min(box.right(), int(std::floor(high + a.x() - 0.5)));
    };
    const auto edgeValue = [&](int x, qreal py) {
        const qreal px = x + 0.5 - a.x();
        const qreal t = std::clamp((px * segment.dx + py * segment.dy) * inverse, qreal(0), qreal(1));
        const qreal ex = px - t * segment.dx, ey = py - t * segment.dy;
        return std::clamp(int((outer - std::sqrt(ex * ex + ey * ey)) * 255 + 0.5), 0, 255);
    };
    for (int y = box.top(); y <= box.bottom(); ++y) {
        const qreal py = y + 0.5 - a.y();
        qreal low, high;
        if (!rowSpan(segment, py, outer, low, high))
            continue;
        const int first = firstPixel(low), last = lastPixel(high);
        if (first > last)
            continue;
        int fullFirst = last + 1, fullLast = last; // the pixels inside radius - 0.5, if any
        qreal innerLow, innerHigh;
        if (inner > 0 && rowSpan(segment, py, inner, innerLow, innerHigh)) {
            fullFirst = std::max(first, firstPixel(innerLow));
            fullLast = std::min(last, lastPixel(innerHigh));
        }
        quint8 *cells = coverage.row(y);
        for (int x = first; x <= last; ++x) {
            if (x == fullFirst && fullFirst <= fullLast) {
                std::fill(cells + x, cells + fullLast + 1, quint8(255));
                x = fullLast;
                continue;
            }
            cells[x] = quint8(std::max<int>(cells[x], edgeValue(x, py)));
        }
        coverage.touch(y, first, last);
    }
}

void blend(QImage &image, Coverage &coverage, DrawingTool tool, const QColor &color)
{
    const quint32 source = qPremultiply(color.rgba());
    const QRect &area = coverage.area;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        auto *row = reinterpret_cast<quint32 *>(image.scanLine(y));
        const quint8 *values = coverage.row(y);
        const size_t index = size_t(y - area.top());
        for (int x = coverage.rowFirst[index]; x <= coverage.rowLast[index]; ++x) {
            const quint32 value = values[x];
            if (value == 0)
                continue;
            quint32 &pixel = row[x];
            if (tool == DrawingTool::Eraser) {
                pixel = byteMul(pixel, 255 - value);
            } else {
                const quint32 painted = value == 255 ? source : byteMul(source, value);
                pixel = painted + byteMul(pixel, 255 - qAlpha(painted));
            }
        }
    }
}

} // namespace

void StrokeRasterizer::paint(QImage &image, const QVector<QPointF> &points, DrawingTool tool,
                             const QColor &color, qreal scale, const QRect &clip)
{
    if (points.isEmpty())
        return;
    if (image.format() != QImage::Format_ARGB32_Premultiplied) {
        QPainter painter(&image);
        if (!clip.isNull())
            painter.setClipRect(clip);
        painter.scale(scale, scale);
        StrokePath::paint(painter, points, tool, color);
        return;
    }
    const qreal radius = toolWidth(tool) * scale / 2;
    const QPolygonF line = centreLine(points, scale, std::max<qreal>(0.5, radius / 5));
    const qreal margin = radius + 1;
    const QRect area = line.boundingRect().adjusted(-margin, -margin, margin, margin).toAlignedRect()
        & image.rect() & (clip.isNull() ? image.rect() : clip);
    if (area.isEmpty())
        return;
    thread_local Coverage coverage; // its buffers are kept from stroke to stroke
    coverage.reset(area);
    if (line.size() == 1)
        coverSegment(coverage, line.first(), line.first(), radius); // a click leaves a dot
    for (qsizetype i = 1; i < line.size(); ++i)
        coverSegment(coverage, line.at(i - 1), line.at(i), radius);
    blend(image, coverage, tool, color);
}

} // namespace chat
