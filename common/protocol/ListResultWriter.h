#pragma once

#include "JsonWriter.h"
#include "MessageNames.h"
#include "ServerStatement.h"

#include <QByteArray>
#include <QJsonObject>

namespace chat {

// Writes a result with a list straight into the text that goes on the wire, one element at a time. For lists
// too big to hold twice (a room's whole history): nothing is collected first and nothing is copied into an
// envelope afterwards.
class ListResultWriter
{
public:
    explicit ListResultWriter(ResultName name);

    // Where the list's elements go, each as one JSON value.
    JsonWriter &elements() { return m_writer; }
    // Closes the list, adds the payload members beside it (socketchat.v1 only) and returns the statement.
    // Nothing may be written afterwards.
    ServerStatement finish(const QJsonObject &members = {});

private:
    QByteArray m_text;
    JsonWriter m_writer;
    ResultName m_name;
};

} // namespace chat
