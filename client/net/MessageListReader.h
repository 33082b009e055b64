#pragma once

#include "model/Message.h"

#include <QByteArray>
#include <QVector>

#include <optional>

namespace chat {

class JsonCursor;

// Reads a messages_listed result straight from its JSON text into Message values. Entering a room with a
// long history is the client's biggest statement (100 000 messages are about 25 MB): building a
// QJsonDocument and then QJsonObjects for it took most of the time. The result is the same as
// ServerStatement::parse + Message::fromJson for each element (invalid messages are left out); for any
// other statement, or anything unusual, it returns nullopt and the caller takes the general path.
class MessageListReader
{
public:
    static std::optional<QVector<Message>> read(const QByteArray &utf8);

private:
    explicit MessageListReader(JsonCursor &cursor)
        : m_cursor(cursor)
    { }

    bool readStatement();
    bool readPayload();
    bool readList();
    bool readMessage();
    bool readUser(User &user, bool &valid);
    bool readText(QString &out); // a string, or null as empty text; other values: fail
    bool readOptionalString(QString &out); // a string; other values are skipped and read as empty
    void share(QString &value, QString &last); // equal texts share one string (authors, rooms, dates)

    JsonCursor &m_cursor;
    QString m_type;
    QString m_name;
    bool m_hasList = false;
    QVector<Message> m_messages;
    QString m_lastUserUuid, m_lastUserName, m_lastUserRoom, m_lastRoom, m_lastCreated;
};

} // namespace chat
