// Storage faults on the edge: the data directory on a small tmpfs that fills up. Orders are
// refused with 503 STORAGE_FULL and nothing is half-written, the daemon keeps serving reads,
// a backup on the full disk fails without leaving a partial file, and once space frees the
// same daemon takes orders (and backups) again. Restore refuses a backup from a newer schema.
// The tmpfs needs root (mount); without it the disk-full case is skipped with the reason.

#include "edgeprocess.h"
#include "httpclient.h"
#include "smalldisk.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>


using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

namespace {

int runEdge(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(EdgeProcess::binaryPath(), arguments);
    process.closeWriteChannel();
    process.waitForFinished(120'000);
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

/// Runs `sql` (one value) on a read-only connection.
QVariant scalar(const QString &dbPath, const QString &sql)
{
    const QString name = u"check-"_s + QUuid::createUuid().toString();
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
            else
                value = QString(u"query failed: "_s + q.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QStringList storedClientOrderIds(const QString &dbPath)
{
    const QString name = u"ids-"_s + QUuid::createUuid().toString();
    QStringList ids;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"SELECT client_order_id FROM orders"_s);
            while (q.next())
                ids << q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ids;
}

} // namespace

class TestStorageFaults : public QObject
{
    Q_OBJECT
private slots:
    void fullDiskRefusesOrdersAndRecovers();
    void restoreRefusesNewerSchema();
    void backupsBeyondKeepAreRemoved();
};

void TestStorageFaults::fullDiskRefusesOrdersAndRecovers()
{
    EdgeProcess::Options options;
    options.requestLogs = false;
    options.environment = {{u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"100000"_s}};
    EdgeProcess edge(options);
    TmpfsMount tmpfs(edge, edge.dataDir(), u"24m"_s);
    if (!tmpfs.mounted())
        QSKIP(qPrintable(u"disk-full test skipped: "_s + tmpfs.whyNot()));
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString table = http.tableLogin(3);
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!table.isEmpty() && !manager.isEmpty());

    QSet<QString> accepted;
    QSet<QString> refused;
    const QString first = newClientOrderId();
    VERIFY_STATUS(http.post(u"/api/v1/orders"_s, orderBody(first, {{1, 1}, {2, 2}}), table), 201);
    accepted.insert(first);

    const QString filler = QDir(edge.dataDir()).filePath(u"filler"_s);
    QVERIFY(fillDisk(filler) > 0);

    // Orders may still fit in pages SQLite already holds (the WAL is reused after a
    // checkpoint); sooner or later one needs a new block and is refused. Each answer is
    // either a durable 201 or the documented 503.
    bool full = false;
    for (int i = 0; i < 3000 && !full; ++i) {
        const QString id = newClientOrderId();
        const HttpResult result = http.post(u"/api/v1/orders"_s, orderBody(id, {{1, 1}, {3, 2}}, u"disk"_s), table);
        if (result.status == 201) {
            accepted.insert(id);
            continue;
        }
        VERIFY_ERROR(result, 503, u"STORAGE_FULL"_s);
        refused.insert(id);
        full = true;
    }
    QVERIFY2(full, "3000 orders fitted on a full file system");
    // While the disk stays full, every order is refused the same way.
    for (int i = 0; i < 5; ++i) {
        const QString id = newClientOrderId();
        VERIFY_ERROR(http.post(u"/api/v1/orders"_s, orderBody(id, {{2, 1}}), table), 503, u"STORAGE_FULL"_s);
        refused.insert(id);
    }
    // The daemon is up and reads work.
    QVERIFY(edge.isRunning());
    VERIFY_STATUS(http.get(u"/healthz"_s), 200);
    VERIFY_STATUS(http.get(u"/api/v1/menu"_s, table), 200);
    const HttpResult listed = http.get(u"/api/v1/orders?limit=1000"_s, manager);
    VERIFY_STATUS(listed, 200);
    QCOMPARE(listed.json().value(u"orders"_s).toArray().size(), accepted.size());

    // A backup on the full disk fails, leaves no partial file, and the daemon keeps serving.
    const QString backupDir = QDir(edge.dataDir()).filePath(u"backups"_s);
    VERIFY_STATUS(http.post(u"/api/v1/backups"_s, QJsonObject{}, manager), 202);
    QTRY_VERIFY_WITH_TIMEOUT(!http.get(u"/api/v1/backups"_s, manager).json().value(u"running"_s).toBool(), 60'000);
    const QJsonObject last = http.get(u"/api/v1/backups"_s, manager).json().value(u"last"_s).toObject();
    QCOMPARE(last.value(u"ok"_s).toBool(), false);
    QCOMPARE(last.value(u"error"_s).toObject().value(u"code"_s).toString(), u"STORAGE_FULL"_s);
    QCOMPARE(entries(backupDir), QStringList());
    VERIFY_STATUS(http.get(u"/api/v1/menu"_s, table), 200);

    // Space frees: the same daemon takes orders again, by itself.
    QVERIFY(QFile::remove(filler));
    for (int i = 0; i < 3; ++i) {
        const QString id = newClientOrderId();
        VERIFY_STATUS(http.post(u"/api/v1/orders"_s, orderBody(id, {{1, 2}}), table), 201);
        accepted.insert(id);
    }
    VERIFY_STATUS(http.post(u"/api/v1/backups"_s, QJsonObject{}, manager), 202);
    QTRY_VERIFY_WITH_TIMEOUT(!http.get(u"/api/v1/backups"_s, manager).json().value(u"running"_s).toBool(), 60'000);
    QCOMPARE(http.get(u"/api/v1/backups"_s, manager).json().value(u"last"_s).toObject().value(u"ok"_s).toBool(), true);
    const QStringList backups = entries(backupDir);
    QCOMPARE(backups.size(), 1);
    QVERIFY2(backups.first().startsWith(u"edge-"_s) && backups.first().endsWith(u".sqlite3"_s), qPrintable(backups.first()));

    // Nothing corrupt, nothing half-present: every 201 is stored, no refused order is, no
    // order lacks its lines, no order.created event lacks its order.
    QVERIFY(edge.terminate());
    const QString db = edge.databasePath();
    QCOMPARE(scalar(db, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    const QStringList stored = storedClientOrderIds(db);
    QCOMPARE(QSet<QString>(stored.cbegin(), stored.cend()), accepted);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                        "(SELECT 1 FROM order_items i WHERE i.order_id = o.id)"_s).toInt(), 0);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM events e WHERE e.type = 'order.created' AND NOT EXISTS "
                        "(SELECT 1 FROM orders o WHERE o.id = json_extract(e.data, '$.id'))"_s).toInt(), 0);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM events WHERE type = 'order.created'"_s).toInt(), accepted.size());
    QCOMPARE(scalar(QDir(backupDir).filePath(backups.first()), u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
}

void TestStorageFaults::restoreRefusesNewerSchema()
{
    EdgeProcess edge;
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString table = http.tableLogin(1);
    VERIFY_STATUS(http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), table), 201);
    QByteArray output;
    QCOMPARE(runEdge({u"backup"_s, u"--data-dir"_s, edge.dataDir()}, &output), 0);
    const QString backup = QString::fromUtf8(output).section(u"backup written: "_s, -1).trimmed();
    QVERIFY2(QFile::exists(backup), output.constData());
    QVERIFY(edge.terminate());

    // The same backup, as a later release with one more migration would have written it.
    QTemporaryDir scratch;
    const QString newer = scratch.filePath(u"newer.sqlite3"_s);
    QVERIFY(QFile::copy(backup, newer));
    QFile::setPermissions(newer, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(scalar(newer, u"INSERT INTO schema_migrations(version, name) VALUES (999, 'from_the_future') RETURNING version"_s).toInt(), 999);

    const QStringList before = databaseState(edge.databasePath());
    const QStringList filesBefore = entries(edge.dataDir());
    QVERIFY(runEdge({u"restore"_s, u"--data-dir"_s, edge.dataDir(), u"--from"_s, newer}, &output) != 0);
    QVERIFY2(output.contains("SCHEMA_NOT_SUPPORTED") && output.contains("newer"), output.constData());
    QCOMPARE(databaseState(edge.databasePath()), before);
    QCOMPARE(entries(edge.dataDir()), filesBefore);

    // The backup as written restores, and leaves no temporary file behind.
    QCOMPARE(runEdge({u"restore"_s, u"--data-dir"_s, edge.dataDir(), u"--from"_s, backup}, &output), 0);
    for (const QString &name : entries(edge.dataDir()))
        QVERIFY2(!name.endsWith(u".restoring"_s), qPrintable(name));
    VERIFY_STARTED(edge);
}

void TestStorageFaults::backupsBeyondKeepAreRemoved()
{
    // keep=2: after three backups the two newest are there, whole, and the oldest is gone.
    EdgeProcess edge({.environment = {{u"TABLEORDER_BACKUP_KEEP"_s, u"2"_s}}});
    VERIFY_STARTED(edge);
    HttpClient http;
    http.setPort(edge.port());
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!manager.isEmpty());
    const QString backupDir = QDir(edge.dataDir()).filePath(u"backups"_s);
    QStringList made;
    for (int i = 0; i < 3; ++i) {
        VERIFY_STATUS(http.post(u"/api/v1/backups"_s, QJsonObject{}, manager), 202);
        QTRY_VERIFY_WITH_TIMEOUT(!http.get(u"/api/v1/backups"_s, manager).json().value(u"running"_s).toBool(), 60'000);
        const QJsonObject last = http.get(u"/api/v1/backups"_s, manager).json().value(u"last"_s).toObject();
        QVERIFY2(last.value(u"ok"_s).toBool(), qPrintable(QString::fromUtf8(QJsonDocument(last).toJson())));
        const QStringList now = entries(backupDir);
        for (const QString &name : now) {
            if (!made.contains(name))
                made.append(name);
        }
    }
    QCOMPARE(made.size(), 3);
    QCOMPARE(entries(backupDir), made.mid(1));
    for (const QString &name : made.mid(1)) {
        const QString connection = u"check-"_s + name;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            db.setDatabaseName(QDir(backupDir).filePath(name));
            QVERIFY(db.open());
            QSqlQuery check(db);
            QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
        }
        QSqlDatabase::removeDatabase(connection);
    }
}

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
