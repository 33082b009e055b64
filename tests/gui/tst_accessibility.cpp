// The accessibility tree as a screen reader walks it (issue 12): from the application's root, through
// QAccessible::queryAccessibleInterface only, in every page (lobby, the room's messages, drawing and users
// tabs, the settings and about dialogs, the clear-board confirmation, the inline room-name editor and the
// colour popup while open). Every interactive or focusable element must have a name and a role that says what
// it is:
//   - a push button (QPushButton, a QToolButton that is not checkable) is PushButton;
//   - a checkable button in an exclusive group is RadioButton, or PageTab when it switches a stacked page
//     (the room's Messages/Drawing/Users); never CheckBox;
//   - a line edit is EditableText, a text edit EditableText too; a label StaticText (with its text, or a
//     Graphic with a name when it shows an image);
//   - an item view is List (or Table/Tree); each of its items ListItem with a name (from the model's
//     Qt::AccessibleTextRole);
//   - a scroll bar that is shown is ScrollBar and must be reachable from its view;
//   - a focusable element is never Client, Filler, NoRole, Pane or Grouping without a name.
// The offenders are listed in the failure message.
#include "GuiFixture.h"
#include "app/Translations.h"
#include "drawing/BoardView.h"
#include "models/RoomListModel.h"
#include "widgets/ColorPalettePopup.h"
#include "widgets/DrawingPanel.h"
#include "widgets/HeaderWidget.h"
#include "widgets/LobbyPage.h"
#include "widgets/MessagesPanel.h"
#include "widgets/NameEdit.h"
#include "widgets/RoomCardDelegate.h"
#include "widgets/RoomListView.h"
#include "widgets/RoomPage.h"
#include "widgets/SettingsDialog.h"
#include "widgets/UsersPanel.h"

#include <QAccessible>
#include <QApplication>
#include <QButtonGroup>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <functional>

using namespace chat;

namespace {

QString describe(QAccessibleInterface *iface)
{
    QString text =
        QStringLiteral("%1 \"%2\"")
            .arg(QString::fromLatin1(qAccessibleRoleString(iface->role())), iface->text(QAccessible::Name));
    if (QObject *object = iface->object())
        text += QStringLiteral(" (%1 %2)")
                    .arg(QString::fromLatin1(object->metaObject()->className()), object->objectName());
    return text;
}

struct Walk
{
    QStringList offenders;
    QList<QAccessibleInterface *> all;

