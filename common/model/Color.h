#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace chat {

// The colour rule of docs/PROTOCOL.md section 3, matched strictly: "#" and 3, 6 or 8 hex digits, nothing else
// (the original's trailing-newline quirk Q9 is not reproduced).
class Color
{
public:
    static bool isValid(QStringView text);

    // The palette a new room's colour is drawn from, uniformly at random.
    static const QStringList &roomPalette();
    static QString randomRoomColor();
};

} // namespace chat
