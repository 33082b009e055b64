#include "ChatServer.h"

#include "Connection.h"
#include "ServerLogging.h"
#include "Session.h"
#include "cluster/EventRelay.h"
#include "dispatch/LiveStatements.h"
#include "protocol/CallStatement.h"
#include "protocol/Limits.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

namespace chat::server {

namespace {
ConnectionAcceptor::Options acceptorOptions(const ChatServer::Options &options)
{
    ConnectionAcceptor::Options accepting;
    accepting.tls = options.tls;
    accepting.allowedOrigins = options.allowedOrigins;
    // A client that offers our subprotocol gets the extensions of docs/EXTENSIONS.md; others, plain ones
    // included, get none.
    accepting.subprotocols = {extensionSubprotocol()};
    // Qt's default backlog of 50 makes a burst of connections wait for SYN retransmits (a second or more).
    accepting.listenBacklog = options.limits.listenBacklog;
    accepting.handshakeTimeoutMs = options.limits.handshakeTimeoutMs;
    accepting.maxMessageBytes = limits::maxMessageBytes;
    return accepting;
}

constexpr int shutdownGraceMs = 3000;
// A refused connection is dropped this long after its close frame if the peer does not answer it.
constexpr int refusedCloseMs = 2000;
} // namespace

ChatServer::ChatServer(Store &store, Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_acceptor(acceptorOptions(options))
    , m_store(store)
    , m_dispatcher(store, *this, &m_metrics)
    , m_batch(store, m_dispatcher, m_rooms, *this, m_metrics, options.limits.roomUpdateBudget)
    , m_callLimits(store, options.caps)
{
    m_clock.start();
    connect(&m_acceptor, &ConnectionAcceptor::accepted, this, &ChatServer::accept);
    connect(&m_pingTimer, &QTimer::timeout, this, &ChatServer::pingAll);
    m_shutdownGrace.setSingleShot(true);
    connect(&m_shutdownGrace, &QTimer::timeout, this, [this] {
        commitBatch();
        emit shutDown();
    });
}

ChatServer::~ChatServer()
{
    commitBatch(); // what was done is kept, even if it can no longer be told
    // Sessions are children; make sure none reaches back into a half-destroyed server.
    for (const auto &[id, session] : m_rooms.all())
        session->disconnect(this);
}

bool ChatServer::listen()
{
    if (!m_acceptor.listen(m_options.address, m_options.port)) {
        m_errorString = m_acceptor.errorString();
        return false;
    }
    if (m_options.limits.pingIntervalMs > 0)
        m_pingTimer.start(m_options.limits.pingIntervalMs);
    return true;
}

quint16 ChatServer::port() const
{
    return m_acceptor.port();
}

QHostAddress ChatServer::address() const
{
    return m_acceptor.address();
}

void ChatServer::accept(Connection *connection, const ConnectionAcceptor::Peer &from)
{
    if (m_shuttingDown) {
        refuse(connection, QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
        return;
    }
    if (!admitConnection(connection, from.address))
        return;
    auto *session = new Session(m_nextSessionId++, connection, from.address, from.port, m_options.limits,
                                m_clock.elapsed(), m_metrics, this);
    session->peer().extended = from.subprotocol == extensionSubprotocol();
    m_rooms.add(session);
    ++m_connectionsPerAddress[session->address()];
    m_metrics.connectionOpened();
    connect(session, &Session::textReceived, this, &ChatServer::handleText);
    connect(session, &Session::binaryReceived, this, &ChatServer::handleBinary);
    connect(session, &Session::disconnected, this, &ChatServer::removeSession);
    qCDebug(lcSession) << "connection" << session->peer().id << "opened from" << session->peerAddress();
    m_batch.join(session->peer(), DeliveryBatch::Arrival::NewConnection);
    if (!m_dispatcher.connected(session->peer()))
        session->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("server unavailable"));
}

void ChatServer::refuse(Connection *connection, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    // Before any statement: a plain client sees the connection end, as for any other refusal. It goes once
    // the close is answered, or at the latest when the close handshake would have timed out.
    connection->setParent(this);
    connection->close(quint16(code), reason);
    connect(connection, &Connection::disconnected, connection, &QObject::deleteLater);
    QTimer::singleShot(refusedCloseMs, connection, &QObject::deleteLater);
}

bool ChatServer::isFloodBanned(const QHostAddress &address)
{
    const auto ban = m_floodBannedUntil.find(address);
    if (ban == m_floodBannedUntil.end())
        return false;
    if (m_clock.elapsed() < ban.value())
        return true;
    m_floodBannedUntil.erase(ban);
    return false;
}

bool ChatServer::admitConnection(Connection *connection, const QHostAddress &address)
{
    if (isFloodBanned(address)) {
        // Debug only: a reconnecting flooder would otherwise flood the log instead.
        qCDebug(lcSession) << "refused a connection from" << address.toString() << "(it flooded moments ago)";
        m_metrics.connectionRefused(ServerMetrics::Refusal::FloodBan);
        refuse(connection, QWebSocketProtocol::CloseCodePolicyViolated,
               QStringLiteral("rate limit exceeded"));
        return false;
    }
    const ConnectionLimits &limits = m_options.limits;
    const bool tooMany = limits.maxConnections > 0 && sessionCount() >= limits.maxConnections;
    const bool tooManyHere = limits.maxConnectionsPerAddress > 0
        && m_connectionsPerAddress.value(address) >= limits.maxConnectionsPerAddress;
    if (!tooMany && !tooManyHere)
        return true;
    m_metrics.connectionRefused(tooMany ? ServerMetrics::Refusal::MaxConnections
                                        : ServerMetrics::Refusal::MaxPerAddress);
    qCWarning(lcSession) << "refused a connection from" << address.toString()
                         << (tooMany ? "(server full)" : "(too many from that address)");
    refuse(connection, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many connections"));
    return false;
}

bool ChatServer::admitCall(Session *session, const ParsedCall &parsed)
{
    if (session->isClosing())
        return false;
    // A preview costs half a call (docs/EXTENSIONS.md, "Live strokes"): 33 a second and the ordinary calls
    // stay under the default 30 calls a second.
    const auto *call = std::get_if<CallStatement>(&parsed);
    const double cost = call && call->name == CallName::DrawLive && session->peer().extended ? 0.5 : 1.0;
    switch (session->admitCall(m_clock.elapsed(), cost)) {
    case Session::Admission::Accepted:
        return true;
    case Session::Admission::Refused:
        m_metrics.rateLimited();
        deliver(session, ServerStatement::error(ErrorName::RateLimited).toUtf8());
        return false;
    case Session::Admission::Flooding:
        m_metrics.floodClosed();
        qCWarning(lcSession) << "connection" << session->peer().id << "closed: it keeps flooding";
        if (m_options.limits.floodBanMs > 0)
            m_floodBannedUntil.insert(session->address(), m_clock.elapsed() + m_options.limits.floodBanMs);
        return false;
    }
    return false;
}

void ChatServer::handleText(Session *session, const QByteArray &utf8)
{
    if (session->isClosing())
        return;
    // From the frame to the parser as UTF-8: no QString round trip.
    const ParsedCall parsed = CallParser::parseUtf8(utf8);
    if (admitCall(session, parsed))
        handleParsed(session, parsed);
}

void ChatServer::handleBinary(Session *session, const QByteArray &data)
{
    if (session->isClosing())
        return;
    const ParsedCall parsed = CallParser::parseBinary(data);
    if (admitCall(session, parsed))
        handleParsed(session, parsed);
}

void ChatServer::handleParsed(Session *session, const ParsedCall &parsed)
{
    if (session->isClosing())
        return;
    const auto *call = std::get_if<CallStatement>(&parsed);
    const bool live = call && (call->name == CallName::DrawLive || call->name == CallName::SetTyping);
    if (live && session->peer().extended)
        return handleLive(session, *call);
    m_batch.join(session->peer());
    if (live || !call) {
        // A plain client's draw_live or set_typing is an unknown call name (docs/PROTOCOL.md Q1).
        const GeneralReply reply = call ? GeneralReply::BadData : std::get<GeneralReply>(parsed);
        m_metrics.unknownCallHandled();
        qCDebug(lcDispatch) << "connection" << session->peer().id
                            << "sent a malformed statement:" << nameOf(reply);
        deliver(session, ServerStatement::general(reply).toUtf8());
        return;
    }
    m_metrics.callHandled(call->name);
    if (const auto refusal = m_callLimits.check(session->peer(), *call)) {
        qCDebug(lcDispatch) << "connection" << session->peer().id << nameOf(call->name)
                            << "refused:" << nameOf(*refusal);
        deliver(session, ServerStatement::error(*refusal).toUtf8()); // after its earlier answers
        return;
    }
    m_dispatcher.dispatch(session->peer(), *call);
}

void ChatServer::handleLive(Session *session, const CallStatement &call)
{
    // No batch: nothing is stored. An error still goes after the caller's earlier answers (deliver).
    m_metrics.callHandled(call.name);
    if (const auto refusal = m_callLimits.check(session->peer(), call)) {
        deliver(session, ServerStatement::error(*refusal).toUtf8());
        return;
    }
    m_dispatcher.dispatch(session->peer(), call);
}

void ChatServer::removeSession(Session *session)
{
    qCDebug(lcSession) << "connection" << session->peer().id << "closed";
    setRoom(session->peer(), {}); // needs the session still registered to find it
    m_rooms.remove(session);
    m_metrics.connectionClosed();
    const auto count = m_connectionsPerAddress.find(session->address());
    if (count != m_connectionsPerAddress.end() && --count.value() <= 0)
        m_connectionsPerAddress.erase(count);
    // Once it is out of every delivery list, its user leaves and the others hear of it.
    m_batch.join(session->peer());
    m_batch.leave(session->peer());
    session->deleteLater();
    finishShutdownWhenEmpty();
}

void ChatServer::toCaller(const Peer &caller, const ServerStatement &statement)
{
    if (Session *session = m_rooms.find(caller.id))
        deliver(session, statement.toUtf8());
}

void ChatServer::toAll(const QString &roomUuid, const ServerStatement &statement)
{
    const QByteArray text = statement.toUtf8(); // once: every session shares it
    m_batch.countUpdateSuperseded(roomUuid);
    for (const auto &[id, session] : m_rooms.all())
        deliver(session, text);
    m_batch.relay({}, text);
}

void ChatServer::toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                                  const ServerStatement &compact)
{
    const CountUpdateMerger::Update update {full.toUtf8(), compact.toUtf8()};
    if (const RoomMembership::Members *members = m_rooms.membersOf(roomUuid)) {
        for (Session *session : *members)
            deliver(session, session->peer().extended ? update.compact : update.full);
    }
    m_batch.offerCountUpdate(roomUuid, update);
    m_batch.relay({}, update.full);
}

void ChatServer::toAllUsersChanged(const QString &roomUuid, const ServerStatement &statement)
{
    // The members (the one who entered included) get it now; those outside it through the merger, which
    // sends it at once within its budget (docs/PROTOCOL.md section 0).
    const CountUpdateMerger::Update update = CountUpdateMerger::Update::wholeRoom(statement.toUtf8());
    if (const RoomMembership::Members *members = m_rooms.membersOf(roomUuid)) {
        for (Session *session : *members)
            deliver(session, update.full);
    }
    m_batch.offerCountUpdate(roomUuid, update);
    m_batch.relay({}, update.full);
}

void ChatServer::toRoom(const QString &roomUuid, const ServerStatement &statement)
{
    const QByteArray text = statement.toUtf8();
    m_batch.relay(roomUuid, text);
    const RoomMembership::Members *members = m_rooms.membersOf(roomUuid);
    if (!members)
        return;
    for (Session *session : *members)
        deliver(session, text);
}

void ChatServer::toRoomByKind(const QString &roomUuid, const ServerStatement &plain,
                              const ServerStatement &extended)
{
    const QByteArray plainText = plain.toUtf8();
    const QByteArray extendedText = extended.toUtf8();
    m_batch.relay(roomUuid, plainText); // other nodes cannot tell: every client understands the plain one
    const RoomMembership::Members *members = m_rooms.membersOf(roomUuid);
    if (!members)
        return;
    for (Session *session : *members)
        deliver(session, session->peer().extended ? extendedText : plainText);
}

void ChatServer::toRoomLive(const Peer &sender, const QByteArray &text)
{
    if (EventRelay *relay = m_batch.relay())
        relay->relayLive(sender.roomUuid, text);
    deliverLive(sender.roomUuid, sender.id, text);
}

void ChatServer::deliverLiveFromOtherNode(const QString &roomUuid, const QByteArray &text)
{
    deliverLive(roomUuid, 0, text);
}

void ChatServer::deliverLive(const QString &roomUuid, quint64 exceptId, const QByteArray &text)
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

void ChatServer::stopTyping(Peer &peer)
{
    // docs/EXTENSIONS.md, "Typing": the server says typing false for a user that leaves while typing.
    if (peer.typing && !peer.roomUuid.isEmpty()) {
        peer.typing = false;
        toRoomLive(peer, typingChangedText(peer.userUuid, peer.roomUuid, false));
    }
    peer.typingForwardedMs = -1;
}

bool ChatServer::mayHaveMembers(const QString &roomUuid) const
{
    return m_batch.relay() || m_rooms.hasMembers(roomUuid); // other nodes' members are not known here
}

void ChatServer::emptyRoom(const QString &roomUuid)
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

void ChatServer::deliverFromOtherNode(const QString &roomUuid, const QByteArray &text)
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

void ChatServer::forgetDeletedRoom(const QByteArray &text)
{
    // A room deleted by the operator (chat-server admin delete-room --force) may have had users of this node
    // inside; a client's delete_room only ever deletes an empty one.
    if (!text.contains("\"room_deleted\""))
        return;
    const auto statement = ServerStatement::parse(text);
    if (statement && statement->resultName() == ResultName::RoomDeleted)
        emptyRoom(statement->object().value(QLatin1String("uuid")).toString());
}

void ChatServer::changeRooms(const std::function<QVector<Room>()> &change)
{
    m_batch.join(Peer {});
    try {
        m_dispatcher.announceRooms(change());
    } catch (const StorageError &error) {
        qCWarning(lcStorage) << "cannot update the rooms:" << error.what();
    }
}

void ChatServer::restartSessions(const QString &reason)
{
    qCWarning(lcServer).noquote() << "closing all" << m_rooms.count() << "connections:" << reason;
    const auto sessions = m_rooms.all();
    for (const auto &[id, session] : sessions)
        // 1012 "service restart": Qt names no such code, but the RFC 6455 registry does.
        session->close(static_cast<QWebSocketProtocol::CloseCode>(1012), QStringLiteral("server restarting"));
}

QSet<QString> ChatServer::liveUserUuids() const
{
    QSet<QString> users;
    for (const auto &[id, session] : m_rooms.all()) {
        if (!session->peer().userUuid.isEmpty())
            users.insert(session->peer().userUuid);
    }
    return users;
}

void ChatServer::setRoom(Peer &peer, const QString &roomUuid)
{
    if (peer.roomUuid == roomUuid)
        return;
    stopTyping(peer);
    if (m_rooms.move(peer, roomUuid) && peer.extended)
        m_batch.entered(peer);
}

void ChatServer::pingAll()
{
    for (const auto &[id, session] : m_rooms.all())
        session->keepAlive();
}

void ChatServer::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_pingTimer.stop();
    m_batch.stopRetryingLeaves(); // a restart clears every room's members anyway
    m_acceptor.close();
    commitBatch(); // answers already given go out before the close frames
    qCInfo(lcServer) << "shutting down, closing" << m_rooms.count() << "connections";
    m_shutdownGrace.start(shutdownGraceMs);
    const auto sessions = m_rooms.all();
    for (const auto &[id, session] : sessions)
        session->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    finishShutdownWhenEmpty();
}

void ChatServer::commitBatch()
{
    m_batch.commit();
}

bool ChatServer::runAlone(const std::function<void(Store &, CallDispatcher &)> &change, QString *error)
{
    return m_batch.runAlone(change, error);
}

void ChatServer::finishShutdownWhenEmpty()
{
    if (m_shuttingDown && m_rooms.count() == 0 && m_shutdownGrace.isActive()) {
        commitBatch();
        m_shutdownGrace.stop();
        QTimer::singleShot(0, this, &ChatServer::shutDown);
    }
}

} // namespace chat::server
