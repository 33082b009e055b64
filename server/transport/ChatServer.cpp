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
// A batch this large is committed at once, so a flood cannot hold answers back for long.
constexpr int maxBatchCalls = 512;
// Taking the users of ended connections out of their rooms once more, when that could not be stored.
constexpr int firstLingerRetryMs = 1000;
constexpr int maxLingerRetryMs = 16000;
} // namespace

ChatServer::ChatServer(Store &store, Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_acceptor(acceptorOptions(options))
    , m_store(store)
    , m_dispatcher(store, *this, &m_metrics)
    , m_countUpdates(
          options.limits.roomUpdateBudget, [this](const QString &room) { return outsidersOf(room); },
          [this](const QString &room, const CountUpdateMerger::Update &update) {
              sendToOutsiders(room, update);
          },
          &m_metrics)
    , m_callLimits(store, options.caps)
{
    m_commitTimer.setSingleShot(true);
    connect(&m_commitTimer, &QTimer::timeout, this, &ChatServer::commitBatch);
    m_lingerTimer.setSingleShot(true);
    connect(&m_lingerTimer, &QTimer::timeout, this, &ChatServer::removeLingeringUsers);
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
    for (const auto &[id, session] : m_sessions)
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
    m_sessions.emplace(session->peer().id, session);
    ++m_connectionsPerAddress[session->address()];
    m_metrics.connectionOpened();
    connect(session, &Session::textReceived, this, &ChatServer::handleText);
    connect(session, &Session::binaryReceived, this, &ChatServer::handleBinary);
    connect(session, &Session::disconnected, this, &ChatServer::removeSession);
    qCDebug(lcSession) << "connection" << session->peer().id << "opened from" << session->peerAddress();
    joinBatch(session->peer(), Arrival::NewConnection);
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
    joinBatch(session->peer());
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
    m_sessions.erase(session->peer().id);
    m_metrics.connectionClosed();
    const auto count = m_connectionsPerAddress.find(session->address());
    if (count != m_connectionsPerAddress.end() && --count.value() <= 0)
        m_connectionsPerAddress.erase(count);
    // Once it is out of every delivery list, its user leaves and the others hear of it.
    joinBatch(session->peer());
    leave(session->peer());
    session->deleteLater();
    finishShutdownWhenEmpty();
}

void ChatServer::toCaller(const Peer &caller, const ServerStatement &statement)
{
    const auto it = m_sessions.find(caller.id);
    if (it != m_sessions.end())
        deliver(it->second, statement.toUtf8());
}

void ChatServer::toAll(const QString &roomUuid, const ServerStatement &statement)
{
    const QByteArray text = statement.toUtf8(); // once: every session shares it
    holdOrRun([this, roomUuid] { m_countUpdates.superseded(roomUuid); });
    for (const auto &[id, session] : m_sessions)
        deliver(session, text);
    relay({}, text);
}

void ChatServer::toAllCountUpdate(const QString &roomUuid, const ServerStatement &full,
                                  const ServerStatement &compact)
{
    const CountUpdateMerger::Update update {full.toUtf8(), compact.toUtf8()};
    const auto members = m_roomMembers.constFind(roomUuid);
    if (members != m_roomMembers.cend()) {
        for (Session *session : *members)
            deliver(session, session->peer().extended ? update.compact : update.full);
    }
    holdOrRun([this, roomUuid, update] { m_countUpdates.offer(roomUuid, update); });
    relay({}, update.full);
}

void ChatServer::holdOrRun(const std::function<void()> &step)
{
    if (m_batchOpen)
        m_held.append({0, {}, step});
    else
        step();
}

int ChatServer::outsidersOf(const QString &roomUuid) const
{
    const auto members = m_roomMembers.constFind(roomUuid);
    return int(m_sessions.size()) - (members == m_roomMembers.cend() ? 0 : int(members->size()));
}

void ChatServer::sendToOutsiders(const QString &roomUuid, const CountUpdateMerger::Update &update)
{
    // Straight to the sockets, even in an open batch: the update was committed before it got here.
    for (const auto &[id, session] : m_sessions) {
        if (session->peer().roomUuid != roomUuid)
            send(session, session->peer().extended ? update.compact : update.full);
    }
}

void ChatServer::toRoom(const QString &roomUuid, const ServerStatement &statement)
{
    const QByteArray text = statement.toUtf8();
    relay(roomUuid, text);
    const auto members = m_roomMembers.constFind(roomUuid);
    if (members == m_roomMembers.cend())
        return;
    for (Session *session : *members)
        deliver(session, text);
}

void ChatServer::toRoomByKind(const QString &roomUuid, const ServerStatement &plain,
                              const ServerStatement &extended)
{
    const QByteArray plainText = plain.toUtf8();
    const QByteArray extendedText = extended.toUtf8();
    relay(roomUuid, plainText); // other nodes cannot tell: every client understands the plain one
    const auto members = m_roomMembers.constFind(roomUuid);
    if (members == m_roomMembers.cend())
        return;
    for (Session *session : *members)
        deliver(session, session->peer().extended ? extendedText : plainText);
}

void ChatServer::toRoomLive(const Peer &sender, const QByteArray &text)
{
    if (m_relay)
        m_relay->relayLive(sender.roomUuid, text);
    deliverLive(sender.roomUuid, sender.id, text);
}

void ChatServer::deliverLiveFromOtherNode(const QString &roomUuid, const QByteArray &text)
{
    deliverLive(roomUuid, 0, text);
}

void ChatServer::deliverLive(const QString &roomUuid, quint64 exceptId, const QByteArray &text)
{
    const auto members = m_roomMembers.constFind(roomUuid);
    if (members == m_roomMembers.cend())
        return;
    for (Session *session : *members) {
        const Peer &peer = session->peer();
        if (!peer.extended || peer.id == exceptId)
            continue;
        // A member whose room_entered still waits for the batch gets it after that (and its drawing_got).
        if (m_batchOpen && m_enteredInBatch.contains(peer.id))
            m_held.append({peer.id, text, {}});
        else if (!session->sendDroppable(text))
            m_metrics.liveSkipped();
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
    return m_relay || m_roomMembers.contains(roomUuid); // other nodes' members are not known here
}

void ChatServer::emptyRoom(const QString &roomUuid)
{
    // Once the batch that emptied it in the store is committed: until then, a failure would leave them
    // inside.
    holdOrRun([this, roomUuid] {
        const auto members = m_roomMembers.constFind(roomUuid);
        if (members == m_roomMembers.cend())
            return;
        const QSet<Session *> sessions = *members;
        for (Session *session : sessions)
            setRoom(session->peer(), {});
    });
}

void ChatServer::relay(const QString &roomUuid, const QByteArray &text)
{
    if (!m_relay)
        return;
    if (m_batchOpen)
        m_relay->record(roomUuid, text);
    else // only when no batch could begin, that is without a database: then nothing changed either
        qCWarning(lcServer) << "a broadcast outside a batch was not relayed to the other nodes";
}

void ChatServer::deliverFromOtherNode(const QString &roomUuid, const QByteArray &text)
{
    if (roomUuid.isEmpty()) {
        // What goes to everyone is about rooms (created, changed, deleted): the cached list is stale now,
        // and a count update held back here is older than what comes.
        m_dispatcher.forgetCachedState();
        m_countUpdates.flushAll();
        for (const auto &[id, session] : m_sessions)
            session->send(text);
        forgetDeletedRoom(text);
        return;
    }
    const auto members = m_roomMembers.constFind(roomUuid);
    if (members == m_roomMembers.cend())
        return;
    for (Session *session : *members)
        session->send(text);
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
    joinBatch(Peer {});
    try {
        m_dispatcher.announceRooms(change());
    } catch (const StorageError &error) {
        qCWarning(lcStorage) << "cannot update the rooms:" << error.what();
    }
}

void ChatServer::restartSessions(const QString &reason)
{
    qCWarning(lcServer).noquote() << "closing all" << m_sessions.size() << "connections:" << reason;
    const auto sessions = m_sessions;
    for (const auto &[id, session] : sessions)
        // 1012 "service restart": Qt names no such code, but the RFC 6455 registry does.
        session->close(static_cast<QWebSocketProtocol::CloseCode>(1012), QStringLiteral("server restarting"));
}

QSet<QString> ChatServer::liveUserUuids() const
{
    QSet<QString> users;
    for (const auto &[id, session] : m_sessions) {
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
    const auto it = m_sessions.find(peer.id);
    Session *session = it == m_sessions.end() ? nullptr : it->second;
    if (!peer.roomUuid.isEmpty()) {
        auto members = m_roomMembers.find(peer.roomUuid);
        if (members != m_roomMembers.end()) {
            members->remove(session);
            if (members->isEmpty())
                m_roomMembers.erase(members);
        }
    }
    peer.roomUuid = roomUuid;
    if (session && !roomUuid.isEmpty()) {
        m_roomMembers[roomUuid].insert(session);
        if (m_batchOpen && peer.extended)
            m_enteredInBatch.insert(peer.id);
    }
}

void ChatServer::pingAll()
{
    for (const auto &[id, session] : m_sessions)
        session->keepAlive();
}

void ChatServer::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_pingTimer.stop();
    m_lingerTimer.stop(); // a restart clears every room's members anyway
    m_acceptor.close();
    commitBatch(); // answers already given go out before the close frames
    qCInfo(lcServer) << "shutting down, closing" << m_sessions.size() << "connections";
    m_shutdownGrace.start(shutdownGraceMs);
    const auto sessions = m_sessions;
    for (const auto &[id, session] : sessions)
        session->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    finishShutdownWhenEmpty();
}

void ChatServer::joinBatch(const Peer &caller, Arrival arrival)
{
    if (!m_batchOpen) {
        try {
            m_store.beginBatch();
        } catch (const StorageError &error) {
            qCWarning(lcStorage) << "cannot begin a batch, committing call by call:" << error.what();
            return;
        }
        m_batchOpen = true;
        m_commitTimer.start(0); // once the events already waiting have been handled
        if (m_relay)
            m_relay->catchUp();
    }
    m_batchCallers.append(caller.id);
    if (!m_roomsBeforeBatch.contains(caller.id))
        m_roomsBeforeBatch.insert(caller.id, caller.roomUuid);
    if (arrival == Arrival::NewConnection)
        m_connectedInBatch.insert(caller.id);
    if (m_batchCallers.size() >= maxBatchCalls)
        QMetaObject::invokeMethod(this, &ChatServer::commitBatch, Qt::QueuedConnection);
}

void ChatServer::deliver(Session *session, const QByteArray &text)
{
    if (m_batchOpen)
        m_held.append({session->peer().id, text, {}});
    else
        session->send(text);
}

void ChatServer::commitBatch()
{
    commitHeld();
}

bool ChatServer::runAlone(const std::function<void(Store &, CallDispatcher &)> &change, QString *error)
{
    commitHeld(); // the calls already waiting go first, in a batch of their own
    joinBatch(Peer {});
    if (!m_batchOpen) {
        *error = QStringLiteral("the database is unavailable");
        return false;
    }
    try {
        change(m_store, m_dispatcher);
    } catch (const StorageError &storageError) {
        *error = QString::fromUtf8(storageError.what());
        m_store.rollbackBatch(); // then the commit below fails, and nothing held is sent
    }
    if (!commitHeld()) {
        if (error->isEmpty())
            *error = QStringLiteral("the change could not be stored");
        return false;
    }
    return error->isEmpty();
}

bool ChatServer::commitHeld()
{
    m_commitTimer.stop();
    if (!m_batchOpen)
        return true;
    m_batchOpen = false;
    const QVector<quint64> callers = std::exchange(m_batchCallers, {});
    const QVector<HeldDelivery> held = std::exchange(m_held, {});
    const QHash<quint64, QString> roomsBefore = std::exchange(m_roomsBeforeBatch, {});
    const QSet<quint64> connected = std::exchange(m_connectedInBatch, {});
    const QSet<QString> left = std::exchange(m_leftInBatch, {});
    m_enteredInBatch.clear();
    QElapsedTimer commitClock;
    commitClock.start();
    try {
        if (!m_store.inBatch())
            throw StorageError(QStringLiteral("the batch was lost with the database connection"));
        if (m_relay)
            m_relay->flush();
        m_store.commitBatch();
        m_metrics.commitSucceeded(commitClock.nsecsElapsed());
    } catch (const StorageError &error) {
        m_metrics.commitFailed();
        qCWarning(lcStorage) << "a batch of" << callers.size() << "calls was not stored:" << error.what();
        m_store.rollbackBatch();
        if (m_relay)
            m_relay->discard();
        recoverFromFailedBatch(callers, roomsBefore, connected);
        leaveLater(left);
        return false;
    }
    if (m_relay)
        m_relay->committed();
    sendHeldDeliveries(held);
    return true;
}

void ChatServer::sendHeldDeliveries(const QVector<HeldDelivery> &held)
{
    m_gathering = true;
    for (const HeldDelivery &delivery : held) {
        if (delivery.step) {
            delivery.step();
            continue;
        }
        const auto it = m_sessions.find(delivery.sessionId);
        if (it != m_sessions.end())
            send(it->second, delivery.text);
    }
    m_gathering = false;
    for (Session *session : std::exchange(m_gathered, {}))
        session->sendHeld();
}

void ChatServer::send(Session *session, const QByteArray &text)
{
    if (!m_gathering) {
        session->send(text);
        return;
    }
    if (!session->holdsAny())
        m_gathered.append(session);
    session->hold(text);
}

void ChatServer::recoverFromFailedBatch(const QVector<quint64> &callers,
                                        const QHash<quint64, QString> &roomsBefore,
                                        const QSet<quint64> &newConnections)
{
    // Nothing of the batch was stored and nothing was told: each caller hears that its calls failed and is
    // back in the room it was in before the batch. A connection whose user was never stored cannot go on.
    m_dispatcher.forgetCachedState();
    QSet<quint64> told;
    for (const quint64 id : callers) {
        const auto it = m_sessions.find(id);
        if (it == m_sessions.end() || told.contains(id))
            continue;
        told.insert(id);
        Session *session = it->second;
        if (newConnections.contains(id)) {
            session->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("server unavailable"));
            continue;
        }
        setRoom(session->peer(), roomsBefore.value(id));
        session->send(ServerStatement::error(ErrorName::InternalError).toUtf8());
    }
}

void ChatServer::leave(Peer &peer)
{
    const QString user = peer.userUuid;
    if (!m_dispatcher.disconnected(peer))
        leaveLater({user});
    else if (m_batchOpen && !user.isEmpty())
        m_leftInBatch.insert(user);
}

void ChatServer::leaveLater(const QSet<QString> &userUuids)
{
    if (userUuids.isEmpty())
        return;
    m_lingeringUsers.unite(userUuids);
    if (m_shuttingDown || m_lingerTimer.isActive())
        return;
    m_lingerDelayMs = qBound(firstLingerRetryMs, m_lingerDelayMs * 2, maxLingerRetryMs);
    m_lingerTimer.start(m_lingerDelayMs);
}

void ChatServer::removeLingeringUsers()
{
    if (m_shuttingDown || m_lingeringUsers.isEmpty())
        return;
    commitBatch(); // the calls already waiting go first, in a batch of their own
    const QSet<QString> users = std::exchange(m_lingeringUsers, {});
    joinBatch(Peer {});
    for (const QString &user : users) {
        Peer gone;
        gone.userUuid = user;
        leave(gone);
    }
    commitBatch(); // a failure puts them back, and the timer runs again with a longer delay
    if (!m_lingeringUsers.isEmpty())
        return;
    m_lingerDelayMs = 0;
    qCInfo(lcServer)
        << users.size()
        << "users whose connections ended while their leaving could not be stored left their rooms";
}

void ChatServer::finishShutdownWhenEmpty()
{
    if (m_shuttingDown && m_sessions.empty() && m_shutdownGrace.isActive()) {
        commitBatch();
        m_shutdownGrace.stop();
        QTimer::singleShot(0, this, &ChatServer::shutDown);
    }
}

} // namespace chat::server
