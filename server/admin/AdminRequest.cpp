#include "AdminRequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace chat::server {

namespace {

using Command = AdminRequest::Command;

constexpr std::array<std::pair<Command, const char *>, 9> commandNames {{
    {Command::Rooms, "rooms"},
    {Command::Messages, "messages"},
    {Command::DeleteRoom, "delete-room"},
    {Command::DeleteMessage, "delete-message"},
    {Command::RenameRoom, "rename-room"},
    {Command::Export, "export"},
    {Command::Purge, "purge"},
    {Command::Backup, "backup"},
    {Command::Check, "check"},
}};

// A text member: absent is empty, anything but a string is an error.
bool readText(const QJsonObject &object, const char *key, QString *out, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isString()) {
        *error = QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key));
        return false;
    }
    *out = value.toString();
    return true;
}

// The member a command cannot go without, when it is absent.
const char *missingMember(const QJsonObject &object, Command command)
{
    const char *needed = nullptr;
    if (command == Command::DeleteRoom || command == Command::RenameRoom || command == Command::Messages
        || command == Command::Export)
        needed = "room";
    if (command == Command::DeleteMessage)
        needed = "message";
    if (needed && !object.contains(QLatin1String(needed)))
        return needed;
    if (command == Command::RenameRoom && !object.contains(QLatin1String("name")))
        return "name";
    return nullptr;
}

} // namespace

std::optional<Command> AdminRequest::commandNamed(const QString &name)
{
    for (const auto &[command, text] : commandNames) {
        if (name == QLatin1String(text))
            return command;
    }
    return std::nullopt;
}

QString AdminRequest::nameOf(Command command)
{
    for (const auto &[each, text] : commandNames) {
        if (each == command)
            return QLatin1String(text);
    }
    return {};
}

bool AdminRequest::changesData() const
{
    switch (command) {
    case Command::DeleteRoom:
    case Command::DeleteMessage:
    case Command::RenameRoom:
    case Command::Purge:
        return true;
    default:
        return false;
    }
}

QByteArray AdminRequest::toJson() const
{
    QJsonObject object {{QStringLiteral("command"), nameOf(command)}};
    if (!room.isEmpty())
        object.insert(QStringLiteral("room"), room);
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    if (command == Command::RenameRoom)
        object.insert(QStringLiteral("name"), name);
    if (force)
        object.insert(QStringLiteral("force"), true);
    if (command == Command::Purge)
        object.insert(QStringLiteral("older_than_ms"), olderThanMs);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<AdminRequest> AdminRequest::fromJson(const QByteArray &line, QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("the request is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    const auto command = commandNamed(object.value(QLatin1String("command")).toString());
    if (!command) {
        *error = QStringLiteral("unknown command");
        return std::nullopt;
    }
    AdminRequest request;
    request.command = *command;
    if (!readText(object, "room", &request.room, error)
        || !readText(object, "message", &request.message, error)
        || !readText(object, "name", &request.name, error))
        return std::nullopt;
    const QJsonValue force = object.value(QLatin1String("force"));
    if (!force.isUndefined() && !force.isBool()) {
        *error = QStringLiteral("\"force\" must be true or false");
        return std::nullopt;
    }
    request.force = force.toBool();
    const QJsonValue age = object.value(QLatin1String("older_than_ms"));
    if (!age.isUndefined()) {
        const double ms = age.toDouble(-1);
        if (!age.isDouble() || ms < 1 || ms > double(maxAgeMs) || ms != double(qint64(ms))) {
            *error = QStringLiteral("\"older_than_ms\" must be a positive whole number");
            return std::nullopt;
        }
        request.olderThanMs = qint64(ms);
    }
    if (request.command == Command::Purge && request.olderThanMs <= 0) {
        *error = QStringLiteral("purge needs \"older_than_ms\"");
        return std::nullopt;
    }
    if (const char *missing = missingMember(object, request.command)) {
        *error = QStringLiteral("%1 needs \"%2\"").arg(nameOf(request.command), QLatin1String(missing));
        return std::nullopt;
    }
    return request;
}

std::optional<qint64> AdminRequest::parseAge(const QString &text)
{
    static const QRegularExpression format(QStringLiteral("^([0-9]{1,6})([dhms])$"));
    const auto match = format.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 count = match.captured(1).toLongLong();
    const QChar unit = match.captured(2).at(0);
    const qint64 unitMs = unit == u'd' ? 86400000 : unit == u'h' ? 3600000 : unit == u'm' ? 60000 : 1000;
    if (count <= 0 || count * unitMs > maxAgeMs)
        return std::nullopt;
    return count * unitMs;
}

} // namespace chat::server
