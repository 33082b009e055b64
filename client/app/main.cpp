// chat-client: the desktop client. chat-client [--server URL] [--lang CODE] [--room UUID] [LINK]
#include "app/ClientSettings.h"
#include "app/CommandLine.h"
#include "app/Translations.h"
#include "net/ProtocolClient.h"
#include "widgets/MainWindow.h"

#include <QApplication>

#include <cstdio>

using namespace chat;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketChat"));
    QCoreApplication::setApplicationName(QStringLiteral("chat-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAT_CLIENT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("chat-client"));

    ClientSettings settings;
    const QString language = CommandLine::languageIn(QCoreApplication::arguments());
    Translations::install(language.isEmpty() ? settings.language() : language);
    const CommandLine options = CommandLine::parse(QCoreApplication::arguments(), settings.serverUrl());
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "chat-client: %s\n", qPrintable(options.error));
        return 2;
    }

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
