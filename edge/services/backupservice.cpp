#include "backupservice.h"

#include "database.h"
#include "threadpriority.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThread>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBackup, "tableorder.edge.backup")

namespace tableorder::edge {

namespace {

Error fileError(int error, const QString &what)
{
    if (error == ENOSPC || error == EDQUOT)
        return Error{ErrorCode::StorageFull, u"no space left to %1"_s.arg(what), QJsonValue::Undefined};
    return Error{ErrorCode::Internal, u"cannot %1: %2"_s.arg(what, QString::fromLocal8Bit(std::strerror(error))),
                 QJsonValue::Undefined};
}

/// fsync(2) of a file or a directory (a rename is durable once its directory is flushed).
Status syncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), (directory ? O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return fail(fileError(errno, u"open %1"_s.arg(path)));
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        return fail(fileError(error, u"flush %1 to disk"_s.arg(path)));
    return {};
}

/// VACUUM INTO on a connection of its own (this function may run on any thread), written at
/// the paced rate (see db::pacedUri) so that orders committing meanwhile do not queue behind it.
Status vacuumInto(const QString &databasePath, const QString &target, const db::PacedWrites &pacing)
{
    const QString name = u"backup-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status status;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI"_s);
        if (!db.open())
            status = fail(ErrorCode::Internal, u"cannot open %1 for a backup"_s.arg(databasePath));
        else
            status = db::vacuumInto(db, db::pacedUri(target, pacing));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

/// Removes an old backup a slice at a time. Freeing 200 MB at once hands the file system one
/// large discard (the data directory is mounted with `discard` on SSD-backed boxes) inside the
/// next journal commit, and an order's WAL flush waited 65 ms behind it; shrinking the file
/// 1 MiB per 50 ms spreads that over many small commits. Best effort: a file that cannot be
/// shrunk is still removed.
void removeGradually(const QString &path)
{
    constexpr off_t slice = 1024 * 1024;
    if (const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC); fd >= 0) {
        struct stat st{};
        off_t size = ::fstat(fd, &st) == 0 ? st.st_size : 0;
        while (size > slice) {
            size -= slice;
            if (::ftruncate(fd, size) != 0)
                break;
            QThread::msleep(50);
        }
        ::close(fd);
    }
    QFile::remove(path);
}

/// The whole backup: a consistent copy under a temporary name, flushed, renamed into place,
/// the directory flushed, then the oldest beyond `keep` removed. On any failure the
/// temporary file is removed, so the directory holds only complete backups.
Result<QString> writeBackup(const QString &databasePath, const QString &dir, int keep,
                            const db::PacedWrites &pacing)
{
    if (!QDir().mkpath(dir))
        return fail(fileError(errno, u"create backup directory %1"_s.arg(dir)));
    // Temporary files of a backup that a crash or power cut interrupted.
    for (const QString &stale : QDir(dir).entryList({u".edge-*.partial"_s, u"edge-*.partial"_s}, QDir::Files | QDir::Hidden))
        QFile::remove(QDir(dir).filePath(stale));
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s);
    const QString path = QDir(dir).filePath(u"edge-%1.sqlite3"_s.arg(stamp));
    const QString partial = QDir(dir).filePath(u".edge-%1.sqlite3.partial"_s.arg(stamp));
    auto finish = [&]() -> Status {
        if (auto ok = vacuumInto(databasePath, partial, pacing); !ok)
            return ok;
        QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (auto ok = syncPath(partial, false); !ok)
            return ok;
        if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0)
            return fail(fileError(errno, u"finish backup %1"_s.arg(path)));
        return syncPath(dir, true);
    };
    if (auto ok = finish(); !ok) {
        QFile::remove(partial);
        QFile::remove(partial + u"-journal"_s);
        return fail(ok.error());
    }
    QStringList all = QDir(dir).entryList({u"edge-*.sqlite3"_s}, QDir::Files, QDir::Name);
    for (qsizetype i = 0; i + keep < all.size(); ++i)
        removeGradually(QDir(dir).filePath(all.at(i)));
    return path;
}

} // namespace

