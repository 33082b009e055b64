#pragma once

#include <QString>

namespace chat::server {

class ClusterStore;
struct DatabaseUrl;

// chat-server --check: prints whether the database answers and, on PostgreSQL, every node with the time since
// its last heartbeat and its users. Returns the exit code: 0 when healthy, 1 when not (with a node id: when
// that node is not alive).
int runHealthCheck(ClusterStore &cluster, const DatabaseUrl &url, const QString &requiredNode);

} // namespace chat::server
