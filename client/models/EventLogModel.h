#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QList>

class QIODevice;

namespace chat {

// The statements sent and received, and the connection events, in arrival order. Rows are small and text is
// formatted only when a row is shown. The log is bounded, so that a client kept open all day does not grow:
// beyond maxRows rows or maxBytes of statement text the oldest rows go (a hundredth of the rows at a time,
// so a view is told rarely). Statements that come many times a second (live stroke previews, typing
// refreshes) are thinned by appendInSeries().
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Origin { Sent, Received, Local };
    enum Role {
        TimeRole = Qt::UserRole + 1,
        OriginRole,
        TypeRole,
        NameRole,
        JsonRole,
        PrettyJsonRole,
        NoteRole, // "46 earlier updates not logged" or empty
        SkippedRole // that number (int)
    };

    static constexpr int defaultMaxRows = 20000;
    static constexpr qint64 defaultMaxBytes = 32 * 1024 * 1024;
    // A series silent for longer than this is over: its next statement is logged as a new start.
    static constexpr qint64 seriesIdleMs = 10000;
    static constexpr int maxOpenSeries = 1000; // series whose end never came are forgotten beyond this

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    // Tells the views that the translated texts changed (another language was chosen).
    void retranslate();

    void append(Origin origin, const QString &type, const QString &name, const QByteArray &json = {});
    // One statement of a series (the previews of one live stroke, the typing states of one user): the first
    // one is logged; the following ones are only counted until the one that ends the series (last), which
    // is logged with the count (NoteRole). A series silent for seriesIdleMs starts again.
    void appendInSeries(const QString &series, bool last, Origin origin, const QString &type,
                        const QString &name, const QByteArray &json);
    void clear();

    // The bounds (tests and the benchmark make them small or read them).
    void setLimits(int maxRows, qint64 maxBytes);
    int maxRows() const { return m_maxRows; }
    qint64 maxBytes() const { return m_maxBytes; }
    qint64 bytes() const { return m_bytes; } // what the rows hold, estimated from their sizes
    qint64 unlogged() const { return m_unlogged; } // statements of series counted but not logged, in all

    QString rowText(int row) const; // one line: time, origin, type, name, JSON
    bool writeText(QIODevice *device) const;

private:
    struct Entry
    {
        qint64 msecsSinceEpoch;
        Origin origin;
        QString type;
        QString name;
        QByteArray json;
        int skipped = 0; // statements of its series before it that were not logged
    };
    struct Series
    {
        int skipped = 0;
        qint64 lastMs = 0;
    };

    void appendEntry(Entry entry);
    void trim();
    static qint64 sizeOf(const Entry &entry);
    QString originText(Origin origin) const;
    QString timeText(const Entry &entry) const;
    QString noteText(const Entry &entry) const;

    QList<Entry> m_entries; // Qt 6's QList drops its first rows without moving the others
    QHash<QString, Series> m_series;
    int m_maxRows = defaultMaxRows;
    qint64 m_maxBytes = defaultMaxBytes;
    qint64 m_bytes = 0;
    qint64 m_unlogged = 0;
};

} // namespace chat
