#pragma once

#include "dispatch/Outbox.h"

#include <QStringList>

namespace chat::server {

// The fuzzer's transport: turns every statement into its wire text, as a socket would, and checks that the
// text is a statement again; live statements go through the NOTIFY packing too. Room membership is kept in
// the peers themselves.
class FuzzOutbox : public Outbox
{
public:
    void toCaller(const Peer &caller, const ServerStatement &statement) override;
    void toAll(const QString &roomUuid, const ServerStatement &statement) override;
    void toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                          const ServerStatement &compact) override;
    void toRoom(const QString &roomUuid, const ServerStatement &statement) override;
    void setRoom(Peer &peer, const QString &roomUuid) override;
    // A live statement (draw_live, set_typing): it must parse, hold no raw tab or newline (the NOTIFY
    // payload lines of server/cluster/LivePayloads.h), and cross nodes as payloads that fit and read back.
    void toRoomLive(const Peer &sender, const QByteArray &text) override;

    // Room uuids announced so far (the transcripts' "<room:N>" placeholders become these).
    const QStringList &rooms() const { return m_rooms; }
    void restoreRooms(const QStringList &rooms) { m_rooms = rooms; }

private:
    void deliver(const ServerStatement &statement);

    QStringList m_rooms;
};

} // namespace chat::server
