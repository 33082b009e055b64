#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QString>

namespace chat {

// Text kept exactly (docs/PROTOCOL.md section 3, "Strings"): every Unicode scalar value a client sends comes
// back as the same code point. Qt's UTF-8 decoding does not quite do that: QString::fromUtf8,
// QAnyStringView::toString and a default QStringDecoder take a byte-order mark off the start of their input,
// so a text that starts with U+FEFF would lose it whenever it is decoded on its own (a database value, a JSON
// string without escapes inside QJsonDocument::fromJson). Decode through here instead.
namespace ExactText {

// UTF-8 to UTF-16 with every code point kept, a leading U+FEFF and noncharacters included. Bytes that are not
// UTF-8 become U+FFFD, as with QString::fromUtf8.
QString fromUtf8(QByteArrayView utf8);
// A view's text as a QString, exactly (a UTF-8 view through fromUtf8).
QString toString(QAnyStringView text);

// QJsonDocument::fromJson, except that a string starting with a raw (unescaped) U+FEFF keeps it: Qt decodes a
// string without escapes with QString::fromUtf8, which drops it. Every raw U+FEFF after the start of the
// document is handed to Qt as the escape \ufeff, which it keeps; one before the first value is left for Qt
// to skip, as a byte-order mark of the document.
QJsonDocument parseJson(const QByteArray &utf8, QJsonParseError *error = nullptr);

} // namespace ExactText

} // namespace chat
