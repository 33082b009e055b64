#pragma once

#include "model/User.h"

#include <QAbstractListModel>
#include <QVector>

namespace chat {

// The users inside the room we are in, from that room's latest room_changed.
class UserListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, UuidRole, SelfRole };

    explicit UserListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    // Tells the views that the translated texts changed (another language was chosen).
    void retranslate();
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QVector<User> &users);
    void clear() { reset({}); }
    void setSelfUuid(const QString &uuid);

private:
    QVector<User> m_users;
    QString m_selfUuid;
};

} // namespace chat
