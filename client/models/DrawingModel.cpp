#include "DrawingModel.h"

namespace chat {

DrawingModel::DrawingModel(QObject *parent)
    : QObject(parent)
{ }

void DrawingModel::reset(const Drawing &drawing)
{
    m_drawing = drawing;
    m_rowByUuid.clear();
    for (int row = 0; row < m_drawing.lines.size(); ++row)
        m_rowByUuid.insert(m_drawing.lines.at(row).uuid, row);
    emit drawingReset();
}

void DrawingModel::apply(const Line &line)
{
    const int row = rowOf(line.uuid);
    if (row >= 0) {
        m_drawing.lines[row] = line;
        emit lineReplaced(row);
        return;
    }
    const int end = int(m_drawing.lines.size());
    m_drawing.lines.append(line);
    m_rowByUuid.insert(line.uuid, end);
    emit lineAppended(end);
}

} // namespace chat
