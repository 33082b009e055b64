#pragma once

#include "drawing/DrawingTool.h"

#include <QColor>
#include <QJsonArray>
#include <QObject>
#include <QPointF>
#include <QTimer>
#include <QVector>

namespace chat {

class ProtocolClient;

// Streams our stroke while the pen is down (socketchat.v1 draw_live, docs/EXTENSIONS.md "Live strokes"):
// every 30 ms the numbers not sent yet, with `from` the index of the first of them in the stroke's flat
// points array. On pen-up the caller sends the ordinary change_draw_line first, then finish() sends `end:
// true`. Nothing is sent unless the connection negotiated socketchat.v1 (ProtocolClient::isExtended()).
class LiveStrokeSender : public QObject
{
    Q_OBJECT
public:
    static constexpr int intervalMs = 30;
    // A preview stops growing past this many numbers (well inside the server's default cap, --max-points
    // 20000); the final line carries at most 8000 (DrawingPanel thins longer strokes) and corrects it.
    static constexpr qsizetype maxNumbers = 10000;

    explicit LiveStrokeSender(ProtocolClient *client, QObject *parent = nullptr);

    // The pen went down: a stroke whose final line will carry this uuid.
    void begin(const QString &uuid, DrawingTool tool, const QColor &color);
    // The whole stroke so far (it only grows while the pen is down).
    void extend(const QVector<QPointF> &points);
    // Sends the numbers not sent yet, if any (the timer calls it every 30 ms).
    void flush();
    // The final line was sent (or the stroke dropped): `end: true`, and nothing more for this stroke.
    void finish();

    bool isActive() const { return !m_uuid.isEmpty(); }
    QString uuid() const { return m_uuid; }
    qsizetype sentNumbers() const { return m_sent; }

private:
    ProtocolClient *m_client;
    QTimer m_timer;
    QString m_uuid; // empty: no stroke is streamed
    QString m_tool;
    QString m_color;
    QVector<double> m_numbers;
    qsizetype m_sent = 0;
};

} // namespace chat
