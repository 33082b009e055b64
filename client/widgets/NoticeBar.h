#pragma once

#include <QLabel>
#include <QTimer>

namespace chat {

// A short, friendly message at the bottom of the window (server errors, connection news) that goes away
// by itself; it is placed above any input it would cover (the composer). Screen readers get it as an
// accessible name change.
class NoticeBar : public QLabel
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showNotice(const QString &text);
    void place();

protected:
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void retranslate();
    QTimer m_timer;
};

} // namespace chat
