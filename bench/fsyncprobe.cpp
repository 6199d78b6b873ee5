// tableorder-fsync-probe: the disk's floor for an order's durable commit. Writes `--bytes`
// at a time into a preallocated file (as SQLite rewrites its WAL after a checkpoint: no
// block allocation, no size change) and times each fdatasync, `--count` times, one every
// `--interval-ms` (0: back to back). Prints the percentiles in the RESULT format of the other
// load programs. Bounded: at most 100,000 flushes and 10 minutes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace {

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    // Nearest rank, as the other load programs report.
    size_t rank = size_t(p / 100.0 * double(sorted.size()) + 0.999999);
    rank = std::clamp<size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

} // namespace

int main(int argc, char **argv)
{
    std::string dir = ".";
    long count = 2000, intervalMs = 10, bytes = 8192, fileMib = 4;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char *value = argv[i + 1];
        if (key == "--dir")
            dir = value;
        else if (key == "--count")
            count = std::strtol(value, nullptr, 10);
        else if (key == "--interval-ms")
            intervalMs = std::strtol(value, nullptr, 10);
        else if (key == "--bytes")
            bytes = std::strtol(value, nullptr, 10);
        else {
            std::fprintf(stderr, "usage: %s [--dir D] [--count N] [--interval-ms MS] [--bytes B]\n", argv[0]);
            return 2;
        }
    }
    if (count < 1 || count > 100000 || bytes < 512 || bytes > (1 << 20) || intervalMs < 0 || intervalMs > 1000) {
        std::fprintf(stderr, "out of range: count 1..100000, bytes 512..1048576, interval-ms 0..1000\n");
        return 2;
    }
    const std::string path = dir + "/fsync-probe.tmp";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::perror(path.c_str());
        return 1;
    }
    const off_t fileBytes = fileMib << 20;
    std::vector<char> block(size_t(bytes), 'w');
    // Preallocate with real data, flushed, so the timed flushes rewrite allocated blocks.
    for (off_t off = 0; off < fileBytes; off += bytes) {
        if (::pwrite(fd, block.data(), block.size(), off) != bytes) {
            std::perror("pwrite");
            return 1;
        }
    }
    ::fsync(fd);

    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::minutes(10);
    std::vector<double> ms;
    ms.reserve(size_t(count));
    off_t offset = 0;
    auto next = Clock::now();
    for (long i = 0; i < count && Clock::now() < deadline; ++i) {
        if (intervalMs > 0) {
            next += std::chrono::milliseconds(intervalMs);
            std::this_thread::sleep_until(next);
        }
        block[0] = char('a' + i % 26);
        if (::pwrite(fd, block.data(), block.size(), offset) != bytes) {
            std::perror("pwrite");
            return 1;
        }
        offset = (offset + bytes) % fileBytes;
        const auto start = Clock::now();
        if (::fdatasync(fd) != 0) {
            std::perror("fdatasync");
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    ::close(fd);
    ::unlink(path.c_str());
    std::sort(ms.begin(), ms.end());
    std::printf("RESULT scenario=fsync-floor flushes=%zu bytes=%ld interval_ms=%ld p50_ms=%.3f p90_ms=%.3f "
                "p99_ms=%.3f p999_ms=%.3f max_ms=%.3f\n",
                ms.size(), bytes, intervalMs, percentile(ms, 50), percentile(ms, 90), percentile(ms, 99),
                percentile(ms, 99.9), ms.empty() ? 0.0 : ms.back());
    return 0;
}
