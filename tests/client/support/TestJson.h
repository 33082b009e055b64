#pragma once

#include <QByteArray>

// JSON written with single quotes in test sources, turned into real JSON. (moc in Qt 6.4 loses the test
// classes in files with raw string literals, so the statements are written this way.)
inline QByteArray jsonText(const char *text)
{
    QByteArray json(text);
    json.replace('\'', '"');
    return json;
}
