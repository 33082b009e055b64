#pragma once

#include "model/Room.h"

#include <QAbstractListModel>
#include <QHash>
#include <QVector>

namespace chat {

// The rooms the server told us about, in creation order (docs/PROTOCOL.md Q15). Updated only from
// rooms_listed, room_created, room_changed, room_deleted (and socketchat.v1's room_sum_changed).
//
// Unread counts come from the rooms' message counts (`sum`) alone, so they work against the original server:
// for every room we remember the sum when we last looked at it ("seen"); its unread count is how far the sum
// has grown since. A room seen for the first time starts read. The room being viewed (entered, window
// active: see setViewedRoom) follows its sum. Seen sums are kept per server by the GUI (ClientSettings).
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // UserNamesRole, UserUuidsRole: who is inside (QStringList each, in join order), for the presence
    // avatars.
    enum Role {
        UuidRole = Qt::UserRole + 1,
        NameRole,
        ColorRole,
        SumRole,
        UserCountRole,
        UnreadRole,
        UserNamesRole,
        UserUuidsRole
    };

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
    // Forgets the rooms (another server, a new connection) but not what was seen: the next rooms_listed
    // decides which rooms still exist.
    void clear();

    // Unread counts.
    qint64 unread(const QString &uuid) const;
    qint64 totalUnread() const { return m_totalUnread; }
    // The room the user is looking at (empty: none); it counts as read now and while it stays viewed.
    void setViewedRoom(const QString &uuid);
    QString viewedRoom() const { return m_viewed; }
    // The sums last seen, by room uuid: what is persisted across runs.
    QHash<QString, qint64> seenSums() const { return m_seen; }
    void setSeenSums(const QHash<QString, qint64> &seen);

    int rowOf(const QString &uuid) const { return m_rowByUuid.value(uuid, -1); }
    const Room *find(const QString &uuid) const;
    const Room &at(int row) const { return m_rooms.at(row); }

signals:
    // The seen sums changed (worth saving) or the total unread count changed.
    void seenSumsChanged();
    void totalUnreadChanged(qint64 total);

private:
    void reindex();
    // After a room's sum or the seen sums changed: first sight marks read, the viewed room stays read.
    bool updateSeen(const Room &room); // true: the seen sum changed
    void noteSum(const Room &room); // updateSeen, and says so when the seen sum moved
    void updateTotal();

    QVector<Room> m_rooms;
    QHash<QString, int> m_rowByUuid;
    QHash<QString, qint64> m_seen;
    QString m_viewed;
    qint64 m_totalUnread = 0;
};

} // namespace chat
