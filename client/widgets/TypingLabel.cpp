#include "TypingLabel.h"

#include "models/TypingModel.h"

#include <QEvent>

namespace chat {

TypingLabel::TypingLabel(TypingModel *model, QWidget *parent)
    : QLabel(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("typing"));
    setTextFormat(Qt::PlainText);
    setMinimumHeight(fontMetrics().height() + 4);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    connect(model, &TypingModel::typingChanged, this, &TypingLabel::refresh);
    refresh();
}

QString TypingLabel::sentence(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("%1, %2 and %n other(s) are typing…", nullptr, int(names.size() - 2))
            .arg(names.at(0), names.at(1));
    }
}

void TypingLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

void TypingLabel::refresh()
{
    const QString text = sentence(m_model->names());
    setText(text);
    setToolTip(text);
    // A screen reader reads the label's name; nobody typing leaves an empty, unnamed label.
    setAccessibleName(text);
}

} // namespace chat
