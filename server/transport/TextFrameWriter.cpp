#include "TextFrameWriter.h"

#include "websocket/FrameEncoder.h"

#include <QTcpSocket>

#include <sys/socket.h>
#include <sys/uio.h>

namespace chat::server {

void TextFrameWriter::write(QIODevice &device, const QByteArray &utf8)
{
    for (const FrameEncoder::Fragment &fragment : FrameEncoder::fragments(utf8.size())) {
        device.write(fragment.header.constData(), fragment.header.size());
        if (fragment.size == utf8.size() && fragment.size >= minSharedPayload)
            device.write(utf8); // this overload lets the socket keep a shared copy: one block of its own
        else // copied after what precedes it: one block with it
            device.write(utf8.constData() + fragment.offset, fragment.size);
    }
}

void TextFrameWriter::writeDirect(QTcpSocket &socket, const QByteArray &utf8)
{
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0 || socket.bytesToWrite() > 0 || utf8.size() > FrameEncoder::maxFramePayload) {
        write(socket, utf8); // behind what waits already, or fragmented: through the socket, in order
        return;
    }
    QByteArray frameHeader = FrameEncoder::header(FrameEncoder::Text, true, utf8.size());
    iovec parts[2] = {{frameHeader.data(), size_t(frameHeader.size())},
                      {const_cast<char *>(utf8.constData()), size_t(utf8.size())}};
    msghdr message {};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    // Non-blocking (Qt made it so); MSG_NOSIGNAL: a peer that went away must not raise SIGPIPE.
    const ssize_t sent = ::sendmsg(int(descriptor), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    const qsizetype total = frameHeader.size() + utf8.size();
    if (sent == total)
        return;
    // Full kernel buffer or an error: the socket sends the rest when it can, or finds the error itself.
    const qsizetype done = sent > 0 ? qsizetype(sent) : 0;
    if (done < frameHeader.size()) {
        socket.write(frameHeader.constData() + done, frameHeader.size() - done);
        socket.write(utf8.constData(), utf8.size());
    } else {
        socket.write(utf8.constData() + (done - frameHeader.size()), total - done);
    }
}

} // namespace chat::server
