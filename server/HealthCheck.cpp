#include "HealthCheck.h"

#include "cluster/ClusterNode.h"
#include "storage/ClusterStore.h"
#include "storage/DatabaseUrl.h"
#include "storage/StorageError.h"

#include <cstdio>

namespace chat::server {

int runHealthCheck(ClusterStore &cluster, const DatabaseUrl &url, const QString &requiredNode)
{
    std::printf("database %s: answers\n", qUtf8Printable(url.display()));
    if (!url.isPostgres())
        return 0;
    const int silentAfterMs = ClusterNode::Timing {}.silentAfterMs;
    QVector<ClusterStore::NodeStatus> nodes;
    try {
        nodes = cluster.nodes();
    } catch (const StorageError &error) {
        std::fprintf(stderr, "chat-server: cannot list the nodes: %s\n", error.what());
        return 1;
    }
    bool requiredAlive = requiredNode.isEmpty();
    for (const ClusterStore::NodeStatus &node : nodes) {
        const bool alive = node.silentForMs < silentAfterMs;
        std::printf("node %s: %s, last heartbeat %.1f s ago, %lld users\n", qUtf8Printable(node.id),
                    alive ? "alive" : "silent", node.silentForMs / 1000.0,
                    static_cast<long long>(node.users));
        if (node.id == requiredNode && alive)
            requiredAlive = true;
    }
    if (nodes.isEmpty())
        std::printf("no node is running\n");
    if (!requiredAlive)
        std::fprintf(stderr, "chat-server: node %s is not alive\n", qUtf8Printable(requiredNode));
    return requiredAlive ? 0 : 1;
}

} // namespace chat::server
