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

namespace {

// The translators installed last, removed when another language is chosen while the client runs.
QTranslator *s_own = nullptr;
QTranslator *s_qt = nullptr;

void uninstall(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

} // namespace

QString Translations::install(const QString &code)
{
    QString language = code.isEmpty() ? QLocale::system().name().section(QLatin1Char('_'), 0, 0) : code;
    if (!available().contains(language))
        language = QStringLiteral("en");
    QLocale::setDefault(QLocale(language));
    // Each install and removal sends QEvent::LanguageChange to every widget, which retranslates itself.
    uninstall(s_own);
    uninstall(s_qt);
    auto *app = QCoreApplication::instance();
    s_own = new QTranslator(app);
    if (s_own->load(QStringLiteral(":/i18n/chat_%1.qm").arg(language)))
        QCoreApplication::installTranslator(s_own);
    s_qt = new QTranslator(app);
    if (s_qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(s_qt);
    return language;
}

} // namespace chat
