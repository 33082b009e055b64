#pragma once

#include <QString>
#include <QStringList>

namespace chat {

// Loads the client's translation (embedded under :/i18n) and Qt's own for the chosen language.
class Translations
{
public:
    static QStringList available(); // "en", "uk", "de"
    static QString nativeName(const QString &code);
    // Empty code: the system language. Returns the language actually used. Replaces the translators of an
    // earlier call, so a language chosen while the client runs applies at once (QEvent::LanguageChange).
    static QString install(const QString &code);
};

} // namespace chat
