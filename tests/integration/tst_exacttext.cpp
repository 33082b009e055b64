// Text kept exactly (docs/PROTOCOL.md section 3, "Strings"): random strings drawn mostly from the code points
// that decoders, parsers and databases like to change (U+FEFF anywhere, noncharacters of every plane, NUL,
// U+2028/U+2029, astral characters written raw or as escaped surrogate pairs) are sent as a user name, a room
// name and a message body through a real server over real sockets, and must come back as the same code points
// in every statement that carries them: the caller's reply, another client's broadcast, rooms_listed and
// messages_listed (plain and socketchat.v1 paged), and again after the server restarted on the same database.
// The JSON sent is written here by hand, and what comes back is decoded here by hand (not by QJsonDocument),
// so that neither side's library can hide a loss. The seed is printed; CHAT_EXACTTEXT_SEED repeats a run.
#include "protocol/Limits.h"
#include "protocol/MessageNames.h"
#include "support/TestServer.h"
#include "testlib/HardStrings.h"
#include "transport/TlsFiles.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

using chat::server::ChatServer;
using chat::server::TlsFiles;

namespace {

// ---- a strict JSON reader whose strings are code points -------------------------------------------------

struct Json
{
    enum Type { Null, Bool, Number, String, Array, Object } type = Null;
    double number = 0;
    bool boolean = false;
    std::u32string text;
    std::vector<Json> items;
    std::vector<std::pair<std::u32string, Json>> members;

    const Json &operator[](const char *key) const
    {
        static const Json none;
        const std::u32string wanted(key, key + std::char_traits<char>::length(key));
        for (const auto &[name, value] : members) {
            if (name == wanted)
                return value;
        }
        return none;
    }
    bool is(const char *ascii) const
    {
        return type == String && text == std::u32string(ascii, ascii + std::char_traits<char>::length(ascii));
    }
    QString ascii() const
    {
        QString out;
        for (const char32_t c : text)
            out.append(QChar(char16_t(c)));
        return out;
    }
};

class JsonReader
{
public:
    explicit JsonReader(const QByteArray &utf8)
        : m_in(utf8)
    { }

    // Fails on anything RFC 8259 does not allow, on invalid UTF-8 and on escapes that are no scalar value.
    bool read(Json &out)
    {
        if (!value(out, 0))
            return false;
        skipSpace();
        return m_at == m_in.size();
    }

private:
    void skipSpace()
    {
        while (m_at < m_in.size()
               && (m_in[m_at] == ' ' || m_in[m_at] == '\n' || m_in[m_at] == '\r' || m_in[m_at] == '\t'))
            ++m_at;
    }
    uchar at(qsizetype i) const { return i < m_in.size() ? uchar(m_in[i]) : 0; }

    bool value(Json &out, int depth)
    {
        if (depth > 64)
            return false;
        skipSpace();
        const char c = char(at(m_at));
        if (c == '{') {
            out.type = Json::Object;
            ++m_at;
            skipSpace();
            if (at(m_at) == '}')
                return ++m_at, true;
            for (;;) {
                std::u32string key;
                Json member;
                skipSpace();
                if (!string(key))
                    return false;
                skipSpace();
                if (at(m_at++) != ':' || !value(member, depth + 1))
                    return false;
                out.members.emplace_back(std::move(key), std::move(member));
                skipSpace();
                const char next = char(at(m_at++));
                if (next == '}')
                    return true;
                if (next != ',')
                    return false;
            }
        }
        if (c == '[') {
            out.type = Json::Array;
            ++m_at;
            skipSpace();
            if (at(m_at) == ']')
                return ++m_at, true;
            for (;;) {
                Json item;
                if (!value(item, depth + 1))
                    return false;
                out.items.push_back(std::move(item));
                skipSpace();
                const char next = char(at(m_at++));
                if (next == ']')
                    return true;
                if (next != ',')
                    return false;
            }
        }
        if (c == '"') {
            out.type = Json::String;
            return string(out.text);
        }
        for (const char *literal : {"null", "true", "false"}) {
            const qsizetype length = qsizetype(qstrlen(literal));
            if (m_in.mid(m_at, length) == literal) {
                m_at += length;
                out.type = literal[0] == 'n' ? Json::Null : Json::Bool;
                out.boolean = literal[0] == 't';
                return true;
            }
        }
        const qsizetype start = m_at;
        while (m_at < m_in.size() && QByteArrayView("+-0123456789.eE").contains(m_in[m_at]))
            ++m_at;
        bool ok = false;
        out.type = Json::Number;
        out.number = m_in.mid(start, m_at - start).toDouble(&ok);
        return ok;
    }

