#include "AdminCommandLine.h"

#include "ServerConfig.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace chat::server {

namespace {

using Command = AdminRequest::Command;
using Parse = AdminCommandLine::Parse;

const char *const description =
    "Operator tools for a chat-server database, safe while the server runs.\n"
    "\n"
    "Commands (ROOM is a room uuid, or a name no other room has):\n"
    "  rooms                               list rooms: uuid, name, message count, user count\n"
    "  messages ROOM [--limit N]           a room's newest messages (20): time, author, body\n"
    "  delete-room ROOM [--force]          delete a room; one with users inside only with --force\n"
    "                                      (they leave it first)\n"
    "  delete-message MESSAGE_UUID         delete one message\n"
    "  rename-room ROOM NAME               rename a room\n"
    "  export ROOM --format json|markdown [--output FILE]\n"
    "                                      the room's whole history (standard output by default)\n"
    "  purge --older-than AGE [--room ROOM]\n"
    "                                      delete messages older than AGE (30d, 12h, 90m, 45s)\n"
    "  backup FILE                         SQLite: a consistent copy into a new FILE while the server\n"
    "                                      writes (PostgreSQL: use pg_dump)\n"
    "  check                               integrity and consistency; exit 0 when ok, 1 otherwise\n"
    "\n"
    "On SQLite, a running server listening on its control socket (<database file>.control) carries out\n"
    "the commands that change data itself and tells its clients; without one the database is changed\n"
    "directly. On PostgreSQL the change and the statements for every node's clients are written in one\n"
    "transaction. Errors: one line on standard error, exit code 1 (2 for bad usage).\n"
    "Environment: CHAT_DB, CHAT_CONTROL_SOCKET (the options win).";

struct Shape
{
    Command command;
    int arguments; // positional arguments after the command
    QStringList options; // the command's own options
};

const Shape shapes[] = {
    {Command::Rooms, 0, {}},
    {Command::Messages, 1, {QStringLiteral("limit")}},
    {Command::DeleteRoom, 1, {QStringLiteral("force")}},
    {Command::DeleteMessage, 1, {}},
    {Command::RenameRoom, 2, {}},
    {Command::Export, 1, {QStringLiteral("format"), QStringLiteral("output")}},
    {Command::Purge, 0, {QStringLiteral("older-than"), QStringLiteral("room")}},
    {Command::Backup, 1, {}},
    {Command::Check, 0, {}},
};

const Shape &shapeOf(Command command)
{
    for (const Shape &shape : shapes) {
        if (shape.command == command)
            return shape;
    }
    return shapes[0];
}

Parse failure(const QString &message)
{
    return {std::nullopt, 2, QStringLiteral("chat-server admin: %1").arg(message)};
}

QString setting(const QCommandLineParser &parser, const QString &option, const char *environment,
                const QString &fallback)
{
    if (parser.isSet(option))
        return parser.value(option);
    const QString value = qEnvironmentVariable(environment);
    return value.isEmpty() ? fallback : value;
}

// The command's own values, checked; an error message or empty.
QString readCommandValues(const QCommandLineParser &parser, const QStringList &arguments,
                          AdminRequest &request)
{
    switch (request.command) {
    case Command::Messages: {
        request.room = arguments.at(0);
        if (parser.isSet(QStringLiteral("limit"))) {
            bool ok = false;
            request.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
            if (!ok || request.limit < 1 || request.limit > AdminRequest::maxMessageLimit)
                return QStringLiteral("--limit must be a whole number from 1 to %1")
                    .arg(AdminRequest::maxMessageLimit);
        }
        return {};
    }
    case Command::DeleteRoom:
        request.room = arguments.at(0);
        request.force = parser.isSet(QStringLiteral("force"));
        return {};
    case Command::DeleteMessage:
        request.message = arguments.at(0);
        return {};
    case Command::RenameRoom:
        request.room = arguments.at(0);
        request.name = arguments.at(1);
        return {};
    case Command::Export:
        request.room = arguments.at(0);
        request.format = parser.value(QStringLiteral("format"));
        request.file = parser.value(QStringLiteral("output"));
        if (request.format != QLatin1String("json") && request.format != QLatin1String("markdown"))
            return QStringLiteral("export needs --format json or --format markdown");
        return {};
    case Command::Purge: {
        if (!parser.isSet(QStringLiteral("older-than")))
            return QStringLiteral("purge needs --older-than AGE (like 30d, 12h or 90m)");
        const QString age = parser.value(QStringLiteral("older-than"));
        const auto ms = AdminRequest::parseAge(age);
        if (!ms)
            return QStringLiteral("\"%1\" is not an age like 30d, 12h, 90m or 45s").arg(age);
        request.olderThanMs = *ms;
        request.room = parser.value(QStringLiteral("room"));
        return {};
    }
    case Command::Backup:
        request.file = arguments.at(0);
        return {};
    case Command::Rooms:
    case Command::Check:
        return {};
    }
    return {};
}

} // namespace

