#pragma once

#include <QWidget>

namespace chat {

// The window background: the current theme's diagonal gradient under every (translucent) panel.
class GradientWidget : public QWidget
{
    Q_OBJECT
public:
    explicit GradientWidget(QWidget *parent = nullptr);

    int themeIndex() const { return m_themeIndex; }
    void setThemeIndex(int index);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_themeIndex = 0;
};

} // namespace chat
