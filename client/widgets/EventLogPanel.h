#pragma once

#include <QPersistentModelIndex>
#include <QTimer>
#include <QWidget>

class QListView;
class QToolButton;

namespace chat {

class EventLogModel;

// The event log: a timeline that keeps to the bottom while entries arrive (unless scrolled up). Enter or a
// double click opens an entry's full JSON; the log can be copied and saved.
class EventLogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogPanel(EventLogModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QWidget *headerTools() const { return m_tools; }

    void copySelection();
    void saveToFile();
    void showDetails(const QModelIndex &index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    EventLogModel *m_model;
    QListView *m_view;
    QWidget *m_tools;
    QToolButton *m_copy;
    QToolButton *m_save;
    bool m_followBottom = true;
    QTimer m_scrollTimer;
    QPersistentModelIndex m_anchor; // the top row shown while the oldest rows are removed
    int m_anchorTop = 0;
};

} // namespace chat
