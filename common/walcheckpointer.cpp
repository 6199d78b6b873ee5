#include "walcheckpointer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlDriver>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCheckpoint, "tableorder.db.checkpoint")

namespace tableorder::db {

namespace {

/// The sqlite3 handle behind a QSQLITE connection, or null.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

WalCheckpointer::WalCheckpointer(QSqlDatabase db, const QString &databasePath, int thresholdFrames,
                                 QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_path(databasePath), m_threshold(std::max(1, thresholdFrames))
{
    m_committer = sqliteHandle(m_db);
    if (!m_committer) {
        qCWarning(lcCheckpoint) << "not an SQLite connection: it keeps checkpointing itself";
        return;
    }
    m_thread = std::thread([this] { run(); });
    // Replaces SQLite's own hook (the automatic checkpoint): from now on this thread checkpoints.
    sqlite3_wal_hook(m_committer, &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_committer)
        return;
    if (m_db.isOpen())
        sqlite3_wal_autocheckpoint(m_committer, 1000); // SQLite's default hook back
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

int WalCheckpointer::onCommit(void *self, sqlite3 *, const char *, int frames)
{
    // On the committing thread, after every commit: only a flag and a wake-up.
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (frames >= checkpointer->m_threshold) {
        {
            std::lock_guard lock(checkpointer->m_mutex);
            checkpointer->m_requested = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    sqlite3 *own = nullptr;
    const QByteArray path = QFile::encodeName(m_path);
    if (sqlite3_open_v2(path.constData(), &own, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        qCCritical(lcCheckpoint) << "cannot open" << m_path << "to checkpoint:" << sqlite3_errmsg(own);
        sqlite3_close(own);
        own = nullptr;
    } else {
        // Its own closing must not checkpoint or remove the WAL: the committer still uses it.
        sqlite3_db_config(own, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_wal_autocheckpoint(own, 0);
        // SQLite opens the WAL at a connection's first read: until then a checkpoint finds
        // no WAL and does nothing.
        sqlite3_exec(own, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    }
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_requested || m_stop; });
        if (m_stop)
            break;
        m_requested = false;
        lock.unlock();
        if (own) {
            QElapsedTimer timer;
            timer.start();
            int walFrames = 0;
            int copied = 0;
            const int rc = sqlite3_wal_checkpoint_v2(own, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
            qCDebug(lcCheckpoint) << "checkpoint rc" << rc << "wal" << walFrames << "copied" << copied;
            if (rc == SQLITE_OK)
                emit checkpointed(timer.nsecsElapsed() / 1e9, walFrames, copied);
            else if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                qCWarning(lcCheckpoint) << "checkpoint failed:" << sqlite3_errmsg(own);
        }
        lock.lock();
    }
    lock.unlock();
    sqlite3_close(own);
}

} // namespace tableorder::db
