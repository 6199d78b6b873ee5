#pragma once

#include "error.h"
#include "pacedvfs.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

namespace tableorder::edge {

/// Online backups of the store's database on a schedule (VACUUM INTO: consistent while
/// orders keep coming), keeping the newest N, and the offline restore.
///
/// A backup is written under a temporary name, flushed to disk and renamed into place, so a
/// failure (a full disk included) leaves no partial file. In the daemon it runs on a worker
/// thread with a connection of its own: the event loop keeps serving orders meanwhile.
class BackupService : public QObject
{
    Q_OBJECT
public:
    BackupService(QSqlDatabase db, QString backupDir, int keep, db::PacedWrites pacing = {},
                  QObject *parent = nullptr);
    ~BackupService() override;

    /// Every intervalMinutes (0: never), each run on the worker thread.
    void schedule(int intervalMinutes);
    /// Writes edge-YYYYMMDD-HHMMSS-zzz.sqlite3 into the backup directory on this thread and
    /// returns its path (the admin command; the daemon uses startBackup()).
    [[nodiscard]] Result<QString> backupNow();
    using Done = std::function<void(const Result<QString> &)>;
    /// Starts a backup on the worker thread; `done` runs on this object's thread when it ends.
    /// CONFLICT when one is already running.
    [[nodiscard]] Status startBackup(Done done = {});
    [[nodiscard]] bool isRunning() const { return m_worker != nullptr; }
    [[nodiscard]] QStringList backups() const;

    /// The outcome of the last backup the daemon ran (empty before the first).
    struct LastRun
    {
        QDateTime finishedAt;
        Result<QString> result = QString();
    };
    [[nodiscard]] const std::optional<LastRun> &lastRun() const { return m_last; }

    /// Replaces the database at databasePath with a checked backup; the daemon must be
    /// stopped. Refuses a backup whose schema is newer than `knownSchemaVersion`. The restored
    /// file and its directory are flushed to disk before it returns; the replaced database is
    /// kept beside it as *.before-restore-<time>, whose path it returns.
    [[nodiscard]] static Result<QString> restore(const QString &backupPath, const QString &databasePath,
                                                 int knownSchemaVersion);

private:
    QSqlDatabase m_db;
    QString m_dir;
    int m_keep;
    db::PacedWrites m_pacing;
    QTimer m_timer;
    std::unique_ptr<QThread> m_worker;
    std::optional<LastRun> m_last;
};

} // namespace tableorder::edge
