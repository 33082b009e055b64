// A file system that turns read-only under a running process, for tests: loaded with LD_PRELOAD into the
// chat-server executable, it makes every write-side system call on a file under one folder fail with EROFS
// while a trigger file exists, and passes everything else through to the C library.
//
//   CHAT_READONLY_DIR      the folder that "is" the file system (an absolute path, no trailing slash)
//   CHAT_READONLY_TRIGGER  a file outside it: while it exists, the folder is read-only
//
// Why a shim and not a real remount: that is what happens in production (ext4 errors=remount-ro after an I/O
// error, an operator's forced remount, a storage failover): the files stay open and every write on them fails
// with EROFS from then on. A test cannot get there with mount(2): even as root, remounting read-only a file
// system that has files open for writing fails with EBUSY, and the server keeps its database and write-ahead
// log open for writing all the time. A database that is read-only before the server starts is a different
// case, refused at start with one line.
//
// What is interposed is what SQLite's unix VFS calls (`nm -D libsqlite3.so.0`: open64, pwrite64, write,
// ftruncate64, fdatasync, unlink; posix_fallocate and fsync in other builds) plus their siblings: opening
// with write access, O_TRUNC, or O_CREAT of a missing file; write, pwrite, writev, pwritev; truncate,
// ftruncate; fallocate, posix_fallocate; fsync, fdatasync, sync_file_range; unlink, unlinkat. Each is
// resolved to the C library's definition with dlsym(RTLD_NEXT). A descriptor's path is read from
// /proc/self/fd each time (only while the trigger exists).
//
// What it cannot do: SQLite's WAL index (the -shm file) is a shared mmap, and a store into it is no system
// call. That does not weaken the test: the -shm holds nothing durable (SQLite rebuilds it from the WAL), and
// a commit must pwrite its frames to the WAL and fdatasync them before it touches the index, so with both
// failing no commit gets through. Growing the -shm does go through pwrite and fails here as it would there.
//
// Each refusal is written to stderr as "readonly-fs: CALL PATH: EROFS", so a test can see that it happened.
// The definitions below must be the plain ones: no fortified inline wrappers, no 64-bit redirections.
#undef _FORTIFY_SOURCE
#undef _FILE_OFFSET_BITS

#include <cerrno>
#include <climits>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

// No allocation on the way of a call: write() may be called from a signal handler.
struct Path
{
    char text[PATH_MAX + 64] = {};
    bool empty() const { return text[0] == '\0'; }
    void append(const char *more)
    {
        const std::size_t used = std::strlen(text);
        std::strncat(text, more, sizeof text - used - 1);
    }
};

struct Config
{
    Path folder; // with a trailing slash, so that /data does not also cover /database
    Path trigger;
};

Config readConfig()
{
    Config read;
    const char *folder = std::getenv("CHAT_READONLY_DIR");
    const char *trigger = std::getenv("CHAT_READONLY_TRIGGER");
    if (folder && *folder && trigger && *trigger) {
        read.folder.append(folder);
        read.folder.append("/");
        read.trigger.append(trigger);
    }
    return read;
}

const Config &config()
{
    static const Config config = readConfig();
    return config;
}

// Read before main(), not first in a signal handler.
__attribute__((constructor)) void readConfigAtLoad()
{
    config();
}

// The C library's own definition of a function this file replaces.
template<typename Function>
Function next(const char *name)
{
    void *symbol = ::dlsym(RTLD_NEXT, name);
    if (!symbol)
        std::abort(); // a C library without it: nothing sensible to pass the call to
    return reinterpret_cast<Function>(symbol);
}

#define NEXT(name) static const auto real = next<decltype(&::name)>(#name)

bool readOnlyNow()
{
    const Config &settings = config();
    if (settings.folder.empty())
        return false;
    const int saved = errno;
    const bool on = ::access(settings.trigger.text, F_OK) == 0;
    errno = saved;
    return on;
}

Path pathOfDescriptor(int fd)
{
    Path path;
    if (fd < 0)
        return path;
    char digits[16] = {};
    int at = int(sizeof digits) - 1;
    unsigned value = unsigned(fd);
    do {
        digits[--at] = char('0' + value % 10);
        value /= 10;
    } while (value != 0 && at > 0);
    Path link;
    link.append("/proc/self/fd/");
    link.append(digits + at);
    const int saved = errno;
    const ssize_t length = ::readlink(link.text, path.text, sizeof path.text - 1);
    errno = saved;
    path.text[length > 0 ? length : 0] = '\0';
    return path;
}

Path absolutePath(int directoryFd, const char *relative)
{
    Path path;
    if (!relative)
        return path;
    if (relative[0] != '/') {
        if (directoryFd == AT_FDCWD) {
            if (!::getcwd(path.text, sizeof path.text))
                return Path {};
        } else {
            path = pathOfDescriptor(directoryFd);
            if (path.empty())
                return path;
        }
        path.append("/");
    }
    path.append(relative);
    return path;
}

// True (errno EROFS, and a line on stderr) when a write to this path must fail now.
bool refuse(const char *call, const Path &path)
{
    const Path &folder = config().folder;
    if (path.empty() || std::strncmp(path.text, folder.text, std::strlen(folder.text)) != 0)
        return false;
    Path line;
    line.append("readonly-fs: ");
    line.append(call);
    line.append(" ");
    line.append(path.text);
    line.append(": EROFS\n");
    NEXT(write);
    const ssize_t ignored = real(STDERR_FILENO, line.text, std::strlen(line.text));
    static_cast<void>(ignored);
    errno = EROFS;
    return true;
}

