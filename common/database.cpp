#include "database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>

#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDb, "tableorder.db")

namespace tableorder::db {

namespace {
struct SlowQueries
{
    QMutex mutex;
    double thresholdMs = 100;
    std::function<void(const char *, double)> observer;
};
SlowQueries &slowQueries()
{
    static SlowQueries instance;
    return instance;
}

} // namespace

void timed(const char *what, const QElapsedTimer &timer)
{
    const double ms = timer.nsecsElapsed() / 1e6;
    SlowQueries &slow = slowQueries();
    QMutexLocker lock(&slow.mutex);
    if (ms < slow.thresholdMs)
        return;
    qCWarning(lcDb, "slow statement %s: %.1f ms", what, ms);
    if (slow.observer)
        slow.observer(what, ms);
}

void setSlowQueryObserver(double thresholdMs, std::function<void(const char *, double)> observer)
{
    SlowQueries &slow = slowQueries();
    QMutexLocker lock(&slow.mutex);
    slow.thresholdMs = thresholdMs;
    slow.observer = std::move(observer);
}

Result<QSqlDatabase> openSqlite(const QString &connectionName, const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return fail(ErrorCode::Internal,
                    u"cannot open database %1: %2"_s.arg(path, db.lastError().text()));
    QSqlQuery query(db);
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s,
          u"PRAGMA temp_store=MEMORY"_s, u"PRAGMA cache_size=-8000"_s}) {
        if (!query.exec(pragma))
            return fail(ErrorCode::Internal, u"%1 failed: %2"_s.arg(pragma, query.lastError().text()));
    }
    return db;
}

bool isWal(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(u"PRAGMA journal_mode"_s) && query.next()
            && query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0;
}

Dialect dialectOf(const QSqlDatabase &db)
{
    return db.driverName() == u"QPSQL"_s ? Dialect::PostgreSQL : Dialect::SQLite;
}

Result<QSqlDatabase> openUrl(const QString &connectionName, const QString &url)
{
    if (url.startsWith(u"sqlite:"_s))
        return openSqlite(connectionName, url.sliced(7));
    const QUrl parsed(url);
    if (parsed.scheme() != u"postgresql"_s && parsed.scheme() != u"postgres"_s)
        return fail(Error::validation(u"db"_s, u"--db must be sqlite:PATH or postgresql://user@host:port/db"_s));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setUserName(parsed.userName());
    db.setPassword(parsed.password());
    db.setDatabaseName(parsed.path().mid(1));
    if (!db.open())
        return fail(ErrorCode::Unavailable, u"cannot connect to PostgreSQL at %1:%2: %3"_s.arg(
                                                   parsed.host()).arg(parsed.port(5432)).arg(db.lastError().text()));
    return db;
}

int schemaVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

int latestMigration(const QString &resourceDir)
{
    int latest = 0;
    for (const QString &name : QDir(resourceDir).entryList({u"*.sql"_s}, QDir::Files))
        latest = std::max(latest, name.section(u'_', 0, 0).toInt());
    return latest;
}

Status migrate(QSqlDatabase &db, const QString &resourceDir)
{
    QSqlQuery query(db);
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"_s))
        return fail(queryError(query, "create schema_migrations"));
    const int current = schemaVersion(db);

    static const QRegularExpression fileName(u"^(\\d+)_([a-z0-9_]+)\\.sql$"_s);
    const QStringList files = QDir(resourceDir).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const auto match = fileName.match(name);
        if (!match.hasMatch())
            return fail(ErrorCode::Internal, u"bad migration file name %1"_s.arg(name));
        const int version = match.captured(1).toInt();
        if (version <= current)
            continue;
        QFile file(resourceDir + u'/' + name);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Internal, u"cannot read migration %1"_s.arg(name));
        QString sql = QString::fromUtf8(file.readAll());
        const bool pg = dialectOf(db) == Dialect::PostgreSQL;
        sql.replace(u"{{ID}}"_s, pg ? u"BIGSERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
        sql.replace(u"{{BLOB}}"_s, pg ? u"BYTEA"_s : u"BLOB"_s);
        sql.replace(u"{{BIGINT}}"_s, pg ? u"BIGINT"_s : u"INTEGER"_s);

        Transaction tx(db);
        // QSqlQuery runs one statement at a time; migration files end statements with ";\n".
        for (const QString &statement : sql.split(u";\n"_s, Qt::SkipEmptyParts)) {
            QString trimmed = statement.trimmed();
            if (trimmed.endsWith(u';'))
                trimmed.chop(1);
            if (trimmed.isEmpty() || (trimmed.startsWith(u"--"_s) && !trimmed.contains(u'\n')))
                continue;
            // A statement marked {{SQLITE}} or {{POSTGRESQL}} runs on that dialect only.
            if (trimmed.contains(u"{{SQLITE}}"_s) || trimmed.contains(u"{{POSTGRESQL}}"_s)) {
                if (trimmed.contains(pg ? u"{{SQLITE}}"_s : u"{{POSTGRESQL}}"_s))
                    continue;
                trimmed.remove(pg ? u"{{POSTGRESQL}}"_s : u"{{SQLITE}}"_s);
            }
            if (!query.exec(trimmed)) {
                qCCritical(lcDb) << "migration" << name << "failed:" << query.lastError().text();
                return fail(ErrorCode::Internal, u"migration %1 failed"_s.arg(name));
            }
        }
        query.prepare(u"INSERT INTO schema_migrations(version, name) VALUES (?, ?)"_s);
        query.addBindValue(version);
        query.addBindValue(match.captured(2));
        if (!query.exec())
            return fail(queryError(query, "record migration"));
        if (auto ok = tx.commit(); !ok)
            return ok;
        qCInfo(lcDb) << "applied migration" << name;
    }
    return {};
}

