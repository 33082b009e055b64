#pragma once

#include <QObject>

class QSocketNotifier;

namespace chat::server {

// Turns SIGINT and SIGTERM into a Qt signal, delivered by the event loop (the self-pipe pattern):
// nothing but write() runs inside the signal handler.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);

private:
    static void handleSignal(int signalNumber);
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace chat::server
