#include "EventLogPanel.h"

#include "EventLogDelegate.h"
#include "Icons.h"
#include "models/EventLogModel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace chat {

EventLogPanel::EventLogPanel(EventLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_tools(new QWidget(this))
    , m_copy(new QToolButton(m_tools))
    , m_save(new QToolButton(m_tools))
{
    m_view->setModel(model);
    m_view->setItemDelegate(new EventLogDelegate(m_view));
    m_view->setUniformItemSizes(true); // constant row height: 100 000 rows need no layout pass
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_view, &QListView::activated, this, &EventLogPanel::showDetails);

    // Follow new entries only while the user is at the bottom, so reading older ones is not disturbed.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_followBottom = value >= bar->maximum() - 4; });
    // Entries can arrive in bursts: scroll once per burst, not once per entry.
    m_scrollTimer.setSingleShot(true);
    m_scrollTimer.setInterval(0);
    connect(&m_scrollTimer, &QTimer::timeout, m_view, &QListView::scrollToBottom);
    connect(model, &EventLogModel::rowsInserted, this, [this] {
        if (m_followBottom)
            m_scrollTimer.start();
    });
    // The model drops its oldest rows when it is full. The view would keep its scroll position in pixels,
    // so what the user reads would jump by the rows removed: keep the top row where it was instead.
    connect(model, &EventLogModel::rowsAboutToBeRemoved, this, [this] {
        m_anchor = QPersistentModelIndex();
        if (m_followBottom)
            return;
        m_view->doItemsLayout(); // rows inserted since the last layout count too
        m_anchor = QPersistentModelIndex(m_view->indexAt({1, 1}));
        m_anchorTop = m_anchor.isValid() ? m_view->visualRect(m_anchor).top() : 0;
    });
    connect(model, &EventLogModel::rowsRemoved, this, [this, bar] {
        if (m_followBottom)
            return;
        m_view->doItemsLayout(); // the scroll range of the rows left
        if (!m_anchor.isValid()) { // what was shown is gone: show the oldest left
            bar->setValue(0);
            return;
        }
        bar->setValue(bar->value() + m_view->visualRect(m_anchor).top() - m_anchorTop);
        m_anchor = QPersistentModelIndex();
    });

    m_copy->setIcon(Icons::get(QStringLiteral("copy")));
    m_copy->setIconSize({22, 22});
    connect(m_copy, &QToolButton::clicked, this, &EventLogPanel::copySelection);
    m_save->setIcon(Icons::get(QStringLiteral("save")));
    m_save->setIconSize({22, 22});
    connect(m_save, &QToolButton::clicked, this, &EventLogPanel::saveToFile);
    auto *toolsLayout = new QHBoxLayout(m_tools);
    toolsLayout->setContentsMargins(0, 0, 0, 0);
    toolsLayout->addWidget(m_copy);
    toolsLayout->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    retranslate();
}

void EventLogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventLogPanel::retranslate()
{
    m_view->setAccessibleName(tr("Event log"));
    m_view->setToolTip(
        tr("The statements sent and received (of live strokes and typing, the first and last of "
           "each, with a count). Enter or double click shows the JSON."));
    m_copy->setAccessibleName(tr("Copy log entries"));
    m_copy->setToolTip(tr("Copy the selected entries (or the whole log)"));
    m_save->setAccessibleName(tr("Save log"));
    m_save->setToolTip(tr("Save the whole log to a file"));
}

void EventLogPanel::copySelection()
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    if (rows.isEmpty()) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            lines.append(m_model->rowText(row));
    } else {
        for (const QModelIndex &index : std::as_const(rows))
            lines.append(m_model->rowText(index.row()));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void EventLogPanel::saveToFile()
{
    const QString start =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/chat-log.txt");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save event log"), start, tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !m_model->writeText(&file))
        QMessageBox::warning(this, tr("Save event log"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
}

void EventLogPanel::showDetails(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Log entry: %1").arg(index.data(EventLogModel::NameRole).toString()));
    auto *text = new QPlainTextEdit(&dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QString note = index.data(EventLogModel::NoteRole).toString();
    text->setPlainText(index.data(Qt::DisplayRole).toString().section(QLatin1Char(' '), 0, 3)
                       + (note.isEmpty() ? QString() : QStringLiteral(" (") + note + QLatin1Char(')'))
                       + QStringLiteral("\n\n") + index.data(EventLogModel::PrettyJsonRole).toString());
    text->setAccessibleName(tr("Statement JSON"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, &dialog,
            [text] { QApplication::clipboard()->setText(text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(560, 420);
    dialog.exec();
}

} // namespace chat
