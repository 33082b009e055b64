#pragma once

#include <QtGlobal>

namespace chat::limits {

// A statement longer than this many Unicode code points is answered with data_too_long (docs/PROTOCOL.md 2.1,
// Q6).
inline constexpr qsizetype maxStatementCodePoints = 100000;

// A whole WebSocket message above this size closes the connection with 1009 (docs/PROTOCOL.md section 1).
inline constexpr quint64 maxMessageBytes = 1024 * 1024;

// JSON nesting deeper than this is answered with bad_data (Q20). It is the depth QJsonDocument accepts.
inline constexpr int maxJsonDepth = 1024;

// History paging (socketchat.v1, docs/EXTENSIONS.md): the page enter_room sends and list_messages sends
// without "limit", and the largest "limit" a client may ask for.
inline constexpr int historyPage = 100;
inline constexpr int maxHistoryPage = 500;

} // namespace chat::limits
