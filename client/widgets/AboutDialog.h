#pragma once

#include <QUrl>

class QWidget;

namespace chat {

// What the project is, the server the client talks to, and the versions.
class AboutDialog
{
public:
    static void show(QWidget *parent, const QUrl &server, const QString &subprotocol);
};

} // namespace chat
