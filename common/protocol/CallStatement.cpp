#include "CallStatement.h"

#include "ExactText.h"
#include "Limits.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace chat {

qsizetype CallParser::codePointCount(QStringView text)
{
    qsizetype count = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (text[i].isHighSurrogate() && i + 1 < size && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

qsizetype CallParser::codePointCountUtf8(const QByteArray &utf8)
{
    // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
    qsizetype count = 0;
    for (const char byte : utf8) {
        if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

ParsedCall CallParser::parseText(const QString &text)
{
    // Code points never outnumber UTF-16 units, so short texts need no counting.
    if (text.size() > limits::maxStatementCodePoints && codePointCount(text) > limits::maxStatementCodePoints)
        return GeneralReply::DataTooLong;
    return parseJson(text.toUtf8());
}

ParsedCall CallParser::parseBinary(const QByteArray &data)
{
    const auto detected = QStringConverter::encodingForData(data);
    if (detected && *detected != QStringConverter::Utf8) {
        QStringDecoder decoder(*detected, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(data);
        if (decoder.hasError())
            return GeneralReply::BadData;
        return parseText(text);
    }
    QStringDecoder utf8Decoder(QStringConverter::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8Decoder.decode(data);
    if (utf8Decoder.hasError())
        return GeneralReply::BadData;
    return parseText(text);
}

ParsedCall CallParser::parseUtf8(const QByteArray &utf8)
{
    if (utf8.size() > limits::maxStatementCodePoints
        && codePointCountUtf8(utf8) > limits::maxStatementCodePoints)
        return GeneralReply::DataTooLong;
    return parseJson(utf8);
}

ParsedCall CallParser::parseJson(const QByteArray &utf8)
{
    QJsonParseError error {};
    const QJsonDocument document = ExactText::parseJson(utf8, &error);
    // Non-object JSON crashed the original (Q1); we answer bad_data instead.
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return GeneralReply::BadData;

    const QJsonObject root = document.object();
    const QJsonValue payloadValue = root.value(QStringView(key::payload));
    if (payloadValue.isUndefined())
        return GeneralReply::NotSufficientData;
    if (!payloadValue.isObject())
        return GeneralReply::NotSufficientData;

    const QJsonObject payload = payloadValue.toObject();
    const QJsonValue messageValue = payload.value(QStringView(key::message));
    if (!messageValue.isString())
        return GeneralReply::NotSufficientData;

    const auto name = callNameFrom(messageValue.toString());
    if (!name)
        return GeneralReply::BadData; // an unknown call (docs/PROTOCOL.md Q1)
    return CallStatement {*name, payload};
}

QJsonObject makeCall(CallName name, const QJsonObject &fields)
{
    QJsonObject payload = fields;
    payload.insert(QStringView(key::message), nameOf(name));
    return QJsonObject {{QString::fromUtf16(key::type), nameOf(StatementType::Call)},
                        {QString::fromUtf16(key::payload), payload}};
}

} // namespace chat
