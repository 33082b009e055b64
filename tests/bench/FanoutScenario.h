#pragma once

#include "Connector.h"
#include "JoinSettle.h"
#include "MeasureWindow.h"
#include "Scenario.h"
#include "Stats.h"

#include <QTimer>

#include <optional>
#include <vector>

namespace chat::bench {

// fanout --rooms R --per-room C [--senders S] --rate M --duration D: R rooms with C members each; the first S
// members of every room send create_message at M messages per second in total (round robin), or with
// --rate 0 in a closed loop (each sender sends its next message when its own message_created arrives).
// Bodies carry the run, the sender, a sequence number and the send time, so every member measures latency
// and must receive every message of its room exactly once (lost, duplicated, reordered are failures).
class FanoutScenario : public Scenario
{
    Q_OBJECT

public:
    FanoutScenario(const BenchOptions &options, QObject *parent = nullptr);

protected:
    void run() override;
    QJsonObject parameters() const override;
    QJsonObject figures() const override;
    QStringList summaryLines() const override;
    void stopMeasuring() override;

private:
    struct Member
    {
        BenchClient *client = nullptr;
        int room = 0;
        bool joined = false;
        // Per sender of the room (index sender / rooms): receipts per sequence number, and what was seen.
        std::vector<std::vector<quint8>> receipts;
        std::vector<qint64> distinct;
        std::vector<qint64> lastSequence;
    };
    struct Sender
    {
        int member = 0;
        qint64 sent = 0;
    };

    void createRooms();
    void joinMembers();
    void onJoined(int member);
    void startSending();
    void tick();
    void sendFrom(int sender);
    void stopSending();
    void onFrame(BenchClient *client, ResultName name, const QString &text, qint64 receivedNs);
    void checkDrained();
    void endMeasurement();
    qint64 expectedDeliveries() const;

    quint32 m_run;
    int m_senderCount; // rooms × senders per room
    QStringList m_rooms;
    std::vector<Member> m_members;
    std::vector<Sender> m_senders;
    std::vector<int> m_joinedPerRoom;
    int m_firstMemberId = 0;
    Connector *m_connector = nullptr;
    JoinSettle m_joins;
    MeasureWindow m_window;

    bool m_sending = false;
    bool m_measuring = false;
    bool m_ended = false;
    qint64 m_sent = 0;
    qint64 m_nextSender = 0;
    qint64 m_delivered = 0;
    qint64 m_duplicated = 0;
    qint64 m_reordered = 0;
    qint64 m_misrouted = 0;
    qint64 m_lost = 0;
    qint64 m_undeliveredAtAbort = 0;
    qint64 m_expected = 0;
    quint64 m_frames = 0;
    quint64 m_messageFrames = 0;
    Stats m_latency;
    QTimer m_tick;
    QTimer m_sendWindow;
    QTimer m_drainDeadline;
};

} // namespace chat::bench
