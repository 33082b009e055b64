#pragma once

#include "model/Message.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
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
    struct Listing
    {
        QVector<Message> messages;
        // socketchat.v1 paging (docs/EXTENSIONS.md); a plain server sends neither.
        bool more = false; // the room holds older messages (false when absent)
        QString
            before; // the page ends before this message: put it in front; empty (absent, null): a new list
    };

    static std::optional<Listing> read(const QByteArray &utf8);

private:
    explicit MessageListReader(JsonCursor &cursor)
        : m_cursor(cursor)
    { }

    bool readStatement();
    bool readPayload();
    bool readList();
    bool readPageKeys(QByteArrayView key, bool &known); // "more" and "before"
    bool readMessage();
    bool readUser(User &user, bool &valid);
    bool readText(QString &out); // a string, or null as empty text; other values: fail
    bool readOptionalString(QString &out); // a string; other values are skipped and read as empty
    void share(QString &value, QString &last); // equal texts share one string (authors, rooms, dates)

    JsonCursor &m_cursor;
    QString m_type;
    QString m_name;
    bool m_hasList = false;
    Listing m_listing;
    QString m_lastUserUuid, m_lastUserName, m_lastUserRoom, m_lastRoom, m_lastCreated;
};

} // namespace chat
