#include "PayloadFields.h"

#include "model/Line.h"
#include "protocol/MessageNames.h"

#include <QJsonArray>

#include <cmath>

namespace chat::server {

namespace {
// Text a client sends must survive storage unchanged: lone UTF-16 surrogates would not.
PayloadFields::Text textOf(const QString &text)
{
    if (!text.isValidUtf16())
        return {PayloadFields::Status::WrongType, {}};
    return {PayloadFields::Status::Present, text};
}
} // namespace

PayloadFields::PayloadFields(const QJsonObject &payload)
    : m_payload(payload)
{ }

bool PayloadFields::has(const char16_t *key) const
{
    return m_payload.contains(QStringView(key));
}

bool PayloadFields::isFalsy(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::Bool:
        return !value.toBool();
    case QJsonValue::Double:
        return value.toDouble() == 0.0;
    case QJsonValue::String:
        return value.toString().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return value.toObject().isEmpty();
    }
    return false;
}

PayloadFields::Text PayloadFields::roomUuid() const
{
    const QJsonValue value = m_payload.value(QStringView(key::uuid));
    if (value.isUndefined())
        return {Status::Missing, {}};
    if (value.isNull() || value.isDouble())
        return {Status::NoSuchRoom, {}};
    if (!value.isString())
        return {Status::WrongType, {}};
    return textOf(value.toString());
}

PayloadFields::Text PayloadFields::optionalText(const char16_t *key) const
{
    const QJsonValue value = m_payload.value(QStringView(key));
    if (value.isUndefined())
        return {Status::Missing, {}};
    if (isFalsy(value))
        return {Status::Ignored, {}};
    if (!value.isString())
        return {Status::WrongType, {}};
    return textOf(value.toString());
}

PayloadFields::Text PayloadFields::requiredText(const char16_t *key) const
{
    const QJsonValue value = m_payload.value(QStringView(key));
    if (value.isUndefined())
        return {Status::Missing, {}};
    if (!value.isString())
        return {Status::WrongType, {}};
    return textOf(value.toString());
}

PayloadFields::Text PayloadFields::nullableText(const char16_t *key) const
{
    if (m_payload.value(QStringView(key)).isNull())
        return {Status::Missing, {}};
    return requiredText(key);
}

PayloadFields::Integer PayloadFields::boundedInteger(const char16_t *key, int min, int max) const
{
    const QJsonValue value = m_payload.value(QStringView(key));
    if (value.isUndefined())
        return {Status::Missing, 0};
    const double number = value.toDouble();
    if (!value.isDouble() || number < min || number > max || number != std::trunc(number))
        return {Status::WrongType, 0};
    return {Status::Present, static_cast<int>(number)};
}

bool PayloadFields::hasPointArray(const char16_t *key) const
{
    const QJsonValue value = m_payload.value(QStringView(key));
    return value.isArray() && Line::isPointArray(value.toArray());
}

} // namespace chat::server

namespace chat::server {

QJsonArray PayloadFields::pointArray(const char16_t *key) const
{
    return m_payload.value(QStringView(key)).toArray();
}

} // namespace chat::server
