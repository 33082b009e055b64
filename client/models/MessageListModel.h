#pragma once

#include "model/Message.h"

#include <QAbstractListModel>
#include <QVector>

namespace chat {

// The messages of the room we are in, in posting order. Updated from messages_listed and message_created.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // TimeRole: the time of day, shown in the bubble. DayRole: the day, said by the separator above the first
    // message of a day ("Today", "Yesterday", then the date in the UI language); DayKeyRole: "YYYY-MM-DD",
    // cheap to compare for grouping.
    enum Role {
        BodyRole = Qt::UserRole + 1,
        AuthorRole,
        AuthorUuidRole,
        TimeRole,
        OwnRole,
        DayRole,
        DayKeyRole,
        MentionRole, // the body names the user (mentions())
        UuidRole
    };

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    // Tells the views that the translated texts changed (another language was chosen).
    void retranslate();
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QVector<Message> &messages);
    void append(const Message &message);
    // Older messages (a page of the history) in front of those there.
    void prepend(const QVector<Message> &messages);
    void clear() { reset({}); }
    void setSelfUuid(const QString &uuid);
    void setSelfName(const QString &name);

    // Whether body mentions name: case-insensitive, as a whole word ("ann" is not in "annual").
    static bool mentions(const QString &body, const QString &name);

    const Message &at(int row) const { return m_messages.at(row); }
    int rowOf(const QString &uuid) const; // -1 when not loaded
    // Whether the message in this row is the first of its day (compares the dates, allocates nothing: it runs
    // for every row when a big room is laid out).
    bool startsADay(int row) const;

private:
    QString timeText(const QString &created) const;
    QString dayText(const QString &created) const;

    QVector<Message> m_messages;
    QString m_selfUuid;
    QString m_selfName;
};

} // namespace chat
