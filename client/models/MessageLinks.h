#pragma once

#include <QString>
#include <QUrl>
#include <QVector>

namespace chat {

// The links in a message body that the client makes clickable: http, https and our room links
// (socketchat://room/<uuid>?server=…, see net/RoomLink). Everything else in a body stays literal text.
struct MessageLink
{
    qsizetype start = 0; // in the body, in UTF-16 code units
    qsizetype length = 0;
    QUrl url;
};

namespace MessageLinks {
QVector<MessageLink> find(const QString &body);
bool mayContainLinks(const QString &body); // cheap pre-check for painting
} // namespace MessageLinks

} // namespace chat
