#include "MessageLinks.h"

#include <QRegularExpression>

namespace chat {

bool MessageLinks::mayContainLinks(const QString &body)
{
    return body.contains(QLatin1String("://"));
}

QVector<MessageLink> MessageLinks::find(const QString &body)
{
    QVector<MessageLink> links;
    if (!mayContainLinks(body))
        return links;
    static const QRegularExpression pattern(QStringLiteral(R"((?<![\w/])(?:https?|socketchat)://[^\s<>"]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (auto it = pattern.globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString text = match.captured(0);
        // Punctuation that ends a sentence is not part of the link; a closing bracket only when unmatched.
        while (!text.isEmpty()) {
            const QChar last = text.back();
            if (QStringLiteral(".,;:!?'").contains(last)
                || (last == QLatin1Char(')') && text.count(QLatin1Char('(')) < text.count(QLatin1Char(')')))
                || (last == QLatin1Char(']') && text.count(QLatin1Char('[')) < text.count(QLatin1Char(']'))))
                text.chop(1);
            else
                break;
        }
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            continue;
        links.append({match.capturedStart(0), text.size(), url});
    }
    return links;
}

} // namespace chat