    bool hex4(char32_t &out)
    {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = QByteArrayView("0123456789abcdef").indexOf(char(QChar::toLower(at(m_at++))));
            if (digit < 0)
                return false;
            out = out * 16 + char32_t(digit);
        }
        return true;
    }

    bool string(std::u32string &out)
    {
        if (at(m_at++) != '"')
            return false;
        for (;;) {
            if (m_at >= m_in.size())
                return false;
            const uchar lead = at(m_at);
            if (lead == '"')
                return ++m_at, true;
            if (lead < 0x20)
                return false;
            if (lead == '\\') {
                const char kind = char(at(m_at + 1));
                m_at += 2;
                const char *simple = "\"\\/bfnrt";
                const char *meaning = "\"\\/\b\f\n\r\t";
                if (const char *found = kind ? std::strchr(simple, kind) : nullptr) {
                    out.push_back(char32_t(uchar(meaning[found - simple])));
                    continue;
                }
                char32_t code = 0;
                if (kind != 'u' || !hex4(code))
                    return false;
                if (QChar::isLowSurrogate(code))
                    return false;
                if (QChar::isHighSurrogate(code)) {
                    char32_t low = 0;
                    if (at(m_at) != '\\' || at(m_at + 1) != 'u')
                        return false;
                    m_at += 2;
                    if (!hex4(low) || !QChar::isLowSurrogate(low))
                        return false;
                    code = QChar::surrogateToUcs4(char16_t(code), char16_t(low));
                }
                out.push_back(code);
                continue;
            }
            // UTF-8, well-formed only (Unicode table 3-7).
            int length = 1;
            char32_t code = lead;
            uchar low = 0x80, high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
                code = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                code = lead & 0x0F;
                low = lead == 0xE0 ? 0xA0 : 0x80;
                high = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                code = lead & 0x07;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            } else if (lead >= 0x80) {
                return false;
            }
            for (int i = 1; i < length; ++i) {
                const uchar next = at(m_at + i);
                if ((i == 1 && (next < low || next > high)) || (next & 0xC0) != 0x80)
                    return false;
                code = (code << 6) | (next & 0x3F);
            }
            m_at += length;
            out.push_back(code);
        }
    }

    QByteArray m_in;
    qsizetype m_at = 0;
};

// ---- the strings sent
// ---------------------------------------------------------------------------------------

QString describe(const std::u32string &text)
{
    QStringList codes;
    for (const char32_t c : text)
        codes.append(QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper());
    return codes.join(u' ');
}

QByteArray call(const char *name, const QByteArray &members = {})
{
    QByteArray out = QByteArrayLiteral("{\"type\":\"call\",\"payload\":{\"message\":\"") + name + '"';
    if (!members.isEmpty())
        out.append(',').append(members);
    return out.append("}}");
}

// ---- a client that keeps what it receives as bytes -------------------------------------------------------

