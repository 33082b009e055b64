#include "TlsFiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace chat::server {

std::variant<QByteArray, QString> TlsFiles::readFile(const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the TLS %1 %2: %3")
            .arg(QString::fromUtf8(what), path, file.errorString());
    return file.readAll();
}

QSslKey TlsFiles::parseKey(const QByteArray &pem)
{
    // The PEM does not say which algorithm QSslKey should expect, so try the common ones in turn.
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

std::variant<QSslConfiguration, QString> TlsFiles::load(const QString &certificatePath,
                                                        const QString &keyPath)
{
    const auto certificateFile = readFile(certificatePath, "certificate");
    if (const auto *error = std::get_if<QString>(&certificateFile))
        return *error;
    const auto keyFile = readFile(keyPath, "key");
    if (const auto *error = std::get_if<QString>(&keyFile))
        return *error;

    const QList<QSslCertificate> chain = QSslCertificate::fromData(std::get<QByteArray>(certificateFile));
    if (chain.isEmpty() || chain.first().isNull())
        return QStringLiteral("%1 holds no PEM certificate").arg(certificatePath);
    const QSslKey key = parseKey(std::get<QByteArray>(keyFile));
    if (key.isNull())
        return QStringLiteral("%1 holds no unencrypted PEM private key").arg(keyPath);

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    // Clients are not asked for certificates: people log in with nothing but a name.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace chat::server
