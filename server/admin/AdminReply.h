#pragma once

#include <QByteArray>
#include <QString>

namespace chat::server {

// What an operator command answers: its output for standard output, or a one-line error, and the exit code.
struct AdminReply
{
    int exitCode = 0;
    QByteArray output;
    QString error;

    static AdminReply success(QByteArray output) { return {0, std::move(output), {}}; }
    static AdminReply failure(QString error, int exitCode = 1) { return {exitCode, {}, std::move(error)}; }
    bool ok() const { return exitCode == 0; }
};

} // namespace chat::server
