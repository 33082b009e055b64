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

    explicit ControlClient(QString path);
    // Whether a server answers on the socket now.
    bool serverIsRunning();
    // The server's reply; a failure reply when it sends none or a malformed one in time.
    AdminReply send(const AdminRequest &request);

private:
    QString m_path;
};

} // namespace chat::server
