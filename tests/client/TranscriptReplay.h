#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace chat {
class ProtocolClient;
}

// Replays one client's side of a recorded transcript through a ProtocolClient: each recorded call is made
// with the client's own API (so what it sends can be compared with the recording) and each recorded server
// statement is fed to handleStatement().
class TranscriptReplay
{
public:
    struct Frame
    {
        int step;
        QString client;
        QString dir; // step, send, recv, event
        QJsonObject json; // the frame (recv) or the call (send); the line itself for step/event
    };

    static QString transcriptDir(); // tests/data/transcripts of this checkout (CHAT_TRANSCRIPT_DIR)
    bool load(const QString &path);
    QStringList clients() const;

    // afterStep(n) runs once step n of that client's view is complete.
    void replay(chat::ProtocolClient &client, const QString &who,
                const std::function<void(int)> &afterStep = {});

    QStringList mismatches; // recorded calls the client sent differently (or refused)
    QStringList refused; // recorded calls the client's API would not send
    QVector<QJsonObject> sent; // everything the client sent

private:
    void makeCall(chat::ProtocolClient &client, const QJsonObject &call);

    QVector<Frame> m_frames;
};
