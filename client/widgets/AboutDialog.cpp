#include "AboutDialog.h"

#include <QCoreApplication>
#include <QIcon>
#include <QLabel>
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
    // As QMessageBox::about, with names for a screen reader: the box's, and its image's (issue 12).
    QMessageBox box(parent);
    const QString title = QCoreApplication::translate("chat::AboutDialog", "About Chat");
    box.setWindowTitle(title);
    box.setAccessibleName(title);
    box.setText(text);
    box.setStandardButtons(QMessageBox::Ok);
    const QIcon icon = box.windowIcon();
    box.setIconPixmap(icon.pixmap(icon.actualSize(QSize(64, 64))));
    if (auto *image = box.findChild<QLabel *>(QStringLiteral("qt_msgboxex_icon_label")))
        image->setAccessibleName(QCoreApplication::translate("chat::AboutDialog", "Chat logo"));
    box.exec();
}

} // namespace chat
