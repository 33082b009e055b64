#pragma once

#include "model/Drawing.h"

#include <QHash>
#include <QObject>

namespace chat {

// The board of the room we are in: the lines in insertion order, from drawing_got and draw_line_changed.
// A line uuid seen again replaces that line in place (docs/PROTOCOL.md Q2).
class DrawingModel : public QObject
{
    Q_OBJECT
public:
    explicit DrawingModel(QObject *parent = nullptr);

    void reset(const Drawing &drawing);
    void clear() { reset({}); }
    void apply(const Line &line);

    const QVector<Line> &lines() const { return m_drawing.lines; }
    int rowOf(const QString &lineUuid) const { return m_rowByUuid.value(lineUuid, -1); }

signals:
    void drawingReset();
    void lineAppended(int row);
    void lineReplaced(int row);

private:
    Drawing m_drawing;
    QHash<QString, int> m_rowByUuid;
};

} // namespace chat
