#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace chat {
class ProtocolClient;
}

// What one client's models must hold, derived from the recording alone: the statements it received and the
// calls it made, read as plain JSON with the rules of docs/PROTOCOL.md (sections 3, 7 and 9), without any
// of the client's model code. TranscriptReplay compares it with the client's models after every step.
class ExpectedState
{
public:
    // A recorded call of this client, before its replies arrive.
    void called(const QJsonObject &call);
    // A recorded statement received by this client.
    void received(const QJsonObject &statement);
    // Why our client must refuse this recorded call (section 8), or an empty string when it must send it.
    QString mustRefuse(const QJsonObject &call) const;
    // The differences between this state and the client's models, one line each.
    QStringList differences(const chat::ProtocolClient &client) const;

    QString currentRoom() const { return m_current; }
    // All of it, to tell whether a step changed anything.
    QJsonObject snapshot() const;

private:
    QJsonObject m_self;
    QVector<QJsonObject> m_rooms; // in the order the client must show them: listed, then created
    QString m_current; // the room we are in
    QString m_entering; // the room of the last recorded enter_room, until its reply
    QVector<QJsonObject> m_messages;
    QVector<QJsonObject> m_lines;
    QStringList m_sentLines; // line uuids of the recorded change_draw_line calls
};

// Replays one client's side of a recorded transcript through a ProtocolClient: each recorded call is made
// with the client's own API (so what it sends can be compared with the recording) and each recorded server
// statement is fed to handleStatement(). After every step the client's models are compared with the state
// the recording implies (ExpectedState); every difference, and every call sent or refused against section 8,
// is listed in mismatches.
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

    QStringList mismatches; // recorded calls sent differently, refused without reason, or sent against
                            // section 8; model states that differ from the recording's
    QStringList refused; // recorded calls the client's API would not send (each one explained, or a mismatch)
    QStringList unsendable; // recorded calls the API cannot express (a field missing or of a wrong type)
    int comparedSteps = 0; // steps after which the models were compared
    QVector<QJsonObject> sent; // everything the client sent

private:
    void makeCall(chat::ProtocolClient &client, const QJsonObject &call);
    void endStep(chat::ProtocolClient &client, int step);

    ExpectedState m_expected;
    QStringList m_unsendableInStep; // recorded calls of the step our client could not make
    QJsonObject m_beforeUnsendable; // the expected state before the first of them
    bool m_refusedInStep = false; // the server refused a call of the step (general reply, error, close)
    QVector<Frame> m_frames;
};
