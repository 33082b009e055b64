#include "ControlClient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>

namespace chat::server {

ControlClient::ControlClient(QString path)
    : m_path(std::move(path))
{ }

ControlClient::Presence ControlClient::presence()
{
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return Presence::Absent;
    QLocalSocket probe;
    probe.connectToServer(m_path);
    if (probe.waitForConnected(connectTimeoutMs)) {
        probe.abort();
        return Presence::Running;
    }
    if (probe.error() == QLocalSocket::ConnectionRefusedError
        || probe.error() == QLocalSocket::ServerNotFoundError)
        return Presence::Absent;
    m_error = QStringLiteral("cannot use the control socket %1 (%2): run as the server's user")
                  .arg(m_path, probe.errorString());
    return Presence::Inaccessible;
}

AdminReply ControlClient::send(const AdminRequest &request)
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(connectTimeoutMs))
        return AdminReply::failure(
            QStringLiteral("cannot reach the server on %1: %2").arg(m_path, socket.errorString()));
    socket.write(request.toJson() + '\n');
    socket.flush();
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (!line.contains('\n') && timer.elapsed() < replyTimeoutMs) {
        if (!socket.bytesAvailable() && !socket.waitForReadyRead(int(replyTimeoutMs - timer.elapsed())))
            break;
        line += socket.readAll();
    }
    const QJsonDocument document = QJsonDocument::fromJson(line.left(line.indexOf('\n')));
    if (!line.contains('\n') || !document.isObject())
        return AdminReply::failure(QStringLiteral("the server on %1 did not answer").arg(m_path));
    const QJsonObject reply = document.object();
    return {reply.value(QLatin1String("exit")).toInt(1),
            reply.value(QLatin1String("output")).toString().toUtf8(),
            reply.value(QLatin1String("error")).toString()};
}

} // namespace chat::server
