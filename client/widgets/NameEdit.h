#pragma once

#include <QLineEdit>

namespace chat {

// A name edited in place (your user name, the room's name). While it has no focus, a name too long for the
// field is shown from its start and cut at its end with "…" (a plain QLineEdit scrolls to the end and cuts
// the start, through a glyph); the whole name is in the tooltip, in the accessible value as always, and in
// the accessible name ("Room name: <the whole name>"), which is what a screen reader says first.
class NameEdit : public QLineEdit
{
    Q_OBJECT
    Q_PROPERTY(QString displayedText READ displayedText)
public:
    explicit NameEdit(QWidget *parent = nullptr);

    // The hint shown under the name in the tooltip ("edit it and press Enter").
    void setHint(const QString &hint);
    // What the field is ("Your user name"): the accessible name is this label with the whole name.
    void setLabel(const QString &label);
    // What is painted while the field has no focus.
    QString displayedText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QRect textArea() const;
    void updateToolTip();
    void updateAccessibleName();
    void applyAccessibleName();

    QString m_hint;
    QString m_label;
    QString m_committed; // the name in the accessible name
};

} // namespace chat
