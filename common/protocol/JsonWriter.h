#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>
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

    void value(QStringView text);
    void value(const QString &text) { value(QStringView(text)); }
    void value(qint64 number);
    void value(int number) { value(static_cast<qint64>(number)); }
    void nullValue();
    // Text that is already valid compact JSON (for example a stored points array).
    void rawValue(const QByteArray &json);
    // Any JSON value; for the few small extras of a statement (a flag, a uuid), not for bulk data.
    void jsonValue(const QJsonValue &value);

    // A string, or null when it is empty (room_uuid).
    void stringOrNull(const QString &text);

private:
    void separate();
    void appendEscaped(QStringView text);

    QByteArray &m_out;
    QVarLengthArray<bool, 16> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace chat
