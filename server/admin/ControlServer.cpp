#include "ControlServer.h"

#include "ServerLogging.h"
#include "storage/DatabaseUrl.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

#include <sys/stat.h>

namespace chat::server {

namespace {
constexpr int probeTimeoutMs = 1000;
// Kept on each connection: what came of its request so far, and whether it was answered.
const char *const requestProperty = "chatControlRequest";
const char *const answeredProperty = "chatControlAnswered";
} // namespace

ControlServer::ControlServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(maxConnections);
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::acceptConnections);
}

ControlServer::~ControlServer()
{
    close();
}

QString ControlServer::defaultPath(const DatabaseUrl &url)
{
    if (url.isPostgres() || url.sqlitePath == QLatin1String(":memory:"))
        return {};
    return QFileInfo(url.sqlitePath).absoluteFilePath() + QStringLiteral(".control");
}

bool ControlServer::listen(const QString &path)
{
    struct stat status
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &status) == 0 && !S_ISSOCK(status.st_mode)) {
        m_error = QStringLiteral("%1 exists and is not a socket").arg(path);
        return false;
    }
    if (QFileInfo::exists(path)) {
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(probeTimeoutMs)) {
            m_error = QStringLiteral("another server answers on %1").arg(path);
            return false;
        }
        QLocalServer::removeServer(path); // left by a server that is gone
    }
    if (!m_server->listen(path)) {
        m_error = m_server->errorString();
        return false;
    }
    // UserAccessOption gives the owner read, write and execute; a socket needs no more than 0600.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void ControlServer::close()
{
    if (m_server->isListening())
        m_server->close(); // removes the socket file
}

void ControlServer::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        if (m_connections >= maxConnections) {
            answer(socket, AdminReply::failure(QStringLiteral("too many control connections at once")));
            continue;
        }
        serve(socket);
    }
}

void ControlServer::serve(QLocalSocket *socket)
{
    ++m_connections;
    connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
    socket->setReadBufferSize(maxRequestBytes + 1);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [this, socket] {
        qCWarning(lcServer) << "a control connection sent no request in time";
        answer(socket,
               AdminReply::failure(QStringLiteral("no request within %1 s").arg(m_requestTimeoutMs / 1000)));
    });
    timer->start(m_requestTimeoutMs);
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
}

void ControlServer::readRequest(QLocalSocket *socket)
{
    if (socket->property(answeredProperty).toBool()) { // one request per connection: the rest is ignored
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property(requestProperty).toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf('\n');
    if (end < 0 && buffer.size() <= maxRequestBytes) {
        socket->setProperty(requestProperty, buffer);
        return;
    }
    if (end < 0 || end > maxRequestBytes) {
        qCWarning(lcServer) << "a control request over" << maxRequestBytes << "bytes was refused";
        return answer(socket, AdminReply::failure(QStringLiteral("the request is too long")));
    }
    answer(socket, handle(buffer.left(end)));
}

AdminReply ControlServer::handle(const QByteArray &line)
{
    QString error;
    const auto request = AdminRequest::fromJson(line, &error);
    if (!request) {
        qCWarning(lcServer).noquote() << "a malformed control request was refused:" << error;
        return AdminReply::failure(QStringLiteral("malformed request: %1").arg(error), 2);
    }
    if (!request->changesData())
        return AdminReply::failure(
            QStringLiteral("%1 is not run by the server").arg(AdminRequest::nameOf(request->command)), 2);
    qCInfo(lcServer).noquote() << "operator command" << AdminRequest::nameOf(request->command);
    return m_handler(*request);
}

QByteArray ControlServer::replyLine(const AdminReply &reply)
{
    QJsonObject object {{QStringLiteral("exit"), reply.exitCode}};
    if (!reply.output.isEmpty())
        object.insert(QStringLiteral("output"), QString::fromUtf8(reply.output));
    if (!reply.error.isEmpty())
        object.insert(QStringLiteral("error"), reply.error);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

void ControlServer::answer(QLocalSocket *socket, const AdminReply &reply)
{
    socket->setProperty(answeredProperty, true);
    socket->setProperty(requestProperty, QVariant());
    if (auto *timer = socket->findChild<QTimer *>())
        timer->stop();
    socket->write(replyLine(reply));
    socket->disconnectFromServer(); // after the reply is written
}

} // namespace chat::server
