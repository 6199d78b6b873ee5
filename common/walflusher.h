#pragma once

#include "error.h"

#include <QObject>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace tableorder::db {

/// Makes SQLite commits durable on a thread of its own, so the event loop never waits on the
/// disk for them (group commit, the edge's orders and kitchen receipts).
///
/// How: the connection commits a group with `PRAGMA synchronous=NORMAL` (in WAL mode SQLite then
/// writes the WAL frames without flushing them), and whenDurable() asks this thread to
/// `fdatasync` the WAL file; the callbacks of every commit made before that flush started run,
/// on the event loop, when it returns. Meanwhile the event loop reads and answers requests and
/// commits the next group into the WAL; the next flush covers it (one flush for every group
/// committed while the previous one ran). Nothing is confirmed before its flush; a crash before
/// it loses only commits nobody was told about (the tablet retries with the same
/// client_order_id). Checkpoints still flush the WAL before they copy it (SQLite's rule for
/// NORMAL), and a WAL file removed by a checkpoint-on-close has nothing left to flush.
///
/// The flush works on the file, not on a connection: `fdatasync` of any descriptor of the WAL
/// file writes its dirty pages, whichever descriptor wrote them.
class WalFlusher : public QObject
{
    Q_OBJECT
public:
    /// `databasePath`: the SQLite file (its WAL is `<path>-wal`).
    explicit WalFlusher(const QString &databasePath, QObject *parent = nullptr);
    /// Waits for the flush in progress and any asked for; their callbacks do not run.
    ~WalFlusher() override;

    using Done = std::function<void(const Status &)>;
    /// Runs `done` on this object's thread once everything committed before this call is on
    /// disk (or the flush failed: an I/O error, passed on).
    void whenDurable(Done done);

signals:
    /// A flush finished: how long it took (seconds), how many waiters it released.
    void flushed(double seconds, int released);

private:
    void run();
    /// On the flusher's thread: one fdatasync of the WAL file.
    Status flushOnce();
    void complete(quint64 generation, const Status &status, double seconds);

    QString m_walPath;
    int m_fd = -1; // the flusher thread's own descriptor of the WAL file

    // Event loop only.
    quint64 m_requested = 0;
    struct Waiter
    {
        quint64 generation;
        Done done;
    };
    std::deque<Waiter> m_waiting;

    // Shared, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    quint64 m_target = 0;  // the newest generation asked for
    quint64 m_flushed = 0; // the newest generation whose flush has returned
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace tableorder::db
