#pragma once

#include "error.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <QString>

namespace tableorder::db {

/// Opens (creating if needed) a SQLite database in WAL mode with `synchronous=FULL`:
/// a commit that returned is on disk, which is what lets the edge answer 201.
[[nodiscard]] Result<QSqlDatabase> openSqlite(const QString &connectionName, const QString &path);
/// Whether the SQLite connection runs in WAL mode (a file system without shared memory, or a
/// read-only one, keeps it in rollback-journal mode).
[[nodiscard]] bool isWal(QSqlDatabase &db);

enum class Dialect { SQLite, PostgreSQL };

/// Opens `sqlite:PATH` or `postgresql://user[:password]@host[:port]/dbname`.
[[nodiscard]] Result<QSqlDatabase> openUrl(const QString &connectionName, const QString &url);
[[nodiscard]] Dialect dialectOf(const QSqlDatabase &db);

/// Applies the numbered `NNN_name.sql` files of a resource directory that the
/// `schema_migrations` table does not list yet, each in its own transaction, so a failed
/// migration leaves the database as it was.
/// Migration text may use {{ID}} (auto-increment primary key), {{BLOB}} and {{BIGINT}},
/// which become each dialect's spelling: the one place where the SQL differs. A statement
/// containing {{SQLITE}} or {{POSTGRESQL}} runs on that dialect only (a table rebuild where
/// SQLite cannot alter a constraint).
[[nodiscard]] Status migrate(QSqlDatabase &db, const QString &resourceDir);
[[nodiscard]] int schemaVersion(QSqlDatabase &db);
/// The highest migration number in a resource directory: the newest schema this binary knows.
[[nodiscard]] int latestMigration(const QString &resourceDir);

/// An online, consistent copy of a SQLite database (VACUUM INTO): readers and writers go on.
[[nodiscard]] Status vacuumInto(QSqlDatabase &db, const QString &path);
/// Opens a SQLite file read-only and checks it: integrity_check and a schema version.
[[nodiscard]] Result<int> checkSqliteFile(const QString &path);

/// Rolls back unless commit() was called.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] Status commit();

private:
    QSqlDatabase &m_db;
    bool m_active = false;
};

/// While it lives, commits on `db` write the WAL without flushing it (SQLite WAL mode,
/// `PRAGMA synchronous=NORMAL`); a WalFlusher makes them durable off the event loop. Back to
/// synchronous=FULL (every commit flushed before it returns) when it goes out of scope.
class DeferredFlush
{
public:
    explicit DeferredFlush(QSqlDatabase &db);
    ~DeferredFlush();
    DeferredFlush(const DeferredFlush &) = delete;
    DeferredFlush &operator=(const DeferredFlush &) = delete;

private:
    QSqlDatabase &m_db;
};

/// A savepoint inside an open transaction: released by release(), otherwise rolled back to
/// (and released) when it goes out of scope, undoing only what ran since it was taken.
class Savepoint
{
public:
    explicit Savepoint(QSqlDatabase &db);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] Status release();

private:
    QSqlDatabase &m_db;
    bool m_active = false;
};

/// Binds an empty string rather than NULL for a null QString (NOT NULL text columns).
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// The database could not write because its file system is full (SQLite's SQLITE_FULL,
/// PostgreSQL's disk_full): what failed was not written, and the same write succeeds once
/// space frees.
[[nodiscard]] bool isStorageFull(const QSqlError &error);
/// A database that is busy rather than broken: PostgreSQL's lock_timeout (55P03) or
/// statement_timeout (57014), SQLite's SQLITE_BUSY (5) or SQLITE_LOCKED (6).
[[nodiscard]] bool isBusy(const QSqlError &error);
/// The Error a failed statement answers with: 503 STORAGE_FULL, 503 UNAVAILABLE when the
/// database is busy (the client retries), else 500 INTERNAL.
[[nodiscard]] Error storageError(const QSqlError &error);
/// Logs the driver's message (never bound values) and returns STORAGE_FULL for a full disk,
/// otherwise a generic Internal error.
Error queryError(const QSqlQuery &query, const char *what);
/// exec() a prepared query, mapping failure to queryError. A statement slower than the
/// slow-query threshold is logged and reported by its name (`what`), never its SQL or data.
[[nodiscard]] Status exec(QSqlQuery &query, const char *what);

/// Reports a statement that took `timer`'s time so far to the slow-query observer (and the
/// log) when it was slower than the threshold; for statements run outside exec().
void timed(const char *what, const QElapsedTimer &timer);
/// Called (on the thread that ran it) for every statement or commit slower than
/// `thresholdMs`; one observer per process. Without one, slow statements are only logged.
void setSlowQueryObserver(double thresholdMs, std::function<void(const char *name, double ms)> observer);
/// Runs `sql` (an INSERT without RETURNING) with the values bound in order and returns the
/// new row's `id` (RETURNING id works on SQLite 3.35+ and PostgreSQL alike).
[[nodiscard]] Result<qint64> insertReturningId(QSqlDatabase &db, const QString &sql,
                                               const QVariantList &values, const char *what);

/// A forward-only prepared statement; repositories keep theirs as members so each SQL
/// text is compiled once per connection.
QSqlQuery prepared(QSqlDatabase &db, const QString &sql);

} // namespace tableorder::db
