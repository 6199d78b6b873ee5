#include "journal.h"
#include "sync/syncmessages.h"
#include "synckit.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The store's journal end to end (docs/design/journal.md): a linked edge's events reach HQ
/// with their hashes and actors and chain; one event row edited by hand in the edge's
/// database before it was uploaded makes HQ raise `journal_broken` for that store and seq,
/// and HQ still stores the batch; `tableorder-edge journal verify` finds the same seq.
class TestSyncJournal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void eventsArriveHashed();
    void actorsAreKeptAndABadHashIsABreak();
    void handEditedEventRaisesJournalBroken();

private:
    [[nodiscard]] bool startEdge();
    [[nodiscard]] int placeOrders(int count);
    [[nodiscard]] QJsonArray journalAlerts();
    [[nodiscard]] qint64 scalar(const QString &sql);

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_hqHttp;
    HttpClient m_edgeHttp;
    QString m_hq;
    QString m_table;
    QList<qint64> m_menu;
    const qint64 m_store = 1;
};

namespace {

int runEdge(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(EdgeProcess::binaryPath(), arguments);
    process.closeWriteChannel();
    process.waitForFinished(60'000);
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

void TestSyncJournal::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    CentralProcess::Options options = m_db.centralOptions();
    options.environment = {{u"TABLEORDER_ALERTS_EVALUATE_MS"_s, u"300"_s}};
    m_central = std::make_unique<CentralProcess>(options);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_hqHttp.setPort(m_central->port());
    m_hq = Hq::login(m_hqHttp, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());

    EdgeProcess::Options edge;
    edge.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    edge.environment = {{u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s}, {u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"500"_s}};
    m_edge = std::make_unique<EdgeProcess>(edge);
    QVERIFY(startEdge());
    QVERIFY(waitUntil([&] {
        const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s, m_table).json();
        m_menu.clear();
        for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
            for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray())
                m_menu.append(i.toObject().value(u"id"_s).toInteger());
        }
        return m_edge->log().contains("applied central menu") && m_menu.size() >= 3;
    }, 20'000));
}

void TestSyncJournal::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning("central log:\n%s", m_central ? m_central->log().right(3000).constData() : "");
        qWarning("edge log:\n%s", m_edge ? m_edge->log().right(3000).constData() : "");
    }
}

bool TestSyncJournal::startEdge()
{
    if (!m_edge->start()) {
        qWarning("%s\n%s", qPrintable(m_edge->errorString()), m_edge->log().right(3000).constData());
        return false;
    }
    m_edgeHttp.setPort(m_edge->port());
    m_table = m_edgeHttp.tableLogin(1);
    return !m_table.isEmpty();
}

int TestSyncJournal::placeOrders(int count)
{
    int placed = 0;
    for (int i = 0; i < count; ++i) {
        const HttpResult order = m_edgeHttp.post(
                u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_menu.at(i % m_menu.size()), 1 + i % 2}}), m_table);
        if (order.status != 201) {
            qWarning("order: %s", qPrintable(order.describe()));
            return placed;
        }
        ++placed;
    }
    return placed;
}

QJsonArray TestSyncJournal::journalAlerts()
{
    QJsonArray out;
    for (const QJsonValue &a : m_hqHttp.get(u"/api/v1/alerts?state=all"_s, m_hq).json().value(u"alerts"_s).toArray()) {
        if (a.toObject().value(u"rule"_s).toString() == u"journal_broken"_s
            && a.toObject().value(u"store_id"_s).toInteger() == m_store)
            out.append(a);
    }
    return out;
}

qint64 TestSyncJournal::scalar(const QString &sql)
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

