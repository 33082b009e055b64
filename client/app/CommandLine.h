#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace chat {

// chat-client [--server URL] [--lang CODE] [--room UUID] [LINK]: a room link wins over --server and --room.
struct CommandLine
{
    QUrl server;
    QString language;
    QString room;
    QString error; // set when the arguments cannot be used

    // Only --lang, read before anything is shown so the help text is already translated.
    static QString languageIn(const QStringList &arguments);
    // Handles --help and --version itself (they exit).
    static CommandLine parse(const QStringList &arguments, const QUrl &lastServer);
};

} // namespace chat
