#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QPointF>
#include <QString>
#include <QVector>

#include <optional>

namespace chat {

class JsonWriter;

// {"uuid": <chosen by the client>, "name": "line-<fresh uuid4>", "points": [x0, y0, …], "tool", "color"}
struct Line
{
    QString uuid;
    QString name; // given once, at creation; unrelated to uuid (docs/PROTOCOL.md Q11)
    QJsonArray points; // flat numbers in board coordinates (640×480), echoed exactly as sent
    QString tool; // "pen" or "eraser" from the clients we know
    QString color;
    // The points as compact JSON text, as stored. When set, writeJson() uses it and `points` may be left
    // empty: the server reads stored lines only to send them, and parsing large drawings costs time.
    QByteArray pointsJson = {};

    static QString freshName();

    static bool isPointArray(const QJsonArray &points); // every element a finite number
    QVector<QPointF> pointList() const; // pairs; a dangling last number is ignored
    static QJsonArray toPointArray(const QVector<QPointF> &points);

    QJsonObject toJson() const;
    void writeJson(JsonWriter &writer) const; // the same JSON as toJson(), written directly
    static std::optional<Line> fromJson(const QJsonObject &json);

    friend bool operator==(const Line &a, const Line &b)
    {
        return a.uuid == b.uuid && a.name == b.name && a.points == b.points && a.tool == b.tool
            && a.color == b.color;
    }
};

} // namespace chat
