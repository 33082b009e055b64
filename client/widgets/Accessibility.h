#pragma once

#include <QAccessible>
#include <QString>

class QWidget;

namespace chat {

// What a screen reader is told about a few widgets whose Qt default role is wrong (issue 12): a checkable
// tool button in an exclusive group is a radio button (Pen/Eraser, the swatches) or a page tab (the room's
// Messages/Drawing/Users), not a check box; the board's viewport is a named canvas, not a filler; a label
// given StaticText also reads its name through a Text interface (the connection state).
namespace Accessibility {

// Makes `widget` report `role` (RadioButton, PageTab, Canvas or StaticText); installs the factory on first
// use.
void setRole(QWidget *widget, QAccessible::Role role);

// The name of a palette colour, translated ("Black", "Dark red", …); other colours as their CSS text.
QString colourName(const QString &css);

} // namespace Accessibility
} // namespace chat
