#pragma once

#include "Connector.h"
#include "JoinSettle.h"
#include "MeasureWindow.h"
#include "Scenario.h"
#include "Stats.h"

#include <QHash>
#include <QJsonArray>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace chat::bench {

// live --per-room C --drawers D --interval MS --stroke-ms MS --duration S (issue 15, live strokes): one room
// of C members, all negotiated (socketchat.v1); D of them draw at once. Each drawer sends draw_live every
// --interval ms with the 2–4 new points a mouse gives in that time, grows its stroke for --stroke-ms, then
// lifts the pen (change_draw_line, then draw_live end:true) and starts the next stroke. Every preview must
// reach each of the C − 1 other members exactly once, in the order of its stroke, and never its author
// (docs/EXTENSIONS.md "Live strokes"). All clients share one clock: the time each preview was sent is kept
// under (line uuid, from), so every receiver measures send → live_line_changed.
class LiveScenario : public Scenario
{
    Q_OBJECT

public:
    LiveScenario(const BenchOptions &options, QObject *parent = nullptr);
    ~LiveScenario() override;

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
        bool joined = false;
        std::vector<int> lastFrom; // per stroke: the highest `from` received so far (-1: none)
    };
    struct Preview
    {
        qint64 sentNs = 0;
        int from = 0;
        int numbers = 0;
        bool end = false;
        int receipts = 0;
        std::vector<bool> receivedBy; // per member
    };
    struct Stroke
    {
        QString uuid;
        int drawer = 0;
        std::vector<int> previews; // indexes into m_previews, `from` ascending
    };
    struct Drawer
    {
        int member = 0;
        std::unique_ptr<QTimer> timer;
        int stroke = -1; // the stroke being drawn, -1 when the pen is up
        QJsonArray points; // the whole stroke so far (flat x, y)
        qint64 strokeStartNs = 0;
        qint64 lastSendNs = 0;
        double x = 0;
        double y = 0;
        double heading = 0;
        qint64 previewsSent = 0;
    };

    void createRoom();
    void joinMembers();
    void onJoined(int member);
    void startDrawing();
    void tick(int drawer);
    void sendPreview(Drawer &drawer, const QJsonArray &points, bool end);
    void liftPen(Drawer &drawer);
    void stopDrawing();
    void onFrame(BenchClient *client, ResultName name, const QString &text, qint64 receivedNs);
    void onPreview(int member, const QString &text, qint64 receivedNs);
    void checkDrained();
    void endMeasurement();
    qint64 expectedDeliveries() const;

    QString m_room;
    std::vector<Member> m_members;
    std::vector<Drawer> m_drawers;
    std::vector<Stroke> m_strokes;
    std::vector<Preview> m_previews;
    QHash<QString, int> m_strokeByUuid;
    int m_firstMemberId = 0;
    bool m_negotiationChecked = false;
    Connector *m_connector = nullptr;
    JoinSettle m_joins;
    MeasureWindow m_window;

    bool m_sending = false;
    bool m_measuring = false;
    bool m_ended = false;
    qint64 m_expected = 0;
    qint64 m_delivered = 0;
    qint64 m_lost = 0;
    qint64 m_undeliveredAtAbort = 0;
    qint64 m_duplicated = 0;
    qint64 m_reordered = 0;
    qint64 m_echoed = 0; // a preview sent back to its own author
    qint64 m_mismatched = 0; // wrong points count, author, tool or colour
    qint64 m_unknown = 0; // a live_line_changed of no preview we sent
    qint64 m_linesSent = 0;
    qint64 m_lineFrames = 0;
    quint64 m_frames = 0;
    Stats m_latency; // every live_line_changed at every receiver
    // Several nodes (--url repeated): receivers on the author's node, and on another node (through
    // PostgreSQL).
    Stats m_latencySameNode;
    Stats m_latencyOtherNode;
    Stats m_sendInterval; // between two draw_live of one drawer: the benchmark's own timer jitter
    QTimer m_sendWindow;
    QTimer m_drainDeadline;
};

} // namespace chat::bench
