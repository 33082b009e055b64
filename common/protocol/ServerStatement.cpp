#include "ServerStatement.h"

#include "ExactText.h"
#include "JsonWriter.h"

#include <QJsonDocument>

#include <utility>

namespace chat {

ServerStatement::ServerStatement(StatementType type, QString name)
    : m_type(type)
    , m_name(std::move(name))
{ }

ServerStatement ServerStatement::result(ResultName name)
{
    return {StatementType::Result, nameOf(name)};
}

ServerStatement ServerStatement::result(ResultName name, const QJsonObject &object)
{
    ServerStatement statement(StatementType::Result, nameOf(name));
    statement.m_hasObject = true;
    statement.m_object = object;
    return statement;
}

ServerStatement ServerStatement::result(ResultName name, const QJsonArray &list)
{
    ServerStatement statement(StatementType::Result, nameOf(name));
    statement.m_hasList = true;
    statement.m_list = list;
    return statement;
}

ServerStatement ServerStatement::error(ErrorName name)
{
    return {StatementType::Error, nameOf(name)};
}

ServerStatement ServerStatement::general(GeneralReply reply)
{
    return {StatementType::Result, nameOf(reply)};
}

ServerStatement ServerStatement::resultWithRawObject(ResultName name, QByteArray objectJson)
{
    ServerStatement statement(StatementType::Result, nameOf(name));
    statement.m_hasObject = true;
    statement.m_raw = std::move(objectJson);
    return statement;
}

ServerStatement ServerStatement::resultWithRawList(ResultName name, QByteArray listJson)
{
    ServerStatement statement(StatementType::Result, nameOf(name));
    statement.m_hasList = true;
    statement.m_raw = std::move(listJson);
    return statement;
}

ServerStatement ServerStatement::resultFromText(ResultName name, QByteArray text, const QJsonObject &members)
{
    ServerStatement statement(StatementType::Result, nameOf(name));
    statement.m_hasList = true;
    statement.m_text = std::move(text);
    statement.m_members = members;
    return statement;
}

ServerStatement &ServerStatement::withMember(const char16_t *key, const QJsonValue &value)
{
    Q_ASSERT(m_text.isEmpty()); // a written statement takes its members in ListResultWriter::finish
    m_members.insert(QStringView(key), value);
    return *this;
}

QJsonObject ServerStatement::object() const
{
    if (m_hasObject && !m_raw.isEmpty())
        return ExactText::parseJson(m_raw).object();
    return m_object;
}

QJsonArray ServerStatement::list() const
{
    if (!m_text.isEmpty())
        return ExactText::parseJson(m_text)
            .object()
            .value(QStringView(key::payload))
            .toObject()
            .value(QStringView(key::list))
            .toArray();
    if (m_hasList && !m_raw.isEmpty())
        return ExactText::parseJson(m_raw).array();
    return m_list;
}

std::optional<GeneralReply> ServerStatement::generalReply() const
{
    if (m_type != StatementType::Result)
        return std::nullopt;
    return generalReplyFrom(m_name);
}

std::optional<ServerStatement> ServerStatement::parse(const QByteArray &utf8)
{
    const QJsonDocument document = ExactText::parseJson(utf8);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    const auto type = statementTypeFrom(root.value(QStringView(key::type)).toString());
    const QJsonValue payloadValue = root.value(QStringView(key::payload));
    if (!type || !payloadValue.isObject())
        return std::nullopt;
    const QJsonObject payload = payloadValue.toObject();
    const QJsonValue message = payload.value(QStringView(key::message));
    if (!message.isString())
        return std::nullopt;

    ServerStatement statement(*type, message.toString());
    const QJsonValue object = payload.value(QStringView(key::object));
    const QJsonValue list = payload.value(QStringView(key::list));
    if (object.isObject()) {
        statement.m_hasObject = true;
        statement.m_object = object.toObject();
    }
    if (list.isArray()) {
        statement.m_hasList = true;
        statement.m_list = list.toArray();
    }
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (it.key() != QStringView(key::message) && it.key() != QStringView(key::object)
            && it.key() != QStringView(key::list))
            statement.m_members.insert(it.key(), it.value());
    }
    return statement;
}

QJsonObject ServerStatement::toJson() const
{
    QJsonObject payload {{QString::fromUtf16(key::message), m_name}};
    if (m_hasObject)
        payload.insert(QStringView(key::object), object());
    if (m_hasList)
        payload.insert(QStringView(key::list), list());
    for (auto it = m_members.begin(); it != m_members.end(); ++it)
        payload.insert(it.key(), it.value());
    return QJsonObject {{QString::fromUtf16(key::type), nameOf(m_type)},
                        {QString::fromUtf16(key::payload), payload}};
}

QByteArray ServerStatement::toUtf8() const
{
    if (!m_text.isEmpty())
        return m_text;
    if (m_raw.isEmpty())
        return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    // Splice the serialized object or list into the envelope without parsing it again.
    QByteArray text;
    text.reserve(m_raw.size() + m_name.size() + 64);
    JsonWriter writer(text);
    writer.beginObject();
    writer.key("type");
    writer.value(nameOf(m_type));
    writer.key("payload");
    writer.beginObject();
    writer.key("message");
    writer.value(m_name);
    writer.key(m_hasObject ? "object" : "list");
    writer.rawValue(m_raw);
    for (auto it = m_members.begin(); it != m_members.end(); ++it) {
        writer.key(it.key());
        writer.jsonValue(it.value());
    }
    writer.endObject();
    writer.endObject();
    return text;
}

} // namespace chat
