#pragma once

// Sessions on a fake Connection, for unit tests of the transport classes that pick recipients and hold or
// send statements (RoomMembership, DeliveryBatch): each write the session makes is recorded, no socket.
#include "metrics/ServerMetrics.h"
#include "transport/Connection.h"
#include "transport/ConnectionLimits.h"
#include "transport/Session.h"

#include <QObject>

#include <memory>
#include <vector>

namespace chat::server::testing {

class FakeConnection : public Connection
{
public:
    bool isOpen() const override { return !closed; }
    using Connection::sendTexts;
    void sendTexts(const QByteArray *messages, qsizetype count) override
    {
        writes.append(QVector<QByteArray>(messages, messages + count));
    }
    qint64 bytesToWrite() const override { return backlog; }
    void ping() override { }
    void close(quint16 code, const QString &) override
    {
        closeCode = code;
        closed = true;
    }
    void abort() override { closed = true; }

    QVector<QVector<QByteArray>> writes; // one entry per sendTexts() call: what one write carried
    qint64 backlog = 0;
    quint16 closeCode = 0;
    bool closed = false;

    // Every message written, in order, whatever write carried it.
    QVector<QByteArray> messages() const
    {
        QVector<QByteArray> all;
        for (const auto &write : writes)
            all += write;
        return all;
    }
};

// Makes sessions numbered 1, 2, … that are children of one parent, and gives their fake connections.
class FakeSessions
{
public:
    FakeSessions() = default;

    Session *add(bool extended = false)
    {
        auto *connection = new FakeConnection;
        auto *session = new Session(++m_lastId, connection, QHostAddress::LocalHost, 40000, m_limits, 0,
                                    m_metrics, &m_parent);
        session->peer().extended = extended;
        m_connections.push_back(connection);
        return session;
    }
    FakeConnection &connectionOf(const Session *session) { return *m_connections.at(session->peer().id - 1); }
    ServerMetrics &metrics() { return m_metrics; }

private:
    QObject m_parent;
    ConnectionLimits m_limits;
    ServerMetrics m_metrics;
    std::vector<FakeConnection *> m_connections; // owned by their sessions
    quint64 m_lastId = 0;
};

} // namespace chat::server::testing
