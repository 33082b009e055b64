#pragma once

#include "model/Room.h"

#include <QAbstractListModel>
#include <QHash>
#include <QVector>

namespace chat {

// The rooms the server told us about, in creation order (docs/PROTOCOL.md Q15). Updated only from
// rooms_listed, room_created, room_changed and room_deleted.
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { UuidRole = Qt::UserRole + 1, NameRole, ColorRole, SumRole, UserCountRole };

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    // Tells the views that the translated texts changed (another language was chosen).
    void retranslate();
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QVector<Room> &rooms);
    void upsert(const Room &room); // unknown rooms are appended: they are the newest
    // Only the message count of a known room changed (the socketchat.v1 compact update).
    void setSum(const QString &uuid, qint64 sum);
    void remove(const QString &uuid);
    void clear() { reset({}); }

    int rowOf(const QString &uuid) const { return m_rowByUuid.value(uuid, -1); }
    const Room *find(const QString &uuid) const;
    const Room &at(int row) const { return m_rooms.at(row); }

private:
    void reindex();

    QVector<Room> m_rooms;
    QHash<QString, int> m_rowByUuid;
};

} // namespace chat
