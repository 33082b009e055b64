#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace chat {

// A strict, allocation-light reader over JSON text (RFC 8259), for the few big statements whose values the
// client wants without building a QJsonDocument first. It reads values in place; anything it is not sure
// of (invalid JSON, numbers it cannot check cheaply, deep nesting) sets failed(), and the caller then falls
// back to QJsonDocument, so it never accepts what Qt's parser would reject. Expects valid UTF-8.
class JsonCursor
{
public:
    explicit JsonCursor(QByteArrayView text)
        : m_text(text)
    { }

    bool failed() const { return m_failed; }
    bool fail()
    {
        m_failed = true;
        return false;
    }
    char peek(); // the next character after whitespace; 0 at the end or after a failure
    bool atEnd() { return peek() == 0 && !m_failed; }

    bool enterObject() { return expect('{'); }
    // Steps to the next member of the object entered; false (and the '}' consumed) after the last one.
    // The key is valid until the next call.
    bool nextMember(bool &first, QByteArrayView &key);
    bool enterArray() { return expect('['); }
    bool nextElement(bool &first); // false (and the ']' consumed) after the last element

    bool readString(QString &out); // the next value must be a string
    bool readNull(); // the next value must be null
    bool readBool(bool &out); // the next value must be true or false
    bool skipValue(int depth = 0);

private:
    bool expect(char c);
    bool scanString(QByteArrayView &raw, bool &escaped); // the raw bytes between the quotes
    bool decodeEscapes(QByteArrayView raw, QString &out);
    bool skipNumber();
    bool skipLiteral(QByteArrayView literal);

    QByteArrayView m_text;
    qsizetype m_at = 0;
    bool m_failed = false;
    QByteArray m_keyBuffer; // an escaped key, decoded
};

} // namespace chat
