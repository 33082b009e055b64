#pragma once

namespace chat::server {

class MetricsWriter;

// The process_* metrics of the Prometheus client libraries, read from /proc/self when /metrics is read:
// start time, CPU time, resident and virtual memory, open and maximum file descriptors. What cannot be read
// (another system than Linux) is left out.
class ProcessMetrics
{
public:
    static void writeTo(MetricsWriter &writer);
};

} // namespace chat::server
