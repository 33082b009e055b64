#pragma once

#include <QSlider>

namespace chat {

// The theme chooser of the header: a small rounded rainbow track with a round white thumb, one stop per
// theme.
class ThemeSlider : public QSlider
{
    Q_OBJECT
public:
    explicit ThemeSlider(QWidget *parent = nullptr);

    QSize sizeHint() const override { return {96, 22}; }

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void retranslate();
    int valueAt(qreal x) const;
    QRectF trackRect() const;
};

} // namespace chat
