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
