#pragma once

#include "MessageNames.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace chat {

// A server → client statement: {"type": "result"|"error", "payload": {"message": name[, "object"|"list"]}}.
class ServerStatement
{
public:
    static ServerStatement result(ResultName name);
    static ServerStatement result(ResultName name, const QJsonObject &object);
    static ServerStatement result(ResultName name, const QJsonArray &list);
    static ServerStatement error(ErrorName name);
    static ServerStatement general(GeneralReply reply);
    // A result whose object or list is already serialized (compact JSON, e.g. from JsonWriter).
    static ServerStatement resultWithRawObject(ResultName name, QByteArray objectJson);
    static ServerStatement resultWithRawList(ResultName name, QByteArray listJson);
    // A result with a list whose whole statement is already written (ListResultWriter): `text` goes out as it
    // is; `members` are those it holds beside the list.
    static ServerStatement resultFromText(ResultName name, QByteArray text, const QJsonObject &members);
    // Adds a payload member beside "message", "object" and "list". Only the socketchat.v1 extensions
    // (docs/EXTENSIONS.md) use them; a statement for a plain client never has one.
    ServerStatement &withMember(const char16_t *key, const QJsonValue &value);

    // Parses what a server sent. Unknown names are kept (as text) so a client can ignore them;
    // nullopt only when the text is not a statement at all.
    static std::optional<ServerStatement> parse(const QByteArray &utf8);

    StatementType type() const { return m_type; }
    const QString &name() const { return m_name; }
    std::optional<ResultName> resultName() const { return resultNameFrom(m_name); }
    std::optional<ErrorName> errorName() const { return errorNameFrom(m_name); }
    std::optional<GeneralReply> generalReply() const;

    bool hasObject() const { return m_hasObject; }
    bool hasList() const { return m_hasList; }
    QJsonObject object() const;
    QJsonArray list() const;
    // A payload member other than "message", "object" and "list" (undefined when absent), and all of them.
    QJsonValue member(const char16_t *key) const { return m_members.value(QStringView(key)); }
    const QJsonObject &members() const { return m_members; }

    QJsonObject toJson() const;
    QByteArray toUtf8() const;
    QString toText() const { return QString::fromUtf8(toUtf8()); }

private:
    ServerStatement(StatementType type, QString name);

    StatementType m_type;
    QString m_name;
    bool m_hasObject = false;
    bool m_hasList = false;
    QJsonObject m_object;
    QJsonArray m_list;
    QByteArray m_raw; // the object's or list's JSON, when given serialized
    QByteArray m_text; // the whole statement, when given serialized
    QJsonObject m_members; // the other payload members
};

} // namespace chat
