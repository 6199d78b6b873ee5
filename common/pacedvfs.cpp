#include "pacedvfs.h"

#include <QElapsedTimer>
#include <QThread>
#include <QUrl>

#include <sqlite3.h>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tableorder::db {

namespace {

constexpr char vfsName[] = "tableorder-paced";

std::atomic<qint64> g_syncBytes{PacedWrites{}.syncBytes};
std::atomic<qint64> g_bytesPerSecond{PacedWrites{}.bytesPerSecond};

sqlite3_vfs *g_real = nullptr; // the default VFS ("unix"), which does the work
sqlite3_vfs g_paced{};

/// Our file: the real VFS's file object follows it in the same allocation.
struct PacedFile
{
    sqlite3_file base;
    qint64 syncBytes; // the limits when the file was opened
    qint64 bytesPerSecond;
    qint64 unsynced;
    qint64 written;
    int dataFd; // a descriptor of our own for sync_file_range, or -1
    QElapsedTimer clock;
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

PacedFile *paced(sqlite3_file *file) { return reinterpret_cast<PacedFile *>(file); }
sqlite3_file *real(sqlite3_file *file) { return paced(file)->real(); }

/// Puts what was written on the disk and waits for it, without an fdatasync: sync_file_range
/// writes the file's dirty pages and forces no journal commit, so an order's WAL flush never
/// waits for a commit carrying the backup's block allocations (they go with the next commit,
/// their data already written). The backup's durability comes from its final fsync.
int writeOut(PacedFile *f)
{
    if (f->dataFd >= 0) {
        int rc = 0;
        do {
            rc = ::sync_file_range(f->dataFd, 0, 0,
                                   SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
        } while (rc != 0 && errno == EINTR);
        if (rc == 0)
            return SQLITE_OK;
        if (errno == EIO || errno == ENOSPC)
            return SQLITE_IOERR_FSYNC;
        // Not supported here: flush the usual way from now on.
        ::close(f->dataFd);
        f->dataFd = -1;
    }
    return f->real()->pMethods->xSync(f->real(), SQLITE_SYNC_NORMAL | SQLITE_SYNC_DATAONLY);
}

int pacedWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    PacedFile *f = paced(file);
    if (const int rc = f->real()->pMethods->xWrite(f->real(), data, amount, offset); rc != SQLITE_OK)
        return rc;
    f->unsynced += amount;
    f->written += amount;
    if (f->unsynced >= f->syncBytes) {
        f->unsynced = 0;
        if (const int rc = writeOut(f); rc != SQLITE_OK)
            return rc;
        // Where the clock should be for what has been written at the allowed rate.
        if (const qint64 rate = f->bytesPerSecond; rate > 0) {
            const qint64 dueMs = f->written * 1000 / rate;
            if (const qint64 ahead = dueMs - f->clock.elapsed(); ahead > 0)
                QThread::msleep(static_cast<unsigned long>(ahead));
        }
    }
    return SQLITE_OK;
}

// Everything else goes straight to the real file.
int pacedClose(sqlite3_file *f)
{
    if (paced(f)->dataFd >= 0)
        ::close(paced(f)->dataFd);
    return real(f)->pMethods->xClose(real(f));
}
int pacedRead(sqlite3_file *f, void *d, int n, sqlite3_int64 o) { return real(f)->pMethods->xRead(real(f), d, n, o); }
int pacedTruncate(sqlite3_file *f, sqlite3_int64 s) { return real(f)->pMethods->xTruncate(real(f), s); }
int pacedSync(sqlite3_file *f, int flags) { return real(f)->pMethods->xSync(real(f), flags); }
int pacedFileSize(sqlite3_file *f, sqlite3_int64 *s) { return real(f)->pMethods->xFileSize(real(f), s); }
int pacedLock(sqlite3_file *f, int l) { return real(f)->pMethods->xLock(real(f), l); }
int pacedUnlock(sqlite3_file *f, int l) { return real(f)->pMethods->xUnlock(real(f), l); }
int pacedCheckReservedLock(sqlite3_file *f, int *r) { return real(f)->pMethods->xCheckReservedLock(real(f), r); }
int pacedFileControl(sqlite3_file *f, int op, void *a) { return real(f)->pMethods->xFileControl(real(f), op, a); }
int pacedSectorSize(sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); }
int pacedDeviceCharacteristics(sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int pacedShmMap(sqlite3_file *f, int i, int sz, int e, void volatile **p)
{
    return real(f)->pMethods->xShmMap(real(f), i, sz, e, p);
}
int pacedShmLock(sqlite3_file *f, int o, int n, int fl) { return real(f)->pMethods->xShmLock(real(f), o, n, fl); }
void pacedShmBarrier(sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); }
int pacedShmUnmap(sqlite3_file *f, int d) { return real(f)->pMethods->xShmUnmap(real(f), d); }
int pacedFetch(sqlite3_file *f, sqlite3_int64 o, int n, void **p) { return real(f)->pMethods->xFetch(real(f), o, n, p); }
int pacedUnfetch(sqlite3_file *f, sqlite3_int64 o, void *p) { return real(f)->pMethods->xUnfetch(real(f), o, p); }

const sqlite3_io_methods g_methods = {
    3,
    pacedClose,
    pacedRead,
    pacedWrite,
    pacedTruncate,
    pacedSync,
    pacedFileSize,
    pacedLock,
    pacedUnlock,
    pacedCheckReservedLock,
    pacedFileControl,
    pacedSectorSize,
    pacedDeviceCharacteristics,
    pacedShmMap,
    pacedShmLock,
    pacedShmBarrier,
    pacedShmUnmap,
    pacedFetch,
    pacedUnfetch,
};

int pacedOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = reinterpret_cast<PacedFile *>(file);
    f->base.pMethods = nullptr;
    const int rc = g_real->xOpen(g_real, name, f->real(), flags, outFlags);
    if (rc != SQLITE_OK || f->real()->pMethods == nullptr)
        return rc; // SQLite does not close a file whose pMethods is null
    if (f->real()->pMethods->iVersion < 3) {
        // Not the unix VFS this was written for: pass the file through unpaced.
        f->real()->pMethods->xClose(f->real());
        return SQLITE_CANTOPEN;
    }
    f->syncBytes = g_syncBytes.load(std::memory_order_relaxed);
    f->bytesPerSecond = g_bytesPerSecond.load(std::memory_order_relaxed);
    f->unsynced = 0;
    f->written = 0;
    f->dataFd = name ? ::open(name, O_RDONLY | O_CLOEXEC) : -1;
    new (&f->clock) QElapsedTimer;
    f->clock.start();
    f->base.pMethods = &g_methods;
    return SQLITE_OK;
}

