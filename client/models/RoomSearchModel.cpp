#include "RoomSearchModel.h"

#include "RoomListModel.h"

namespace chat {

RoomSearchModel::RoomSearchModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterRole(RoomListModel::NameRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Without sorting the proxy keeps the source order, which is the creation order.
    setDynamicSortFilter(true);
}

void RoomSearchModel::setSearchText(const QString &text)
{
    setFilterFixedString(text.trimmed());
}

} // namespace chat