void TestSyncJournal::eventsArriveHashed()
{
    QCOMPARE(placeOrders(3), 3);
    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 30'000), m_edge->log().right(3000).constData());
    // Every event HQ holds carries its hash (so the chain was checked) and nothing broke.
    QVERIFY(scalar(u"SELECT COUNT(*) FROM store_events WHERE store_id = 1"_s) > 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM store_events WHERE store_id = 1 AND hash = ''"_s), 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM store_events WHERE store_id = 1 AND type = 'order.created'"_s), 3);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_breaks"_s), 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM stores WHERE id = 1 AND journal_hash <> ''"_s), 1);
    QByteArray output;
    QCOMPARE(runEdge({u"journal"_s, u"verify"_s, u"--data-dir"_s, m_edge->dataDir()}, &output), 0);
    QVERIFY2(output.contains("journal ok"), output.constData());
    QVERIFY(journalAlerts().isEmpty());
}

void TestSyncJournal::actorsAreKeptAndABadHashIsABreak()
{
    // The wire protocol itself, on a store of its own: events with actors and hashes as an
    // edge sends them.
    Hq hq{m_hqHttp, m_hq};
    const auto [store, key] = hq.registerStore(u"journal wire store"_s);
    QVERIFY(store > 0);
    tableorder::sync::UploadBatch batch = tableorder::sync::fromProto(orderBatch(1, 3));
    batch.events[0].actor = QJsonObject{{u"kind"_s, u"table"_s}, {u"table_id"_s, 4}, {u"table_number"_s, 4}};
    batch.events[1].actor = QJsonObject{{u"kind"_s, u"staff"_s}, {u"name"_s, u"김민수"_s}, {u"role"_s, u"manager"_s}};
    QByteArray previous = tableorder::journal::genesis();
    for (tableorder::Event &event : batch.events) {
        event.hash = tableorder::journal::chain(previous, event);
        previous = event.hash;
    }
    batch.events[2].hash[0] = char(batch.events[2].hash[0] ^ 1); // seq 3 does not chain
    batch.lastSeq = 3;
    tableorder::sync::v1::UploadRequest request;
    tableorder::sync::toProto(batch, &request);
    tableorder::sync::v1::UploadResponse response;
    VERIFY_STATUS(upload(m_hqHttp, key, request, &response), 200);
    QCOMPARE(response.applied_seq(), 3); // stored all the same
    QCOMPARE(QByteArray::fromStdString(response.applied_hash()).toHex(), batch.events[2].hash.toHex());

    const QString where = u"FROM store_events WHERE store_id = %1 AND seq = "_s.arg(store);
    QSqlQuery q(m_db.connection());
    QVERIFY(q.exec(u"SELECT actor, hash "_s + where + u"1"_s) && q.next());
    QCOMPARE(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), batch.events[0].actor);
    QCOMPARE(q.value(1).toString(), QString::fromLatin1(batch.events[0].hash.toHex()));
    QVERIFY(q.exec(u"SELECT actor "_s + where + u"2"_s) && q.next());
    QCOMPARE(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), batch.events[1].actor);
    QVERIFY(q.exec(u"SELECT actor "_s + where + u"3"_s) && q.next());
    QCOMPARE(q.value(0).toString(), QString()); // none
    q.finish(); // no read transaction left open: later reads see later uploads
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_breaks WHERE store_id = %1"_s.arg(store)), 1);
    QCOMPARE(scalar(u"SELECT seq FROM journal_breaks WHERE store_id = %1"_s.arg(store)), 3);

    // The next upload chains from the hash seq 3 carried: no second break.
    tableorder::sync::UploadBatch next = tableorder::sync::fromProto(orderBatch(4, 1));
    next.events[0].hash = tableorder::journal::chain(batch.events[2].hash, next.events[0]);
    next.lastSeq = 4;
    tableorder::sync::v1::UploadRequest nextRequest;
    tableorder::sync::toProto(next, &nextRequest);
    VERIFY_STATUS(upload(m_hqHttp, key, nextRequest), 200);
    QCOMPARE(scalar(u"SELECT applied_seq FROM stores WHERE id = %1"_s.arg(store)), 4);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_breaks WHERE store_id = %1"_s.arg(store)), 1);
    // Once a store sends hashes, an event without one is a break.
    tableorder::sync::v1::UploadRequest bare = orderBatch(5, 1);
    bare.set_last_seq(5);
    VERIFY_STATUS(upload(m_hqHttp, key, bare), 200);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_breaks WHERE store_id = %1 AND seq = 5"_s.arg(store)), 1);
}