Status vacuumInto(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(path);
    if (!q.exec())
        return fail(queryError(q, "backup"));
    return {};
}

Result<int> checkSqliteFile(const QString &path)
{
    const QString name = u"check-"_s + path;
    int version = 0;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            problem = u"cannot open %1"_s.arg(path);
        } else {
            QSqlQuery q(db);
            if (!q.exec(u"PRAGMA integrity_check"_s) || !q.next() || q.value(0).toString() != u"ok"_s)
                problem = u"%1 fails the integrity check"_s.arg(path);
            else
                version = schemaVersion(db);
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!problem.isEmpty())
        return fail(ErrorCode::ValidationFailed, problem);
    if (version == 0)
        return fail(ErrorCode::ValidationFailed, u"%1 is not a tableorder database"_s.arg(path));
    return version;
}

DeferredFlush::DeferredFlush(QSqlDatabase &db) : m_db(db)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA synchronous=NORMAL"_s))
        qCWarning(lcDb) << "cannot defer the flush:" << query.lastError().text();
}

DeferredFlush::~DeferredFlush()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA synchronous=FULL"_s))
        qCCritical(lcDb) << "cannot set synchronous=FULL again:" << query.lastError().text();
}

Transaction::Transaction(QSqlDatabase &db) : m_db(db)
{
    m_active = m_db.transaction();
    if (!m_active)
        qCWarning(lcDb) << "cannot begin transaction:" << m_db.lastError().text();
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return fail(Error::internal());
    m_active = false;
    QElapsedTimer timer;
    timer.start();
    const bool committed = m_db.commit();
    timed("commit", timer);
    if (!committed) {
        const QSqlError error = m_db.lastError();
        qCCritical(lcDb) << "commit failed:" << error.text();
        // SQLite may already have rolled the transaction back itself (SQLITE_FULL): the
        // explicit rollback then fails harmlessly, and either way nothing of it is kept.
        m_db.rollback();
        return fail(storageError(error));
    }
    return {};
}

Savepoint::Savepoint(QSqlDatabase &db) : m_db(db)
{
    QSqlQuery q(m_db);
    m_active = q.exec(QStringLiteral("SAVEPOINT item"));
    if (!m_active)
        qCWarning(lcDb) << "cannot take a savepoint:" << q.lastError().text();
}

Savepoint::~Savepoint()
{
    if (!m_active)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK TO item")) || !q.exec(QStringLiteral("RELEASE item")))
        qCWarning(lcDb) << "cannot roll back to a savepoint:" << q.lastError().text();
}

Status Savepoint::release()
{
    if (!m_active)
        return fail(Error::internal());
    m_active = false;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("RELEASE item")))
        return fail(queryError(q, "release savepoint"));
    return {};
}

bool isStorageFull(const QSqlError &error)
{
    // SQLITE_FULL is 13. Qt's SQLite driver reports a failed COMMIT without the native code,
    // so SQLite's message for it is checked too; 53100 is PostgreSQL's disk_full SQLSTATE.
    const QString code = error.nativeErrorCode();
    return code == u"13"_s || code == u"53100"_s
            || error.databaseText().contains(u"database or disk is full"_s)
            || error.databaseText().contains(u"No space left on device"_s);
}

namespace {

/// The last statement db::prepared() could not prepare on this thread, so that db::exec()
/// answers with the prepare's error instead of running it.
struct FailedPrepare
{
    QString sql;
    QSqlError error;
};
thread_local FailedPrepare t_failedPrepare;

} // namespace

bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == u"55P03"_s || code == u"57014"_s || code == u"5"_s || code == u"6"_s;
}

Error storageError(const QSqlError &error)
{
    if (isStorageFull(error))
        return Error::storageFull();
    if (isBusy(error))
        return Error{ErrorCode::Unavailable,
                     u"the database is busy (a lock or statement timeout): nothing was saved, try again shortly"_s,
                     QJsonValue::Undefined};
    return Error::internal();
}

Error queryError(const QSqlQuery &query, const char *what)
{
    qCCritical(lcDb) << what << "failed:" << query.lastError().text();
    return storageError(query.lastError());
}

Status exec(QSqlQuery &query, const char *what)
{
    // A statement that could not be prepared is not run: QPSQL would send a bare
    // "EXECUTE (…)" and report its syntax error instead of why the prepare failed (e.g. a
    // lock timeout, which must answer 503, not 500).
    if (t_failedPrepare.error.isValid() && t_failedPrepare.sql == query.lastQuery()) {
        const QSqlError error = std::exchange(t_failedPrepare, {}).error;
        qCCritical(lcDb) << what << "not run: its prepare failed";
        return fail(storageError(error));
    }
    QElapsedTimer timer;
    timer.start();
    const bool ok = query.exec();
    timed(what, timer);
    if (!ok)
        return fail(queryError(query, what));
    return {};
}

Result<qint64> insertReturningId(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                                 const char *what)
{
    QSqlQuery q = prepared(db, sql + u" RETURNING id"_s);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto ok = exec(q, what); !ok)
        return fail(ok.error());
    if (!q.next())
        return fail(Error::internal());
    return q.value(0).toLongLong();
}

QSqlQuery prepared(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCCritical(lcDb) << "prepare failed:" << sql << query.lastError().text();
        t_failedPrepare = {sql, query.lastError()};
    } else {
        t_failedPrepare = {};
    }
    return query;
}

} // namespace tableorder::db
