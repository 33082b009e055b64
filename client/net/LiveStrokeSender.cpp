#include "LiveStrokeSender.h"

#include "ProtocolClient.h"
#include "drawing/CssColor.h"

namespace chat {

LiveStrokeSender::LiveStrokeSender(ProtocolClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LiveStrokeSender::flush);
}

void LiveStrokeSender::begin(const QString &uuid, DrawingTool tool, const QColor &color)
{
    m_timer.stop();
    m_uuid.clear();
    m_numbers.clear();
    m_sent = 0;
    if (!m_client->isExtended() || uuid.isEmpty())
        return; // a plain server: strokes go only as change_draw_line, as in the original
    m_uuid = uuid;
    m_tool = toolName(tool);
    m_color = CssColor::toText(color);
    m_timer.start();
}

void LiveStrokeSender::extend(const QVector<QPointF> &points)
{
    if (!isActive())
        return;
    const qsizetype count = qMin(points.size() * 2, maxNumbers) / 2;
    m_numbers.resize(count * 2);
    for (qsizetype i = m_sent / 2; i < count; ++i) {
        m_numbers[2 * i] = points.at(i).x();
        m_numbers[2 * i + 1] = points.at(i).y();
    }
}

void LiveStrokeSender::flush()
{
    if (!isActive() || m_numbers.size() <= m_sent)
        return;
    QJsonArray points;
    for (qsizetype i = m_sent; i < m_numbers.size(); ++i)
        points.append(m_numbers.at(i));
    if (m_client->sendLivePoints(m_uuid, m_sent, points, m_color, m_tool, false))
        m_sent = m_numbers.size();
}

void LiveStrokeSender::finish()
{
    m_timer.stop();
    if (!isActive())
        return;
    m_client->sendLivePoints(m_uuid, m_sent, {}, m_color, m_tool, true);
    m_uuid.clear();
    m_numbers.clear();
    m_sent = 0;
}

} // namespace chat
