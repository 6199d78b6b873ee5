#pragma once

#include "error.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace tableorder::edge {

/// Online backups of the store's database on a schedule (VACUUM INTO: consistent while
/// orders keep coming), keeping the newest N, and the offline restore.
class BackupService : public QObject
{
    Q_OBJECT
public:
    BackupService(QSqlDatabase db, QString backupDir, int keep, QObject *parent = nullptr);

    /// Every intervalMinutes (0: never).
    void schedule(int intervalMinutes);
    /// Writes edge-YYYYMMDD-HHMMSS.sqlite3 into the backup directory; returns its path.
    [[nodiscard]] Result<QString> backupNow();
    [[nodiscard]] QStringList backups() const;

    /// Replaces the database at databasePath with a checked backup; the daemon must be
    /// stopped. The replaced database is kept beside it as *.before-restore-<time>.
    [[nodiscard]] static Result<QString> restore(const QString &backupPath, const QString &databasePath);

private:
    QSqlDatabase m_db;
    QString m_dir;
    int m_keep;
    QTimer m_timer;
};

} // namespace tableorder::edge
