#include "CommandLine.h"

#include "net/RoomLink.h"
#include "net/ServerAddress.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace chat {

QString CommandLine::languageIn(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if ((argument == QLatin1String("--lang") || argument == QLatin1String("-lang"))
            && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return {};
}

CommandLine CommandLine::parse(const QStringList &arguments, const QUrl &lastServer)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("chat::CommandLine", "Realtime room chat with a shared drawing board."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("chat::CommandLine", "The server to connect to (ws:// or wss://)."),
        QStringLiteral("URL"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("chat::CommandLine", "The language: en, uk or de."),
        QStringLiteral("CODE"));
    const QCommandLineOption room(
        QStringLiteral("room"),
        QCoreApplication::translate("chat::CommandLine", "Enter this room after connecting."),
        QStringLiteral("UUID"));
    parser.addOptions({server, lang, room});
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QCoreApplication::translate("chat::CommandLine", "A room link (socketchat://room/…)."));
    parser.process(arguments);

    CommandLine result {lastServer, parser.value(lang), parser.value(room), {}};
    if (parser.isSet(server)) {
        result.server = ServerAddress::fromUserText(parser.value(server));
        if (!ServerAddress::isValid(result.server))
            result.error = QStringLiteral("not a ws:// or wss:// address: ") + parser.value(server);
    }
    if (!parser.positionalArguments().isEmpty()) {
        const QString text = parser.positionalArguments().constFirst();
        if (const auto link = RoomLink::parse(text)) {
            result.server = link->server;
            result.room = link->room;
        } else {
            result.error = QStringLiteral("not a room link: ") + text;
        }
    }
    return result;
}

} // namespace chat
