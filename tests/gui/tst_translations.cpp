// The window in German and Ukrainian: the embedded translations load and replace the English strings.
#include "GuiFixture.h"
#include "app/Translations.h"
#include "models/EventLogModel.h"
#include "widgets/HeaderWidget.h"
#include "widgets/LeftPanel.h"
#include "widgets/LobbyPage.h"
#include "widgets/MessageEdit.h"
#include "widgets/MessagesPanel.h"
#include "widgets/RoomPage.h"
#include "widgets/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTcpServer>
#include <QTimer>

#include <utility>

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

    // Read as a native speaker would (issue 12): status texts are whole phrases, not a bare "verbinde"; the
    // day separators and the plurals are translated.
    void statusTextsAndDaysReadNaturally()
    {
        const auto tr = [](const char *context, const char *text, int n = -1) {
            return QCoreApplication::translate(context, text, nullptr, n);
        };
        QCOMPARE(Translations::install(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(tr("chat::HeaderWidget", "◌ Connecting to %1…"),
                 QStringLiteral("◌ Verbindung mit %1 wird hergestellt…"));
        QCOMPARE(tr("chat::HeaderWidget", "○ Disconnected: reconnecting…"),
                 QStringLiteral("○ Getrennt: Verbindung wird wiederhergestellt…"));
        QCOMPARE(tr("chat::ProtocolClient", "connecting"), QStringLiteral("Verbindungsaufbau"));
        QCOMPARE(tr("chat::LobbyPage", "Connecting…"), QStringLiteral("Verbindung wird hergestellt…"));
        QCOMPARE(tr("chat::MessageListModel", "Today"), QStringLiteral("Heute"));
        QCOMPARE(tr("chat::MessageListModel", "Yesterday"), QStringLiteral("Gestern"));
        QCOMPARE(tr("chat::MessagesPanel", "%n new message(s)", 1), QStringLiteral("1 neue Nachricht"));
        QCOMPARE(tr("chat::MessagesPanel", "%n new message(s)", 3), QStringLiteral("3 neue Nachrichten"));
        QCOMPARE(QLocale().toString(QDate(2026, 11, 28), QLocale::LongFormat),
                 QStringLiteral("Samstag, 28. November 2026"));
        QCOMPARE(Translations::install(QStringLiteral("uk")), QStringLiteral("uk"));
        QCOMPARE(tr("chat::HeaderWidget", "◌ Connecting to %1…"), QStringLiteral("◌ Під’єднання до %1…"));
        QCOMPARE(tr("chat::MessageListModel", "Today"), QStringLiteral("Сьогодні"));
        QCOMPARE(tr("chat::MessageListModel", "Yesterday"), QStringLiteral("Учора"));
        for (const auto &[n, text] :
             {std::pair {1, "1 нове повідомлення"}, std::pair {3, "3 нові повідомлення"},
              std::pair {11, "11 нових повідомлень"}, std::pair {21, "21 нове повідомлення"}})
            QCOMPARE(tr("chat::MessagesPanel", "%n new message(s)", n), QString::fromUtf8(text));
        QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en"));
    }

    // Choosing German in the settings dialog retranslates the open window at once: labels, placeholders,
    // actions and the texts the models translate (the log's origin column).
    void aLanguageChosenInSettingsAppliesAtOnce()
    {
        QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en"));
        QTcpServer silent; // a valid server address that never answers, so the dialog's address is accepted
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        GuiFixture f;
        f.settings.setLanguage(QStringLiteral("en"));
        f.client.connectTo(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort())));
        EventLogModel *log = f.client.log();
        log->append(EventLogModel::Origin::Sent, QStringLiteral("call"), QStringLiteral("get_rooms"), "{}");
        const QModelIndex last = log->index(log->rowCount() - 1);
        QCOMPARE(last.data(EventLogModel::OriginRole).toString(), QStringLiteral("sent"));
        QVERIFY(labelsOf(f.window->lobby()).contains(QStringLiteral("Select Room")));
        QAction *newRoom = f.window->actions().at(0);
        QCOMPARE(newRoom->text(), QStringLiteral("New room"));
        int dataChanges = 0;
        connect(log, &QAbstractItemModel::dataChanged, this, [&] { ++dataChanges; });

        // The dialog is modal: trigger() returns only once it is closed. The poll below closes it on every
        // path (a failed check included) and says why, so a broken dialog fails the test instead of leaving
        // it open until the ctest timeout.
        QString problem;
        QElapsedTimer waited;
        waited.start();
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            auto *dialog = qobject_cast<SettingsDialog *>(modal);
            if (!dialog) {
                if (modal) {
                    problem = QStringLiteral("another modal window opened: ")
                        + QLatin1String(modal->metaObject()->className());
                    modal->close();
                } else if (waited.elapsed() > 20000) {
                    problem = QStringLiteral("the settings dialog did not open");
                    poll.stop();
                }
                return;
            }
            poll.stop();
            auto *language = dialog->findChild<QComboBox *>();
            const int german = language ? language->findData(QStringLiteral("de")) : -1;
            if (german < 0) {
                problem = language ? QStringLiteral("the language list has no German")
                                   : QStringLiteral("the settings dialog has no language list");
                dialog->reject();
                return;
            }
            language->setCurrentIndex(german);
            dialog->accept();
        });
        poll.start();
        QAction *settings = f.window->actions().at(2);
        QCOMPARE(settings->text(), QStringLiteral("Settings"));
        settings->trigger(); // Ctrl+, : the settings dialog, modal
        poll.stop();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QCoreApplication::processEvents(); // the posted QEvent::LanguageChange

        QCOMPARE(f.settings.language(), QStringLiteral("de"));
        QVERIFY(labelsOf(f.window->lobby()).contains(QStringLiteral("Raum wählen")));
        QVERIFY(labelsOf(f.window->header()).contains(QStringLiteral("Angemeldet als:")));
        QVERIFY(labelsOf(f.window->leftPanel()).contains(QStringLiteral("Protokoll:")));
        QCOMPARE(f.window->lobby()->searchEdit()->placeholderText(), QStringLiteral("Suche"));
        QCOMPARE(f.window->roomPage()->messages()->editor()->placeholderText(),
                 QStringLiteral("Nachricht schreiben..."));
        QCOMPARE(newRoom->text(), QStringLiteral("Neuer Raum"));
        QVERIFY(dataChanges > 0); // the views repaint the model's texts
        QCOMPARE(last.data(EventLogModel::OriginRole).toString(), QStringLiteral("gesendet"));

        QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en")); // and back
        QCoreApplication::processEvents();
        QVERIFY(labelsOf(f.window->lobby()).contains(QStringLiteral("Select Room")));
        QCOMPARE(newRoom->text(), QStringLiteral("New room"));
    }

    void unknownLanguagesFallBackToEnglish()
    {
        QCOMPARE(Translations::install(QStringLiteral("xx")), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
