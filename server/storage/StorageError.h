#pragma once

#include <QString>

#include <stdexcept>

namespace chat::server {

// Thrown by a Store when the database cannot complete an operation. The operation's transaction has been
// rolled back, so nothing of it is visible; the caller answers the client with an error statement.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &what)
        : std::runtime_error(what.toStdString())
    { }
};

} // namespace chat::server
