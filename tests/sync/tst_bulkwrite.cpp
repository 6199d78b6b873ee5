#include "centraldatabase.h"

#include "database.h"
#include "storage/ingestrepository.h"
#include "storage/pgparams.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::central;
using namespace tableorder::test;

/// Sync's multi-row writes (BulkInsert, BulkUpdate) on both backends, and on PostgreSQL the
/// libpq path under them (pg::PreparedStatement): what goes in comes back byte for byte, whatever
/// the text holds; a busy row answers UNAVAILABLE; a failed statement changes nothing.
class TestBulkWrite : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void textComesBackAsWritten();
    void updatesChangeOnlyTheirRows();
    void conflictingRowsAreLeftAsTheyWere();
    void afterQtReadRowsLibpqRunsAndQtGoesOn();
    void aLockedRowAnswersUnavailable();
    void aFailedStatementWritesNothing();
    void statementsOutliveARolledBackTransaction();

private:
    [[nodiscard]] QList<QVariantList> rows(const QString &sql);
    [[nodiscard]] bool run(const QString &sql);

    CentralDatabase m_central;
    QSqlDatabase m_db;
    bool m_postgres = false;
};

namespace {
const QList<BulkInsert::Column> kColumns { { u"id"_s, u"bigint"_s }, { u"n"_s, u"integer"_s },
                                           { u"t"_s, u"text"_s } };
} // namespace

void TestBulkWrite::initTestCase()
{
    QVERIFY2(!m_central.url().isEmpty(), qPrintable(m_central.errorString()));
    m_db = openTestDatabase(u"bulk"_s, m_central.url());
    QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
    m_postgres = db::dialectOf(m_db) == db::Dialect::PostgreSQL;
    qInfo("on %s", qPrintable(backendName()));
}

void TestBulkWrite::init()
{
    QVERIFY(run(u"DROP TABLE IF EXISTS bulk"_s));
    QVERIFY(run(u"CREATE TABLE bulk (id BIGINT PRIMARY KEY, n INTEGER, t TEXT NOT NULL)"_s));
}

QList<QVariantList> TestBulkWrite::rows(const QString &sql)
{
    QSqlQuery q(m_db);
    QList<QVariantList> out;
    if (!q.exec(sql)) {
        qWarning() << sql << q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({ q.value(0), q.value(1), q.value(2) });
    return out;
}

bool TestBulkWrite::run(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        qWarning() << sql << q.lastError().text();
    return !q.lastError().isValid();
}

void TestBulkWrite::textComesBackAsWritten()
{
    // What an array literal would mistake for syntax, and what only escaping keeps apart.
    const QStringList texts { u"plain"_s, u""_s, u""_s, u"NULL"_s, u"with \"quotes\""_s, u"back\\slash\\"_s,
                              u"{braces},commas"_s, u"  spaces kept  "_s, u"김치찌개 (매운맛)"_s,
                              u"{\"json\":\"a\\\"b\",\"n\":[1,2]}"_s, u"'single'"_s, u"line\nbreak\ttab"_s };
    QList<QVariantList> in;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        // A text value may also be given as UTF-8 bytes (sync's event JSON is).
        const QVariant text = i % 2 ? QVariant(texts.at(i).toUtf8()) : QVariant(texts.at(i));
        in.append({ qint64(i + 1), i == 4 ? QVariant(QMetaType::fromType<int>()) : QVariant(int(i * 10)), text });
    }
    BulkInsert insert(m_db, u"bulk"_s, kColumns, u""_s);
    QVERIFY(insert.insert(in, "bulk insert"));
    const QList<QVariantList> out = rows(u"SELECT id, n, t FROM bulk ORDER BY id"_s);
    QCOMPARE(out.size(), texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QCOMPARE(out.at(i).at(0).toLongLong(), i + 1);
        QCOMPARE(out.at(i).at(1).isNull(), i == 4);
        if (i != 4)
            QCOMPARE(out.at(i).at(1).toInt(), int(i * 10));
        QCOMPARE(out.at(i).at(2).toString(), texts.at(i));
    }
    // More rows than one SQLite statement takes (64), none lost or doubled.
    QList<QVariantList> many;
    for (int i = 100; i < 300; ++i)
        many.append({ qint64(i), i, u"row %1"_s.arg(i) });
    QVERIFY(insert.insert(many, "bulk insert"));
    QCOMPARE(rows(u"SELECT COUNT(*), SUM(n), COUNT(DISTINCT t) FROM bulk WHERE id >= 100"_s).value(0),
             (QVariantList { 200, 39900, 200 }));
}

void TestBulkWrite::updatesChangeOnlyTheirRows()
{
    BulkInsert insert(m_db, u"bulk"_s, kColumns, u""_s);
    QVERIFY(insert.insert({ { qint64(1), 1, u"one"_s }, { qint64(2), 2, u"two"_s }, { qint64(3), 3, u"three"_s } },
                          "bulk insert"));
    BulkUpdate update(m_db, u"bulk"_s, { { u"n"_s, u"integer"_s }, { u"t"_s, u"text"_s } },
                      { { u"id"_s, u"bigint"_s } });
    QVERIFY(update.update({ { 20, u"two \"2\""_s, qint64(2) }, { 30, QByteArray("three\\3"), qint64(3) } },
                          "bulk update"));
    QCOMPARE(rows(u"SELECT id, n, t FROM bulk ORDER BY id"_s),
             (QList<QVariantList> { { 1, 1, u"one"_s }, { 2, 20, u"two \"2\""_s }, { 3, 30, u"three\\3"_s } }));
}

