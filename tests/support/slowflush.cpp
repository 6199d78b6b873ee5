// LD_PRELOAD shim for tests of the edge's WAL flusher and checkpointer: fdatasync() and fsync()
// on a descriptor opened read-only (the flusher's own descriptor of the WAL; SQLite opens its
// files read-write), or with SLOWFLUSH_FILE set on a descriptor of the file whose path ends with
// it (the database file, which in WAL mode only a checkpoint flushes), take SLOWFLUSH_MS
// milliseconds longer while the file SLOWFLUSH_SWITCH exists. Each slowed flush first appends
// "flush" to SLOWFLUSH_LOG, so a test knows a flush is under way, and "done" when it returns.
#include <dlfcn.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <cstdio>
#include <cstring>

namespace {

bool slowed(int fd)
{
    const char *toggle = std::getenv("SLOWFLUSH_SWITCH");
    if (!toggle || ::access(toggle, F_OK) != 0)
        return false;
    if (const char *file = std::getenv("SLOWFLUSH_FILE")) {
        char link[64];
        char path[4096];
        std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        const ssize_t n = ::readlink(link, path, sizeof path - 1);
        if (n <= 0)
            return false;
        path[n] = '\0';
        const size_t length = std::strlen(file);
        return size_t(n) >= length && std::strcmp(path + n - length, file) == 0;
    }
    const int flags = ::fcntl(fd, F_GETFL);
    return flags >= 0 && (flags & O_ACCMODE) == O_RDONLY;
}

void logLine(const char *line)
{
    if (const char *log = std::getenv("SLOWFLUSH_LOG")) {
        const int out = ::open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (out >= 0) {
            [[maybe_unused]] const ssize_t n = ::write(out, line, std::strlen(line));
            ::close(out);
        }
    }
}

void waitBeforeFlush()
{
    logLine("flush\n");
    const char *ms = std::getenv("SLOWFLUSH_MS");
    const long wait = ms ? std::atol(ms) : 0;
    timespec ts{wait / 1000, (wait % 1000) * 1'000'000};
    while (::nanosleep(&ts, &ts) != 0) {
    }
}

template <typename Fn>
Fn real(const char *name)
{
    return reinterpret_cast<Fn>(::dlsym(RTLD_NEXT, name));
}

/// The real flush, slowed (and its end logged) when `fd` is one of the slowed files.
int flush(int fd, int (*next)(int))
{
    if (!slowed(fd))
        return next(fd);
    waitBeforeFlush();
    const int rc = next(fd);
    logLine("done\n");
    return rc;
}

} // namespace

extern "C" int fdatasync(int fd)
{
    static const auto next = real<int (*)(int)>("fdatasync");
    return flush(fd, next);
}

extern "C" int fsync(int fd)
{
    static const auto next = real<int (*)(int)>("fsync");
    return flush(fd, next);
}