class Peer : public QObject
{
    Q_OBJECT
public:
    explicit Peer(bool paged, const std::optional<QSslConfiguration> &tls)
    {
        if (tls)
            m_socket.setSslConfiguration(*tls);
        m_paged = paged;
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            // A statement starts with '{', so no decoder can take a byte-order mark off its first bytes.
            Json statement;
            JsonReader reader(text.toUtf8());
            if (!reader.read(statement)) {
                qWarning("not JSON as RFC 8259 and Unicode define it: %s", qPrintable(text.left(300)));
                m_broken = true;
                return;
            }
            m_inbox.push_back(std::move(statement));
        });
    }

    bool open(const QUrl &url)
    {
        QWebSocketHandshakeOptions options;
        if (m_paged)
            options.setSubprotocols({QStringLiteral("socketchat.v1")});
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(QNetworkRequest(url), options);
        if (!connected.wait(15000))
            return false;
        const Json *user = waitFor("user_created");
        if (!user)
            return false;
        m_uuid = (*user)["payload"]["object"]["uuid"].ascii();
        return waitFor("rooms_listed") != nullptr;
    }

    void send(const QByteArray &json) { m_socket.sendTextMessage(QString::fromUtf8(json)); }

    // The first statement named `name` for which `accept` holds, waiting for it; statements before it are
    // dropped. The pointer is valid until the next call.
    const Json *waitFor(const char *name, const std::function<bool(const Json &)> &accept = {},
                        int timeoutMs = 30000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            while (!m_inbox.empty()) {
                m_current = std::move(m_inbox.front());
                m_inbox.erase(m_inbox.begin());
                if (m_current["payload"]["message"].is(name) && (!accept || accept(m_current)))
                    return &m_current;
            }
            if (m_broken || deadline.hasExpired())
                return nullptr;
            QSignalSpy arrived(&m_socket, &QWebSocket::textMessageReceived);
            arrived.wait(int(qMax<qint64>(1, deadline.remainingTime())));
        }
    }

    const QString &uuid() const { return m_uuid; }
    bool broken() const { return m_broken; }

private:
    QWebSocket m_socket;
    bool m_paged = false;
    bool m_broken = false;
    QString m_uuid;
    std::vector<Json> m_inbox;
    Json m_current;
};

QByteArray asciiString(const QString &text)
{
    return '"' + text.toLatin1() + '"';
}

// Whether a string came back as sent; says what came instead when not.
bool same(const Json &got, const std::u32string &sent)
{
    if (got.type == Json::String && got.text == sent)
        return true;
    qWarning("sent      %s\nreceived  %s", qPrintable(describe(sent)),
             got.type == Json::String ? qPrintable(describe(got.text)) : "(no string)");
    return false;
}

const Json *memberOf(const Json &room, const QString &userUuid)
{
    for (const Json &user : room["users"].items) {
        if (user["uuid"].ascii() == userUuid)
            return &user;
    }
    return nullptr;
}

} // namespace

