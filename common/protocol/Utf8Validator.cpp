#include "Utf8Validator.h"

#include <cstring>

namespace chat {

namespace {
bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}
} // namespace

bool isWellFormedUtf8(QByteArrayView bytes)
{
    const auto *at = reinterpret_cast<const unsigned char *>(bytes.data());
    const unsigned char *end = at + bytes.size();
    while (at < end) {
        // Statements are mostly ASCII: eight bytes at a time while none has its top bit.
        while (end - at >= 8) {
            quint64 word;
            std::memcpy(&word, at, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            at += 8;
        }
        if (at == end)
            break;
        const unsigned char lead = *at;
        if (lead < 0x80) {
            ++at;
            continue;
        }
        // The second byte's range depends on the lead byte (table 3-7); the others are 80..BF.
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // no overlong form
            else if (lead == 0xED)
                high = 0x9F; // no surrogate
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // no overlong form
            else if (lead == 0xF4)
                high = 0x8F; // nothing above U+10FFFF
        } else {
            return false; // a continuation byte first, C0, C1 or F5..FF
        }
        if (end - at < length || at[1] < low || at[1] > high)
            return false;
        for (int i = 2; i < length; ++i) {
            if (!isContinuation(at[i]))
                return false;
        }
        at += length;
    }
    return true;
}

} // namespace chat