    void check(QAccessibleInterface *iface, const QString &path)
    {
        const QAccessible::State state = iface->state();
        if (state.invisible || state.offscreen)
            return;
        all.append(iface);
        const QAccessible::Role role = iface->role();
        const QString name = iface->text(QAccessible::Name).trimmed();
        const auto fail = [&](const QString &why) {
            offenders.append(QStringLiteral("%1: %2 (at %3)").arg(why, describe(iface), path));
        };
        static const QList<QAccessible::Role> interactiveRoles {
            QAccessible::PushButton, QAccessible::CheckBox,     QAccessible::RadioButton,
            QAccessible::PageTab,    QAccessible::EditableText, QAccessible::Slider,
            QAccessible::ComboBox,   QAccessible::SpinBox,      QAccessible::List,
            QAccessible::ListItem,   QAccessible::Link,         QAccessible::ButtonMenu,
            QAccessible::MenuItem};
        const bool interactive = state.focusable || interactiveRoles.contains(role);
        if (interactive && name.isEmpty() && role != QAccessible::ScrollBar)
            fail(QStringLiteral("no name"));
        static const QList<QAccessible::Role> vague {QAccessible::Client, QAccessible::Whitespace,
                                                     QAccessible::NoRole, QAccessible::Pane,
                                                     QAccessible::Grouping};
        if (state.focusable && vague.contains(role) && name.isEmpty())
            fail(QStringLiteral("focusable with a vague role"));
        if (role == QAccessible::Graphic && name.isEmpty())
            fail(QStringLiteral("image without a name"));
        if (role == QAccessible::Dialog && name.isEmpty())
            fail(QStringLiteral("dialog without a name"));

        QObject *object = iface->object();
        if (auto *button = qobject_cast<QAbstractButton *>(object)) {
            const bool exclusive = button->isCheckable() && button->group() && button->group()->exclusive();
            if (exclusive && role != QAccessible::RadioButton && role != QAccessible::PageTab)
                fail(QStringLiteral("a button of an exclusive group should be a radio button or tab"));
            if (!button->isCheckable() && qobject_cast<QToolButton *>(button)
                && role != QAccessible::PushButton && role != QAccessible::ButtonMenu)
                fail(QStringLiteral("a tool button should be a push button"));
        }
        if (qobject_cast<QLineEdit *>(object) && role != QAccessible::EditableText)
            fail(QStringLiteral("a line edit should be editable text"));
        if (auto *view = qobject_cast<QAbstractItemView *>(object)) {
            if (role != QAccessible::List && role != QAccessible::Table && role != QAccessible::Tree)
                fail(QStringLiteral("an item view should be a list"));
            // Its shown scroll bar is reachable from it.
            if (view->verticalScrollBar()->isVisible()) {
                bool found = false;
                for (int i = 0; i < iface->childCount(); ++i)
                    if (QAccessibleInterface *child = iface->child(i))
                        found = found || child->object() == view->verticalScrollBar();
                if (!found)
                    fail(QStringLiteral("its scroll bar is not exposed"));
            }
        }
        for (int i = 0; i < iface->childCount(); ++i) {
            QAccessibleInterface *child = iface->child(i);
            if (!child) {
                fail(QStringLiteral("child %1 is null").arg(i));
                continue;
            }
            check(child, path + QLatin1Char('/') + QString::fromLatin1(qAccessibleRoleString(child->role())));
        }
    }
};

// Every shown widget of `root` that takes focus must be in the tree.
QStringList missingFromTree(QWidget *root, const Walk &walk)
{
    QStringList missing;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus || widget->focusProxy())
            continue;
        if (widget->objectName().startsWith(QLatin1String("qt_")))
            continue;
        bool found = false;
        for (QAccessibleInterface *iface : walk.all)
            found = found || iface->object() == widget;
        if (!found)
            missing.append(QStringLiteral("not in the tree: %1 \"%2\" %3")
                               .arg(QString::fromLatin1(widget->metaObject()->className()),
                                    widget->accessibleName(), widget->objectName()));
    }
    return missing;
}

QStringList walkAll(QWidget *mustContain = nullptr)
{
    Walk walk;
    QAccessibleInterface *app = QAccessible::queryAccessibleInterface(qApp);
    walk.check(app, QStringLiteral("application"));
    if (mustContain)
        walk.offenders += missingFromTree(mustContain, walk);
    return walk.offenders;
}

void verifyClean(const QStringList &offenders, const char *where)
{
    QVERIFY2(
        offenders.isEmpty(),
        qPrintable(
            QStringLiteral("%1: %2 offender(s):\n  ").arg(QString::fromLatin1(where)).arg(offenders.size())
            + offenders.join(QStringLiteral("\n  "))));
}

