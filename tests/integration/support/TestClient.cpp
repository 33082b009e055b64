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

bool TestClient::receivesNothing(int quietMs)
{
    QTest::qWait(quietMs);
    if (!m_inbox.isEmpty())
        qWarning("TestClient: unexpected %s", qPrintable(m_inbox.first().toText().left(300)));
    return m_inbox.isEmpty();
}

void TestClient::drain(int quietMs)
{
    QTest::qWait(quietMs);
    m_inbox.clear();
}

std::optional<Room> TestClient::createRoom()
{
    drain(30);
    call(CallName::CreateRoom);
    const auto created = expect(chat::nameOf(ResultName::RoomCreated));
    if (!created)
        return std::nullopt;
    return Room::fromJson(created->object());
}

bool TestClient::enterRoom(const QString &roomUuid)
{
    drain(30);
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
    QTest::qWait(20);
    while (!m_inbox.isEmpty() && m_inbox.first().name() == chat::nameOf(ResultName::RoomChanged))
        m_inbox.removeFirst();
    return true;
}

bool TestClient::waitForDisconnected(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    return disconnected.wait(timeoutMs) || !disconnected.isEmpty();
}
