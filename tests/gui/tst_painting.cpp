// The text painted on room cards and message bubbles, as drawn: the views are rendered onto a TextRecorder,
// which keeps every piece of text the delegates draw with its place, font and colour (no pixels, so the
// installed fonts do not matter). Room cards: the name (elided at its end with "…" when it does not fit, and
// giving way to the unread badge), the message and user counts, the badge's text. Bubbles: the body (wrapped
// inside the bubble), the footer "author · time", and the day separator above the first message of a day.
#include "GuiFixture.h"
#include "TextRecorder.h"
#include "models/MessageListModel.h"
#include "models/RoomListModel.h"
#include "widgets/LobbyPage.h"
#include "widgets/MessageDelegate.h"
#include "widgets/MessagesPanel.h"
#include "widgets/RoomCardDelegate.h"
#include "widgets/RoomListView.h"
#include "widgets/RoomPage.h"

#include <QDate>
#include <QFontMetricsF>
#include <QListView>
#include <QTest>

#include <algorithm>

using namespace chat;

namespace {

QString describe(const QVector<DrawnText> &texts)
{
    QStringList parts;
    for (const DrawnText &text : texts)
        parts << QStringLiteral("\"%1\" at (%2, %3) to %4")
                     .arg(text.text)
                     .arg(text.rect.left())
                     .arg(text.baseline)
                     .arg(text.rect.right());
    return parts.join(QStringLiteral("; "));
}

// Left to right (the card draws its badge before the name, and the user count before the message count).
QVector<DrawnText> leftToRight(QVector<DrawnText> texts)
{
    std::sort(texts.begin(), texts.end(),
              [](const DrawnText &a, const DrawnText &b) { return a.rect.left() < b.rect.left(); });
    return texts;
}

// Renders a view's viewport, once everything pending was laid out and painted.
QVector<DrawnText> renderedTexts(QAbstractItemView *view, TextRecorder &recorder)
{
    recorder.clear();
    view->viewport()->render(&recorder);
    return recorder.texts();
}

} // namespace

class TestPainting : public QObject
{
    Q_OBJECT

