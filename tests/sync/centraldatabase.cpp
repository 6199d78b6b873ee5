#include "centraldatabase.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tableorder::test {

namespace {

QString env(const char *name)
{
    return QProcessEnvironment::systemEnvironment().value(QString::fromLatin1(name));
}

/// The PostgreSQL test cluster's URL, written by `pgcluster.sh start` for the ctest fixture.
QString clusterUrl(QString *error)
{
    QString path = env("TABLEORDER_TEST_PG_URL_FILE");
    if (path.isEmpty())
        path = QStringLiteral(TABLEORDER_TEST_PG_URL_FILE);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"no PostgreSQL test cluster: cannot read %1 (run under ctest, which starts it "
                 "with tests/support/pgcluster.sh)"_s.arg(path);
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

QSqlDatabase openTestDatabase(const QString &name, const QString &url, const QString &options)
{
    QSqlDatabase db;
    if (url.startsWith(u"sqlite:"_s)) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(url.sliced(7));
        db.setConnectOptions(options.isEmpty() ? u"QSQLITE_BUSY_TIMEOUT=5000"_s : options);
    } else {
        const QUrl parsed(url);
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(parsed.host());
        db.setPort(parsed.port(5432));
        db.setUserName(parsed.userName());
        db.setDatabaseName(parsed.path().mid(1));
    }
    if (!db.open())
        qWarning("cannot open %s: %s", qPrintable(url), qPrintable(db.lastError().text()));
    return db;
}

qint64 queryValue(QSqlDatabase db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

Backend testBackend()
{
    return env("TABLEORDER_TEST_BACKEND").compare(u"postgresql"_s, Qt::CaseInsensitive) == 0
        ? Backend::PostgreSQL
        : Backend::SQLite;
}

QString backendName()
{
    return testBackend() == Backend::PostgreSQL ? u"postgresql"_s : u"sqlite"_s;
}

CentralDatabase::CentralDatabase()
    : m_backend(testBackend())
    , m_connection(u"inspect-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_probeConnection(u"probe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary directory"_s;
        return;
    }
    if (m_backend == Backend::SQLite) {
        m_url = u"sqlite:"_s + QDir(m_dir.path()).filePath(u"central.sqlite3"_s);
        return;
    }
    m_adminUrl = clusterUrl(&m_error);
    if (m_adminUrl.isEmpty())
        return;
    m_pgName = u"sync_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
    const QString admin = u"admin-"_s + m_connection;
    {
        QSqlDatabase db = openTestDatabase(admin, m_adminUrl);
        QSqlQuery q(db);
        if (!db.isOpen() || !q.exec(u"CREATE DATABASE %1"_s.arg(m_pgName)))
            m_error = u"cannot create database %1: %2 %3"_s.arg(
                m_pgName, db.lastError().text(), q.lastError().text());
        db.close();
    }
    QSqlDatabase::removeDatabase(admin);
    if (m_error.isEmpty()) {
        QUrl url(m_adminUrl);
        url.setPath(u"/"_s + m_pgName);
        m_url = url.toString();
    }
}

CentralDatabase::~CentralDatabase()
{
    for (const QString &name : { m_connection, m_probeConnection }) {
        if (QSqlDatabase::contains(name)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
    if (m_pgName.isEmpty() || !m_error.isEmpty())
        return;
    const QString admin = u"drop-"_s + m_connection;
    {
        QSqlDatabase db = openTestDatabase(admin, m_adminUrl);
        QSqlQuery q(db);
        if (!q.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_pgName)))
            qWarning("cannot drop %s: %s", qPrintable(m_pgName), qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(admin);
}

QSqlDatabase CentralDatabase::connection()
{
    if (QSqlDatabase::contains(m_connection))
        return QSqlDatabase::database(m_connection);
    return openTestDatabase(m_connection, m_url);
}

CentralProcess::Options CentralDatabase::centralOptions(bool demo) const
{
    CentralProcess::Options options;
    options.demo = demo;
    options.databaseUrl = m_url;
    options.secretFile = QDir(m_dir.path()).filePath(u"central-jwt-secret"_s);
    return options;
}

bool CentralDatabase::centralIsInsideBatch()
{
    if (m_backend == Backend::PostgreSQL) {
        // Another backend of this database holds the lock an INSERT takes and is inside a
        // transaction: central's ingest, between its first event insert and its commit.
        return queryValue(connection(), uR"(
            SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE c.relname = 'store_events' AND l.mode = 'RowExclusiveLock' AND l.granted
              AND l.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL)"_s)
            > 0;
    }
    // SQLite takes its write lock at a transaction's first write and keeps it to the end.
    QSqlDatabase probe = QSqlDatabase::contains(m_probeConnection)
        ? QSqlDatabase::database(m_probeConnection)
        : openTestDatabase(m_probeConnection, m_url, u"QSQLITE_BUSY_TIMEOUT=0"_s);
    QSqlQuery q(probe);
    if (q.exec(u"BEGIN IMMEDIATE"_s)) {
        q.exec(u"ROLLBACK"_s);
        return false;
    }
    return q.lastError().text().contains(u"locked"_s, Qt::CaseInsensitive);
}

} // namespace tableorder::test
