#include "Line.h"

#include "JsonText.h"
#include "Uuid.h"
#include "protocol/JsonWriter.h"
#include "protocol/MessageNames.h"

#include <QJsonDocument>

#include <cmath>

namespace chat {

QString Line::freshName()
{
    return Uuid::defaultName("line", Uuid::create());
}

bool Line::isPointArray(const QJsonArray &points)
{
    for (const QJsonValue &value : points) {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return false;
    }
    return true;
}

QVector<QPointF> Line::pointList() const
{
    QVector<QPointF> list;
    list.reserve(points.size() / 2);
    for (qsizetype i = 0; i + 1 < points.size(); i += 2)
        list.append(QPointF(points.at(i).toDouble(), points.at(i + 1).toDouble()));
    return list;
}

QJsonArray Line::toPointArray(const QVector<QPointF> &points)
{
    QJsonArray array;
    for (const QPointF &point : points) {
        array.append(point.x());
        array.append(point.y());
    }
    return array;
}

QJsonObject Line::toJson() const
{
    return QJsonObject {{QString::fromUtf16(key::uuid), uuid},
                        {QString::fromUtf16(key::name), name},
                        {QString::fromUtf16(key::points), points},
                        {QString::fromUtf16(key::tool), tool},
                        {QString::fromUtf16(key::color), color}};
}

void Line::writeJson(JsonWriter &writer) const
{
    writer.beginObject();
    writer.key("uuid");
    writer.value(uuid);
    writer.key("name");
    writer.value(name);
    writer.key("points");
    writer.rawValue(pointsJson.isEmpty() ? QJsonDocument(points).toJson(QJsonDocument::Compact) : pointsJson);
    writer.key("tool");
    writer.value(tool);
    writer.key("color");
    writer.value(color);
    writer.endObject();
}

std::optional<Line> Line::fromJson(const QJsonObject &json)
{
    const QJsonValue uuid = json.value(QStringView(key::uuid));
    if (uuid.isUndefined() || uuid.isNull())
        return std::nullopt;
    Line line;
    line.uuid = JsonText::textOf(uuid); // the original accepts any JSON as a line uuid
    line.name = JsonText::textOf(json.value(QStringView(key::name)));
    const QJsonArray points = json.value(QStringView(key::points)).toArray();
    line.points = isPointArray(points) ? points : QJsonArray();
    line.tool = JsonText::textOf(json.value(QStringView(key::tool)));
    line.color = JsonText::nullableString(json.value(QStringView(key::color)));
    return line;
}

} // namespace chat
