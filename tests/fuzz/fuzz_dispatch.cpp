// libFuzzer target: a session of frames through the server's own path from a socket frame to the store:
// CallParser, CallLimits, CallDispatcher, SqlStore (SQLite in memory) and back out as statements.
// Input: frames separated by '\n'; a frame starting with byte 0x01 comes from the second connection (which
// negotiated socketchat.v1, so that the extensions are reached too), one starting with 0x02 is a binary frame
// (both prefixes may be combined, 0x01 first); a frame that is just 0x03 (after an optional 0x01) closes that
// connection and opens a new one, as a client reconnecting does.
#include "FuzzOutbox.h"
#include "dispatch/CallDispatcher.h"
#include "dispatch/CallLimits.h"
#include "protocol/CallStatement.h"
#include "protocol/ServerStatement.h"
#include "storage/SqlStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace chat;
using namespace chat::server;

namespace {

// Every input meets the same state: one store (SQLite in memory) with two connected users and two rooms,
// built once. Each input runs inside a store batch, as the server's group commit does, and the batch is
// rolled back afterwards; the peers and the outbox are restored too. Building the store for every input
// cost more than the inputs themselves (about 550 inputs a second), and state carried from input to input
// made findings depend on what ran before; now an input is a complete reproducer.
constexpr int maxFramesPerInput = 32;

class Harness
{
public:
    Harness()
    {
        CallCaps caps; // the server's defaults, smaller lines so that the line cap is reachable
        caps.maxLinesPerDrawing = 8;
        m_caps = caps;
        m_store = SqlStore::openSqlite(QStringLiteral(":memory:"));
        m_dispatcher = std::make_unique<CallDispatcher>(*m_store, m_outbox);
        m_limits = std::make_unique<CallLimits>(*m_store, m_caps);
        for (Peer &peer : m_peers)
            m_dispatcher->connected(peer);
        // Two rooms, one of them with the second user, a message and a line: inputs start past the
        // "no such room" checks.
        for (const char *frame :
             {"{\"type\": \"call\", \"payload\": {\"message\": \"create_room\"}}",
              "{\"type\": \"call\", \"payload\": {\"message\": \"create_room\"}}",
              "\x01{\"type\": \"call\", \"payload\": {\"message\": \"enter_room\", \"uuid\": "
              "\"<room:0>\"}}",
              "\x01{\"type\": \"call\", \"payload\": {\"message\": \"create_message\", \"body\": \"hi\"}}",
              "\x01{\"type\": \"call\", \"payload\": {\"message\": \"change_draw_line\", \"uuid\": \"l1\", "
              "\"points\": [1, 2, 3, 4], \"tool\": \"pen\", \"color\": \"#000000\"}}"})
            handle(QByteArray(frame));
        if (m_peers[1].roomUuid.isEmpty()) { // else nothing reaches the calls of a room member
            std::fprintf(stderr, "fuzz_dispatch: the second connection did not enter a room\n");
            std::abort();
        }
        m_basePeers = m_peers;
        m_baseRooms = m_outbox.rooms();
    }

    void run(const QByteArray &input)
    {
        m_store->beginBatch();
        int frames = 0;
        for (const QByteArray &frame : input.split('\n')) {
            if (++frames > maxFramesPerInput)
                break;
            handle(frame);
        }
        m_store->rollbackBatch();
        m_peers = m_basePeers;
        m_outbox.restoreRooms(m_baseRooms);
    }

private:
    // The transcripts name rooms and users by placeholders; give them the uuids of this run, so that
    // seeds reach the handlers past the "no such room" checks.
    QByteArray withUuids(QByteArray frame) const
    {
        static const QRegularExpression placeholder(QStringLiteral("<(room|user):([0-9]+)>"));
        if (!frame.contains('<'))
            return frame;
        QString text = QString::fromUtf8(frame);
        QRegularExpressionMatch match;
        qsizetype from = 0;
        while ((match = placeholder.match(text, from)).hasMatch()) {
            const int n = match.captured(2).toInt();
            const QString uuid = match.captured(1) == QLatin1String("room") ? roomNumber(n) : userNumber(n);
            text.replace(match.capturedStart(), match.capturedLength(), uuid);
            from = match.capturedStart() + uuid.size();
        }
        return text.toUtf8();
    }

    QString roomNumber(int n) const
    {
        const QStringList &rooms = m_outbox.rooms();
        return rooms.isEmpty() ? QString() : rooms[qsizetype(n) % rooms.size()];
    }

    QString userNumber(int n) const { return m_peers[size_t(n) % m_peers.size()].userUuid; }

    void handle(QByteArray frame)
    {
        frame = withUuids(frame);
        Peer *peer = &m_peers[0];
        if (frame.startsWith('\x01')) {
            peer = &m_peers[1];
            frame.remove(0, 1);
        }
        if (frame == QByteArrayView("\x03")) {
            m_dispatcher->disconnected(*peer); // leaves its room, which the others are told
            *peer = Peer {peer->id, {}, {}, peer->extended};
            m_dispatcher->connected(*peer);
            return;
        }
        const bool binary = frame.startsWith('\x02');
        const ParsedCall parsed =
            binary ? CallParser::parseBinary(frame.mid(1)) : CallParser::parseText(QString::fromUtf8(frame));
        if (const auto *reply = std::get_if<GeneralReply>(&parsed)) {
            m_outbox.toCaller(*peer, ServerStatement::general(*reply));
            return;
        }
        const auto &call = std::get<CallStatement>(parsed);
        if (const auto refusal = m_limits->check(*peer, call)) {
            m_outbox.toCaller(*peer, ServerStatement::error(*refusal));
            return;
        }
        m_dispatcher->dispatch(*peer, call);
    }

    CallCaps m_caps;
    FuzzOutbox m_outbox;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<CallDispatcher> m_dispatcher;
    std::unique_ptr<CallLimits> m_limits;
    std::array<Peer, 2> m_peers {Peer {1, {}, {}, false}, Peer {2, {}, {}, true}};
    std::array<Peer, 2> m_basePeers;
    QStringList m_baseRooms;
};

Harness *harness = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The SQLite driver is a Qt plugin: it needs an application object to be found.
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("chat.*=false")); // storage warnings would flood
    harness = new Harness;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    harness->run(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