// Runs `inside` once a modal dialog is up (it was opened by `open`), then closes it.
QStringList walkModal(const std::function<void()> &open)
{
    QStringList offenders;
    bool seen = false;
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        timer.stop();
        seen = true;
        offenders = walkAll(modal);
        modal->close();
    });
    timer.start();
    open();
    if (!seen)
        offenders.append(QStringLiteral("the dialog did not show"));
    return offenders;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QAccessible::setActive(true);
        Translations::install(QStringLiteral("en")); // the English plurals
    }

    void lobby()
    {
        GuiFixture f;
        f.feedRooms();
        QVERIFY(waitForPaint(f.window->lobby()->roomList()->viewport()));
        verifyClean(walkAll(f.window.get()), "lobby");
    }

    void roomTabs()
    {
        GuiFixture f;
        f.enterRoom();
        // Enough messages for the scroll bar.
        QByteArray list;
        for (int i = 0; i < 60; ++i)
            list += (i ? "," : "") + QByteArray("{'uuid': 'm") + QByteArray::number(i)
                + "', 'body': 'message " + QByteArray::number(i)
                + "', 'user': {'uuid': 'other', 'name': 'Bob', 'room_uuid': 'r1'}, 'room_uuid': 'r1', "
                  "'created': '2024-05-01T10:00:00.5'}";
        f.feed(
            jsonText(("{'type': 'result', 'payload': {'message': 'messages_listed', 'list': [" + list + "]}}")
                         .constData()));
        // The history is laid out and its scroll bar shown (the view lays items out on a zero timer).
        const auto historyShown = [&] {
            const auto bars = f.window->roomPage()->findChildren<QScrollBar *>();
            return std::any_of(bars.cbegin(), bars.cend(), [](QScrollBar *bar) { return bar->isVisible(); });
        };
        QTRY_VERIFY(historyShown());
        verifyClean(walkAll(f.window.get()), "room, messages");
        // The history's scroll bar is in the tree, named, with the view's position.
        QScrollBar *shown = nullptr;
        for (auto *bar : f.window->roomPage()->findChildren<QScrollBar *>())
            if (bar->isVisible() && bar->accessibleName() == QStringLiteral("Message history"))
                shown = bar;
        QVERIFY(shown);
        QAccessibleInterface *barIface = QAccessible::queryAccessibleInterface(shown);
        QCOMPARE(barIface->role(), QAccessible::ScrollBar);
        QVERIFY(barIface->valueInterface());
        QVERIFY(barIface->parent() && barIface->parent()->indexOfChild(barIface) >= 0);
        QCOMPARE(barIface->valueInterface()->maximumValue().toInt(), shown->maximum());
        QCOMPARE(barIface->valueInterface()->currentValue().toInt(), shown->maximum()); // at the newest
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        verifyClean(walkAll(f.window.get()), "room, drawing");
        f.window->roomPage()->showTab(RoomPage::Users);
        QVERIFY(waitForPaint(f.window->roomPage()->users()->viewport()));
        verifyClean(walkAll(f.window.get()), "room, users");
    }

    void emptyRoom()
    {
        GuiFixture f;
        f.enterRoom();
        QVERIFY(waitForPaint(f.window->roomPage())); // the empty room shows a hint, not the list
        verifyClean(walkAll(f.window.get()), "empty room");
    }

    void settingsAndAboutDialogs()
    {
        GuiFixture f;
        QStringList offenders =
            walkModal([&] { QTest::keyClick(f.window.get(), Qt::Key_Comma, Qt::ControlModifier); });
        verifyClean(offenders, "settings dialog");
        offenders = walkModal([&] { emit f.window->header()->aboutRequested(); });
        verifyClean(offenders, "about dialog");
    }

    void clearBoardConfirmation()
    {
        GuiFixture f;
        f.enterRoom();
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        QToolButton *clear = nullptr;
        for (auto *button : f.window->roomPage()->findChildren<QToolButton *>())
            if (button->icon().cacheKey() && button->toolTip().contains(QStringLiteral("Clear")))
                clear = button;
        QVERIFY(clear);
        verifyClean(walkModal([&] { clear->click(); }), "clear-board confirmation");
    }

    // The question before a room link switches servers (window-modal, not blocking).
    void otherServerConfirmation()
    {
        GuiFixture f;
        f.client.connection()->setUrlForTesting(QUrl(QStringLiteral("ws://127.0.0.1:9000")));
        f.window->openLink(
            QUrl(QStringLiteral("socketchat://room/12345678?server=ws%3A%2F%2F127.0.0.2%3A9999")));
        QTRY_VERIFY(QApplication::activeModalWidget() && QApplication::activeModalWidget()->isVisible());
        QWidget *box = QApplication::activeModalWidget();
        QVERIFY(!QAccessible::queryAccessibleInterface(box)->text(QAccessible::Name).isEmpty());
        verifyClean(walkAll(box), "other-server confirmation");
        box->close();
    }

    void inlineRoomNameEditorAndColourPopup()
    {
        GuiFixture f;
        f.feedRooms();
        RoomListView *list = f.window->lobby()->roomList();
        QVERIFY(waitForPaint(f.window->lobby()->roomList()->viewport()));
        list->setFocus();
        list->setCurrentIndex(list->model()->index(1, 0));
        QTest::keyClick(list, Qt::Key_F2);
        QLineEdit *editor = list->nameEditor();
        QVERIFY(editor && editor->isVisible());
        verifyClean(walkAll(f.window.get()), "inline room-name editor");
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(!list->nameEditor() || !list->nameEditor()->isVisible());

        list->recolorCurrent();
        auto *palette = qApp->findChild<ColorPalettePopup *>();
        if (!palette)
            for (QWidget *top : QApplication::topLevelWidgets())
                if (auto *p = qobject_cast<ColorPalettePopup *>(top))
                    palette = p;
        if (!palette)
            palette = list->findChild<ColorPalettePopup *>();
        QVERIFY(palette && palette->isVisible());
        verifyClean(walkAll(palette), "colour popup");
        palette->close();
    }

    // The items the issue names read right: the connection state, room cards, tabs, tools and swatches.
    void namesRolesAndDescriptions()
    {
        GuiFixture f;
        f.feedRooms();
        QVERIFY(waitForPaint(f.window->lobby()->roomList()->viewport()));
        QLabel *state = f.window->header()->findChild<QLabel *>(QStringLiteral("connectionState"));
        QVERIFY(state);
        QAccessibleInterface *stateIface = QAccessible::queryAccessibleInterface(state);
        QCOMPARE(stateIface->role(), QAccessible::StaticText);
        const QString stateText =
            stateIface->text(QAccessible::Name) + QLatin1Char(' ') + stateIface->text(QAccessible::Value);
        QVERIFY2(stateText.contains(QStringLiteral("isconnected"))
                     || stateText.contains(QStringLiteral("onnect")),
                 qPrintable(stateText));
        QVERIFY2(stateText.contains(state->text().mid(2)), qPrintable(stateText));
        QAccessibleTextInterface *text = stateIface->textInterface();
        QVERIFY(text);
        QCOMPARE(text->text(0, text->characterCount()), state->text().mid(2));

        RoomListView *list = f.window->lobby()->roomList();
        QAccessibleInterface *listIface = QAccessible::queryAccessibleInterface(list);
        QAccessibleInterface *card = listIface->child(0);
        QVERIFY(card);
        QCOMPARE(card->role(), QAccessible::ListItem);
        QCOMPARE(card->text(QAccessible::Name), QStringLiteral("Kitchen"));
        QCOMPARE(card->text(QAccessible::Description), QStringLiteral("3 messages, 0 users, colour: Red"));

        f.enterRoom();
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        QStringList tabs;
        QStringList radios;
        for (auto *button : f.window->roomPage()->findChildren<QToolButton *>()) {
            if (!button->isVisible() || !button->isCheckable())
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(button);
            if (iface->role() == QAccessible::PageTab) {
                tabs.append(iface->text(QAccessible::Name));
                QCOMPARE(iface->state().selected, button->isChecked());
            } else if (iface->role() == QAccessible::RadioButton) {
                radios.append(iface->text(QAccessible::Name));
                QCOMPARE(iface->state().checked, button->isChecked());
            }
        }
        QCOMPARE(
            tabs,
            (QStringList {QStringLiteral("Messages"), QStringLiteral("Drawing"), QStringLiteral("Users")}));
        QCOMPARE(radios.size(), 20);
        QVERIFY(radios.contains(QStringLiteral("Pen")));
        QVERIFY(radios.contains(QStringLiteral("Eraser")));
        QVERIFY(radios.contains(QStringLiteral("Black")));
        QVERIFY(radios.contains(QStringLiteral("Dark red")));
    }

    // The two name fields of the header (your user name; the room's name in a room) show a long name cut
    // with "…": the accessible name still carries the whole name, since a screen reader says the name first.
    void headerNameFieldsNameTheWholeName()
    {
        GuiFixture f;
        const QString longUser =
            QStringLiteral("user-") + QString(120, QLatin1Char('u')) + QStringLiteral("-end");
        const QString longRoom =
            QStringLiteral("room-") + QString(120, QLatin1Char('r')) + QStringLiteral("-end");
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'user_changed', 'object': {'uuid': 'me', "
                        "'name': '%1', 'room_uuid': null}}}")
                   .replace("%1", longUser.toUtf8()));
        f.enterRoom();
        f.feed(jsonText("{'type': 'result', 'payload': {'message': 'room_changed', 'object': {'uuid': 'r1', "
                        "'name': '%1', 'color': '#cf2e24', 'users': [{'uuid': 'me', 'name': '%2', "
                        "'room_uuid': 'r1'}], 'sum': 3}}}")
                   .replace("%1", longRoom.toUtf8())
                   .replace("%2", longUser.toUtf8()));
        f.window->setFocus(); // neither field has the focus: both are shown cut
        const struct
        {
            QWidget *page;
            QString label, name;
        } fields[] = {{f.window->header(), QStringLiteral("Your user name"), longUser},
                      {f.window->roomPage(), QStringLiteral("Room name"), longRoom}};
        for (const auto &field : fields) {
            auto *edit = field.page->findChild<NameEdit *>(QStringLiteral("inlineName"));
            QVERIFY(edit);
            QTRY_COMPARE(edit->text(), field.name);
            QVERIFY(!edit->hasFocus());
            const QString shown = edit->displayedText();
            QVERIFY2(shown.size() < field.name.size() && shown.endsWith(QChar(0x2026)), qPrintable(shown));
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(edit);
            QVERIFY(iface);
            QCOMPARE(iface->text(QAccessible::Name), field.label + QStringLiteral(": ") + field.name);
            QCOMPARE(iface->text(QAccessible::Value), field.name);
        }
    }

    // Colour names and card descriptions are translated (uk, de), with the languages' plurals.
    void translatedNames()
    {
        GuiFixture f;
        f.feedRooms();
        f.enterRoom();
        f.window->roomPage()->showTab(RoomPage::Drawing);
        QVERIFY(waitForPaint(f.window->roomPage()->drawing()->view()->viewport()));
        QToolButton *black = nullptr;
        for (auto *button : f.window->roomPage()->findChildren<QToolButton *>(QStringLiteral("swatch")))
            if (button->toolTip() == QStringLiteral("#000000"))
                black = button;
        QVERIFY(black);
        RoomListView *list = f.window->lobby()->roomList();
        const QModelIndex kitchen = list->model()->index(0, 0);
        const struct
        {
            const char *code;
            const char *black;
            const char *description;
        } languages[] = {
            {"uk", "Чорний", "3 повідомлення, 1 користувач, колір: Червоний, усередині: user-me"},
            {"de", "Schwarz", "3 Nachrichten, 1 Benutzer, Farbe: Rot, im Raum: user-me"},
            {"en", "Black", "3 messages, 1 user, colour: Red, inside: user-me"},
        };
        for (const auto &language : languages) {
            Translations::install(QString::fromLatin1(language.code));
            // Widgets retranslate on the LanguageChange event that follows.
            QTRY_COMPARE(QAccessible::queryAccessibleInterface(black)->text(QAccessible::Name),
                         QString::fromUtf8(language.black));
            QCOMPARE(kitchen.data(Qt::AccessibleDescriptionRole).toString(),
                     QString::fromUtf8(language.description));
        }
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
