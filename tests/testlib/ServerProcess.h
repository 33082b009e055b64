#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

// The chat-server executable (CHAT_SERVER_PATH) in a child process, on 127.0.0.1 with a port it picks
// itself, read back from its start-up line. Also reads the process's memory and open files from /proc.
class ServerProcess
{
public:
    explicit ServerProcess(QString executable);
    ~ServerProcess();

    // Starts with these arguments plus --port 0; true once it listens.
    bool start(const QStringList &arguments);
    // Set in the server's environment from the next start on (LD_PRELOAD of a fault-injection shim, say).
    void setEnvironmentVariable(const QString &name, const QString &value)
    {
        m_environment.insert(name, value);
    }
    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }
    qint64 residentKiB() const; // VmRSS
    int openFiles() const; // entries of /proc/PID/fd
    void kill(); // SIGKILL, and waits for it to be gone
    bool terminate(); // SIGTERM; true when it exits with 0
    QString log(); // what it wrote to stderr so far
    QProcess &process() { return m_process; }

private:
    QString m_executable;
    QProcess m_process;
    QProcessEnvironment m_environment;
    QUrl m_url;
    QByteArray m_log;
};