class TestExactText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        bool ok = false;
        const quint32 fromEnvironment = qEnvironmentVariable("CHAT_EXACTTEXT_SEED").toUInt(&ok);
        m_seed = ok ? fromEnvironment : 20261202u;
        qInfo("seed %u (CHAT_EXACTTEXT_SEED repeats a run)", m_seed);
    }
    void cleanup() { m_server.stop(); }

    void roundTripOverWs() { roundTrip(std::nullopt, 120); }

    void roundTripOverWss()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl command (Debian package openssl) is not installed");
        const QString certificate = m_folder.filePath(QStringLiteral("cert.pem"));
        const QString key = m_folder.filePath(QStringLiteral("key.pem"));
        QProcess process;
        process.start(openssl,
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const auto tls = TlsFiles::load(certificate, key);
        QVERIFY(std::holds_alternative<QSslConfiguration>(tls));
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(QSslCertificate::fromPath(certificate));
        roundTrip(std::get<QSslConfiguration>(tls), 40, trust);
    }

    // A lone surrogate escape is no Unicode scalar value: a text field holding one is of the wrong type
    // (docs/PROTOCOL.md section 4), and nothing is changed.
    void aLoneSurrogateIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("high") << QByteArray("\"\\ud800\"");
        QTest::newRow("low") << QByteArray("\"\\udc00\"");
        QTest::newRow("high then text") << QByteArray("\"\\ud83dx\"");
        QTest::newRow("low before high") << QByteArray("\"\\ude00\\ud83d\"");
        QTest::newRow("high at the end") << QByteArray("\"abc\\uDBFF\"");
    }
    void aLoneSurrogateIsRefused()
    {
        QFETCH(QByteArray, text);
        QVERIFY(m_server.start(options(std::nullopt)));
        Peer peer(false, std::nullopt);
        QVERIFY(peer.open(m_server.url()));
        peer.send(call("create_room"));
        const Json *created = peer.waitFor("room_created");
        QVERIFY(created);
        const QString room = (*created)["payload"]["object"]["uuid"].ascii();
        peer.send(call("enter_room", "\"uuid\":" + asciiString(room)));
        QVERIFY(peer.waitFor("room_entered"));
        for (const QByteArray &members :
             {"\"name\":" + text, "\"uuid\":" + asciiString(room) + ",\"name\":" + text,
              "\"body\":" + text}) {
            const char *what = members.startsWith("\"body\"") ? "create_message"
                : members.startsWith("\"uuid\"")              ? "change_name"
                                                              : "change_user_name";
            peer.send(call(what, members));
            QVERIFY2(peer.waitFor("not_sufficient_data"), what);
        }
        peer.send(call("list_messages"));
        const Json *listed = peer.waitFor("messages_listed");
        QVERIFY(listed);
        QCOMPARE((*listed)["payload"]["list"].items.size(), size_t(0));
    }

