#pragma once

#include "dispatch/Outbox.h"

namespace chat::server {

class ClusterStore;

// Where "chat-server admin" sends what it announces when it changes the database itself. On PostgreSQL the
// statements become events in the same transaction, so that every running node delivers them to its clients
// (and forgets its cached room list); with no cluster store (SQLite, no server running) nobody is listening.
class AdminOutbox final : public Outbox
{
public:
    explicit AdminOutbox(ClusterStore *cluster);

    void toCaller(const Peer &caller, const ServerStatement &statement) override;
    void toAll(const QString &roomUuid, const ServerStatement &statement) override;
    void toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                          const ServerStatement &compact) override;
    void toRoom(const QString &roomUuid, const ServerStatement &statement) override;
    void setRoom(Peer &peer, const QString &roomUuid) override;
    bool mayHaveMembers(const QString &roomUuid) const override;

private:
    ClusterStore *m_cluster;
};

} // namespace chat::server
