// ListResultWriter: a list written element by element is the statement a built one would be, and goes out as
// written.
#include "model/Message.h"
#include "protocol/ListResultWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chat;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Message message(int i)
{
    Message message;
    message.uuid = text("m-") + QString::number(i);
    message.body = text("body \"") + QString::number(i) + text("\" é\n");
    message.user = User {text("u"), text("Ann"), text("r")};
    message.roomUuid = text("r");
    message.created = text("2026-11-28T10:00:00");
    return message;
}

} // namespace

class TestListResultWriter : public QObject
{
    Q_OBJECT

private slots:
    void writtenListIsTheBuiltStatement_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("empty") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("many") << 250;
    }

    void writtenListIsTheBuiltStatement()
    {
        QFETCH(int, count);
        ListResultWriter writer(ResultName::MessagesListed);
        QJsonArray list;
        for (int i = 0; i < count; ++i) {
            message(i).writeJson(writer.elements());
            list.append(message(i).toJson());
        }
        const ServerStatement written = writer.finish();
        const ServerStatement built = ServerStatement::result(ResultName::MessagesListed, list);
        QCOMPARE(QJsonDocument::fromJson(written.toUtf8()).object(), built.toJson());
        QVERIFY(written.toUtf8().startsWith(
            "{\"type\":\"result\",\"payload\":{\"message\":\"messages_listed\",\"list\":["));
        QVERIFY(written.hasList() && !written.hasObject());
        QCOMPARE(written.list(), list);
        QCOMPARE(written.resultName(), ResultName::MessagesListed);
        QCOMPARE(written.type(), StatementType::Result);
    }

    void membersFollowTheList()
    {
        ListResultWriter writer(ResultName::MessagesListed);
        message(1).writeJson(writer.elements());
        const ServerStatement written = writer.finish({{text("more"), true}, {text("before"), QJsonValue()}});
        QVERIFY(written.toUtf8().endsWith("],\"before\":null,\"more\":true}}"));
        QCOMPARE(written.member(key::more), QJsonValue(true));
        const auto parsed = ServerStatement::parse(written.toUtf8());
        QVERIFY(parsed);
        QCOMPARE(parsed->members(), written.members());
        QCOMPARE(parsed->list().size(), 1);
    }

    // The text is handed on as it is: every recipient shares the one buffer. Two texts of the statement (and
    // of a copy, as each recipient's queue holds) must be the same implicitly shared QByteArray, not equal
    // bytes in two buffers.
    void theTextIsNotCopied()
    {
        ListResultWriter writer(ResultName::MessagesListed);
        message(1).writeJson(writer.elements());
        const ServerStatement written = writer.finish();
        const ServerStatement copy = written; // NOLINT(performance-unnecessary-copy-initialization)
        const QByteArray first = written.toUtf8();
        const QByteArray second = written.toUtf8();
        const QByteArray ofCopy = copy.toUtf8();
        QVERIFY(!first.isEmpty());
        QVERIFY(first.isSharedWith(second));
        QVERIFY(first.isSharedWith(ofCopy));

        // The control: a statement serialized on demand makes a new buffer each time, and the check above
        // tells the two apart.
        const ServerStatement built = ServerStatement::result(ResultName::MessagesListed, QJsonArray {});
        const QByteArray once = built.toUtf8();
        const QByteArray twice = built.toUtf8();
        QCOMPARE(once, twice);
        QVERIFY(!once.isSharedWith(twice));
    }
};

QTEST_GUILESS_MAIN(TestListResultWriter)
#include "tst_listresultwriter.moc"
