#pragma once

#include <QIcon>

namespace chat {

// The SVG line icons of resources/icons/, by file name without extension.
class Icons
{
public:
    static QIcon get(const QString &name);
    static QIcon swatch(const QColor &color, int size = 22); // a rounded colour square
};

} // namespace chat
