// libFuzzer target: a session of frames through the server's own path from a socket frame to the store:
// CallParser, CallLimits, CallDispatcher, SqlStore (SQLite in memory) and back out as statements.
// Input: frames separated by '\n'; a frame starting with byte 0x01 comes from the second connection, one
// starting with 0x02 is a binary frame (both prefixes may be combined, 0x01 first).
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
#include <memory>

using namespace chat;
using namespace chat::server;

namespace {

// Rebuilding the store is slow next to one input, so it is rebuilt every so many inputs; rooms, messages
// and the connections' rooms from earlier inputs are part of the state the next inputs meet. A finding is
// replayed on a fresh store; one that needs earlier state shows up in libFuzzer's crash log.
// Rebuilt also once the inputs made it big: a list of thousands of rooms makes every input slow.
constexpr int inputsPerStore = 100;
constexpr int deliveriesPerStore = 3000;
constexpr int maxFramesPerInput = 32;

class Harness
{
public:
    Harness()
    {
        CallCaps caps; // the server's defaults, smaller lines so that the line cap is reachable
        caps.maxLinesPerDrawing = 8;
        m_caps = caps;
    }

    void run(const QByteArray &input)
    {
        if (!m_store || ++m_inputs % inputsPerStore == 0 || m_outbox.deliveries() > deliveriesPerStore)
            rebuild();
        int frames = 0;
        for (const QByteArray &frame : input.split('\n')) {
            if (++frames > maxFramesPerInput)
                break;
            handle(frame);
        }
    }

private:
    // The two connections live as long as the store: connecting them for every input would cost more than
    // most inputs do. Their disconnection is exercised here too.
    void rebuild()
    {
        if (m_dispatcher) {
            for (Peer &peer : m_peers)
                m_dispatcher->disconnected(peer);
        }
        m_dispatcher.reset();
        m_limits.reset();
        m_outbox.reset();
        m_store = SqlStore::openSqlite(QStringLiteral(":memory:"));
        m_dispatcher = std::make_unique<CallDispatcher>(*m_store, m_outbox);
        m_limits = std::make_unique<CallLimits>(*m_store, m_caps);
        for (Peer &peer : m_peers) {
            peer = Peer {peer.id, {}, {}};
            m_dispatcher->connected(peer);
        }
    }

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
    std::array<Peer, 2> m_peers {Peer {1, {}, {}}, Peer {2, {}, {}}};
    int m_inputs = 0;
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
