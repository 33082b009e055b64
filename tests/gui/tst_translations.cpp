// The window in German and Ukrainian: the embedded translations load and replace the English strings.
#include "GuiFixture.h"
#include "app/Translations.h"
#include "widgets/LobbyPage.h"

#include <QLabel>
#include <QLineEdit>

using namespace chat;

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static QStringList labelsOf(QWidget *widget)
    {
        QStringList texts;
        for (const QLabel *label : widget->findChildren<QLabel *>())
            texts.append(label->text());
        return texts;
    }

private slots:
    void german()
    {
        QCOMPARE(Translations::install(QStringLiteral("de")), QStringLiteral("de"));
        GuiFixture f;
        QVERIFY(labelsOf(f.window->lobby()).contains(QStringLiteral("Raum wählen")));
        QCOMPARE(f.window->lobby()->searchEdit()->placeholderText(), QStringLiteral("Suche"));
    }

    void ukrainian()
    {
        QCOMPARE(Translations::install(QStringLiteral("uk")), QStringLiteral("uk"));
        GuiFixture f;
        QVERIFY(labelsOf(f.window->lobby()).contains(QStringLiteral("Оберіть кімнату")));
        QCOMPARE(QCoreApplication::translate("chat::MessagesPanel", "%n new message(s)", nullptr, 5),
                 QStringLiteral("5 нових повідомлень"));
    }

    void unknownLanguagesFallBackToEnglish()
    {
        QCOMPARE(Translations::install(QStringLiteral("xx")), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
