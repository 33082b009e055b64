#pragma once

#include <QSslConfiguration>
#include <QString>

#include <variant>

namespace chat::server {

// Reads the PEM certificate (chain) and private key given with --tls-cert and --tls-key into the
// configuration of a wss:// server.
class TlsFiles
{
public:
    // The configuration, or a one-line reason why the files cannot be used.
    static std::variant<QSslConfiguration, QString> load(const QString &certificatePath,
                                                         const QString &keyPath);

private:
    static std::variant<QByteArray, QString> readFile(const QString &path, const char *what);
    static QSslKey parseKey(const QByteArray &pem);
};

} // namespace chat::server
