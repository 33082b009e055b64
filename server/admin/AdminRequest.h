#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace chat::server {

// One operator command of "chat-server admin", as the command line gave it or as it travels over the control
// socket (one JSON object per line).
struct AdminRequest
{
    enum class Command {
        Rooms,
        Messages,
        DeleteRoom,
        DeleteMessage,
        RenameRoom,
        Export,
        Purge,
        Backup,
        Check
    };
    static constexpr int defaultMessageLimit = 20;
    static constexpr int maxMessageLimit = 1000000;
    static constexpr qint64 maxAgeMs = 36500LL * 86400000; // a hundred years

    Command command = Command::Rooms;
    QString room; // a room uuid or a unique room name; empty: every room (purge)
    QString message; // delete-message
    QString name; // rename-room
    QString format; // export: "json" or "markdown"
    QString file; // backup's file; export's --output (empty: standard output)
    int limit = defaultMessageLimit; // messages
    bool force = false; // delete-room: its users leave it first
    qint64 olderThanMs = 0; // purge

    static std::optional<Command> commandNamed(const QString &name);
    static QString nameOf(Command command);
    // The commands that change data, which a running server carries out itself.
    bool changesData() const;

    QByteArray toJson() const;
    // The request a control socket peer sent; nullopt with the reason when it is not a valid one.
    static std::optional<AdminRequest> fromJson(const QByteArray &line, QString *error);
    // "30d", "12h", "90m" or "45s" in milliseconds; nullopt when malformed, not positive or over maxAgeMs.
    static std::optional<qint64> parseAge(const QString &text);
};

} // namespace chat::server
