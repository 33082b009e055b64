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

} // namespace chat