Parse AdminCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(description));
    parser.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("What to do (see above)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"),
         QStringLiteral("The server's database: SQLite file (%1) or postgresql:// URL.")
             .arg(ServerConfig::defaultDatabasePath()),
         QStringLiteral("PATH|URL")},
        {QStringLiteral("control-socket"),
         QStringLiteral("The running server's control socket (<database file>.control)."),
         QStringLiteral("PATH")},
        {QStringLiteral("limit"), QStringLiteral("messages: how many (20)."), QStringLiteral("N")},
        {QStringLiteral("force"), QStringLiteral("delete-room: the users inside leave it first.")},
        {QStringLiteral("format"), QStringLiteral("export: json or markdown."), QStringLiteral("FORMAT")},
        {QStringLiteral("output"), QStringLiteral("export: write to FILE."), QStringLiteral("FILE")},
        {QStringLiteral("older-than"), QStringLiteral("purge: the age, like 30d, 12h, 90m."),
         QStringLiteral("AGE")},
        {QStringLiteral("room"), QStringLiteral("purge: only in this room."), QStringLiteral("ROOM")},
    });
    if (!parser.parse(arguments))
        return failure(parser.errorText());
    if (parser.isSet(helpOption)) {
        static const QRegularExpression usage(QStringLiteral("^Usage: \\S+"));
        return {std::nullopt, 0,
                parser.helpText().replace(usage, QStringLiteral("Usage: chat-server admin"))};
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return failure(QStringLiteral("no command given (see chat-server admin --help)"));
    const QString name = positional.takeFirst();
    const auto command = AdminRequest::commandNamed(name);
    if (!command)
        return failure(QStringLiteral("unknown command \"%1\" (see chat-server admin --help)").arg(name));
    const Shape &shape = shapeOf(*command);
    if (positional.size() != shape.arguments)
        return failure(QStringLiteral("%1 takes %2 argument%3, not %4 (see chat-server admin --help)")
                           .arg(name)
                           .arg(shape.arguments)
                           .arg(shape.arguments == 1 ? QString() : QStringLiteral("s"))
                           .arg(positional.size()));
    for (const QString &option : parser.optionNames()) {
        const bool general = option == QLatin1String("db") || option == QLatin1String("control-socket");
        if (!general && !shape.options.contains(option))
            return failure(QStringLiteral("--%1 does not go with %2").arg(option, name));
    }

    AdminCommandLine commandLine;
    commandLine.request.command = *command;
    if (const QString error = readCommandValues(parser, positional, commandLine.request); !error.isEmpty())
        return failure(error);
    commandLine.database =
        setting(parser, QStringLiteral("db"), "CHAT_DB", ServerConfig::defaultDatabasePath());
    commandLine.controlSocket = setting(parser, QStringLiteral("control-socket"), "CHAT_CONTROL_SOCKET", {});
    return {commandLine, 0, {}};
}

} // namespace chat::server
