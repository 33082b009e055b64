#pragma once

#include "Line.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace chat {

class JsonWriter;

// {"uuid", "name": "drawing-<uuid>", "lines": [line…]}: one per room, made together with the room.
struct Drawing
{
    QString uuid;
    QVector<Line> lines; // insertion order; a replaced line keeps its place

    QString name() const;
    QJsonObject toJson() const;
    void writeJson(JsonWriter &writer) const; // the same JSON as toJson(), written directly
    static std::optional<Drawing> fromJson(const QJsonObject &json);
};

} // namespace chat