    static QByteArray roomJson(const char *uuid, const QString &name, int users, qint64 sum)
    {
        QByteArray members;
        for (int i = 0; i < users; ++i)
            members += QByteArray(i ? "," : "") + "{'uuid': 'u" + QByteArray::number(i) + "', 'name': 'user-"
                + QByteArray::number(i) + "', 'room_uuid': '" + uuid + "'}";
        return "{'uuid': '" + QByteArray(uuid) + "', 'name': '" + name.toUtf8()
            + "', 'color': '#cf2e24', 'users': [" + members + "], 'sum': " + QByteArray::number(sum) + "}";
    }

private slots:
    void roomCardsShowTheNameTheCountsAndTheBadge()
    {
        GuiFixture f;
        const QString longName =
            QStringLiteral("The room with a name far too long for any card of the lobby to show it whole, ")
                .repeated(4);
        const auto feed = [&f](const QByteArray &json) { f.feed(jsonText(json.constData())); };
        feed("{'type': 'result', 'payload': {'message': 'rooms_listed', 'list': ["
             + roomJson("r1", QStringLiteral("Kitchen"), 0, 3) + "," + roomJson("r2", longName, 2, 1234) + ","
             + roomJson("r3", QStringLiteral("Garden"), 1, 10) + ","
             + roomJson("r4", QStringLiteral("Attic"), 0, 7) + "," + roomJson("r5", longName, 0, 2) + "]}}");
        // New messages in Garden and Attic while we are in the lobby: unread badges (first sight was read).
        feed("{'type': 'result', 'payload': {'message': 'room_changed', 'object': "
             + roomJson("r3", QStringLiteral("Garden"), 1, 15) + "}}");
        feed("{'type': 'result', 'payload': {'message': 'room_changed', 'object': "
             + roomJson("r4", QStringLiteral("Attic"), 0, 1507) + "}}");
        feed("{'type': 'result', 'payload': {'message': 'room_changed', 'object': "
             + roomJson("r5", longName, 0, 4) + "}}");
        RoomListView *list = f.window->lobby()->roomList();
        QCOMPARE(list->model()->rowCount(), 5);
        QCOMPARE(list->model()->index(2, 0).data(RoomListModel::UnreadRole).toLongLong(), 5);
        QCOMPARE(list->model()->index(3, 0).data(RoomListModel::UnreadRole).toLongLong(), 1500);
        QVERIFY(waitForPaint(list->viewport()));
        auto *delegate = static_cast<RoomCardDelegate *>(list->itemDelegate());
        TextRecorder recorder(list->viewport()->size());
        const QString all = describe(renderedTexts(list, recorder));

        struct Card
        {
            QString name;
            QString sum;
            QString users;
            QString badge; // empty: none
        };
        const QVector<Card> cards {
            {QStringLiteral("Kitchen"), QStringLiteral("3"), QStringLiteral("0"), {}},
            {longName, QStringLiteral("1234"), QStringLiteral("2"), {}},
            {QStringLiteral("Garden"), QStringLiteral("15"), QStringLiteral("1"), QStringLiteral("5")},
            {QStringLiteral("Attic"), QStringLiteral("1507"), QStringLiteral("0"), QStringLiteral("999+")},
            {longName, QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("2")}};
        for (int row = 0; row < cards.size(); ++row) {
            const Card &card = cards.at(row);
            const QRect item = list->visualRect(list->model()->index(row, 0));
            QVERIFY2(list->viewport()->rect().contains(item), qPrintable(card.name));
            const QRect nameArea = delegate->partRect(item, RoomCardDelegate::Part::Name);
            const QRect close = delegate->partRect(item, RoomCardDelegate::Part::Close);
            const QRect cardArea = delegate->partRect(item, RoomCardDelegate::Part::Card);
            const QVector<DrawnText> top = leftToRight(recorder.textsIn(
                QRect(cardArea.left(), nameArea.top(), close.left() - cardArea.left(), nameArea.height())));
            QVERIFY2(!top.isEmpty(), qPrintable(all));
            // The name first (left), then the badge if any.
            const DrawnText &name = top.first();
            QVERIFY2(name.rect.left() >= nameArea.left() && name.rect.right() <= nameArea.right() + 1,
                     qPrintable(describe(top)));
            if (card.name == longName) {
                // Cut at its end, with an ellipsis, to what fits: its start is kept.
                QVERIFY2(name.text.endsWith(QChar(0x2026)), qPrintable(name.text));
                const QString kept = name.text.chopped(1);
                QVERIFY2(kept.size() >= 10 && longName.startsWith(kept), qPrintable(name.text));
                QVERIFY(QFontMetricsF(name.font).horizontalAdvance(name.text) <= nameArea.width());
                // Not cut more than needed: one more character would not fit.
                const QString oneMore = longName.left(kept.size() + 1) + QChar(0x2026);
                if (card.badge.isEmpty()) // the whole name area is the name's, but for its 4 px indent
                    QVERIFY2(QFontMetricsF(name.font).horizontalAdvance(oneMore) > nameArea.width() - 4 - 1,
                             qPrintable(name.text));
            } else {
                QCOMPARE(name.text, card.name);
            }
            if (card.badge.isEmpty()) {
                QCOMPARE(top.size(), 1);
            } else {
                QCOMPARE(top.size(), 2);
                const DrawnText &badge = top.at(1);
                QCOMPARE(badge.text, card.badge);
                QVERIFY(badge.font.bold());
                QCOMPARE(badge.color, QColor(Qt::white));
                QVERIFY2(name.rect.right() < badge.rect.left(), "the name runs under the badge");
                QVERIFY(badge.rect.right() < close.left());
            }
            // The counts at the bottom right: messages, then users.
            const QVector<DrawnText> bottom = leftToRight(recorder.textsIn(
                QRect(cardArea.center().x(), nameArea.bottom() + 1,
                      cardArea.right() - cardArea.center().x() + 1, cardArea.bottom() - nameArea.bottom())));
            QVERIFY2(bottom.size() == 2, qPrintable(describe(bottom) + QStringLiteral(" / ") + all));
            QCOMPARE(bottom.at(0).text, card.sum);
            QCOMPARE(bottom.at(1).text, card.users);
            QVERIFY(bottom.at(1).rect.right() <= cardArea.right());
        }
    }

