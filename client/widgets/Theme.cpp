#include "Theme.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chat {

namespace {
QVector<ThemeInfo> loadThemes()
{
    QFile file(QStringLiteral(":/themes/themes.json"));
    QVector<ThemeInfo> themes;
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonArray list =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("themes")).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject theme = value.toObject();
            themes.append({theme.value(QStringLiteral("name")).toString(),
                           QColor::fromString(theme.value(QStringLiteral("from")).toString()),
                           QColor::fromString(theme.value(QStringLiteral("to")).toString())});
        }
    }
    if (themes.isEmpty()) // the resource is missing only in a broken build; keep the window usable
        themes.append({QStringLiteral("Silver"), QColor(0xbd, 0xc3, 0xc7), QColor(0x2c, 0x3e, 0x50)});
    return themes;
}
} // namespace

const QVector<ThemeInfo> &Theme::all()
{
    static const QVector<ThemeInfo> themes = loadThemes();
    return themes;
}

ThemeInfo Theme::at(int index)
{
    return index >= 0 && index < count() ? all().at(index) : all().first();
}

QLinearGradient Theme::gradient(int index, const QRectF &rect)
{
    const ThemeInfo theme = at(index);
    QLinearGradient gradient(rect.topLeft(), rect.bottomRight());
    gradient.setColorAt(0, theme.from);
    gradient.setColorAt(1, theme.to);
    return gradient;
}

QString Theme::styleSheet()
{
    QFile file(QStringLiteral(":/themes/style.qss"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString Theme::dialogStyleSheet(int index)
{
    const ThemeInfo theme = at(index);
    return QStringLiteral(
               "QDialog { background: qlineargradient(x1: 0, y1: 0, x2: 1, y2: 1, stop: 0 %1, stop: 1 %2); }"
               "QDialog QLabel { color: rgba(0, 0, 0, 204); background: transparent; }"
               "QDialog QLineEdit, QDialog QPlainTextEdit, QDialog QTextEdit, QDialog QComboBox {"
               " background: rgba(255, 255, 255, 170); color: rgba(0, 0, 0, 220); border: none;"
               " border-radius: 5px; padding: 4px 8px; selection-background-color: rgba(44, 62, 80, 160); }"
               "QDialog QPushButton { background: rgba(255, 255, 255, 136); color: rgba(0, 0, 0, 204);"
               " border: 1px solid rgba(255, 255, 255, 170); border-radius: 8px; padding: 5px 16px;"
               " min-width: 64px; }"
               "QDialog QPushButton:hover { background: rgba(255, 255, 255, 190); }"
               "QDialog QPushButton:focus { border: 2px solid rgba(255, 255, 255, 230); }")
        .arg(theme.from.name(), theme.to.name());
}

} // namespace chat
