#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Short builders for call fields in tests.
inline QJsonObject fields(std::initializer_list<std::pair<const char *, QJsonValue>> pairs)
{
    QJsonObject object;
    for (const auto &[key, value] : pairs)
        object.insert(QString::fromUtf8(key), value);
    return object;
}

inline QString str(const char *text)
{
    return QString::fromUtf8(text);
}

// The object a live_line_changed carries for a pen preview of #112233 (the colour the live tests draw with).
inline QJsonObject livePreview(const QString &uuid, const QString &user, int from, const QJsonArray &points,
                               bool end = false)
{
    return fields({{"uuid", uuid},
                   {"user", user},
                   {"from", from},
                   {"points", points},
                   {"tool", str("pen")},
                   {"color", str("#112233")},
                   {"end", end}});
}
