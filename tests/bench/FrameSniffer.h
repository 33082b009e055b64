#pragma once

#include <QString>
#include <QStringView>

namespace chat::bench {

// Finds the statement name (payload "message") of a server frame without parsing the whole JSON.
// Under fan-out most frames are room_changed broadcasts that the benchmark only counts; parsing each one
// fully would make the benchmark, not the server, the bottleneck. Frames the sniffer cannot read are
// parsed in full by the caller.
class FrameSniffer
{
public:
    // The name, or an empty view when it cannot be found cheaply.
    static QStringView messageName(const QString &text);
};

} // namespace chat::bench
