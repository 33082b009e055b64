#include "Accessibility.h"

#include <QAbstractButton>
#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QHash>
#include <QWidget>

namespace chat::Accessibility {

namespace {

const char roleProperty[] = "chatAccessibleRole";

class RoleWidget : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit RoleWidget(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::Role(widget->property(roleProperty).toInt()))
    { }

    QAbstractButton *button() const { return qobject_cast<QAbstractButton *>(object()); }

    // StaticText (the connection state): its name is also its text, read through the Text interface.
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TextInterface && role() == QAccessible::StaticText)
            return static_cast<QAccessibleTextInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }
    QString content() const { return text(QAccessible::Name); }
    void selection(int, int *start, int *end) const override { *start = *end = 0; }
    int selectionCount() const override { return 0; }
    void addSelection(int, int) override { }
    void removeSelection(int) override { }
    void setSelection(int, int, int) override { }
    int cursorPosition() const override { return 0; }
    void setCursorPosition(int) override { }
    QString text(int start, int end) const override { return content().mid(start, end - start); }
    int characterCount() const override { return int(content().size()); }
    QRect characterRect(int) const override { return {}; }
    int offsetAtPoint(const QPoint &) const override { return -1; }
    void scrollToSubstring(int, int) override { }
    QString attributes(int offset, int *start, int *end) const override
    {
        *start = offset;
        *end = offset;
        return {};
    }

    QString text(QAccessible::Text t) const override
    {
        QString text = QAccessibleWidget::text(t);
        if (t == QAccessible::Name && text.isEmpty() && button())
            text = button()->text();
        if (t == QAccessible::Accelerator && text.isEmpty() && button())
            text = button()->shortcut().toString(QKeySequence::NativeText);
        return text;
    }

    QAccessible::State state() const override
    {
        QAccessible::State state = QAccessibleWidget::state();
        if (QAbstractButton *b = button()) {
            if (role() == QAccessible::PageTab) {
                state.selectable = true;
                state.selected = b->isChecked();
            } else if (b->isCheckable()) {
                state.checkable = true;
                state.checked = b->isChecked();
            }
        }
        return state;
    }

    QStringList actionNames() const override
    {
        QStringList names = QAccessibleWidget::actionNames();
        if (button())
            names.prepend(role() == QAccessible::PageTab ? pressAction() : toggleAction());
        return names;
    }

    void doAction(const QString &action) override
    {
        if (button() && (action == pressAction() || action == toggleAction()))
            button()->click();
        else
            QAccessibleWidget::doAction(action);
    }

    QStringList keyBindingsForAction(const QString &action) const override
    {
        if (button() && (action == pressAction() || action == toggleAction())
            && !button()->shortcut().isEmpty())
            return {button()->shortcut().toString(QKeySequence::NativeText)};
        return QAccessibleWidget::keyBindingsForAction(action);
    }
};

QAccessibleInterface *factory(const QString &, QObject *object)
{
    auto *widget = qobject_cast<QWidget *>(object);
    if (widget && widget->property(roleProperty).isValid())
        return new RoleWidget(widget);
    return nullptr;
}

} // namespace

void setRole(QWidget *widget, QAccessible::Role role)
{
    static const bool installed = [] {
        QAccessible::installFactory(factory);
        return true;
    }();
    Q_UNUSED(installed);
    widget->setProperty(roleProperty, int(role));
    if (auto *button = qobject_cast<QAbstractButton *>(widget); button && role == QAccessible::PageTab) {
        // A tab's "checked" is its selection: tell the screen reader when it changes.
        QObject::connect(button, &QAbstractButton::toggled, button, [button] {
            QAccessible::State changed;
            changed.selected = true;
            QAccessibleStateChangeEvent event(button, changed);
            QAccessible::updateAccessibility(&event);
        });
    }
}

QString colourName(const QString &css)
{
    // The drawing board's 18 colours and the rooms' 10.
    static const QHash<QString, const char *> names {
        {QStringLiteral("#000000"), QT_TRANSLATE_NOOP("chat::ColourNames", "Black")},
        {QStringLiteral("#8d0e00"), QT_TRANSLATE_NOOP("chat::ColourNames", "Dark red")},
        {QStringLiteral("#e02d25"), QT_TRANSLATE_NOOP("chat::ColourNames", "Red")},
        {QStringLiteral("#2a2a2a"), QT_TRANSLATE_NOOP("chat::ColourNames", "Very dark grey")},
        {QStringLiteral("#ad7100"), QT_TRANSLATE_NOOP("chat::ColourNames", "Brown")},
        {QStringLiteral("#fc9a00"), QT_TRANSLATE_NOOP("chat::ColourNames", "Orange")},
        {QStringLiteral("#555555"), QT_TRANSLATE_NOOP("chat::ColourNames", "Dark grey")},
        {QStringLiteral("#d7d700"), QT_TRANSLATE_NOOP("chat::ColourNames", "Olive")},
        {QStringLiteral("#ffff01"), QT_TRANSLATE_NOOP("chat::ColourNames", "Yellow")},
        {QStringLiteral("#aaaaaa"), QT_TRANSLATE_NOOP("chat::ColourNames", "Grey")},
        {QStringLiteral("#3fff9c"), QT_TRANSLATE_NOOP("chat::ColourNames", "Mint green")},
        {QStringLiteral("#03ad54"), QT_TRANSLATE_NOOP("chat::ColourNames", "Green")},
        {QStringLiteral("#d5d5d5"), QT_TRANSLATE_NOOP("chat::ColourNames", "Light grey")},
        {QStringLiteral("#4fadff"), QT_TRANSLATE_NOOP("chat::ColourNames", "Light blue")},
        {QStringLiteral("#0167ca"), QT_TRANSLATE_NOOP("chat::ColourNames", "Blue")},
        {QStringLiteral("#ffffff"), QT_TRANSLATE_NOOP("chat::ColourNames", "White")},
        {QStringLiteral("#fd93ff"), QT_TRANSLATE_NOOP("chat::ColourNames", "Pink")},
        {QStringLiteral("#970199"), QT_TRANSLATE_NOOP("chat::ColourNames", "Purple")},
        {QStringLiteral("#cf2e24"), QT_TRANSLATE_NOOP("chat::ColourNames", "Red")},
        {QStringLiteral("#e69635"), QT_TRANSLATE_NOOP("chat::ColourNames", "Orange")},
        {QStringLiteral("#e79d7e"), QT_TRANSLATE_NOOP("chat::ColourNames", "Peach")},
        {QStringLiteral("#fbeb50"), QT_TRANSLATE_NOOP("chat::ColourNames", "Yellow")},
        {QStringLiteral("#5da247"), QT_TRANSLATE_NOOP("chat::ColourNames", "Green")},
        {QStringLiteral("#2b347e"), QT_TRANSLATE_NOOP("chat::ColourNames", "Dark blue")},
        {QStringLiteral("#5e297e"), QT_TRANSLATE_NOOP("chat::ColourNames", "Purple")},
        {QStringLiteral("#d95d98"), QT_TRANSLATE_NOOP("chat::ColourNames", "Pink")},
        {QStringLiteral("#cccccc"), QT_TRANSLATE_NOOP("chat::ColourNames", "Light grey")},
        {QStringLiteral("#888888"), QT_TRANSLATE_NOOP("chat::ColourNames", "Grey")},
    };
    const auto found = names.constFind(css.trimmed().toLower());
    return found == names.constEnd() ? css : QCoreApplication::translate("chat::ColourNames", found.value());
}

} // namespace chat::Accessibility
