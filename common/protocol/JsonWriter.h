#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <QUtf8StringView>
#include <QVarLengthArray>

namespace chat {

// Writes compact JSON straight into UTF-8 bytes. The server's hot paths (histories, room lists, drawings)
// use it instead of building QJsonObjects only to serialize them: that costs an allocation per value and two
// text conversions. Output is equivalent JSON to QJsonDocument::Compact; tests compare the two.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // An object key: plain ASCII known at compile time (no escaping needed).
    void key(const char *asciiKey);
    // Any key, escaped as needed.
    void key(QStringView text);

    // Text in either encoding (a model's QString, a database row's UTF-8); UTF-8 that is not valid becomes
    // U+FFFD, and so does a lone surrogate.
    void value(QAnyStringView text);
    // "<asciiPrefix><text>", for names made from a uuid ("message-<uuid>").
    void prefixedValue(const char *asciiPrefix, QAnyStringView text);
    void value(qint64 number);
    void value(int number) { value(static_cast<qint64>(number)); }
    void nullValue();
    // Text that is already valid compact JSON (for example a stored points array).
    void rawValue(const QByteArray &json);
    // Any JSON value; for the few small extras of a statement (a flag, a uuid), not for bulk data.
    void jsonValue(const QJsonValue &value);

    // A string, or null when it is empty (room_uuid).
    void stringOrNull(QAnyStringView text);

private:
    void separate();
    void appendEscaped(QAnyStringView text);
    void appendEscaped(QStringView text);
    void appendEscaped(QUtf8StringView text);
    // Makes room for `units` more code units escaped (at most 6 bytes each) and returns where they go.
    char *reserveForEscaped(qsizetype units);

    QByteArray &m_out;
    QVarLengthArray<bool, 16> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace chat
