#include "CallLimits.h"

#include "ServerLogging.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QJsonArray>

namespace chat::server {

namespace {

// Only a string can be over a length cap; other types are left to the handler's own replies.
bool textOver(const QJsonObject &payload, const char16_t *key, int cap)
{
    const QJsonValue value = payload.value(QStringView(key));
    return cap > 0 && value.isString() && CallParser::codePointCount(value.toString()) > cap;
}

} // namespace

CallLimits::CallLimits(Store &store, CallCaps caps)
    : m_store(store)
    , m_caps(caps)
{ }

std::optional<ErrorName> CallLimits::check(const Peer &peer, const CallStatement &call)
{
    switch (call.name) {
    case CallName::ChangeName:
    case CallName::ChangeUserName:
        return checkName(call.payload);
    case CallName::CreateMessage:
        return checkBody(call.payload);
    case CallName::ChangeDrawLine:
        return checkLine(peer, call.payload);
    case CallName::DrawLive:
        return checkLivePoints(peer, call.payload);
    default:
        return std::nullopt;
    }
}

std::optional<ErrorName> CallLimits::checkName(const QJsonObject &payload) const
{
    if (textOver(payload, key::name, m_caps.maxNameLength))
        return ErrorName::NameTooLong;
    return std::nullopt;
}

std::optional<ErrorName> CallLimits::checkBody(const QJsonObject &payload) const
{
    if (textOver(payload, key::body, m_caps.maxBodyLength))
        return ErrorName::BodyTooLong;
    return std::nullopt;
}

std::optional<ErrorName> CallLimits::checkLivePoints(const Peer &peer, const QJsonObject &payload) const
{
    // docs/EXTENSIONS.md, "Live strokes": the whole stroke so far, from + len(points), obeys the line cap.
    // Outside a room the preview is dropped without a word; a wrongly typed field is the handler's.
    const QJsonValue from = payload.value(QStringView(key::from));
    const QJsonValue points = payload.value(QStringView(key::points));
    if (m_caps.maxPointsPerLine <= 0 || peer.roomUuid.isEmpty() || !from.isDouble() || !points.isArray())
        return std::nullopt;
    if (from.toDouble() + double(points.toArray().size()) > double(m_caps.maxPointsPerLine))
        return ErrorName::TooManyPoints;
    return std::nullopt;
}

std::optional<ErrorName> CallLimits::checkLine(const Peer &peer, const QJsonObject &payload)
{
    const QJsonValue points = payload.value(QStringView(key::points));
    if (m_caps.maxPointsPerLine > 0 && points.isArray() && points.toArray().size() > m_caps.maxPointsPerLine)
        return ErrorName::TooManyPoints;
    const QJsonValue uuid = payload.value(QStringView(key::uuid));
    // Outside a room or without a string uuid the handler answers on its own; nothing is stored.
    if (m_caps.maxLinesPerDrawing <= 0 || peer.roomUuid.isEmpty() || !uuid.isString())
        return std::nullopt;
    try {
        const Store::LineCount count = m_store.countLines(peer.roomUuid, uuid.toString());
        if (!count.hasLine && count.lines >= m_caps.maxLinesPerDrawing)
            return ErrorName::TooManyLines;
    } catch (const StorageError &error) {
        qCWarning(lcStorage) << "cannot count the lines of room" << peer.roomUuid << ":" << error.what();
        return ErrorName::InternalError;
    }
    return std::nullopt;
}

} // namespace chat::server