BackupService::BackupService(QSqlDatabase db, QString backupDir, int keep, db::PacedWrites pacing,
                             QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_dir(std::move(backupDir)), m_keep(std::max(1, keep)),
      m_pacing(pacing)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto started = startBackup(); !started)
            qCWarning(lcBackup).noquote() << "scheduled backup skipped:" << started.error().message;
    });
}

BackupService::~BackupService()
{
    if (m_worker)
        m_worker->wait(); // its VACUUM INTO uses a connection and files of its own
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
    auto path = writeBackup(m_db.databaseName(), m_dir, m_keep, m_pacing);
    if (path)
        qCInfo(lcBackup).noquote() << "backup written:" << *path;
    return path;
}

Status BackupService::startBackup(Done done)
{
    if (m_worker)
        return fail(ErrorCode::Conflict, u"a backup is already running"_s);
    auto result = std::make_shared<Result<QString>>(fail(Error::internal()));
    m_worker.reset(QThread::create([result, db = m_db.databaseName(), dir = m_dir, keep = m_keep, pacing = m_pacing] {
        // VACUUM INTO rebuilds every table and index: seconds of CPU that must not be taken
        // from the event loop.
        lowerCurrentThread(10);
        *result = writeBackup(db, dir, keep, pacing);
    }));
    connect(m_worker.get(), &QThread::finished, this, [this, result, done = std::move(done)] {
        m_worker->wait();
        m_worker.reset();
        if (*result)
            qCInfo(lcBackup).noquote() << "backup written:" << **result;
        else
            qCWarning(lcBackup).noquote() << "backup failed:" << result->error().message;
        m_last = LastRun{QDateTime::currentDateTimeUtc(), *result};
        if (done)
            done(*result);
    });
    m_worker->start();
    return {};
}

Result<QString> BackupService::restore(const QString &backupPath, const QString &databasePath,
                                       int knownSchemaVersion)
{
    auto version = db::checkSqliteFile(backupPath);
    if (!version)
        return fail(version.error());
    if (*version > knownSchemaVersion)
        return fail(ErrorCode::SchemaNotSupported,
                    u"%1 is from a newer tableorder-edge (schema version %2; this one knows up to %3): "
                    "restore it with that version or a later one"_s.arg(backupPath).arg(*version).arg(knownSchemaVersion),
                    QJsonObject{{u"backup_schema_version"_s, *version}, {u"known_schema_version"_s, knownSchemaVersion}});

    // Copied next to the database first (same file system, so the rename below is atomic) and
    // flushed, so a power cut leaves either the old database or the complete backup.
    const QString incoming = databasePath + u".restoring"_s;
    QFile::remove(incoming);
    if (!QFile::copy(backupPath, incoming)) {
        QFile::remove(incoming);
        return fail(ErrorCode::Internal, u"cannot copy the backup next to the database"_s);
    }
    QFile::setPermissions(incoming, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (auto ok = syncPath(incoming, false); !ok) {
        QFile::remove(incoming);
        return fail(ok.error());
    }

    const QString aside = databasePath + u".before-restore-"_s
            + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s);
    if (QFile::exists(databasePath) && !QFile::rename(databasePath, aside)) {
        QFile::remove(incoming);
        return fail(ErrorCode::Internal, u"cannot move the current database aside"_s);
    }
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(databasePath + suffix))
            QFile::rename(databasePath + suffix, aside + suffix);
    }
    if (::rename(QFile::encodeName(incoming).constData(), QFile::encodeName(databasePath).constData()) != 0) {
        const Error error = fileError(errno, u"move the backup into place"_s);
        QFile::rename(aside, databasePath);
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s})
            QFile::rename(aside + suffix, databasePath + suffix);
        QFile::remove(incoming);
        return fail(error);
    }
    if (auto ok = syncPath(QFileInfo(databasePath).absolutePath(), true); !ok)
        return fail(ok.error());
    return aside;
}

} // namespace tableorder::edge
