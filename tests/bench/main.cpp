// chat-bench: load benchmark for the chat server (issue 5). Usage: see BenchOptions::usageLine() or --help.
#include "BenchOptions.h"
#include "BenchRunner.h"

#include <QCoreApplication>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <malloc.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace {

// Thousands of sockets: take every file descriptor the hard limit allows.
rlim_t raiseOpenFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

// The benchmark's own heap stays as big as it grew: a history probe receives and parses megabytes, and glibc
// would hand that memory back to the kernel after each probe and fault it in again for the next. A page fault
// costs 11-14 us on the 2-core VM of PERFORMANCE.md, so thousands of them would be measured as if the server
// had been slow. The server's heap is left as glibc tunes it.
void keepFreedMemory()
{
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // the most glibc allows: big blocks come from the heap
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024); // and the heap is never trimmed
}

void onSignal(int signal)
{
    // The first signal stops the run cleanly (cleanup, report); a second one ends it at once.
    std::signal(signal, SIG_DFL);
    chat::bench::BenchRunner::requestInterrupt();
}

// Last resort if the event loop itself is stuck: the run never outlives --timeout by more than a few seconds.
void startWatchdog(double timeoutS, const QString &scenario)
{
    const auto limit = std::chrono::milliseconds(std::lround(timeoutS * 1000) + 15000);
    const QByteArray line = QStringLiteral("{\"scenario\":\"%1\",\"ok\":false,\"timed_out\":true,"
                                           "\"abort_reason\":\"watchdog: the run did not end\"}\n")
                                .arg(scenario)
                                .toUtf8();
    std::thread([limit, line]() {
        std::this_thread::sleep_for(limit);
        std::fputs("chat-bench: watchdog: the run did not end after --timeout; exiting\n", stderr);
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
        std::fflush(stdout);
        _exit(1);
    }).detach();
}

} // namespace

int main(int argc, char *argv[])
{
    keepFreedMemory();
    const rlim_t openFiles = raiseOpenFileLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chat-bench"));

    chat::bench::BenchOptions options;
    const auto parsed = options.parse(QCoreApplication::arguments());
    if (parsed.status == chat::bench::BenchOptions::Status::Help) {
        std::fputs(qPrintable(parsed.message), stdout);
        return 0;
    }
    if (parsed.status == chat::bench::BenchOptions::Status::Error) {
        std::fprintf(stderr, "chat-bench: %s\nusage: %s\n(see chat-bench --help)\n",
                     qPrintable(parsed.message), qPrintable(chat::bench::BenchOptions::usageLine()));
        return 2;
    }
    const auto needed =
        rlim_t(options.scenario == chat::bench::ScenarioKind::Connect      ? options.clients
                   : options.scenario == chat::bench::ScenarioKind::Fanout ? options.rooms * options.perRoom
                   : options.scenario == chat::bench::ScenarioKind::Live   ? options.perRoom
                                                                           : 0);
    if (openFiles != 0 && needed + 64 > openFiles) {
        std::fprintf(stderr, "chat-bench: %lu connections need more open files than the limit (%lu)\n",
                     static_cast<unsigned long>(needed), static_cast<unsigned long>(openFiles));
        return 2;
    }

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN);
    startWatchdog(options.timeoutS, options.scenarioName);

    chat::bench::BenchRunner runner(options);
    QObject::connect(&runner, &chat::bench::BenchRunner::done, &app,
                     [](int code) { QCoreApplication::exit(code); });
    runner.start();
    return app.exec();
}
