// libFuzzer target: one frame through the parsing layer only (CallParser for text and binary frames, then
// PayloadFields as the handlers read it). No store, so it runs orders of magnitude faster than
// fuzz_dispatch and covers the code every byte from the network meets first.
#include "dispatch/PayloadFields.h"
#include "protocol/CallStatement.h"
#include "protocol/ServerStatement.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace chat;
using namespace chat::server;

namespace {

// Reads every field the handlers read, the way they read it.
void readFields(const CallStatement &call)
{
    const PayloadFields fields(call.payload);
    (void)fields.roomUuid();
    for (const char16_t *key : {key::name, key::color})
        (void)fields.optionalText(key);
    for (const char16_t *key : {key::body, key::uuid, key::tool, key::color})
        (void)fields.requiredText(key);
    if (fields.hasPointArray(key::points))
        (void)fields.pointArray(key::points);
}

void check(const ParsedCall &parsed)
{
    if (const auto *call = std::get_if<CallStatement>(&parsed)) {
        readFields(*call);
        return;
    }
    // The reply to a malformed frame must itself be a well-formed statement.
    const QString reply = ServerStatement::general(std::get<GeneralReply>(parsed)).toText();
    if (!ServerStatement::parse(reply.toUtf8())) {
        std::fprintf(stderr, "unparsable reply: %s\n", qUtf8Printable(reply));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    check(CallParser::parseText(QString::fromUtf8(bytes)));
    check(CallParser::parseBinary(bytes));
    return 0;
}
