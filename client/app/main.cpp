// chat-client: the desktop client. chat-client [--server URL] [--lang CODE] [--room UUID] [LINK]
#include "app/ClientSettings.h"
#include "app/Translations.h"
#include "net/ProtocolClient.h"
#include "net/RoomLink.h"
#include "net/ServerAddress.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

using namespace chat;

namespace {

struct Options
{
    QUrl server;
    QString language;
    QString room;
};

// Reads the command line; the language is needed before the help text is translated, so it is read early.
Options parseOptions(const QApplication &app, const ClientSettings &settings)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Realtime room chat with a shared drawing board."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("main", "The server to connect to (ws:// or wss://)."),
        QStringLiteral("URL"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "The language: en, uk or de."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption room(QStringLiteral("room"),
                                  QCoreApplication::translate("main", "Enter this room after connecting."),
                                  QStringLiteral("UUID"));
    parser.addOptions({server, lang, room});
    parser.addPositionalArgument(QStringLiteral("link"),
                                 QCoreApplication::translate("main", "A room link (socketchat://room/…)."));
    parser.process(app);

    Options options {settings.serverUrl(), parser.value(lang), parser.value(room)};
    if (parser.isSet(server)) {
        options.server = ServerAddress::fromUserText(parser.value(server));
        if (!ServerAddress::isValid(options.server)) {
            std::fprintf(stderr, "chat-client: not a ws:// or wss:// address: %s\n",
                         qPrintable(parser.value(server)));
            std::exit(2);
        }
    }
    if (!parser.positionalArguments().isEmpty()) {
        if (const auto link = RoomLink::parse(parser.positionalArguments().constFirst())) {
            options.server = link->server;
            options.room = link->room;
        }
    }
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketChat"));
    QCoreApplication::setApplicationName(QStringLiteral("chat-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAT_CLIENT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("chat-client"));

    ClientSettings settings;
    const Options options = parseOptions(app, settings);
    Translations::install(options.language.isEmpty() ? settings.language() : options.language);

    ProtocolClient client;
    client.setPreferredName(settings.userName());
    if (!options.room.isEmpty())
        client.setRoomToOpen(options.room);
    MainWindow window(&client, &settings);
    window.show();
    settings.setServerUrl(options.server);
    client.connectTo(options.server);
    return app.exec();
}
