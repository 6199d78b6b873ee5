#pragma once

#include "centralprocess.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QVariantList>

namespace tableorder::test {

/// Which database central runs on in this test process: ctest runs every sync test twice,
/// with TABLEORDER_TEST_BACKEND=sqlite and =postgresql (the latter inside the
/// `postgresql` fixture, which writes the cluster's URL to TABLEORDER_TEST_PG_URL_FILE).
enum class Backend { SQLite, PostgreSQL };
[[nodiscard]] Backend testBackend();
[[nodiscard]] QString backendName();

/// One test's central database: a SQLite file in a temporary directory, or a fresh
/// database in the PostgreSQL test cluster (dropped again at the end). connection() is the
/// test's own connection for looking at what central stored, FakeFolder style.
class CentralDatabase
{
public:
    CentralDatabase();
    ~CentralDatabase();
    CentralDatabase(const CentralDatabase &) = delete;
    CentralDatabase &operator=(const CentralDatabase &) = delete;

    /// Empty when the database could not be prepared (errorString() says why).
    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] Backend backend() const { return m_backend; }
    /// Opened on first use, after central created the schema.
    [[nodiscard]] QSqlDatabase connection();
    /// Options for a CentralProcess on this database (shared secret file included).
    [[nodiscard]] CentralProcess::Options centralOptions(bool demo = true) const;

    /// Whether central holds a write transaction that has written events right now (call
    /// while central is stopped): SQLite's write lock is taken, or a PostgreSQL backend
    /// holds a row-exclusive lock on store_events.
    [[nodiscard]] bool centralIsInsideBatch();

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_error;
    QString m_pgName;
    QString m_adminUrl;
    QString m_connection;
    QString m_probeConnection;
};

/// Opens a connection for the test itself to `sqlite:PATH` or `postgresql://...`;
/// `options` are QSQLITE connect options (default: a 5 s busy timeout).
[[nodiscard]] QSqlDatabase openTestDatabase(
    const QString &name, const QString &url, const QString &options = {});
/// The first column of the first row, or -1 (with a warning) when the query fails.
[[nodiscard]] qint64 queryValue(
    QSqlDatabase db, const QString &sql, const QVariantList &binds = {});

} // namespace tableorder::test
