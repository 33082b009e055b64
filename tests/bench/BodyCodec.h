#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace chat::bench {

// What the benchmark writes into a message body: the run, the sender, a per-sender sequence number and the
// send time (Clock), so that every member can measure latency and detect lost or duplicated messages.
struct BenchBody
{
    quint32 run = 0;
    int sender = 0;
    qint64 sequence = 0;
    qint64 sentNs = 0;
};

class BodyCodec
{
public:
    // "cb <run hex> <sender> <sequence> <sent ns>", padded with 'x' up to minLength characters.
    static QString encode(const BenchBody &body, int minLength = 0);
    // nullopt for bodies the benchmark did not write.
    static std::optional<BenchBody> decode(QStringView text);
};

} // namespace chat::bench
