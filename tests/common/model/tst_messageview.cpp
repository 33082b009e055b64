// MessageView: a message seen in UTF-8 (a database row) or UTF-16 (the model) writes the same wire JSON.
#include "model/MessageView.h"
#include "protocol/JsonWriter.h"

#include <QJsonDocument>
#include <QTest>

#include <array>

using namespace chat;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Message sample(const QString &authorRoom)
{
    Message message;
    message.uuid = text("6f1c0b0e-1111-4b5e-9c61-000000000001");
    message.body = text("hi \"all\" \\ 😀 ") + QChar(0) + text(" end");
    message.user = User {text("u-1"), text("Ānna"), authorRoom};
    message.roomUuid = text("r-1");
    message.created = text("2026-11-28T10:00:00.123456");
    return message;
}

QByteArray written(const MessageView &view)
{
    QByteArray json;
    JsonWriter writer(json);
    view.writeJson(writer);
    return json;
}

} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatToJsonWrites_data()
    {
        QTest::addColumn<QString>("authorRoom");
        QTest::newRow("author in a room") << text("r-1");
        QTest::newRow("author in no room") << QString();
    }

    void writesWhatToJsonWrites()
    {
        QFETCH(QString, authorRoom);
        const Message message = sample(authorRoom);
        const QByteArray json = written(MessageView::of(message));
        QCOMPARE(QJsonDocument::fromJson(json).object(), message.toJson());
        QVERIFY(json.startsWith("{\"uuid\":")); // the original's order of keys, not QJsonObject's
    }

    void utf8FieldsWriteTheSameBytes()
    {
        const Message message = sample(text("r-1"));
        const std::array<QByteArray, 6> bytes {message.uuid.toUtf8(),      message.body.toUtf8(),
                                               message.created.toUtf8(),   message.user.uuid.toUtf8(),
                                               message.user.name.toUtf8(), message.user.roomUuid.toUtf8()};
        const MessageView row {bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], message.roomUuid};
        QCOMPARE(written(row), written(MessageView::of(message)));
        QCOMPARE(row.toMessage(), message);
    }

    void roundTripsThroughTheModel()
    {
        const Message message = sample(QString());
        QCOMPARE(MessageView::of(message).toMessage(), message);
        QVERIFY(MessageView::of(message).toMessage().user.roomUuid.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMessageView)
#include "tst_messageview.moc"
