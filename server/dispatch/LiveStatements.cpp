#include "LiveStatements.h"

#include "protocol/JsonWriter.h"
#include "protocol/MessageNames.h"
#include "protocol/ServerStatement.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace chat::server {

namespace {
QByteArray resultText(ResultName name, QByteArray object)
{
    return ServerStatement::resultWithRawObject(name, std::move(object)).toUtf8();
}
} // namespace

QByteArray liveLineChangedText(const LivePreview &preview)
{
    QByteArray json;
    json.reserve(160 + preview.points.size() * 8);
    JsonWriter writer(json);
    writer.beginObject();
    writer.key("uuid");
    writer.value(preview.uuid);
    writer.key("user");
    writer.value(preview.user);
    writer.key("from");
    writer.value(preview.from);
    writer.key("points");
    writer.beginArray();
    for (const QJsonValue &number : preview.points)
        writer.jsonValue(number);
    writer.endArray();
    writer.key("tool");
    writer.value(preview.tool);
    writer.key("color");
    writer.value(preview.color);
    writer.key("end");
    writer.jsonValue(preview.end);
    writer.endObject();
    return resultText(ResultName::LiveLineChanged, std::move(json));
}

std::optional<LivePreview> livePreviewOf(const QByteArray &statement)
{
    const auto parsed = ServerStatement::parse(statement);
    if (!parsed || parsed->resultName() != ResultName::LiveLineChanged)
        return std::nullopt;
    const QJsonObject object = parsed->object();
    LivePreview preview;
    preview.uuid = object.value(QStringView(key::uuid)).toString();
    preview.user = object.value(QStringView(key::user)).toString();
    preview.from = qint64(object.value(QStringView(key::from)).toDouble());
    preview.points = object.value(QStringView(key::points)).toArray();
    preview.tool = object.value(QStringView(key::tool)).toString();
    preview.color = object.value(QStringView(key::color)).toString();
    preview.end = object.value(QStringView(key::end)).toBool();
    return preview;
}

qsizetype jsonNumberBytes(const QJsonValue &number)
{
    QByteArray text;
    JsonWriter writer(text);
    writer.jsonValue(number);
    return text.size();
}

QByteArray typingChangedText(const QString &userUuid, const QString &roomUuid, bool typing)
{
    QByteArray json;
    JsonWriter writer(json);
    writer.beginObject();
    writer.key("user");
    writer.value(userUuid);
    writer.key("room_uuid");
    writer.value(roomUuid);
    writer.key("typing");
    writer.jsonValue(typing);
    writer.endObject();
    return resultText(ResultName::TypingChanged, std::move(json));
}

} // namespace chat::server
