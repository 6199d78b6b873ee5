// Upgrades and backups: a database at every earlier schema version the project has shipped
// migrates on start and keeps its data; a failed migration leaves the database untouched;
// a backup taken while serving restores with its orders, and a restore refuses to run
// while the daemon is up.

#include "crypto.h"
#include "database.h"
#include "edgeprocess.h"
#include "httpclient.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

namespace {

const QString migrationsDir = QStringLiteral(TABLEORDER_SOURCE_DIR "/resources/migrations/edge");

QStringList migrationFiles()
{
    return QDir(migrationsDir).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
}

/// A directory holding the first `count` migrations, as an older release shipped them.
QString olderRelease(const QTemporaryDir &dir, int count)
{
    const QString path = dir.filePath(u"migrations-%1"_s.arg(count));
    QDir().mkpath(path);
    const QStringList files = migrationFiles();
    for (int i = 0; i < count; ++i)
        QFile::copy(QDir(migrationsDir).filePath(files.at(i)), QDir(path).filePath(files.at(i)));
    return path;
}

int runEdge(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(EdgeProcess::binaryPath(), arguments);
    process.closeWriteChannel();
    process.waitForFinished(60'000);
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QSet<QString> clientOrderIds(HttpClient &http, const QString &staffToken)
{
    QSet<QString> ids;
    const QJsonObject list = http.get(u"/api/v1/orders?limit=1000"_s, staffToken).json();
    for (const QJsonValue &order : list.value(u"orders"_s).toArray())
        ids.insert(order.toObject().value(u"client_order_id"_s).toString());
    return ids;
}

} // namespace

class TestUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void upgradesFromEveryEarlierSchema_data();
    void upgradesFromEveryEarlierSchema();
    void failedMigrationLeavesTheDatabaseUntouched();
    void backupRestoreDrill();
};

void TestUpgrade::upgradesFromEveryEarlierSchema_data()
{
    QTest::addColumn<int>("version");
    const int shipped = int(migrationFiles().size());
    QVERIFY(shipped >= 2);
    for (int v = 1; v < shipped; ++v)
        QTest::addRow("from schema %d", v) << v;
}

void TestUpgrade::upgradesFromEveryEarlierSchema()
{
    QFETCH(int, version);
    QTemporaryDir scratch;
    EdgeProcess::Options options;
    options.demo = false;
    EdgeProcess edge(options);
    {
        // The store as an older release left it: its schema, a table and a manager.
        auto db = db::openSqlite(u"old-%1"_s.arg(version), edge.databasePath());
        QVERIFY(db.has_value());
        QVERIFY(db::migrate(*db, olderRelease(scratch, version)).has_value());
        QCOMPARE(db::schemaVersion(*db), version);
        QSqlQuery q(*db);
        q.prepare(u"INSERT INTO tables (number, password_hash, created_at) VALUES (7, ?, '2026-01-01T00:00:00.000Z')"_s);
        q.addBindValue(crypto::hashPassword(u"0707"_s));
        QVERIFY(q.exec());
        q.prepare(u"INSERT INTO staff (username, password_hash, role, created_at) VALUES ('boss', ?, 'manager', '2026-01-01T00:00:00.000Z')"_s);
        q.addBindValue(crypto::hashPassword(u"boss-pass"_s));
        QVERIFY(q.exec());
        db->close();
    }
    QSqlDatabase::removeDatabase(u"old-%1"_s.arg(version));

    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    QCOMPARE(http.get(u"/readyz"_s).status, 200);
    // The old data works with the new code: the table logs in, the manager sees it.
    const QString manager = http.staffLogin(u"boss"_s, u"boss-pass"_s);
    QVERIFY(!manager.isEmpty());
    const QJsonArray tables = http.get(u"/api/v1/tables"_s, manager).json().value(u"tables"_s).toArray();
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables.first().toObject().value(u"number"_s).toInt(), 7);
    QVERIFY(!http.tableLogin(7, u"0707"_s).isEmpty());
    QVERIFY(edge.terminate());
    auto db = db::openSqlite(u"new-%1"_s.arg(version), edge.databasePath());
    QVERIFY(db.has_value());
    QCOMPARE(db::schemaVersion(*db), int(migrationFiles().size()));
    db->close();
    *db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"new-%1"_s.arg(version));
}

void TestUpgrade::failedMigrationLeavesTheDatabaseUntouched()
{
    QTemporaryDir scratch;
    const QString release = olderRelease(scratch, int(migrationFiles().size()));
    {
        auto db = db::openSqlite(u"broken"_s, scratch.filePath(u"store.sqlite3"_s));
        QVERIFY(db.has_value());
        QVERIFY(db::migrate(*db, release).has_value());
        const int before = db::schemaVersion(*db);
        // A release whose next migration fails half-way.
        QFile broken(QDir(release).filePath(u"999_broken.sql"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
        broken.close();
        QVERIFY(!db::migrate(*db, release).has_value());
        QCOMPARE(db::schemaVersion(*db), before);
        QSqlQuery q(*db);
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        db->close();
    }
    QSqlDatabase::removeDatabase(u"broken"_s);
}

void TestUpgrade::backupRestoreDrill()
{
    EdgeProcess edge;
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString table = http.tableLogin(2);
    const QString kitchen = http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QSet<QString> before;
    for (int i = 0; i < 5; ++i) {
        const QString id = newClientOrderId();
        QCOMPARE(http.post(u"/api/v1/orders"_s, orderBody(id, {{1, 1}, {3, 2}}), table).status, 201);
        before.insert(id);
    }
    // Online backup while serving.
    QByteArray output;
    QCOMPARE(runEdge({u"backup"_s, u"--data-dir"_s, edge.dataDir()}, &output), 0);
    const QString backup = QString::fromUtf8(output).section(u"backup written: "_s, -1).trimmed();
    QVERIFY2(QFile::exists(backup), output.constData());
    const QString after = newClientOrderId();
    QCOMPARE(http.post(u"/api/v1/orders"_s, orderBody(after, {{2, 1}}), table).status, 201);

    // A restore under a running daemon is refused and changes nothing.
    QVERIFY(runEdge({u"restore"_s, u"--data-dir"_s, edge.dataDir(), u"--from"_s, backup}, &output) != 0);
    QVERIFY2(output.contains("stop it"), output.constData());
    QCOMPARE(clientOrderIds(http, kitchen).size(), before.size() + 1);

    QVERIFY(edge.terminate());
    // A file that is not a backup is refused before anything is touched.
    QTemporaryDir scratch;
    QFile junk(scratch.filePath(u"junk.sqlite3"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a database");
    junk.close();
    QVERIFY(runEdge({u"restore"_s, u"--data-dir"_s, edge.dataDir(), u"--from"_s, junk.fileName()}) != 0);
    QCOMPARE(runEdge({u"restore"_s, u"--data-dir"_s, edge.dataDir(), u"--from"_s, backup}, &output), 0);

    VERIFY_STARTED(edge);
    http.setPort(edge.port());
    const QString kitchenAgain = http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    // Exactly the orders the backup held.
    QCOMPARE(clientOrderIds(http, kitchenAgain), before);
}

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
