#include "FuzzOutbox.h"

#include "cluster/LivePayloads.h"

#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

namespace chat::server {

void FuzzOutbox::toCaller(const Peer &, const ServerStatement &statement)
{
    deliver(statement);
}

void FuzzOutbox::toAll(const QString &, const ServerStatement &statement)
{
    deliver(statement);
}

void FuzzOutbox::toAllCountUpdate(const QString &, const ServerStatement &full,
                                  const ServerStatement &compact)
{
    deliver(full);
    deliver(compact);
}

void FuzzOutbox::toRoom(const QString &, const ServerStatement &statement)
{
    deliver(statement);
}

void FuzzOutbox::setRoom(Peer &peer, const QString &roomUuid)
{
    peer.roomUuid = roomUuid;
}

void FuzzOutbox::toRoomLive(const Peer &sender, const QByteArray &text)
{
    const auto fail = [&](const char *what) {
        std::fprintf(stderr, "live statement %s: %s\n", what, text.left(500).constData());
        std::abort();
    };
    if (!ServerStatement::parse(text))
        fail("unparsable");
    if (text.contains('\n') || text.contains('\t'))
        fail("with a raw newline or tab");
    static const QByteArray node = liveNodeLine(QStringLiteral("fuzz"));
    int leftOut = 0;
    const QVector<QByteArray> payloads =
        packLivePayloads(node, {{sender.roomUuid, text}}, maxLivePayloadBytes, &leftOut);
    if (payloads.isEmpty() != (leftOut == 1))
        fail("neither relayed nor left out");
    for (const QByteArray &payload : payloads) {
        const auto unpacked = unpackLivePayload(payload);
        if (payload.size() > maxLivePayloadBytes || !unpacked || unpacked->nodeLine != node)
            fail("packed into a bad payload");
        for (const LiveEvent &event : unpacked->events) {
            if (event.roomUuid != sender.roomUuid || !ServerStatement::parse(event.text))
                fail("packed into a bad chunk");
        }
    }
}

void FuzzOutbox::deliver(const ServerStatement &statement)
{
    if (statement.name() == nameOf(ResultName::RoomCreated))
        m_rooms.append(statement.object().value(QStringView(key::uuid)).toString());
    // Whatever a client sent, what goes back must be a well-formed statement: anything else is a finding.
    const QString text = statement.toText();
    if (!ServerStatement::parse(text.toUtf8())) {
        std::fprintf(stderr, "unparsable statement sent: %s\n", qUtf8Printable(text.left(500)));
        std::abort();
    }
}

} // namespace chat::server
