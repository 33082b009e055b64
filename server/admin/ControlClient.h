#pragma once

#include "AdminReply.h"
#include "AdminRequest.h"

#include <QString>

#include <optional>

namespace chat::server {

// The tool's side of the control socket: hands a request to the server that listens there.
class ControlClient
{
public:
    static constexpr int connectTimeoutMs = 1000;
    static constexpr int replyTimeoutMs = 60000;

    enum class Presence {
        Running, // a server answers there
        Absent, // no socket file, or one left by a server that is gone
        Inaccessible, // a socket this user may not use: a server may run, so nobody may write beside it
    };

    explicit ControlClient(QString path);
    // Whether a server answers on the socket now; errorString() says why not when Inaccessible.
    Presence presence();
    QString errorString() const { return m_error; }
    // The server's reply; a failure reply when it sends none or a malformed one in time.
    AdminReply send(const AdminRequest &request);

private:
    QString m_path;
    QString m_error;
};

} // namespace chat::server
