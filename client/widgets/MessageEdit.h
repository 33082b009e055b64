#pragma once

#include <QPlainTextEdit>

namespace chat {

// The message box: Enter sends, Shift+Enter starts a new line. Grows with its text up to a few lines.
class MessageEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MessageEdit(QWidget *parent = nullptr);

    QSize sizeHint() const override;

signals:
    void submitted(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void retranslate();
    void fitHeight();
};

} // namespace chat
