#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QVector>

class QIODevice;

namespace chat {

// Every statement sent and received, and the connection events, in arrival order. It grows without
// limit, so rows are small and text is formatted only when a row is shown.
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Origin { Sent, Received, Local };
    enum Role { TimeRole = Qt::UserRole + 1, OriginRole, TypeRole, NameRole, JsonRole, PrettyJsonRole };

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    // Tells the views that the translated texts changed (another language was chosen).
    void retranslate();

    void append(Origin origin, const QString &type, const QString &name, const QByteArray &json = {});
    void clear();

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
    };

    QString originText(Origin origin) const;
    QString timeText(const Entry &entry) const;

    QVector<Entry> m_entries;
};

} // namespace chat