// The VFS's other calls (delete, access, full path, randomness, sleep, time) are the real one's.
int pacedDelete(sqlite3_vfs *, const char *n, int s) { return g_real->xDelete(g_real, n, s); }
int pacedAccess(sqlite3_vfs *, const char *n, int fl, int *r) { return g_real->xAccess(g_real, n, fl, r); }
int pacedFullPathname(sqlite3_vfs *, const char *n, int sz, char *out)
{
    return g_real->xFullPathname(g_real, n, sz, out);
}
void *pacedDlOpen(sqlite3_vfs *, const char *n) { return g_real->xDlOpen(g_real, n); }
void pacedDlError(sqlite3_vfs *, int n, char *m) { g_real->xDlError(g_real, n, m); }
void (*pacedDlSym(sqlite3_vfs *, void *h, const char *s))(void) { return g_real->xDlSym(g_real, h, s); }
void pacedDlClose(sqlite3_vfs *, void *h) { g_real->xDlClose(g_real, h); }
int pacedRandomness(sqlite3_vfs *, int n, char *out) { return g_real->xRandomness(g_real, n, out); }
int pacedSleep(sqlite3_vfs *, int us) { return g_real->xSleep(g_real, us); }
int pacedCurrentTime(sqlite3_vfs *, double *t) { return g_real->xCurrentTime(g_real, t); }
int pacedGetLastError(sqlite3_vfs *, int n, char *m) { return g_real->xGetLastError(g_real, n, m); }
int pacedCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *t) { return g_real->xCurrentTimeInt64(g_real, t); }

void registerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (g_real == nullptr)
            return;
        g_paced.iVersion = 2;
        g_paced.szOsFile = int(sizeof(PacedFile)) + g_real->szOsFile;
        g_paced.mxPathname = g_real->mxPathname;
        g_paced.zName = vfsName;
        g_paced.xOpen = pacedOpen;
        g_paced.xDelete = pacedDelete;
        g_paced.xAccess = pacedAccess;
        g_paced.xFullPathname = pacedFullPathname;
        g_paced.xDlOpen = pacedDlOpen;
        g_paced.xDlError = pacedDlError;
        g_paced.xDlSym = pacedDlSym;
        g_paced.xDlClose = pacedDlClose;
        g_paced.xRandomness = pacedRandomness;
        g_paced.xSleep = pacedSleep;
        g_paced.xCurrentTime = pacedCurrentTime;
        g_paced.xGetLastError = pacedGetLastError;
        g_paced.xCurrentTimeInt64 = pacedCurrentTimeInt64;
        sqlite3_vfs_register(&g_paced, 0);
    });
}

} // namespace

QString pacedUri(const QString &path, PacedWrites limits)
{
    g_syncBytes.store(std::max<qint64>(4096, limits.syncBytes), std::memory_order_relaxed);
    g_bytesPerSecond.store(std::max<qint64>(0, limits.bytesPerSecond), std::memory_order_relaxed);
    registerOnce();
    // file: URIs percent-encode '?', '#' and '%' in the path; QUrl does exactly that.
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + u"?vfs="_s + QLatin1StringView(vfsName);
}

} // namespace tableorder::db