bool refuseFd(const char *call, int fd)
{
    return readOnlyNow() && refuse(call, pathOfDescriptor(fd));
}

bool refuseOpen(const char *call, int directoryFd, const char *path, int flags)
{
    const bool writes = (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC) != 0;
    if (!writes && (flags & O_CREAT) == 0)
        return false;
    if (!readOnlyNow())
        return false;
    const Path absolute = absolutePath(directoryFd, path);
    // O_CREAT alone opens an existing file on a read-only file system; only creating one fails.
    if (!writes && ::access(absolute.text, F_OK) == 0)
        return false;
    return refuse(call, absolute);
}

bool refusePath(const char *call, int directoryFd, const char *path)
{
    return readOnlyNow() && refuse(call, absolutePath(directoryFd, path));
}

mode_t modeOf(int flags, va_list arguments)
{
    return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE ? mode_t(va_arg(arguments, int)) : 0;
}

} // namespace

extern "C" {

int open(const char *path, int flags, ...)
{
    NEXT(open);
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    if (refuseOpen("open", AT_FDCWD, path, flags))
        return -1;
    return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    NEXT(open64);
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    if (refuseOpen("open64", AT_FDCWD, path, flags))
        return -1;
    return real(path, flags, mode);
}

int openat(int directoryFd, const char *path, int flags, ...)
{
    NEXT(openat);
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    if (refuseOpen("openat", directoryFd, path, flags))
        return -1;
    return real(directoryFd, path, flags, mode);
}

int openat64(int directoryFd, const char *path, int flags, ...)
{
    NEXT(openat64);
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    if (refuseOpen("openat64", directoryFd, path, flags))
        return -1;
    return real(directoryFd, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
    NEXT(creat);
    return refuseOpen("creat", AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC) ? -1 : real(path, mode);
}

int creat64(const char *path, mode_t mode)
{
    NEXT(creat64);
    return refuseOpen("creat64", AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC) ? -1 : real(path, mode);
}

ssize_t write(int fd, const void *data, size_t size)
{
    NEXT(write);
    return refuseFd("write", fd) ? -1 : real(fd, data, size);
}

ssize_t pwrite(int fd, const void *data, size_t size, off_t offset)
{
    NEXT(pwrite);
    return refuseFd("pwrite", fd) ? -1 : real(fd, data, size, offset);
}

ssize_t pwrite64(int fd, const void *data, size_t size, off64_t offset)
{
    NEXT(pwrite64);
    return refuseFd("pwrite64", fd) ? -1 : real(fd, data, size, offset);
}

ssize_t writev(int fd, const struct iovec *vector, int count)
{
    NEXT(writev);
    return refuseFd("writev", fd) ? -1 : real(fd, vector, count);
}

ssize_t pwritev(int fd, const struct iovec *vector, int count, off_t offset)
{
    NEXT(pwritev);
    return refuseFd("pwritev", fd) ? -1 : real(fd, vector, count, offset);
}

ssize_t pwritev64(int fd, const struct iovec *vector, int count, off64_t offset)
{
    NEXT(pwritev64);
    return refuseFd("pwritev64", fd) ? -1 : real(fd, vector, count, offset);
}

int ftruncate(int fd, off_t length)
{
    NEXT(ftruncate);
    return refuseFd("ftruncate", fd) ? -1 : real(fd, length);
}

int ftruncate64(int fd, off64_t length)
{
    NEXT(ftruncate64);
    return refuseFd("ftruncate64", fd) ? -1 : real(fd, length);
}

int truncate(const char *path, off_t length)
{
    NEXT(truncate);
    return refusePath("truncate", AT_FDCWD, path) ? -1 : real(path, length);
}

int truncate64(const char *path, off64_t length)
{
    NEXT(truncate64);
    return refusePath("truncate64", AT_FDCWD, path) ? -1 : real(path, length);
}

int fallocate(int fd, int mode, off_t offset, off_t length)
{
    NEXT(fallocate);
    return refuseFd("fallocate", fd) ? -1 : real(fd, mode, offset, length);
}

int fallocate64(int fd, int mode, off64_t offset, off64_t length)
{
    NEXT(fallocate64);
    return refuseFd("fallocate64", fd) ? -1 : real(fd, mode, offset, length);
}

// posix_fallocate returns the error instead of setting errno.
int posix_fallocate(int fd, off_t offset, off_t length)
{
    NEXT(posix_fallocate);
    return refuseFd("posix_fallocate", fd) ? EROFS : real(fd, offset, length);
}

int posix_fallocate64(int fd, off64_t offset, off64_t length)
{
    NEXT(posix_fallocate64);
    return refuseFd("posix_fallocate64", fd) ? EROFS : real(fd, offset, length);
}

int fsync(int fd)
{
    NEXT(fsync);
    return refuseFd("fsync", fd) ? -1 : real(fd);
}

int fdatasync(int fd)
{
    NEXT(fdatasync);
    return refuseFd("fdatasync", fd) ? -1 : real(fd);
}

int sync_file_range(int fd, off64_t offset, off64_t length, unsigned int flags)
{
    NEXT(sync_file_range);
    return refuseFd("sync_file_range", fd) ? -1 : real(fd, offset, length, flags);
}

int unlink(const char *path)
{
    NEXT(unlink);
    return refusePath("unlink", AT_FDCWD, path) ? -1 : real(path);
}

int unlinkat(int directoryFd, const char *path, int flags)
{
    NEXT(unlinkat);
    return refusePath("unlinkat", directoryFd, path) ? -1 : real(directoryFd, path, flags);
}

} // extern "C"
