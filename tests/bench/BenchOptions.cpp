#include "BenchOptions.h"

#include "ProcessProbe.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHostAddress>

#include <cmath>
#include <map>
#include <set>

namespace chat::bench {
namespace {

using Kinds = std::set<ScenarioKind>;

const std::map<QString, ScenarioKind> &scenarioNames()
{
    static const std::map<QString, ScenarioKind> names {
        {QStringLiteral("connect"), ScenarioKind::Connect}, {QStringLiteral("fanout"), ScenarioKind::Fanout},
        {QStringLiteral("history"), ScenarioKind::History}, {QStringLiteral("rooms"), ScenarioKind::Rooms},
        {QStringLiteral("drawing"), ScenarioKind::Drawing}, {QStringLiteral("live"), ScenarioKind::Live},
    };
    return names;
}

struct OptionSpec
{
    QCommandLineOption option;
    Kinds kinds; // empty: every scenario
};

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString BenchOptions::usageLine()
{
    return QStringLiteral(
        "chat-bench connect|fanout|history|rooms|drawing|live [--url ws://127.0.0.1:9000] [--pid P] "
        "[--timeout S] [--subprotocol NAME] [--json-only] [--concurrency K] [--window W] [--repeat N] "
        "[connect: --clients N] [fanout: --rooms R --per-room C --senders S --rate M --duration S --drain S "
        "--body-chars B] [history: --messages K] [rooms: --rooms K] [drawing: --lines L --points P] "
        "[live: --per-room C --drawers D --interval MS --stroke-ms MS --duration S --drain S]");
}

BenchOptions::ParseResult BenchOptions::parse(const QStringList &arguments)
{
    const Kinds fanout {ScenarioKind::Fanout};
    const Kinds fanoutOrLive {ScenarioKind::Fanout, ScenarioKind::Live};
    const Kinds live {ScenarioKind::Live};
    const Kinds probes {ScenarioKind::History, ScenarioKind::Rooms, ScenarioKind::Drawing};
    const Kinds fills {ScenarioKind::History, ScenarioKind::Rooms, ScenarioKind::Drawing};
    const auto opt = [](const QString &name, const QString &help, const QString &value) {
        return QCommandLineOption(name, help, value);
    };
    std::vector<OptionSpec> specs {
        {opt(QStringLiteral("url"),
             QStringLiteral("Server URL, loopback only (default ws://127.0.0.1:9000). Repeat it for several "
                            "nodes: the clients are spread over them in turn."),
             QStringLiteral("url")),
         {}},
        {opt(QStringLiteral("pid"),
             QStringLiteral("Server process id: report its RSS and CPU time from /proc. Repeatable (nodes): "
                            "the figures are summed."),
             QStringLiteral("pid")),
         {}},
        {opt(QStringLiteral("timeout"),
             QStringLiteral("Hard bound for the whole run in seconds (default 60). On timeout the figures so "
                            "far are printed and the exit code is 1."),
             QStringLiteral("seconds")),
         {}},
        {opt(QStringLiteral("subprotocol"),
             QStringLiteral("Offer this WebSocket subprotocol (default: none, the plain protocol)."),
             QStringLiteral("name")),
         {}},
        {QCommandLineOption(QStringLiteral("json-only"), QStringLiteral("No readable summary on stderr.")),
         {}},
        {opt(QStringLiteral("concurrency"),
             QStringLiteral("Connections between open and ready at once (default 50)."), QStringLiteral("K")),
         {}},
        {opt(QStringLiteral("window"),
             QStringLiteral("Pipelined calls in flight while filling (default 200)."), QStringLiteral("W")),
         fills},
        {opt(QStringLiteral("repeat"), QStringLiteral("Fresh-client measurements (default 5)."),
             QStringLiteral("N")),
         probes},
        {opt(QStringLiteral("clients"), QStringLiteral("connect: clients to open (default 200)."),
             QStringLiteral("N")),
         {ScenarioKind::Connect}},
        {opt(QStringLiteral("rooms"),
             QStringLiteral("fanout: rooms (default 10); rooms: rooms to create "
                            "(default 1000)."),
             QStringLiteral("R")),
         {ScenarioKind::Fanout, ScenarioKind::Rooms}},
        {opt(QStringLiteral("per-room"),
             QStringLiteral("fanout: clients per room (default 10); live: members of the room (default 50)."),
             QStringLiteral("C")),
         fanoutOrLive},
        {opt(QStringLiteral("senders"), QStringLiteral("fanout: senders per room (default 1)."),
             QStringLiteral("S")),
         fanout},
        {opt(QStringLiteral("rate"),
             QStringLiteral("fanout: messages per second in total (default 50); 0 = closed loop, each "
                            "sender waits for its own message_created."),
             QStringLiteral("M")),
         fanout},
        {opt(QStringLiteral("duration"),
             QStringLiteral("fanout: seconds of sending (default 3); live: seconds of drawing (default 10)."),
             QStringLiteral("seconds")),
         fanoutOrLive},
        {opt(QStringLiteral("drain"),
             QStringLiteral("fanout, live: seconds to wait for outstanding deliveries after sending "
                            "(default 5)."),
             QStringLiteral("seconds")),
         fanoutOrLive},
        {opt(QStringLiteral("body-chars"), QStringLiteral("fanout: pad message bodies to this length."),
             QStringLiteral("B")),
         fanout},
        {opt(QStringLiteral("messages"), QStringLiteral("history: messages in the room (default 1000)."),
             QStringLiteral("K")),
         {ScenarioKind::History}},
        {opt(QStringLiteral("lines"), QStringLiteral("drawing: lines in the drawing (default 50)."),
             QStringLiteral("L")),
         {ScenarioKind::Drawing}},
        {opt(QStringLiteral("points"), QStringLiteral("drawing: points (x, y pairs) per line (default 50)."),
             QStringLiteral("P")),
         {ScenarioKind::Drawing}},
        {opt(QStringLiteral("drawers"), QStringLiteral("live: members drawing at once (default 10)."),
             QStringLiteral("D")),
         live},
        {opt(QStringLiteral("interval"),
             QStringLiteral("live: milliseconds between two draw_live of one drawer (default 30)."),
             QStringLiteral("ms")),
         live},
        {opt(QStringLiteral("stroke-ms"),
             QStringLiteral("live: how long one stroke grows before the pen is lifted (default 1000)."),
             QStringLiteral("ms")),
         live},
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Load benchmark for the chat server (socket_chat protocol).\n") + usageLine());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("connect, fanout, history, rooms, drawing or live"));
    for (const OptionSpec &spec : specs)
        parser.addOption(spec.option);

    const auto error = [](const QString &message) { return ParseResult {Status::Error, message}; };
    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (parser.isSet(help))
        return {Status::Help, parser.helpText()};

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return error(positional.isEmpty() ? QStringLiteral("no scenario given")
                                          : QStringLiteral("exactly one scenario expected, got: %1")
                                                .arg(positional.join(QLatin1Char(' '))));
    const auto named = scenarioNames().find(positional.first());
    if (named == scenarioNames().end())
        return error(QStringLiteral("unknown scenario '%1'").arg(positional.first()));
    scenario = named->second;
    scenarioName = named->first;

    for (const OptionSpec &spec : specs) {
        if (!spec.kinds.empty() && !spec.kinds.count(scenario) && parser.isSet(spec.option))
            return error(QStringLiteral("--%1 does not apply to the %2 scenario")
                             .arg(spec.option.names().constFirst(), scenarioName));
    }

    QString problem;
    const auto integer = [&](const QString &name, int &target, int minimum, int maximum) {
        if (!parser.isSet(name) || !problem.isEmpty())
            return;
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        if (!ok || value < minimum || value > maximum)
            problem = QStringLiteral("--%1 must be an integer from %2 to %3, got '%4'")
                          .arg(name)
                          .arg(minimum)
                          .arg(maximum)
                          .arg(parser.value(name));
        else
            target = value;
    };
    const auto real = [&](const QString &name, double &target, double minimum, double maximum) {
        if (!parser.isSet(name) || !problem.isEmpty())
            return;
        bool ok = false;
        const double value = parser.value(name).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < minimum || value > maximum)
            problem = QStringLiteral("--%1 must be a number from %2 to %3, got '%4'")
                          .arg(name)
                          .arg(minimum)
                          .arg(maximum)
                          .arg(parser.value(name));
        else
            target = value;
    };

    if (scenario == ScenarioKind::Rooms)
        rooms = 1000;
    if (scenario == ScenarioKind::Live) {
        perRoom = 50;
        durationS = 10;
    }
    real(QStringLiteral("timeout"), timeoutS, 0.1, 86400);
    integer(QStringLiteral("concurrency"), concurrency, 1, 100000);
    integer(QStringLiteral("window"), window, 1, 100000);
    integer(QStringLiteral("repeat"), repeat, 1, 1000);
    integer(QStringLiteral("clients"), clients, 1, 1000000);
    integer(QStringLiteral("rooms"), rooms, 1, 1000000);
    integer(QStringLiteral("per-room"), perRoom, 1, 100000);
    integer(QStringLiteral("senders"), sendersPerRoom, 1, 100000);
    real(QStringLiteral("rate"), rate, 0, 1e7);
    real(QStringLiteral("duration"), durationS, 0.01, 86400);
    real(QStringLiteral("drain"), drainS, 0, 3600);
    integer(QStringLiteral("body-chars"), bodyChars, 0, 90000);
    integer(QStringLiteral("messages"), messages, 1, 100000000);
    integer(QStringLiteral("lines"), lines, 1, 10000000);
    // A change_draw_line statement must stay under 100000 characters: at most "639,479," per point.
    integer(QStringLiteral("points"), points, 1, 12000);
    integer(QStringLiteral("drawers"), drawers, 1, 100000);
    integer(QStringLiteral("interval"), intervalMs, 1, 60000);
    integer(QStringLiteral("stroke-ms"), strokeMs, 1, 600000);
    if (!problem.isEmpty())
        return error(problem);
    if (scenario == ScenarioKind::Live && perRoom < 2)
        return error(QStringLiteral("--per-room must be at least 2 for the live scenario (someone must see "
                                    "the strokes)"));
    if (scenario == ScenarioKind::Live && drawers > perRoom)
        return error(
            QStringLiteral("--drawers (%1) cannot exceed --per-room (%2)").arg(drawers).arg(perRoom));
    if (sendersPerRoom > perRoom)
        return error(
            QStringLiteral("--senders (%1) cannot exceed --per-room (%2)").arg(sendersPerRoom).arg(perRoom));

    for (const QString &value : parser.values(QStringLiteral("pid"))) {
        bool ok = false;
        const qint64 pid = value.toLongLong(&ok);
        if (!ok || pid <= 0)
            return error(QStringLiteral("--pid must be a process id, got '%1'").arg(value));
        if (!ProcessProbe::exists(pid))
            return error(QStringLiteral("--pid %1: no such process").arg(pid));
        pids.append(pid);
    }

    const QStringList urlValues = parser.isSet(QStringLiteral("url"))
        ? parser.values(QStringLiteral("url"))
        : QStringList {QStringLiteral("ws://127.0.0.1:9000")};
    for (const QString &value : urlValues) {
        const QUrl candidate(value, QUrl::StrictMode);
        if (!candidate.isValid()
            || (candidate.scheme() != QStringLiteral("ws") && candidate.scheme() != QStringLiteral("wss")))
            return error(QStringLiteral("--url must be a ws:// URL, got '%1'").arg(value));
        if (!isLoopbackHost(candidate.host()))
            return error(
                QStringLiteral("--url must point to the loopback interface (127.0.0.1, ::1 or localhost), "
                               "got host '%1'")
                    .arg(candidate.host()));
        urls.append(candidate);
    }
    url = urls.first();

    subprotocol = parser.value(QStringLiteral("subprotocol"));
    // Live strokes exist only for negotiated connections (docs/EXTENSIONS.md).
    if (scenario == ScenarioKind::Live && !parser.isSet(QStringLiteral("subprotocol")))
        subprotocol = QStringLiteral("socketchat.v1");
    jsonOnly = parser.isSet(QStringLiteral("json-only"));
    return {};
}

} // namespace chat::bench
