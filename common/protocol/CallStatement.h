#pragma once

#include "MessageNames.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <variant>

namespace chat {

// A client → server statement that passed the checks of docs/PROTOCOL.md section 2.1.
struct CallStatement
{
    CallName name;
    QJsonObject payload; // holds "message" and the call's fields side by side
};

// What parsing one incoming WebSocket message gives: a call to dispatch, or the general reply to send back.
using ParsedCall = std::variant<CallStatement, GeneralReply>;

class CallParser
{
public:
    // A text frame, as QWebSocket delivers it.
    static ParsedCall parseText(const QString &text);
    // A binary frame: UTF-8 JSON (UTF-16/32 with a byte-order mark too). Undecodable bytes give bad_data.
    static ParsedCall parseBinary(const QByteArray &data);
    // UTF-8 bytes already known to be valid.
    static ParsedCall parseUtf8(const QByteArray &utf8);

    static qsizetype codePointCount(QStringView text);
    static qsizetype codePointCountUtf8(const QByteArray &utf8);

private:
    static ParsedCall parseJson(const QByteArray &utf8);
};

// Builds the client → server envelope: {"type": "call", "payload": {"message": name, ...fields}}.
QJsonObject makeCall(CallName name, const QJsonObject &fields = {});

} // namespace chat
