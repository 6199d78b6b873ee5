#include "backupservice.h"

#include "database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBackup, "tableorder.edge.backup")

namespace tableorder::edge {

BackupService::BackupService(QSqlDatabase db, QString backupDir, int keep, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_dir(std::move(backupDir)), m_keep(std::max(1, keep))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto made = backupNow(); !made)
            qCWarning(lcBackup).noquote() << "scheduled backup failed:" << made.error().message;
    });
}

void BackupService::schedule(int intervalMinutes)
{
    if (intervalMinutes > 0)
        m_timer.start(intervalMinutes * 60'000);
    else
        m_timer.stop();
}

QStringList BackupService::backups() const
{
    QStringList files = QDir(m_dir).entryList({u"edge-*.sqlite3"_s}, QDir::Files, QDir::Name);
    for (QString &file : files)
        file = QDir(m_dir).filePath(file);
    return files;
}

Result<QString> BackupService::backupNow()
{
    if (!QDir().mkpath(m_dir))
        return fail(ErrorCode::Internal, u"cannot create backup directory %1"_s.arg(m_dir));
    const QString name = u"edge-%1.sqlite3"_s.arg(QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s));
    const QString path = QDir(m_dir).filePath(name);
    const QString partial = path + u".partial"_s;
    QFile::remove(partial);
    if (auto ok = db::vacuumInto(m_db, partial); !ok)
        return fail(ok.error());
    if (!QFile::rename(partial, path))
        return fail(ErrorCode::Internal, u"cannot finish backup %1"_s.arg(path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QStringList all = backups();
    for (qsizetype i = 0; i + m_keep < all.size(); ++i)
        QFile::remove(all.at(i));
    qCInfo(lcBackup).noquote() << "backup written:" << path;
    return path;
}

Result<QString> BackupService::restore(const QString &backupPath, const QString &databasePath)
{
    auto version = db::checkSqliteFile(backupPath);
    if (!version)
        return fail(version.error());
    const QString aside = databasePath + u".before-restore-"_s
            + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s);
    if (QFile::exists(databasePath) && !QFile::rename(databasePath, aside))
        return fail(ErrorCode::Internal, u"cannot move the current database aside"_s);
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(databasePath + suffix))
            QFile::rename(databasePath + suffix, aside + suffix);
    }
    if (!QFile::copy(backupPath, databasePath)) {
        QFile::rename(aside, databasePath);
        return fail(ErrorCode::Internal, u"cannot copy the backup into place"_s);
    }
    QFile::setPermissions(databasePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return aside;
}

} // namespace tableorder::edge
