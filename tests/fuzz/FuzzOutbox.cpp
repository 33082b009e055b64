#include "FuzzOutbox.h"

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
