#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <optional>

namespace chat::server {

// The statements of the live extensions (docs/EXTENSIONS.md, "Live strokes" and "Typing"): written straight
// to UTF-8 JSON, never stored, only for socketchat.v1 connections.

// The object of a live_line_changed: a part of a stroke that is still being drawn.
struct LivePreview
{
    QString uuid; // the line uuid its final change_draw_line will carry
    QString user; // the author's user uuid
    qint64 from = 0; // index of the first number of points in the stroke's whole flat points array
    QJsonArray points; // finite numbers
    QString tool;
    QString color;
    bool end = false;
};

// {"type":"result","payload":{"message":"live_line_changed","object":{"uuid","user","from","points","tool",
// "color","end"}}}
QByteArray liveLineChangedText(const LivePreview &preview);
// The preview a live_line_changed statement carries; nullopt when the text is not one.
std::optional<LivePreview> livePreviewOf(const QByteArray &statement);
// How many bytes a number of a points array takes in the JSON above.
qsizetype jsonNumberBytes(const QJsonValue &number);

// {"type":"result","payload":{"message":"typing_changed","object":{"user","room_uuid","typing"}}}
QByteArray typingChangedText(const QString &userUuid, const QString &roomUuid, bool typing);

} // namespace chat::server
