#pragma once

#include <QString>

namespace tableorder::db {

/// How a paced file is written: every `syncBytes` written are written out to the disk at once
/// (sync_file_range: the data, without forcing a journal commit), and writing waits so the
/// average stays under `bytesPerSecond`.
struct PacedWrites
{
    qint64 syncBytes = 256 * 1024;
    qint64 bytesPerSecond = 32 * 1024 * 1024;
};

/// An SQLite URI (`file:…?vfs=tableorder-paced`) for `path` whose writes are paced.
///
/// Why: a backup's `VACUUM INTO` writes the whole database (200 MB) as fast as it can into
/// the page cache; the kernel then flushes it in large batches, and every order's commit
/// (one WAL fdatasync, which on ext4 also waits for the journal commit that carries the backup
/// file's newly allocated blocks) queues behind those batches: order p99 went from 9 ms to
/// 300 ms while backups ran. Paced, at most `syncBytes` of backup data are ever waiting for
/// the disk, and the disk keeps idle time for the orders. The connection that uses the URI
/// must be opened with `QSQLITE_OPEN_URI` (or the URI given to `VACUUM INTO` on it).
/// Registers the VFS on first use; `limits` apply to files opened after the call.
QString pacedUri(const QString &path, PacedWrites limits = {});

} // namespace tableorder::db
