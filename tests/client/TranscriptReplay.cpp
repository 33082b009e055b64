#include "TranscriptReplay.h"

#include "net/ProtocolClient.h"
#include "protocol/MessageNames.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace chat;

QString TranscriptReplay::transcriptDir()
{
    return QStringLiteral(CHAT_TRANSCRIPT_DIR);
}

bool TranscriptReplay::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.isEmpty())
            continue;
        const QString dir = line.value(QStringLiteral("dir")).toString();
        QJsonObject json = line;
        if (dir == QLatin1String("recv"))
            json = line.value(QStringLiteral("frame")).toObject();
        else if (dir == QLatin1String("send"))
            json = line.value(QStringLiteral("frame")).toObject().value(QStringLiteral("json")).toObject();
        m_frames.append({line.value(QStringLiteral("step")).toInt(),
                         line.value(QStringLiteral("client")).toString(), dir, json});
    }
    return !m_frames.isEmpty();
}

QStringList TranscriptReplay::clients() const
{
    QStringList names;
    for (const Frame &frame : m_frames) {
        if (!names.contains(frame.client))
            names.append(frame.client);
    }
    return names;
}

void TranscriptReplay::replay(ProtocolClient &client, const QString &who,
                              const std::function<void(int)> &afterStep)
{
    client.setTransportForTesting([this](const QString &text) {
        sent.append(QJsonDocument::fromJson(text.toUtf8()).object());
        return true;
    });
    int currentStep = 0;
    for (const Frame &frame : std::as_const(m_frames)) {
        if (frame.step != currentStep) {
            if (afterStep && currentStep > 0)
                afterStep(currentStep);
            currentStep = frame.step;
        }
        if (frame.client != who)
            continue;
        if (frame.dir == QLatin1String("send") && !frame.json.isEmpty())
            makeCall(client, frame.json);
        else if (frame.dir == QLatin1String("recv"))
            client.handleStatement(QJsonDocument(frame.json).toJson(QJsonDocument::Compact));
    }
    if (afterStep && currentStep > 0)
        afterStep(currentStep);
}

void TranscriptReplay::makeCall(ProtocolClient &client, const QJsonObject &call)
{
    const QJsonObject payload = call.value(QStringLiteral("payload")).toObject();
    const QString message = payload.value(QStringLiteral("message")).toString();
    const auto name = callNameFrom(message);
    if (!name)
        return; // malformed on purpose: our client never sends such a thing
    const auto text = [&](const char *key) { return payload.value(QString::fromLatin1(key)); };
    const auto allStrings = [&](std::initializer_list<const char *> keys) {
        for (const char *key : keys) {
            if (!text(key).isString())
                return false;
        }
        return true;
    };
    const qsizetype before = sent.size();
    bool attempted = true;
    switch (*name) {
    case CallName::CreateRoom:
        client.createRoom();
        break;
    case CallName::EnterRoom:
        attempted = allStrings({"uuid"}) && (client.enterRoom(text("uuid").toString()), true);
        break;
    case CallName::LeaveRoom:
        client.leaveRoom();
        break;
    case CallName::DeleteRoom:
        attempted = allStrings({"uuid"}) && (client.deleteRoom(text("uuid").toString()), true);
        break;
    case CallName::ChangeName:
        attempted = allStrings({"uuid", "name"})
            && (client.renameRoom(text("uuid").toString(), text("name").toString()), true);
        break;
    case CallName::ChangeColor:
        attempted = allStrings({"uuid", "color"})
            && (client.recolorRoom(text("uuid").toString(), text("color").toString()), true);
        break;
    case CallName::ChangeUserName:
        attempted = allStrings({"name"}) && (client.changeUserName(text("name").toString()), true);
        break;
    case CallName::CreateMessage:
        attempted = allStrings({"body"}) && (client.sendMessage(text("body").toString()), true);
        break;
    case CallName::ChangeDrawLine:
        attempted = allStrings({"uuid", "color", "tool"}) && text("points").isArray()
            && (client.sendLine(text("uuid").toString(), text("points").toArray(), text("color").toString(),
                                text("tool").toString()),
                true);
        break;
    case CallName::ResetDrawing:
        client.resetDrawing();
        break;
    case CallName::ListRooms:
    case CallName::ListMessages:
    case CallName::GetDrawing:
        attempted = false; // the client keeps these up to date from broadcasts; nothing to compare
        break;
    }
    if (!attempted)
        return;
    if (sent.size() == before) {
        refused.append(QString::fromUtf8(QJsonDocument(call).toJson(QJsonDocument::Compact)));
        return;
    }
    // The recordings add keys the server ignores; every key we send must carry the recorded value.
    const QJsonObject ours = sent.last().value(QStringLiteral("payload")).toObject();
    bool same = true;
    for (auto it = ours.begin(); it != ours.end(); ++it)
        same = same && payload.value(it.key()) == it.value();
    if (!same)
        mismatches.append(QString::fromUtf8(QJsonDocument(call).toJson(QJsonDocument::Compact)));
}
