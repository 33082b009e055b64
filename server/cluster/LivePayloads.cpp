#include "LivePayloads.h"

#include "dispatch/LiveStatements.h"
#include "protocol/JsonWriter.h"

namespace chat::server {

QByteArray liveNodeLine(const QString &nodeId)
{
    QByteArray line;
    JsonWriter writer(line);
    writer.value(nodeId);
    line.append('\n');
    return line;
}

QVector<QByteArray> livePreviewChunks(const QByteArray &statement, qsizetype maxStatementBytes)
{
    const auto preview = livePreviewOf(statement);
    if (!preview)
        return {};
    const qsizetype count = preview->points.size();
    // The statement without points, with the largest "from" any chunk can have: what every chunk costs
    // besides its numbers.
    LivePreview chunk = *preview;
    chunk.points = {};
    chunk.from = preview->from + count;
    const qsizetype frame = liveLineChangedText(chunk).size();
    if (count == 0)
        return frame <= maxStatementBytes ? QVector<QByteArray> {statement} : QVector<QByteArray> {};
    QVector<QByteArray> chunks;
    qsizetype begin = 0;
    while (begin < count) {
        qsizetype size = frame;
        qsizetype end = begin;
        while (end < count) {
            const qsizetype more = jsonNumberBytes(preview->points.at(end)) + (end > begin ? 1 : 0);
            if (size + more > maxStatementBytes)
                break;
            size += more;
            ++end;
        }
        if (end < count && end - begin > 1 && (end - begin) % 2 == 1)
            --end; // whole points where they allow it
        if (end == begin)
            return {}; // not even one number fits
        chunk.from = preview->from + begin;
        chunk.points = QJsonArray();
        for (qsizetype i = begin; i < end; ++i)
            chunk.points.append(preview->points.at(i));
        chunk.end = end == count && preview->end;
        chunks.append(liveLineChangedText(chunk));
        begin = end;
    }
    return chunks;
}

QVector<QByteArray> packLivePayloads(const QByteArray &nodeLine, const QVector<LiveEvent> &events,
                                     qsizetype maxBytes, int *leftOut)
{
    QVector<QByteArray> payloads;
    QByteArray current;
    const auto add = [&](const QString &roomUuid, const QByteArray &text) {
        const QByteArray room = roomUuid.toUtf8();
        const qsizetype lineBytes = room.size() + 1 + text.size() + 1;
        if (!current.isEmpty() && current.size() + lineBytes > maxBytes)
            payloads.append(std::exchange(current, {}));
        if (current.isEmpty())
            current = nodeLine;
        current.append(room).append('\t').append(text).append('\n');
    };
    for (const LiveEvent &event : events) {
        const qsizetype roomBytes = event.roomUuid.toUtf8().size();
        const qsizetype room = maxBytes - nodeLine.size() - roomBytes - 2; // for the statement alone
        if (event.text.size() <= room) {
            add(event.roomUuid, event.text);
            continue;
        }
        const QVector<QByteArray> chunks = livePreviewChunks(event.text, room);
        if (chunks.isEmpty() && leftOut)
            ++*leftOut;
        for (const QByteArray &chunk : chunks)
            add(event.roomUuid, chunk);
    }
    if (!current.isEmpty())
        payloads.append(current);
    return payloads;
}

std::optional<LivePayload> unpackLivePayload(const QByteArray &payload)
{
    const qsizetype firstEnd = payload.indexOf('\n');
    if (firstEnd < 0 || !payload.startsWith('"'))
        return std::nullopt;
    LivePayload unpacked;
    unpacked.nodeLine = payload.left(firstEnd + 1);
    qsizetype at = firstEnd + 1;
    while (at < payload.size()) {
        const qsizetype lineEnd = payload.indexOf('\n', at);
        const qsizetype tab = payload.indexOf('\t', at);
        if (lineEnd < 0 || tab < 0 || tab > lineEnd)
            return std::nullopt;
        unpacked.events.append(
            {QString::fromUtf8(payload.mid(at, tab - at)), payload.mid(tab + 1, lineEnd - tab - 1)});
        at = lineEnd + 1;
    }
    return unpacked;
}

} // namespace chat::server
