#pragma once

#include "error.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace tableorder::db {

/// Checkpoints an SQLite WAL on a thread of its own, so the connection that commits (the
/// edge's event loop) never copies pages into the database file or waits for its flushes.
///
/// By default SQLite checkpoints inside the COMMIT that takes the WAL past 1,000 pages: on the
/// edge that was every half second at 100 orders/s, on the event loop, with an fdatasync of the
/// WAL and one of the database file each time (3–12 ms during which no request was read). Here
/// the committing connection's own checkpoints are switched off (its WAL hook is replaced), the
/// hook tells this thread how long the WAL has grown, and past `thresholdFrames` the thread runs
/// a PASSIVE checkpoint on a connection of its own: it copies what no reader still needs and
/// never blocks a writer or a reader. The writer starts the WAL from its beginning again once
/// everything in it has been copied (SQLite's own rule), so the file stays bounded.
///
/// Durability is unchanged: a checkpoint only copies frames that are already in the WAL, and
/// SQLite flushes the WAL before copying and the database file after.
class WalCheckpointer : public QObject
{
    Q_OBJECT
public:
    /// `db`: the open connection whose commits grow the WAL (must be an SQLite connection in
    /// WAL mode, used on this object's thread); `databasePath` its file.
    WalCheckpointer(QSqlDatabase db, const QString &databasePath, int thresholdFrames = 4000,
                    QObject *parent = nullptr);
    /// Finishes a checkpoint under way, and gives the connection its own checkpoints back.
    ~WalCheckpointer() override;

    /// Whether the hook is in place (false: not SQLite, or the handle was not reachable; the
    /// connection then keeps checkpointing itself).
    bool isActive() const { return m_committer != nullptr; }

signals:
    /// A checkpoint finished: how long it took (seconds), the WAL's frames and how many of them
    /// are now in the database file. Emitted on the checkpointer's thread; connect queued.
    void checkpointed(double seconds, int walFrames, int copiedFrames);

private:
    static int onCommit(void *self, sqlite3 *db, const char *name, int frames);
    void run();

    QSqlDatabase m_db;
    QString m_path;
    int m_threshold;
    sqlite3 *m_committer = nullptr;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace tableorder::db
