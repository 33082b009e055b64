#include "Drawing.h"

#include "Uuid.h"
#include "protocol/JsonWriter.h"
#include "protocol/MessageNames.h"

#include <QJsonArray>

namespace chat {

QString Drawing::name() const
{
    return Uuid::defaultName("drawing", uuid);
}

QJsonObject Drawing::toJson() const
{
    QJsonArray lineList;
    for (const Line &line : lines)
        lineList.append(line.toJson());
    return QJsonObject {{QString::fromUtf16(key::uuid), uuid},
                        {QString::fromUtf16(key::name), name()},
                        {QString::fromUtf16(key::lines), lineList}};
}

void Drawing::writeJson(JsonWriter &writer) const
{
    writer.beginObject();
    writer.key("uuid");
    writer.value(uuid);
    writer.key("name");
    writer.value(name());
    writer.key("lines");
    writer.beginArray();
    for (const Line &line : lines)
        line.writeJson(writer);
    writer.endArray();
    writer.endObject();
}

std::optional<Drawing> Drawing::fromJson(const QJsonObject &json)
{
    const QJsonValue uuid = json.value(QStringView(key::uuid));
    if (!uuid.isString())
        return std::nullopt;
    Drawing drawing;
    drawing.uuid = uuid.toString();
    const QJsonArray lineList = json.value(QStringView(key::lines)).toArray();
    for (const QJsonValue &value : lineList) {
        if (const auto line = Line::fromJson(value.toObject()))
            drawing.lines.append(*line);
    }
    return drawing;
}

} // namespace chat
