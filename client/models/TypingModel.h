#pragma once

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QVector>

#include <functional>

namespace chat {

// Who is typing in the room we are in (socketchat.v1 typing_changed, docs/EXTENSIONS.md "Typing"), in the
// order they started. A state expires 6 s after its last `true`; it is cleared by `false`, by a message from
// that user, when the user leaves the room's users, and when we leave the room. Time comes from a clock
// that tests replace; expire(now) is what the sweep timer calls.
class TypingModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { UuidRole = Qt::UserRole + 1, NameRole };

    using Clock = std::function<qint64()>; // milliseconds, monotonic

    static constexpr qint64 expiryMs = 6000;

    explicit TypingModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    void setTyping(const QString &userUuid, const QString &name, bool typing);
    void clearUser(const QString &userUuid);
    // The room's users changed: those not in it are removed, the names of the others follow.
    void retainUsers(const QHash<QString, QString> &nameByUuid);
    void clear();
    int expire(qint64 now); // removes the states older than 6 s; returns how many went

    QStringList names() const;

signals:
    void typingChanged(); // any change of who is typing or of their names

private:
    struct Typist
    {
        QString uuid;
        QString name;
        qint64 since = 0; // clock time of the last `true`
    };

    int rowOf(const QString &userUuid) const;
    void removeRow(int row);
    void updateSweep();

    QVector<Typist> m_typists;
    Clock m_clock;
    QElapsedTimer m_elapsed;
    QTimer m_sweep;
};

} // namespace chat
