// LD_PRELOAD shim for tests of the edge's WAL flusher: fdatasync() and fsync() on a descriptor
// opened read-only (the flusher's own descriptor of the WAL; SQLite opens its files read-write)
// take SLOWFLUSH_MS milliseconds longer while the file SLOWFLUSH_SWITCH exists. Each slowed
// flush first appends a line to SLOWFLUSH_LOG, so a test knows a flush is under way.
#include <dlfcn.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace {

bool slowed(int fd)
{
    const char *toggle = std::getenv("SLOWFLUSH_SWITCH");
    if (!toggle || ::access(toggle, F_OK) != 0)
        return false;
    const int flags = ::fcntl(fd, F_GETFL);
    return flags >= 0 && (flags & O_ACCMODE) == O_RDONLY;
}

void waitBeforeFlush()
{
    if (const char *log = std::getenv("SLOWFLUSH_LOG")) {
        const int out = ::open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (out >= 0) {
            const char line[] = "flush\n";
            [[maybe_unused]] const ssize_t n = ::write(out, line, sizeof line - 1);
            ::close(out);
        }
    }
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

} // namespace

extern "C" int fdatasync(int fd)
{
    static const auto next = real<int (*)(int)>("fdatasync");
    if (slowed(fd))
        waitBeforeFlush();
    return next(fd);
}

extern "C" int fsync(int fd)
{
    static const auto next = real<int (*)(int)>("fsync");
    if (slowed(fd))
        waitBeforeFlush();
    return next(fd);
}
