// isWellFormedUtf8: the check a text frame must pass (RFC 6455 8.1), against Unicode's table 3-7 and against
// Qt's own strict decoder.
#include "protocol/Utf8Validator.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

using chat::isWellFormedUtf8;

namespace {
bool qtSaysWellFormed(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}
} // namespace

class TestUtf8Validator : public QObject
{
    Q_OBJECT

private slots:
    void tableThreeSeven_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("wellFormed");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("ascii, long") << QByteArray("{\"type\":\"call\",\"payload\":{}}") << true;
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << true;
        QTest::newRow("U+0080") << QByteArray("\xc2\x80") << true;
        QTest::newRow("U+07FF") << QByteArray("\xdf\xbf") << true;
        QTest::newRow("U+0800") << QByteArray("\xe0\xa0\x80") << true;
        QTest::newRow("U+D7FF") << QByteArray("\xed\x9f\xbf") << true;
        QTest::newRow("U+E000") << QByteArray("\xee\x80\x80") << true;
        QTest::newRow("U+FEFF first") << QByteArray("\xef\xbb\xbf"
                                                    "a")
                                      << true;
        QTest::newRow("U+FFFE") << QByteArray("\xef\xbf\xbe") << true;
        QTest::newRow("U+FFFF") << QByteArray("\xef\xbf\xbf") << true;
        QTest::newRow("U+10000") << QByteArray("\xf0\x90\x80\x80") << true;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
        QTest::newRow("after 8 ascii") << QByteArray("abcdefgh\xc3\xa9") << true;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("C0 overlong") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("C1 overlong") << QByteArray("\xc1\xbf") << false;
        QTest::newRow("E0 overlong") << QByteArray("\xe0\x9f\xbf") << false;
        QTest::newRow("surrogate D800") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("surrogate DFFF") << QByteArray("\xed\xbf\xbf") << false;
        QTest::newRow("F0 overlong") << QByteArray("\xf0\x8f\xbf\xbf") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("F5") << QByteArray("\xf5\x80\x80\x80") << false;
        QTest::newRow("FF") << QByteArray("\xff") << false;
        QTest::newRow("cut two") << QByteArray("\xc3") << false;
        QTest::newRow("cut three") << QByteArray("\xe2\x82") << false;
        QTest::newRow("cut four") << QByteArray("\xf0\x9f\x98") << false;
        QTest::newRow("bad third") << QByteArray("\xe2\x82\x41") << false;
        QTest::newRow("bad fourth") << QByteArray("\xf0\x9f\x98\x41") << false;
        QTest::newRow("bad after 8 ascii") << QByteArray("abcdefgh\xc3") << false;
    }

    void tableThreeSeven()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, wellFormed);
        QCOMPARE(isWellFormedUtf8(bytes), wellFormed);
        QCOMPARE(qtSaysWellFormed(bytes), wellFormed); // the table agrees with Qt's strict decoder
    }

    // Random sequences of bytes that UTF-8 is made of: the same verdict as Qt's strict decoder.
    void agreesWithQtOnRandomBytes()
    {
        static const unsigned char alphabet[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0,
                                                 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed,
                                                 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff};
        QRandomGenerator random(20261202);
        int wellFormed = 0;
        for (int round = 0; round < 200000; ++round) {
            QByteArray bytes;
            const int size = int(random.bounded(12));
            for (int i = 0; i < size; ++i)
                bytes.append(char(alphabet[random.bounded(int(sizeof alphabet))]));
            const bool expected = qtSaysWellFormed(bytes);
            if (isWellFormedUtf8(bytes) != expected)
                QFAIL(
                    qPrintable(QStringLiteral("disagrees on %1").arg(QString::fromLatin1(bytes.toHex(' ')))));
            wellFormed += expected;
        }
        QVERIFY(wellFormed > 1000); // the alphabet made both kinds
    }
};

QTEST_GUILESS_MAIN(TestUtf8Validator)
#include "tst_utf8validator.moc"
