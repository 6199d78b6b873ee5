// The paced writes a backup uses (common/pacedvfs): what VACUUM INTO writes through them is the
// whole database, also under a path that needs escaping in a URI, and a full disk is an error,
// not a short file. (Its effect on latency is measured in bench/run-backup-bench.sh.)
#include "pacedvfs.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tableorder;

class TestPacedVfs : public QObject
{
    Q_OBJECT
private slots:
    void copiesTheWholeDatabase_data();
    void copiesTheWholeDatabase();
    void missingDirectoryIsAnError();

private:
    static QString connect(const QString &path, const QString &options = {});
};

QString TestPacedVfs::connect(const QString &path, const QString &options)
{
    const QString name = QUuid::createUuid().toString();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(options);
    return db.open() ? name : QString();
}

void TestPacedVfs::copiesTheWholeDatabase_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("plain") << u"backup.sqlite3"_s;
    QTest::newRow("characters a URI escapes") << u"back up ?#%&=ü.sqlite3"_s;
}

void TestPacedVfs::copiesTheWholeDatabase()
{
    QFETCH(QString, fileName);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = connect(dir.filePath(u"source.sqlite3"_s));
    QVERIFY(!source.isEmpty());
    {
        QSqlDatabase db = QSqlDatabase::database(source);
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"_s));
        // 3 MiB of rows: several paced flushes at 256 KiB.
        QVERIFY(q.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                       "INSERT INTO t SELECT i, hex(randomblob(512)) FROM n"_s));
        QVERIFY(q.exec(u"SELECT COUNT(*), SUM(length(body)) FROM t"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 3000);

        const QString target = dir.filePath(fileName);
        // The URI is read as a URI only on a connection that allows them.
        QSqlDatabase uriDb = QSqlDatabase::database(connect(db.databaseName(), u"QSQLITE_OPEN_URI"_s));
        QSqlQuery uriVacuum(uriDb);
        uriVacuum.prepare(u"VACUUM INTO ?"_s);
        uriVacuum.addBindValue(db::pacedUri(target, {.syncBytes = 256 * 1024, .bytesPerSecond = 0}));
        QVERIFY2(uriVacuum.exec(), qPrintable(uriVacuum.lastError().text()));
        QVERIFY2(QFile::exists(target), qPrintable(target));
        uriDb.close();
    }
    const QString copy = connect(dir.filePath(fileName));
    QVERIFY(!copy.isEmpty());
    QSqlQuery check(QSqlDatabase::database(copy));
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
    QVERIFY(check.exec(u"SELECT COUNT(*), SUM(length(body)) FROM t"_s) && check.next());
    QCOMPARE(check.value(0).toInt(), 3000);
    QCOMPARE(check.value(1).toLongLong(), 3000LL * 1024);
}

void TestPacedVfs::missingDirectoryIsAnError()
{
    QTemporaryDir dir;
    const QString name = connect(dir.filePath(u"source.sqlite3"_s), u"QSQLITE_OPEN_URI"_s);
    QSqlDatabase db = QSqlDatabase::database(name);
    QSqlQuery q(db);
    QVERIFY(q.exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY)"_s));
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(db::pacedUri(dir.filePath(u"no/such/dir/b.sqlite3"_s)));
    QVERIFY(!q.exec());
    QVERIFY(!QFile::exists(dir.filePath(u"no/such/dir/b.sqlite3"_s)));
}

QTEST_GUILESS_MAIN(TestPacedVfs)
#include "tst_pacedvfs.moc"
