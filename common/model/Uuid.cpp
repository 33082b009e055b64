#include "Uuid.h"

#include <QUuid>

namespace chat {

QString Uuid::create()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString Uuid::defaultName(const char *kind, const QString &uuid)
{
    return QLatin1String(kind) + u'-' + uuid;
}

} // namespace chat
