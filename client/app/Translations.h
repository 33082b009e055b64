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
    // Empty code: the system language. Returns the language actually used.
    static QString install(const QString &code);
};

} // namespace chat
