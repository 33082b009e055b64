#pragma once

#include <QByteArray>
#include <QString>

namespace chat::server {

// Carries the statements one node broadcasts to the clients of the other nodes on the same database. The
// transport calls it around each group-commit batch; on a single node there is none.
class EventRelay
{
public:
    virtual ~EventRelay() = default;

    // The batch began and holds the write lock: what the other nodes committed before goes out first.
    virtual void catchUp() = 0;
    // A statement (UTF-8 JSON) this node broadcast in the open batch: to everyone (roomUuid empty) or one
    // room's members.
    virtual void record(const QString &roomUuid, const QByteArray &text) = 0;
    // Right before the batch commits, inside its transaction. Throws StorageError; then the batch fails.
    virtual void flush() = 0;
    virtual void committed() = 0;
    // The batch failed: what was recorded never happened.
    virtual void discard() = 0;
    // A live statement (docs/EXTENSIONS.md, "Live strokes", "Typing") for the socketchat.v1 members of a room
    // on the other nodes: outside any batch, never stored, sent soon (coalesced per event-loop pass).
    virtual void relayLive(const QString &roomUuid, const QByteArray &text)
    {
        Q_UNUSED(roomUuid);
        Q_UNUSED(text);
    }
};

} // namespace chat::server
