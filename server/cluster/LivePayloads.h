#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace chat::server {

// The live events of several nodes (docs/EXTENSIONS.md, "Live strokes", "Typing", "Several nodes"): they
// cross PostgreSQL in NOTIFY payloads on a channel of their own, never through the events table. A payload
// is text lines:
//
//     <the sending node's id, as a JSON string>\n
//     <room uuid>\t<statement (compact JSON: it holds no raw tab or newline)>\n
//     ...
//
// PostgreSQL refuses a payload of 8000 bytes or more, so the events of one event-loop pass are packed into
// as few payloads as fit, and a live_line_changed too long for one is split into chunks, each with its own
// "from" (only the last keeps the preview's "end").
struct LiveEvent
{
    QString roomUuid;
    QByteArray text; // the statement, UTF-8 JSON

    friend bool operator==(const LiveEvent &a, const LiveEvent &b)
    {
        return a.roomUuid == b.roomUuid && a.text == b.text;
    }
};

// Well under PostgreSQL's 8000 bytes (NAMEDATALEN and the encoding do not matter at this margin).
inline constexpr qsizetype maxLivePayloadBytes = 7900;

// The first line of a node's payloads: its id as a JSON string, with the newline.
QByteArray liveNodeLine(const QString &nodeId);

// The payloads for these events, in order, each at most maxBytes. A live_line_changed that does not fit in
// one is split (livePreviewChunks); an event that cannot be made to fit at all (a line uuid or tool of
// kilobytes) is left out, and counted in *leftOut when given.
QVector<QByteArray> packLivePayloads(const QByteArray &nodeLine, const QVector<LiveEvent> &events,
                                     qsizetype maxBytes = maxLivePayloadBytes, int *leftOut = nullptr);

// A live_line_changed cut into statements whose line "<room>\t<statement>\n" takes at most maxLineBytes
// each, with an even number of points each when they allow it; empty when even one point does not fit (or
// the statement is not a live_line_changed). A preview without points gives itself.
QVector<QByteArray> livePreviewChunks(const QByteArray &statement, qsizetype maxStatementBytes);

struct LivePayload
{
    QByteArray nodeLine; // as liveNodeLine() wrote it, newline included
    QVector<LiveEvent> events;
};

// Reads a payload back; nullopt when it is not one.
std::optional<LivePayload> unpackLivePayload(const QByteArray &payload);

} // namespace chat::server
