#include "MessageListReader.h"

#include "JsonCursor.h"

#include <QUtf8StringView>

namespace chat {

std::optional<MessageListReader::Listing> MessageListReader::read(const QByteArray &utf8)
{
    // Cheap checks first: other statements (and text that is not UTF-8) take the general path.
    if (!utf8.contains("\"messages_listed\"") || !QUtf8StringView(utf8).isValidUtf8())
        return std::nullopt;
    JsonCursor cursor(utf8);
    MessageListReader reader(cursor);
    if (!reader.readStatement() || !cursor.atEnd())
        return std::nullopt;
    if (reader.m_type != QLatin1String("result") || reader.m_name != QLatin1String("messages_listed")
        || !reader.m_hasList)
        return std::nullopt;
    return std::move(reader.m_listing);
}

bool MessageListReader::readStatement()
{
    if (!m_cursor.enterObject())
        return false;
    bool first = true;
    QByteArrayView key;
    while (m_cursor.nextMember(first, key)) {
        // A repeated key counts with its last value, as in QJsonDocument.
        if (key == "type") {
            if (!m_cursor.readString(m_type))
                return false;
        } else if (key == "payload") {
            if (!readPayload())
                return false;
        } else if (!m_cursor.skipValue()) {
            return false;
        }
    }
    return !m_cursor.failed();
}

bool MessageListReader::readPayload()
{
    m_name.clear();
    m_hasList = false;
    m_listing = Listing();
    if (!m_cursor.enterObject())
        return false;
    bool first = true;
    QByteArrayView key;
    while (m_cursor.nextMember(first, key)) {
        bool known = true;
        if (key == "message") {
            if (!m_cursor.readString(m_name))
                return false;
        } else if (key == "list") {
            if (!readList())
                return false;
        } else if (!readPageKeys(key, known)) {
            return false;
        } else if (!known && !m_cursor.skipValue()) {
            return false;
        }
    }
    return !m_cursor.failed();
}

bool MessageListReader::readPageKeys(QByteArrayView key, bool &known)
{
    // Values of another type than the extension's are unusual: the general path decides about them.
    known = true;
    if (key == "more")
        return m_cursor.readBool(m_listing.more);
    if (key == "before") {
        if (m_cursor.peek() == 'n') {
            m_listing.before.clear();
            return m_cursor.readNull();
        }
        return m_cursor.peek() == '"' ? m_cursor.readString(m_listing.before) : m_cursor.fail();
    }
    known = false;
    return true;
}

bool MessageListReader::readList()
{
    m_listing.messages.clear();
    m_hasList = true;
    if (!m_cursor.enterArray())
        return false;
    bool first = true;
    while (m_cursor.nextElement(first)) {
        const bool isObject = m_cursor.peek() == '{';
        if (!(isObject ? readMessage() : m_cursor.skipValue()))
            return false; // not an object: no message, as Message::fromJson on an empty object
    }
    return !m_cursor.failed();
}

bool MessageListReader::readMessage()
{
    Message message;
    bool uuidValid = false, userValid = false;
    if (!m_cursor.enterObject())
        return false;
    bool first = true;
    QByteArrayView key;
    while (m_cursor.nextMember(first, key)) {
        bool ok = true;
        if (key == "uuid") {
            uuidValid = m_cursor.peek() == '"';
            ok = uuidValid ? m_cursor.readString(message.uuid) : m_cursor.skipValue();
        } else if (key == "body") {
            ok = readText(message.body);
        } else if (key == "user") {
            ok = readUser(message.user, userValid);
        } else if (key == "room_uuid") {
            ok = readOptionalString(message.roomUuid);
            share(message.roomUuid, m_lastRoom);
        } else if (key == "created") {
            ok = readOptionalString(message.created);
            share(message.created, m_lastCreated);
        } else {
            ok = m_cursor.skipValue();
        }
        if (!ok)
            return false;
    }
    if (m_cursor.failed())
        return false;
    if (uuidValid && userValid)
        m_listing.messages.append(std::move(message));
    return true;
}

bool MessageListReader::readUser(User &user, bool &valid)
{
    user = User();
    valid = false;
    if (m_cursor.peek() != '{')
        return m_cursor.skipValue(); // not an object: no author, so no message
    m_cursor.enterObject();
    bool first = true;
    QByteArrayView key;
    while (m_cursor.nextMember(first, key)) {
        bool ok = true;
        if (key == "uuid") {
            valid = m_cursor.peek() == '"';
            ok = valid ? m_cursor.readString(user.uuid) : m_cursor.skipValue();
            share(user.uuid, m_lastUserUuid);
        } else if (key == "name") {
            ok = readText(user.name);
            share(user.name, m_lastUserName);
        } else if (key == "room_uuid") {
            ok = readOptionalString(user.roomUuid);
            share(user.roomUuid, m_lastUserRoom);
        } else {
            ok = m_cursor.skipValue();
        }
        if (!ok)
            return false;
    }
    if (!valid)
        user = User();
    return !m_cursor.failed();
}

bool MessageListReader::readText(QString &out)
{
    // JsonText::textOf also turns numbers, booleans, arrays and objects into text; those rare cases are
    // left to the general path rather than repeated here.
    const char next = m_cursor.peek();
    if (next == '"')
        return m_cursor.readString(out);
    if (next == 'n') {
        out.clear();
        return m_cursor.readNull();
    }
    return m_cursor.fail();
}

bool MessageListReader::readOptionalString(QString &out)
{
    if (m_cursor.peek() == '"')
        return m_cursor.readString(out);
    out.clear();
    return m_cursor.skipValue();
}

void MessageListReader::share(QString &value, QString &last)
{
    if (value == last)
        value = last;
    else
        last = value;
}

} // namespace chat