void TestBulkWrite::conflictingRowsAreLeftAsTheyWere()
{
    BulkInsert insert(m_db, u"bulk"_s, kColumns, u"ON CONFLICT (id) DO NOTHING"_s);
    QVERIFY(insert.insert({ { qint64(1), 1, u"first"_s } }, "bulk insert"));
    QVERIFY(insert.insert({ { qint64(1), 2, u"again"_s }, { qint64(2), 2, u"new"_s } }, "bulk insert"));
    QCOMPARE(rows(u"SELECT id, n, t FROM bulk ORDER BY id"_s),
             (QList<QVariantList> { { 1, 1, u"first"_s }, { 2, 2, u"new"_s } }));
}

void TestBulkWrite::afterQtReadRowsLibpqRunsAndQtGoesOn()
{
    if (!m_postgres)
        QSKIP("libpq is PostgreSQL's");
    // Inside one transaction, as sync runs it: Qt's statement (rows read, its end not yet
    // fetched), then libpq's, then Qt's again.
    db::Transaction tx(m_db);
    QVERIFY(tx.isActive());
    QSqlQuery lock = db::prepared(m_db, u"SELECT COUNT(*) FROM bulk WHERE id > ?"_s);
    lock.addBindValue(0);
    QVERIFY(db::exec(lock, "count"));
    QVERIFY(lock.next());
    QCOMPARE(lock.value(0).toInt(), 0);
    pg::PreparedStatement insertOne("INSERT INTO bulk (id, n, t) VALUES ($1, $2, $3)");
    QVERIFY(insertOne.exec(m_db, { { "7" }, { QByteArray() }, { "seven" } },
                           "insert one"));
    lock.addBindValue(0);
    QVERIFY(db::exec(lock, "count"));
    QVERIFY(lock.next());
    QCOMPARE(lock.value(0).toInt(), 1);
    lock.finish();
    QVERIFY(tx.commit());
    const QList<QVariantList> out = rows(u"SELECT id, n, t FROM bulk"_s);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.at(0).at(0).toInt(), 7);
    QVERIFY(out.at(0).at(1).isNull());
    QCOMPARE(out.at(0).at(2).toString(), u"seven"_s);
}

void TestBulkWrite::aLockedRowAnswersUnavailable()
{
    if (!m_postgres)
        QSKIP("row locks and lock_timeout are PostgreSQL's");
    QVERIFY(run(u"INSERT INTO bulk (id, n, t) VALUES (1, 1, 'one')"_s));
    // Another connection (another central instance) holds the row.
    const QString otherName = u"bulk-other"_s;
    {
        QSqlDatabase other = openTestDatabase(otherName, m_central.url());
        QVERIFY(other.isOpen());
        QVERIFY(other.transaction());
        QSqlQuery hold(other);
        QVERIFY(hold.exec(u"SELECT id FROM bulk WHERE id = 1 FOR UPDATE"_s));
        {
            db::Transaction tx(m_db);
            QVERIFY(tx.isActive());
            QVERIFY(run(u"SET LOCAL lock_timeout = '200ms'"_s));
            BulkUpdate update(m_db, u"bulk"_s, { { u"n"_s, u"integer"_s } }, { { u"id"_s, u"bigint"_s } });
            const Status ok = update.update({ { 2, qint64(1) } }, "bulk update");
            QVERIFY(!ok);
            QCOMPARE(ok.error().code, ErrorCode::Unavailable);
        } // rolled back
        QVERIFY(other.rollback());
        other.close();
    }
    QSqlDatabase::removeDatabase(otherName);
    QCOMPARE(rows(u"SELECT id, n, t FROM bulk"_s), (QList<QVariantList> { { 1, 1, u"one"_s } }));
}

void TestBulkWrite::aFailedStatementWritesNothing()
{
    {
        db::Transaction tx(m_db);
        QVERIFY(tx.isActive());
        BulkInsert insert(m_db, u"bulk"_s, kColumns, u""_s);
        // t is NOT NULL: the second row fails the statement, and with it the first.
        const Status ok = insert.insert({ { qint64(1), 1, u"one"_s }, { qint64(2), 2, QVariant(QMetaType::fromType<QString>()) } },
                                        "bulk insert");
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, ErrorCode::Internal);
    }
    QCOMPARE(rows(u"SELECT COUNT(*), 0, '' FROM bulk"_s).value(0).value(0).toInt(), 0);
}

void TestBulkWrite::statementsOutliveARolledBackTransaction()
{
    // The same writer (on PostgreSQL its statement was prepared inside the transaction that
    // failed) goes on after the rollback.
    BulkInsert insert(m_db, u"bulk"_s, kColumns, u""_s);
    {
        db::Transaction tx(m_db);
        QVERIFY(tx.isActive());
        QVERIFY(!insert.insert({ { qint64(1), 1, QVariant(QMetaType::fromType<QString>()) } }, "bulk insert"));
    }
    QVERIFY(insert.insert({ { qint64(3), 3, u"three"_s } }, "bulk insert"));
    {
        db::Transaction tx(m_db);
        QVERIFY(tx.isActive());
        QVERIFY(insert.insert({ { qint64(4), 4, u"four"_s } }, "bulk insert"));
    } // rolled back
    QVERIFY(insert.insert({ { qint64(5), 5, u"five"_s } }, "bulk insert"));
    QCOMPARE(rows(u"SELECT id, n, t FROM bulk ORDER BY id"_s),
             (QList<QVariantList> { { 3, 3, u"three"_s }, { 5, 5, u"five"_s } }));
}

QTEST_GUILESS_MAIN(TestBulkWrite)
#include "tst_bulkwrite.moc"
