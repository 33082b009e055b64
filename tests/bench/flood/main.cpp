// chat-flood: one client flooding a chat server with calls for a bounded time, to measure what the others
// feel (run it beside `chat-bench fanout`). Loopback use only; see tests/bench/README.md.
#include "Flooder.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Floods a chat server with list_rooms calls."));
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("Server (ws://127.0.0.1:9000)."),
                                       QStringLiteral("URL"), QStringLiteral("ws://127.0.0.1:9000"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            QStringLiteral("Seconds (10, at most 600)."), QStringLiteral("S"),
                                            QStringLiteral("10"));
    const QCommandLineOption reconnectOption(QStringLiteral("reconnect"),
                                             QStringLiteral("Come back after being closed."));
    parser.addOptions({urlOption, durationOption, reconnectOption});
    parser.process(app);
    bool ok = false;
    const double duration = parser.value(durationOption).toDouble(&ok);
    const QUrl url(parser.value(urlOption));
    if (!ok || duration <= 0 || duration > 600 || !url.isValid()) {
        std::fprintf(stderr, "chat-flood: bad --duration or --url\n");
        return 2;
    }
    Flooder flooder(url, duration, parser.isSet(reconnectOption));
    QObject::connect(&flooder, &Flooder::finished, &app, [&] {
        std::printf("%s\n", qUtf8Printable(flooder.summary()));
        app.quit();
    });
    flooder.start();
    return app.exec();
}
