#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

// One abusive client for the flood benchmark: sends list_rooms as fast as its socket takes them, counts
// what comes back, and (with reconnect) comes back after the server closes it.
class Flooder : public QObject
{
    Q_OBJECT

public:
    Flooder(QUrl url, double durationS, bool reconnect, QObject *parent = nullptr);
    void start();
    QString summary() const; // one JSON line

signals:
    void finished();

private:
    void open();
    void pump();
    void onText(const QString &text);
    void onDisconnected();

    QUrl m_url;
    qint64 m_durationMs;
    bool m_reconnect;
    QWebSocket *m_socket = nullptr;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    qint64 m_answered = 0;
    qint64 m_rateLimited = 0;
    int m_connections = 0;
    int m_closed1008 = 0;
};
