#include "SessionOutbox.h"

#include "DeliveryBatch.h"
#include "RoomMembership.h"
#include "Session.h"
#include "cluster/EventRelay.h"
#include "dispatch/CallDispatcher.h"
#include "dispatch/LiveStatements.h"

namespace chat::server {

SessionOutbox::SessionOutbox(RoomMembership &rooms, DeliveryBatch &batch, CallDispatcher &dispatcher)
    : m_rooms(rooms)
    , m_batch(batch)
    , m_dispatcher(dispatcher)
{ }

void SessionOutbox::toCaller(const Peer &caller, const ServerStatement &statement)
{
    if (Session *session = m_rooms.find(caller.id))
        m_batch.deliver(session, statement.toUtf8());
}

void SessionOutbox::toAll(const QString &roomUuid, const ServerStatement &statement)
{
    const QByteArray text = statement.toUtf8(); // once: every session shares it
    m_batch.countUpdateSuperseded(roomUuid);
    for (const auto &[id, session] : m_rooms.all())
        m_batch.deliver(session, text);
    m_batch.relay({}, text);
}

void SessionOutbox::toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                                     const ServerStatement &compact)
{
    toAllMerged(roomUuid, {full.toUtf8(), compact.toUtf8()});
}

void SessionOutbox::toAllUsersChanged(const QString &roomUuid, const ServerStatement &statement)
{
    toAllMerged(roomUuid, CountUpdateMerger::Update::wholeRoom(statement.toUtf8()));
}

void SessionOutbox::toAllMerged(const QString &roomUuid, const CountUpdateMerger::Update &update)
{
    // The members (one who just entered included) get it now; those outside it through the merger, which
    // sends it at once within its budget (docs/PROTOCOL.md section 0).
    if (const RoomMembership::Members *members = m_rooms.membersOf(roomUuid)) {
        for (Session *session : *members)
            m_batch.deliver(session, session->peer().extended ? update.compact : update.full);
    }
    m_batch.offerCountUpdate(roomUuid, update);
    m_batch.relay({}, update.full);
}

void SessionOutbox::toRoom(const QString &roomUuid, const ServerStatement &statement)
{
    const QByteArray text = statement.toUtf8();
    m_batch.relay(roomUuid, text);
    const RoomMembership::Members *members = m_rooms.membersOf(roomUuid);
    if (!members)
        return;
    for (Session *session : *members)
        m_batch.deliver(session, text);
}

void SessionOutbox::toRoomByKind(const QString &roomUuid, const ServerStatement &plain,
                                 const ServerStatement &extended)
{
    const QByteArray plainText = plain.toUtf8();
    const QByteArray extendedText = extended.toUtf8();
    m_batch.relay(roomUuid, plainText); // other nodes cannot tell: every client understands the plain one
    const RoomMembership::Members *members = m_rooms.membersOf(roomUuid);
    if (!members)
        return;
    for (Session *session : *members)
        m_batch.deliver(session, session->peer().extended ? extendedText : plainText);
}

void SessionOutbox::toRoomLive(const Peer &sender, const QByteArray &text)
{
    if (EventRelay *relay = m_batch.relay())
        relay->relayLive(sender.roomUuid, text);
    deliverLive(sender.roomUuid, sender.id, text);
}

void SessionOutbox::deliverLiveFromOtherNode(const QString &roomUuid, const QByteArray &text)
{
    deliverLive(roomUuid, 0, text);
}

void SessionOutbox::deliverLive(const QString &roomUuid, quint64 exceptId, const QByteArray &text)
{
    const RoomMembership::Members *members = m_rooms.membersOf(roomUuid);
    if (!members)
        return;
    for (Session *session : *members) {
        const Peer &peer = session->peer();
        if (peer.extended && peer.id != exceptId)
            m_batch.deliverLive(session, text);
    }
}

void SessionOutbox::stopTyping(Peer &peer)
{
    // docs/EXTENSIONS.md, "Typing": the server says typing false for a user that leaves while typing.
    if (peer.typing && !peer.roomUuid.isEmpty()) {
        peer.typing = false;
        toRoomLive(peer, typingChangedText(peer.userUuid, peer.roomUuid, false));
    }
    peer.typingForwardedMs = -1;
}

bool SessionOutbox::mayHaveMembers(const QString &roomUuid) const
{
    return m_batch.relay() || m_rooms.hasMembers(roomUuid); // other nodes' members are not known here
}

void SessionOutbox::emptyRoom(const QString &roomUuid)
{
    // Once the batch that emptied it in the store is committed: until then, a failure would leave them
    // inside.
    m_batch.afterCommit([this, roomUuid] {
        const RoomMembership::Members *members = m_rooms.membersOf(roomUuid);
        if (!members)
            return;
        const RoomMembership::Members sessions = *members;
        for (Session *session : sessions)
            setRoom(session->peer(), {});
    });
}

void SessionOutbox::deliverFromOtherNode(const QString &roomUuid, const QByteArray &text)
{
    if (roomUuid.isEmpty()) {
        // What goes to everyone is about rooms (created, changed, deleted): the cached list is stale now,
        // and a count update held back here is older than what comes.
        m_dispatcher.forgetCachedState();
        m_batch.flushCountUpdates();
        for (const auto &[id, session] : m_rooms.all())
            session->send(text);
        forgetDeletedRoom(text);
        return;
    }
    if (const RoomMembership::Members *members = m_rooms.membersOf(roomUuid)) {
        for (Session *session : *members)
            session->send(text);
    }
}

void SessionOutbox::forgetDeletedRoom(const QByteArray &text)
{
    // A room deleted by the operator (chat-server admin delete-room --force) may have had users of this node
    // inside; a client's delete_room only ever deletes an empty one.
    if (!text.contains("\"room_deleted\""))
        return;
    const auto statement = ServerStatement::parse(text);
    if (statement && statement->resultName() == ResultName::RoomDeleted)
        emptyRoom(statement->object().value(QLatin1String("uuid")).toString());
}

void SessionOutbox::setRoom(Peer &peer, const QString &roomUuid)
{
    if (peer.roomUuid == roomUuid)
        return;
    stopTyping(peer);
    if (m_rooms.move(peer, roomUuid) && peer.extended)
        m_batch.entered(peer);
}

} // namespace chat::server
