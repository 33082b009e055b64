#pragma once

#include <QSortFilterProxyModel>

namespace chat {

// The room list filtered by the search box: case-insensitive substring of the name, creation order kept.
class RoomSearchModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RoomSearchModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
};

} // namespace chat
