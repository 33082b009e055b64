#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

ServerProcess::ServerProcess(QString executable)
    : m_executable(std::move(executable))
{ }

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool ServerProcess::start(const QStringList &arguments)
{
    m_log.clear();
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // Under AddressSanitizer freed memory waits in a quarantine (256 MB by default) and shows as resident:
    // keep it small so that the tests' memory figures mean the same with and without sanitizers.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString asan = environment.value(QStringLiteral("ASAN_OPTIONS"));
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       asan + (asan.isEmpty() ? QString() : QStringLiteral(":"))
                           + QStringLiteral("quarantine_size_mb=1:thread_local_quarantine_size_kb=64"));
    environment.insert(m_environment);
    m_process.setProcessEnvironment(environment);
    m_process.start(m_executable, arguments + QStringList {QStringLiteral("--port"), QStringLiteral("0")});
    if (!m_process.waitForStarted(5000))
        return false;
    const QRegularExpression listening(QStringLiteral("listening on (wss?://[0-9.]+:[0-9]+)"));
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(50);
        m_log += m_process.readAllStandardError();
        const auto match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    return false;
}

qint64 ServerProcess::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression rss(QStringLiteral("VmRSS:\\s+(\\d+)"));
    return rss.match(QString::fromUtf8(status.readAll())).captured(1).toLongLong();
}

int ServerProcess::openFiles() const
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid()))
                   .entryList(QDir::NoDotAndDotDot | QDir::AllEntries)
                   .size());
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
    m_log += m_process.readAllStandardError();
}

bool ServerProcess::terminate()
{
    m_process.terminate();
    const bool finished = m_process.waitForFinished(10000);
    m_log += m_process.readAllStandardError();
    return finished && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

QString ServerProcess::log()
{
    m_log += m_process.readAllStandardError();
    return QString::fromUtf8(m_log);
}
