#include "AboutDialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QWidget>

namespace chat {

void AboutDialog::show(QWidget *parent, const QUrl &server, const QString &subprotocol)
{
    const QString extensions = subprotocol.isEmpty()
        ? QCoreApplication::translate("chat::AboutDialog", "none (plain protocol)")
        : subprotocol;
    const QString text =
        QCoreApplication::translate(
            "chat::AboutDialog",
            "<h3>Chat %1</h3>"
            "<p>A realtime room chat with a shared drawing board: a native desktop client for the "
            "socket_chat "
            "protocol. It works with this project's server and with the original Python server.</p>"
            "<p><b>Server:</b> %2<br><b>Protocol extensions:</b> %3<br><b>Qt:</b> %4</p>")
            .arg(QStringLiteral(CHAT_CLIENT_VERSION), server.toString().toHtmlEscaped(),
                 extensions.toHtmlEscaped(), QString::fromLatin1(qVersion()));
    QMessageBox::about(parent, QCoreApplication::translate("chat::AboutDialog", "About Chat"), text);
}

} // namespace chat
