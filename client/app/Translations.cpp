#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace chat {

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("uk"), QStringLiteral("de")};
}

QString Translations::nativeName(const QString &code)
{
    return QLocale(code).nativeLanguageName();
}

QString Translations::install(const QString &code)
{
    QString language = code.isEmpty() ? QLocale::system().name().section(QLatin1Char('_'), 0, 0) : code;
    if (!available().contains(language))
        language = QStringLiteral("en");
    QLocale::setDefault(QLocale(language));
    auto *app = QCoreApplication::instance();
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/chat_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

} // namespace chat
