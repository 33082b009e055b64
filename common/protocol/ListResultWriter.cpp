#include "ListResultWriter.h"

namespace chat {

ListResultWriter::ListResultWriter(ResultName name)
    : m_writer(m_text)
    , m_name(name)
{
    m_writer.beginObject();
    m_writer.key("type");
    m_writer.value(nameOf(StatementType::Result));
    m_writer.key("payload");
    m_writer.beginObject();
    m_writer.key("message");
    m_writer.value(nameOf(name));
    m_writer.key("list");
    m_writer.beginArray();
}

ServerStatement ListResultWriter::finish(const QJsonObject &members)
{
    m_writer.endArray();
    for (auto it = members.begin(); it != members.end(); ++it) {
        m_writer.key(it.key());
        m_writer.jsonValue(it.value());
    }
    m_writer.endObject();
    m_writer.endObject();
    return ServerStatement::resultFromText(m_name, std::move(m_text), members);
}

} // namespace chat
