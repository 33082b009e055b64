#include "TestClient.h"

#include "model/Room.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocketHandshakeOptions>

using namespace chat;

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        if (const auto statement = ServerStatement::parse(text.toUtf8()))
            m_inbox.append(*statement);
        else
            qWarning("TestClient: the server sent something that is not a statement: %s",
                     qPrintable(text.left(200)));
    });
}

TestClient::~TestClient()
{
    m_socket.abort();
}

bool TestClient::openOnly(const QUrl &url, int timeoutMs)
{
    m_inbox.clear(); // a reused client starts afresh
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(m_subprotocols);
    m_socket.open(url, options);
    return connected.wait(timeoutMs) || !connected.isEmpty();
}

bool TestClient::connectTo(const QUrl &url, int timeoutMs)
{
    if (!openOnly(url, timeoutMs))
        return false;
    const auto created = expect(chat::nameOf(ResultName::UserCreated), timeoutMs);
    const auto listed = expect(chat::nameOf(ResultName::RoomsListed), timeoutMs);
    if (!created || !listed)
        return false;
    m_user = User::fromJson(created->object()).value_or(User {});
    return !m_user.uuid.isEmpty();
}

void TestClient::call(CallName name, const QJsonObject &fields)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(makeCall(name, fields)).toJson(QJsonDocument::Compact)));
}

void TestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void TestClient::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

void TestClient::close()
{
    m_socket.close();
}

void TestClient::abort()
{
    m_socket.abort();
}

std::optional<ServerStatement> TestClient::next(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_inbox.isEmpty() && !deadline.hasExpired())
        QTest::qWait(5);
    if (m_inbox.isEmpty())
        return std::nullopt;
    return m_inbox.takeFirst();
}

std::optional<ServerStatement> TestClient::expect(const QString &name, int timeoutMs)
{
    auto statement = next(timeoutMs);
    if (!statement) {
        qWarning("TestClient: expected %s, got nothing", qPrintable(name));
        return std::nullopt;
    }
    if (statement->name() != name) {
        qWarning("TestClient: expected %s, got %s", qPrintable(name),
                 qPrintable(statement->toText().left(300)));
        return std::nullopt;
    }
    return statement;
}

// Why the answer to a call is a sync point (server/transport/ChatServer.cpp, server/dispatch):
// - The server runs on one thread and runs each call to completion (CallDispatcher::dispatch): the call's
//   answer and every broadcast it causes (to the caller, a room's members or everyone) are handed to the
//   recipients' sessions while that call runs, never later. The only exception are count updates (a message
//   posted, a user entering or leaving) for those outside a room when --room-update-budget holds them back
//   (CountUpdateMerger, sent by a timer).
// - While a batch is open (ChatServer::joinBatch) deliveries are held, in the order they were produced
//   (m_held), and sent in that order once the batch is committed (sendHeldDeliveries); a later batch's
//   deliveries are produced after those. A rate_limited refusal is delivered the same way, after the
//   earlier answers. A session writes its frames to its socket in the order it is given them
//   (Session::send; gather/writeGathered keep the order), over one TCP connection.
// - The live statements of socketchat.v1 (live_line_changed, typing_changed, docs/EXTENSIONS.md) are not
//   held: they are written to the recipients' sockets while the caller's draw_live or set_typing runs. So
//   after the caller's own sync round trip, they too are queued at each recipient before its sync answer.
// - So when a test's action was run before this client's sync call (its actor saw the action's answer
//   before the sync call was sent, or the actor is this client), every statement the action made for this
//   client is queued here before the sync call's answer. A WebSocket ping would not do: the server writes its
//   pong at once, before the deliveries an open batch still holds.
// The call is get_drawing: read-only, answered to the caller alone (drawing_got inside a room,
// no_selected_room outside, internal_error when the batch could not be stored), and not one the tests count
// in /metrics.
std::optional<QVector<ServerStatement>> TestClient::sync(int timeoutMs)
{
    if (!isConnected()) {
        qWarning("TestClient: sync on a closed connection");
        return std::nullopt;
    }
    const qsizetype before = m_inbox.size();
    call(CallName::GetDrawing);
    const QStringList answers {chat::nameOf(ResultName::DrawingGot), chat::nameOf(ErrorName::NoSelectedRoom),
                               chat::nameOf(ErrorName::InternalError), chat::nameOf(ErrorName::RateLimited)};
    QDeadlineTimer deadline(timeoutMs);
    qsizetype checked = before; // what was queued before the call came before it
    while (true) {
        for (; checked < m_inbox.size(); ++checked) {
            if (answers.contains(m_inbox.at(checked).name())) {
                QVector<ServerStatement> earlier = m_inbox.mid(0, checked);
                m_inbox.remove(0, checked + 1);
                return earlier;
            }
        }
        if (deadline.hasExpired() || !isConnected())
            break;
        QTest::qWait(5);
    }
    qWarning("TestClient: no answer to the sync round trip (get_drawing) within %d ms%s", timeoutMs,
             isConnected() ? "" : ": the connection closed");
    return std::nullopt;
}

bool TestClient::receivesNothing(int)
{
    if (!m_inbox.isEmpty()) {
        qWarning("TestClient: unexpected %s", qPrintable(m_inbox.first().toText().left(300)));
        return false;
    }
    const auto earlier = sync();
    if (!earlier)
        return false;
    if (!earlier->isEmpty())
        qWarning("TestClient: unexpected %s", qPrintable(earlier->first().toText().left(300)));
    return earlier->isEmpty();
}

bool TestClient::drain(int)
{
    if (!isConnected()) {
        m_inbox.clear();
        return true;
    }
    if (sync())
        return true; // what came after the answer stays
    m_inbox.clear();
    return false;
}

std::optional<Room> TestClient::createRoom()
{
    if (!drain())
        return std::nullopt;
    call(CallName::CreateRoom);
    const auto created = expect(chat::nameOf(ResultName::RoomCreated));
    if (!created)
        return std::nullopt;
    return Room::fromJson(created->object());
}

bool TestClient::enterRoom(const QString &roomUuid)
{
    if (!drain())
        return false;
    call(CallName::EnterRoom, {{QStringLiteral("uuid"), roomUuid}});
    return enterRoomFramesArrive();
}

bool TestClient::enterRoomFramesArrive()
{
    if (!expect(chat::nameOf(ResultName::RoomEntered)) || !expect(chat::nameOf(ResultName::MessagesListed))
        || !expect(chat::nameOf(ResultName::DrawingGot)))
        return false;
    // One room_changed, or two when this client switched rooms.
    if (!expect(chat::nameOf(ResultName::RoomChanged)))
        return false;
    // The second one (if any) is sent while the same call runs: a sync round trip has it queued first.
    // Other statements that came meanwhile (another client's doing) stay queued, in order.
    auto earlier = sync();
    if (!earlier)
        return false;
    earlier->removeIf([](const ServerStatement &statement) {
        return statement.name() == chat::nameOf(ResultName::RoomChanged);
    });
    m_inbox = *earlier + m_inbox;
    return true;
}

bool TestClient::waitForDisconnected(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    return disconnected.wait(timeoutMs) || !disconnected.isEmpty();
}

QStringList describeStatements(const QVector<chat::ServerStatement> &statements)
{
    QStringList described;
    for (const chat::ServerStatement &statement : statements)
        described << statement.name() + QLatin1Char(' ')
                + QString::fromUtf8(QJsonDocument(statement.object()).toJson(QJsonDocument::Compact));
    return described;
}
