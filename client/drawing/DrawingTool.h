#pragma once

#include <QString>

namespace chat {

// The two tools of the board, with the names and widths the original web client used on the wire.
enum class DrawingTool { Pen, Eraser };

inline QString toolName(DrawingTool tool)
{
    return tool == DrawingTool::Eraser ? QStringLiteral("eraser") : QStringLiteral("pen");
}

inline DrawingTool toolFromName(const QString &name)
{
    return name == QLatin1String("eraser") ? DrawingTool::Eraser : DrawingTool::Pen;
}

inline double toolWidth(DrawingTool tool)
{
    return tool == DrawingTool::Eraser ? 50.0 : 5.0;
}

} // namespace chat
