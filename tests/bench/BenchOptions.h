#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace chat::bench {

enum class ScenarioKind { Connect, Fanout, History, Rooms, Drawing, Live };

// The command line of chat-bench, checked. Options that do not apply to the chosen scenario are refused.
struct BenchOptions
{
    ScenarioKind scenario = ScenarioKind::Connect;
    QString scenarioName;

    // Common
    QUrl url; // the first of urls
    QList<QUrl> urls; // several server nodes: clients are spread over them in turn
    QList<qint64> pids; // the server processes (one per node) whose CPU and memory are reported
    double timeoutS = 60;
    QString subprotocol;
    bool jsonOnly = false;
    int concurrency = 50; // connections between open and ready at once
    int window = 200; // pipelined calls in flight while filling
    int repeat = 5; // fresh-client probes (history, rooms, drawing)

    // connect
    int clients = 200;
    // fanout (rooms also used by the rooms scenario; perRoom, duration and drain also by live)
    int rooms = 10;
    int perRoom = 10;
    int sendersPerRoom = 1;
    double rate = 50; // messages per second in total; 0 = closed loop
    double durationS = 3;
    double drainS = 5;
    int bodyChars = 0;
    // history
    int messages = 1000;
    // drawing
    int lines = 50;
    int points = 50;
    // live (issue 15): drawers streaming draw_live every interval ms, strokes of about strokeMs
    int drawers = 10;
    int intervalMs = 30;
    int strokeMs = 1000;

    enum class Status { Ok, Help, Error };
    struct ParseResult
    {
        Status status = Status::Ok;
        QString message; // the help text or the error
    };
    ParseResult parse(const QStringList &arguments);

    static QString usageLine();
};

} // namespace chat::bench