void TestSyncJournal::handEditedEventRaisesJournalBroken()
{
    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 30'000), m_edge->log().right(3000).constData());
    const qint64 applied = scalar(u"SELECT applied_seq FROM stores WHERE id = 1"_s);
    QVERIFY(applied > 0);

    // HQ unreachable: three orders wait in the edge's log.
    QVERIFY(m_central->terminate());
    QCOMPARE(placeOrders(3), 3);
    QVERIFY(m_edge->terminate());

    // Someone with the store PC changes the second of them in the database by hand.
    qint64 edited = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(m_edge->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT seq FROM events WHERE type = 'order.created' AND seq > %1 ORDER BY seq LIMIT 1 OFFSET 1"_s
                               .arg(applied)));
        QVERIFY(q.next());
        edited = q.value(0).toLongLong();
        q.finish();
        QVERIFY2(q.exec(u"UPDATE events SET data = json_set(data, '$.table_number', 9) WHERE seq = %1"_s.arg(edited)),
                 qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);

    // The store's own check finds it.
    QByteArray output;
    QCOMPARE(runEdge({u"journal"_s, u"verify"_s, u"--data-dir"_s, m_edge->dataDir()}, &output), 1);
    QVERIFY2(output.contains(QByteArray("journal broken at seq " + QByteArray::number(edited) + ":")), output.constData());

    // HQ finds it on ingest, raises journal_broken for this store and seq, and keeps the batch.
    VERIFY_CENTRAL_STARTED(*m_central);
    QVERIFY(startEdge());
    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 30'000), m_edge->log().right(3000).constData());
    QVERIFY2(waitUntil([&] { return !journalAlerts().isEmpty(); }, 15'000), "no journal_broken alert");
    const QJsonArray alerts = journalAlerts();
    QCOMPARE(alerts.size(), 1); // one edited event, one alert: the chain goes on after it
    const QJsonObject alert = alerts.first().toObject();
    QCOMPARE(alert.value(u"store_id"_s).toInteger(), m_store);
    QCOMPARE(alert.value(u"severity"_s).toString(), u"critical"_s);
    QCOMPARE(alert.value(u"state"_s).toString(), u"open"_s);
    QCOMPARE(alert.value(u"subject"_s).toString(), QString::number(edited));
    const QJsonObject params = alert.value(u"params"_s).toObject();
    QCOMPARE(params.value(u"store"_s).toInteger(), m_store);
    QCOMPARE(params.value(u"seq"_s).toInteger(), edited);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_breaks WHERE store_id = 1"_s), 1);
    QCOMPARE(scalar(u"SELECT seq FROM journal_breaks WHERE store_id = 1"_s), edited);
    // The record is not lost: the edited event and the ones after it are at HQ, as they came.
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM store_events WHERE store_id = 1 AND seq = %1 "
                    "AND data LIKE '%\"table_number\":9%'"_s.arg(edited)),
             1);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM orders WHERE store_id = 1"_s), 6);

    // Acknowledged, it stays (the break is history, not a condition that clears).
    const qint64 id = alert.value(u"id"_s).toInteger();
    VERIFY_STATUS(m_hqHttp.post(u"/api/v1/alerts/%1/ack"_s.arg(id), {}, m_hq), 200);
    QCOMPARE(placeOrders(1), 1);
    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 30'000), m_edge->log().right(3000).constData());
    QTest::qWait(1000); // several evaluations (every 300 ms): a resolution would show
    const QJsonArray after = journalAlerts();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().toObject().value(u"state"_s).toString(), u"acknowledged"_s);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM journal_breaks WHERE store_id = 1"_s), 1);
}

QTEST_GUILESS_MAIN(TestSyncJournal)
#include "tst_syncjournal.moc"
