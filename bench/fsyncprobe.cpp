// tableorder-fsync-probe: the disk's floor for an order's durable commit. Writes `--bytes`
// at a time into a preallocated file (as SQLite rewrites its WAL after a checkpoint: no
// block allocation, no size change) and times each fdatasync, `--count` times, one every
// `--interval-ms` (0: back to back). Prints the percentiles in the RESULT format of the other
// load programs. Bounded: at most 100,000 flushes and 10 minutes.
//
// --background MODE imitates a backup writing another file on the same disk meanwhile, at
// --background-mbps in slices of --slice-kib, each slice put on the disk as MODE says:
//   range    sync_file_range (the data, no device cache flush: what the backup does today)
//   flush    fdatasync of the backup file after each slice (its own device cache flush)
//   gated    like flush, but a slice starts only while no timed flush is in flight
// so the timed flushes show what a backup's way of writing costs an order's commit.
// --append writes each timed block at the file's end instead (a WAL that cannot start over
// while a backup's read holds it: every flush also carries the file's new blocks).
#include <algorithm>
#include <atomic>
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
    std::string background;
    bool append = false;
    long count = 2000, intervalMs = 10, bytes = 8192, fileMib = 4, backgroundMbps = 4, sliceKib = 256;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--append") {
            append = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s needs a value\n", argv[i]);
            return 2;
        }
        const std::string key = argv[i++];
        const char *value = argv[i];
        if (key == "--dir")
            dir = value;
        else if (key == "--count")
            count = std::strtol(value, nullptr, 10);
        else if (key == "--interval-ms")
            intervalMs = std::strtol(value, nullptr, 10);
        else if (key == "--bytes")
            bytes = std::strtol(value, nullptr, 10);
        else if (key == "--background")
            background = value;
        else if (key == "--background-mbps")
            backgroundMbps = std::strtol(value, nullptr, 10);
        else if (key == "--slice-kib")
            sliceKib = std::strtol(value, nullptr, 10);
        else {
            std::fprintf(stderr, "usage: %s [--dir D] [--count N] [--interval-ms MS] [--bytes B] [--append] "
                                 "[--background range|flush|gated] [--background-mbps R] [--slice-kib K]\n", argv[0]);
            return 2;
        }
    }
    if (count < 1 || count > 100000 || bytes < 512 || bytes > (1 << 20) || intervalMs < 0 || intervalMs > 1000) {
        std::fprintf(stderr, "out of range: count 1..100000, bytes 512..1048576, interval-ms 0..1000\n");
        return 2;
    }
    if (!background.empty() && background != "range" && background != "flush" && background != "gated") {
        std::fprintf(stderr, "--background: range, flush or gated\n");
        return 2;
    }
    if (backgroundMbps < 1 || backgroundMbps > 1000 || sliceKib < 4 || sliceKib > 65536) {
        std::fprintf(stderr, "out of range: background-mbps 1..1000, slice-kib 4..65536\n");
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

    // The imitated backup: a new file, written at the rate in slices (new blocks, as a backup's).
    std::atomic<bool> flushing{false}, stop{false};
    std::atomic<long> slices{0};
    std::thread writer;
    const std::string backgroundPath = dir + "/fsync-probe-backup.tmp";
    if (!background.empty()) {
        writer = std::thread([&] {
            const int bfd = ::open(backgroundPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            if (bfd < 0)
                return;
            const size_t slice = size_t(sliceKib) << 10;
            std::vector<char> data(slice, 'b');
            const auto started = Clock::now();
            off_t written = 0;
            while (!stop.load()) {
                if (background == "gated") {
                    while (flushing.load() && !stop.load())
                        std::this_thread::sleep_for(std::chrono::microseconds(200));
                }
                if (::pwrite(bfd, data.data(), slice, written) != ssize_t(slice))
                    break;
                if (background == "range")
                    ::sync_file_range(bfd, written, off_t(slice),
                                      SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
                else
                    ::fdatasync(bfd);
                written += off_t(slice);
                ++slices;
                if (written > (off_t(512) << 20)) { // keep the file bounded: start over
                    ::ftruncate(bfd, 0);
                    written = 0;
                }
                const auto due = started + std::chrono::microseconds(slices.load() * long(slice) * 1000000 / (backgroundMbps << 20));
                std::this_thread::sleep_until(due);
            }
            ::close(bfd);
            ::unlink(backgroundPath.c_str());
        });
    }
    std::vector<double> ms;
    ms.reserve(size_t(count));
    off_t offset = append ? fileBytes : 0;
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
        offset = append ? offset + bytes : (offset + bytes) % fileBytes;
        const auto start = Clock::now();
        flushing.store(true);
        const int rc = ::fdatasync(fd);
        flushing.store(false);
        if (rc != 0) {
            std::perror("fdatasync");
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    stop.store(true);
    if (writer.joinable())
        writer.join();
    ::close(fd);
    ::unlink(path.c_str());
    std::sort(ms.begin(), ms.end());
    std::printf("RESULT scenario=fsync-floor flushes=%zu bytes=%ld interval_ms=%ld append=%d background=%s background_mbps=%ld "
                "slice_kib=%ld background_slices=%ld p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f\n",
                ms.size(), bytes, intervalMs, int(append), background.empty() ? "none" : background.c_str(),
                background.empty() ? 0L : backgroundMbps, background.empty() ? 0L : sliceKib, slices.load(),
                percentile(ms, 50), percentile(ms, 90), percentile(ms, 99),
                percentile(ms, 99.9), ms.empty() ? 0.0 : ms.back());
    return 0;
}
