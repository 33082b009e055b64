#pragma once

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QPointF>
#include <QSet>
#include <QTimer>
#include <QVector>

#include <functional>

namespace chat {

// The growing strokes of other members of the room (socketchat.v1 live_line_changed, docs/EXTENSIONS.md
// "Live strokes"), keyed by the uuid their final line will carry. Nothing here is stored: a preview goes when
// its line arrives, on a new drawing, when its author leaves, 2 s after its end, after 10 s without an
// update, or when we leave the room. The "is this uuid already a line" rule is the caller's (ProtocolClient).
// Time comes from a clock that tests replace; expire(now) is what the sweep timer calls.
class LivePreviewModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { UuidRole = Qt::UserRole + 1, AuthorRole, ColorRole, ToolRole, PointsRole, EndedRole };

    struct Preview
    {
        QString uuid;
        QString author; // user uuid
        QString tool;
        QString color;
        QVector<double> numbers; // the flat points array received so far
        bool ended = false;
        qint64 updated = 0; // clock time of the last update (or of the end)

        QVector<QPointF> pointList() const; // pairs; a dangling last number is ignored
    };

    using Clock = std::function<qint64()>; // milliseconds, monotonic

    static constexpr qint64 endGraceMs = 2000; // an ended preview waits this long for its line
    static constexpr qint64 idleTimeoutMs = 10000; // a preview without updates (a lost end) goes after this
    static constexpr qsizetype maxNumbers = 200000; // defensive: a preview never holds more numbers

    explicit LivePreviewModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    // One live_line_changed. from == length appends; from < length truncates to from, then appends (a
    // re-send); from > length appends anyway (an update was lost; the final line corrects it). An ended
    // preview grows no more.
    void update(const QString &uuid, const QString &author, qsizetype from, const QVector<double> &numbers,
                const QString &tool, const QString &color, bool end);
    void remove(const QString &uuid);
    // Removes the previews whose author is not among these users (the room's users list changed).
    void retainAuthors(const QSet<QString> &authors);
    void clear();
    // Removes what is due at this time (ended for 2 s, silent for 10 s); returns how many went.
    int expire(qint64 now);

    int rowOf(const QString &uuid) const;
    const Preview &at(int row) const { return m_previews.at(row); }

signals:
    // A preview's points changed from this number index on (everything before it is as it was).
    void previewGrew(int row, qsizetype fromNumber);

private:
    void removeRow(int row);
    void updateSweep();

    QVector<Preview> m_previews;
    Clock m_clock;
    QElapsedTimer m_elapsed;
    QTimer m_sweep;
};

} // namespace chat
