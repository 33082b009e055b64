#pragma once

#include <QByteArrayView>

namespace chat {

// Whether bytes are well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, no encoded surrogates,
// nothing above U+10FFFF, no cut-off sequence. Noncharacters and U+FEFF are well-formed. It only checks: a
// server that takes a text frame as UTF-8 (RFC 6455 8.1) need not convert it to UTF-16 to know whether
// it must close with 1007 (PERFORMANCE.md, "UTF-8 from the frame to the parser").
bool isWellFormedUtf8(QByteArrayView bytes);

} // namespace chat