    void bubblesShowBodyFooterAndDaySeparator()
    {
        GuiFixture f;
        f.enterRoom();
        const QDate today = QDate::currentDate();
        const QString longBody = QStringLiteral(
            "a long message whose words wrap over several lines of its bubble, every one of them drawn, none "
            "of them cut or lost at the edge, from the first word to the very last one");
        const QByteArray json =
            "{'type': 'result', 'payload': {'message': 'messages_listed', 'list': ["
            "{'uuid': 'a', 'body': 'Good morning', 'user': {'uuid': 'o', 'name': 'Bob', 'room_uuid': 'r1'}, "
            "'room_uuid': 'r1', 'created': '2024-05-01T15:20:00.5'},"
            "{'uuid': 'b', 'body': 'and again', 'user': {'uuid': 'o', 'name': 'Bob', 'room_uuid': 'r1'}, "
            "'room_uuid': 'r1', 'created': '2024-05-01T16:05:00'},"
            "{'uuid': 'c', 'body': '"
            + longBody.toUtf8()
            + "', 'user': {'uuid': 'me', 'name': 'user-me', 'room_uuid': 'r1'}, 'room_uuid': 'r1', "
              "'created': '"
            + today.toString(Qt::ISODate).toUtf8() + "T08:00:00'}]}}";
        f.feed(jsonText(json.constData()));
        QListView *view = f.window->roomPage()->messages()->view();
        QTRY_COMPARE(view->model()->rowCount(), 3);
        view->scrollToTop();
        QVERIFY(waitForPaint(view->viewport()));
        TextRecorder recorder(view->viewport()->size());
        const QString all = describe(renderedTexts(view, recorder));
        const QAbstractItemModel *model = view->model();

        struct Bubble
        {
            QString body;
            QString author;
            QTime time;
            QString day; // empty: no separator above it
        };
        const QVector<Bubble> bubbles {
            {QStringLiteral("Good morning"), QStringLiteral("Bob"), QTime(15, 20),
             QLocale().toString(QDate(2024, 5, 1), QLocale::LongFormat)},
            {QStringLiteral("and again"), QStringLiteral("Bob"), QTime(16, 5), {}},
            {longBody, QStringLiteral("user-me"), QTime(8, 0), QStringLiteral("Today")}};
        for (int row = 0; row < bubbles.size(); ++row) {
            const Bubble &bubble = bubbles.at(row);
            const QRect item = view->visualRect(model->index(row, 0));
            QVERIFY2(view->viewport()->rect().contains(item), qPrintable(bubble.body));
            QVector<DrawnText> texts = recorder.textsIn(item);
            QVERIFY2(texts.size() >= 2, qPrintable(all));
            // In the order drawn: the separator, the body's lines, the footer.
            if (!bubble.day.isEmpty()) {
                const DrawnText day = texts.takeFirst();
                QCOMPARE(day.text, bubble.day);
                QVERIFY(day.font.bold());
                QVERIFY2(qAbs(day.rect.center().x() - item.center().x()) <= 2, "the day is centred");
                QVERIFY2(day.rect.bottom() <= texts.first().rect.top(), "the day is above the bubble");
            }
            const DrawnText footer = texts.takeLast();
            const QString time = QLocale().toString(bubble.time, QLocale::ShortFormat);
            QCOMPARE(footer.text, bubble.author + QStringLiteral(" · ") + time);
            QStringList lines;
            for (const DrawnText &line : std::as_const(texts)) {
                lines << line.text.trimmed();
                QVERIFY2(line.rect.bottom() <= footer.rect.top() + 1, "the body runs into the footer");
                QVERIFY2(line.rect.left() >= item.left() && line.rect.right() <= item.right(),
                         qPrintable(line.text));
                // Inside the bubble, which the footer's right edge closes (less its padding).
                QVERIFY2(line.rect.right() <= footer.rect.right() + 1, qPrintable(line.text));
            }
            QCOMPARE(lines.join(QLatin1Char(' ')), bubble.body);
            if (bubble.body == longBody)
                QVERIFY2(lines.size() >= 3, qPrintable(lines.join(QLatin1Char('|'))));
            else
                QCOMPARE(lines.size(), 1);
        }
    }
};

QTEST_MAIN(TestPainting)
#include "tst_painting.moc"