private:
    ChatServer::Options options(const std::optional<QSslConfiguration> &tls)
    {
        ChatServer::Options options = TestServer::defaultOptions();
        options.limits.callsPerSecond = 0; // the strings are sent in one burst
        if (tls)
            options.tls = *tls;
        return options;
    }

    void roundTrip(const std::optional<QSslConfiguration> &tls, int count,
                   const std::optional<QSslConfiguration> &trust = std::nullopt)
    {
        QVERIFY(m_server.start(options(tls)));
        chat::test::HardStrings strings(m_seed + (tls ? 1 : 0));
        std::vector<std::u32string> texts;
        for (int i = 0; i < count; ++i)
            texts.push_back(strings.next());

        auto sender = std::make_unique<Peer>(false, trust);
        auto watcher = std::make_unique<Peer>(true, trust); // socketchat.v1: paged history
        QVERIFY(sender->open(m_server.url()));
        QVERIFY(watcher->open(m_server.url()));

        // The room the messages go to; both are inside.
        sender->send(call("create_room"));
        const Json *created = sender->waitFor("room_created");
        QVERIFY(created);
        const QString chatRoom = (*created)["payload"]["object"]["uuid"].ascii();
        for (Peer *peer : {sender.get(), watcher.get()}) {
            peer->send(call("enter_room", "\"uuid\":" + asciiString(chatRoom)));
            QVERIFY(peer->waitFor("room_entered"));
            QVERIFY(peer->waitFor("messages_listed")); // the history as entered: checked below
        }

        std::map<QString, std::u32string> roomNames; // each text names a room of its own
        std::vector<QString> messageUuids;
        std::vector<std::pair<std::u32string, std::u32string>> lines; // uuid and tool, in drawing order
        for (const std::u32string &text : texts) {
            const QString where = describe(text);
            const QByteArray literal = strings.literal(text);

            sender->send(call("create_room"));
            const Json *room = sender->waitFor("room_created");
            QVERIFY(room);
            const QString roomUuid = (*room)["payload"]["object"]["uuid"].ascii();
            roomNames[roomUuid] = text;
            auto isRoom = [&roomUuid](const Json &s) {
                return s["payload"]["object"]["uuid"].ascii() == roomUuid;
            };

            // A room's name: the caller's room_changed, another client's, rooms_listed.
            sender->send(call("change_name", "\"uuid\":" + asciiString(roomUuid) + ",\"name\":" + literal));
            const Json *changed = sender->waitFor("room_changed", isRoom);
            QVERIFY2(changed && same((*changed)["payload"]["object"]["name"], text), qPrintable(where));
            changed = watcher->waitFor("room_changed", isRoom);
            QVERIFY2(changed && same((*changed)["payload"]["object"]["name"], text), qPrintable(where));

            // A user's name: user_changed to the caller, the room's room_changed to another client.
            sender->send(call("change_user_name", "\"name\":" + literal));
            const Json *user = sender->waitFor("user_changed");
            QVERIFY2(user && same((*user)["payload"]["object"]["name"], text), qPrintable(where));
            auto isChatRoom = [&chatRoom](const Json &s) {
                return s["payload"]["object"]["uuid"].ascii() == chatRoom;
            };
            changed = watcher->waitFor("room_changed", isChatRoom);
            QVERIFY2(changed, qPrintable(where));
            const Json *member = memberOf((*changed)["payload"]["object"], sender->uuid());
            QVERIFY2(member, qPrintable(where));
            QVERIFY2(same((*member)["name"], text),
                     qPrintable(where + QStringLiteral(" came back as ") + describe((*member)["name"].text)));

            // A body: message_created to both.
            sender->send(call("create_message", "\"body\":" + literal));
            const Json *message = sender->waitFor("message_created");
            QVERIFY2(message && same((*message)["payload"]["object"]["body"], text), qPrintable(where));
            QVERIFY2(same((*message)["payload"]["object"]["user"]["name"], text), qPrintable(where));
            messageUuids.push_back((*message)["payload"]["object"]["uuid"].ascii());
            message = watcher->waitFor("message_created");
            QVERIFY2(message && same((*message)["payload"]["object"]["body"], text), qPrintable(where));

            // A line's uuid and tool: draw_line_changed to both.
            sender->send(call("change_draw_line",
                              "\"uuid\":" + literal + ",\"points\":[1,2,3,4],\"tool\":" + literal
                                  + ",\"color\":\"#abc\""));
            for (Peer *peer : {sender.get(), watcher.get()}) {
                const Json *line = peer->waitFor("draw_line_changed");
                QVERIFY2(line && same((*line)["payload"]["object"]["uuid"], text), qPrintable(where));
                QVERIFY2(same((*line)["payload"]["object"]["tool"], text), qPrintable(where));
            }
            auto known = std::find_if(lines.begin(), lines.end(),
                                      [&text](const auto &line) { return line.first == text; });
            if (known == lines.end())
                lines.emplace_back(text, text);

            // rooms_listed: the room's name and the user's.
            watcher->send(call("list_rooms"));
            const Json *rooms = watcher->waitFor("rooms_listed");
            QVERIFY(rooms);
            bool sawRoom = false, sawUser = false;
            for (const Json &listed : (*rooms)["payload"]["list"].items) {
                if (listed["uuid"].ascii() == roomUuid) {
                    sawRoom = true;
                    QVERIFY2(same(listed["name"], text), qPrintable(where));
                }
                if (const Json *listedMember = memberOf(listed, sender->uuid())) {
                    sawUser = true;
                    QVERIFY2(same((*listedMember)["name"], text), qPrintable(where));
                }
            }
            QVERIFY(sawRoom && sawUser);
        }
        QVERIFY(!sender->broken() && !watcher->broken());

        checkStored(*sender, *watcher, chatRoom, texts, messageUuids, roomNames, lines);
        if (QTest::currentTestFailed())
            return;

        // The same from the database alone, after a restart.
        sender.reset();
        watcher.reset();
        QVERIFY(m_server.restart());
        auto plain = std::make_unique<Peer>(false, trust);
        auto paged = std::make_unique<Peer>(true, trust);
        QVERIFY(plain->open(m_server.url()));
        QVERIFY(paged->open(m_server.url()));
        for (Peer *peer : {plain.get(), paged.get()}) {
            peer->send(call("enter_room", "\"uuid\":" + asciiString(chatRoom)));
            QVERIFY(peer->waitFor("room_entered"));
            QVERIFY(peer->waitFor("messages_listed")); // the history as entered: checked below
        }
        checkStored(*plain, *paged, chatRoom, texts, messageUuids, roomNames, lines);
    }

    // History and room names as stored: a plain client's whole history, a socketchat.v1 client's pages, and
    // rooms_listed. Every message's author is the sender, now named after the last text.
    void checkStored(Peer &plain, Peer &paged, const QString &chatRoom,
                     const std::vector<std::u32string> &texts, const std::vector<QString> &uuids,
                     const std::map<QString, std::u32string> &roomNames,
                     const std::vector<std::pair<std::u32string, std::u32string>> &lines)
    {
        plain.send(call("get_drawing"));
        const Json *drawing = plain.waitFor("drawing_got");
        QVERIFY(drawing);
        const auto &stored = (*drawing)["payload"]["object"]["lines"].items;
        QCOMPARE(stored.size(), lines.size());
        for (size_t i = 0; i < lines.size(); ++i) {
            QVERIFY2(same(stored[i]["uuid"], lines[i].first), qPrintable(describe(lines[i].first)));
            QVERIFY2(same(stored[i]["tool"], lines[i].second), qPrintable(describe(lines[i].second)));
        }

        plain.send(call("list_messages"));
        const Json *listed = plain.waitFor("messages_listed");
        QVERIFY(listed);
        const auto &list = (*listed)["payload"]["list"].items;
        QCOMPARE(list.size(), texts.size());
        for (size_t i = 0; i < texts.size(); ++i) {
            QCOMPARE(list[i]["uuid"].ascii(), uuids[i]);
            QVERIFY2(same(list[i]["body"], texts[i]), qPrintable(describe(texts[i])));
            QVERIFY2(same(list[i]["user"]["name"], texts.back()), qPrintable(describe(texts.back())));
        }

        // Pages of 7, newest first, until there is no more.
        size_t end = texts.size();
        QByteArray before = "null";
        for (;;) {
            paged.send(call("list_messages", "\"limit\":7,\"before\":" + before));
            const Json *page = paged.waitFor("messages_listed");
            QVERIFY(page);
            const auto &items = (*page)["payload"]["list"].items;
            QVERIFY(items.size() <= end);
            const size_t first = end - items.size();
            for (size_t i = 0; i < items.size(); ++i) {
                QCOMPARE(items[i]["uuid"].ascii(), uuids[first + i]);
                QVERIFY2(same(items[i]["body"], texts[first + i]), qPrintable(describe(texts[first + i])));
                QVERIFY2(same(items[i]["user"]["name"], texts.back()), qPrintable(describe(texts.back())));
            }
            end = first;
            if (!(*page)["payload"]["more"].boolean)
                break;
            before = asciiString(items.front()["uuid"].ascii());
        }
        QCOMPARE(end, size_t(0));

        plain.send(call("list_rooms"));
        const Json *rooms = plain.waitFor("rooms_listed");
        QVERIFY(rooms);
        size_t named = 0;
        for (const Json &room : (*rooms)["payload"]["list"].items) {
            const auto found = roomNames.find(room["uuid"].ascii());
            if (found == roomNames.end()) {
                QCOMPARE(room["uuid"].ascii(), chatRoom);
                continue;
            }
            ++named;
            QVERIFY2(same(room["name"], found->second), qPrintable(describe(found->second)));
        }
        QCOMPARE(named, roomNames.size());
    }

    quint32 m_seed = 0;
    QTemporaryDir m_folder;
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestExactText)
#include "tst_exacttext.moc"
