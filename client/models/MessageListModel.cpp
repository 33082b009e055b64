#include "MessageListModel.h"

#include "model/Timestamp.h"

#include <QLocale>

namespace chat {

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

void MessageListModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::AccessibleTextRole, DayRole});
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const Message &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return message.body;
    case Qt::AccessibleTextRole:
        return tr("%1 at %2: %3").arg(message.user.name, timeText(message.created), message.body);
    case Qt::ToolTipRole: // the whole name, which the bubble may cut
        return message.user.name + QStringLiteral(" · ") + timeText(message.created);
    case AuthorRole:
        return message.user.name;
    case AuthorUuidRole:
        return message.user.uuid;
    case TimeRole: {
        const QDateTime time = Timestamp::parse(message.created);
        return time.isValid() ? QLocale().toString(time.time(), QLocale::ShortFormat) : message.created;
    }
    case DayRole:
        return dayText(message.created);
    case DayKeyRole:
        return message.created.left(10);
    case UuidRole:
        return message.uuid;
    case MentionRole:
        return mentions(message.body, m_selfName);
    case OwnRole:
        return !m_selfUuid.isEmpty() && message.user.uuid == m_selfUuid;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{BodyRole, "body"}, {AuthorRole, "author"}, {TimeRole, "time"}, {OwnRole, "own"}};
}

void MessageListModel::reset(const QVector<Message> &messages)
{
    beginResetModel();
    m_messages = messages;
    endResetModel();
}

void MessageListModel::append(const Message &message)
{
    const int end = int(m_messages.size());
    beginInsertRows({}, end, end);
    m_messages.append(message);
    endInsertRows();
}

void MessageListModel::prepend(const QVector<Message> &messages)
{
    if (messages.isEmpty())
        return;
    beginInsertRows({}, 0, int(messages.size()) - 1);
    m_messages = messages + m_messages;
    endInsertRows();
}

void MessageListModel::setSelfUuid(const QString &uuid)
{
    if (m_selfUuid == uuid)
        return;
    m_selfUuid = uuid;
    if (!m_messages.isEmpty())
        emit dataChanged(index(0), index(int(m_messages.size()) - 1), {OwnRole});
}

QString MessageListModel::timeText(const QString &created) const
{
    // The server's local time without zone (Q19): shown as it is, date and minutes only.
    const QDateTime time = Timestamp::parse(created);
    if (!time.isValid())
        return created;
    return QLocale().toString(time, QLocale::ShortFormat);
}

bool MessageListModel::startsADay(int row) const
{
    if (row <= 0 || row >= m_messages.size())
        return row == 0;
    return QStringView(m_messages.at(row - 1).created).left(10)
        != QStringView(m_messages.at(row).created).left(10);
}

QString MessageListModel::dayText(const QString &created) const
{
    const QDateTime time = Timestamp::parse(created);
    if (!time.isValid())
        return created.left(10);
    const QDate day = time.date();
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

} // namespace chat

namespace chat {

bool MessageListModel::mentions(const QString &body, const QString &name)
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty() || body.size() < wanted.size())
        return false;
    const auto isWordChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    for (qsizetype at = body.indexOf(wanted, 0, Qt::CaseInsensitive); at >= 0;
         at = body.indexOf(wanted, at + 1, Qt::CaseInsensitive)) {
        const qsizetype end = at + wanted.size();
        // A word boundary where the name starts or ends with a word character.
        const bool startOk = at == 0 || !isWordChar(wanted.front()) || !isWordChar(body.at(at - 1));
        const bool endOk = end == body.size() || !isWordChar(wanted.back()) || !isWordChar(body.at(end));
        if (startOk && endOk)
            return true;
    }
    return false;
}

int MessageListModel::rowOf(const QString &uuid) const
{
    for (int row = int(m_messages.size()) - 1; row >= 0; --row) {
        if (m_messages.at(row).uuid == uuid)
            return row;
    }
    return -1;
}

void MessageListModel::setSelfName(const QString &name)
{
    if (name == m_selfName)
        return;
    m_selfName = name;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {MentionRole});
}

} // namespace chat
