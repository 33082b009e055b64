#pragma once

#include <QFrame>
#include <QPainterPath>
#include <QPixmap>

class QToolButton;

namespace chat {

// The 5×2 room colour palette of the original, as a popup under the swatch that opened it: rounded,
// translucent, with a pointer up to the swatch. popup() takes the point the pointer's tip touches.
class ColorPalettePopup : public QFrame
{
    Q_OBJECT
public:
    explicit ColorPalettePopup(QWidget *parent = nullptr);

    static const QStringList &colors();
    void popup(const QPoint &globalPos);

signals:
    void colorChosen(const QString &color);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QPainterPath shape() const;

    QPixmap m_beneath;
    QList<QToolButton *> m_buttons;
    bool m_wasActive = false;
};

} // namespace chat
