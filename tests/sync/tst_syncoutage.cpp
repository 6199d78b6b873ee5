#include "faultproxy.h"
#include "synckit.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

namespace {
constexpr int drainTimeoutMs = 180'000;
constexpr int tables = 12;
} // namespace

/// The edge's outbox against a central that goes away: an outage of 2,000 orders, kill -9
/// of central inside a batch and of the edge inside an upload, central restored from an
/// older backup, a schema central does not accept yet. After each, the edge's orders and
/// central's projection are compared in one QCOMPARE and central holds every event exactly
/// once.
class TestSyncOutage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void outageOf2000Orders();
    void centralKilledInsideABatch();
    void edgeKilledInsideAnUpload();
    void centralRestoredFromBackup_data();
    void centralRestoredFromBackup();
    void newerSchemaStaysQueued();
    void retryAfterIsHonoured();
    void refusedConnectionIsRetriedAtOnce();
    void uploadThatOvertakesTheOneBeforeIsSentAgain();

private:
    struct Totals
    {
        qint64 orders = 0; // not canceled
        qint64 total = 0; // their sum, in won
        QList<qint64> ids; // every order placed
    };
    [[nodiscard]] bool startEdge();
    Totals placeOrders(int count, bool statusChanges = true);
    void verifySameState();
    void verifyAtomicBatches();
    /// Stops central at random moments until it is caught inside a batch (see
    /// CentralDatabase::centralIsInsideBatch); stays stopped then. False when the drain
    /// finished or the time ran out first.
    [[nodiscard]] bool catchCentralInsideABatch(int timeoutMs);
    qint64 edgeMetric(const QByteArray &name);
    void editEdgeDatabase(const QString &sql);

    std::unique_ptr<CentralDatabase> m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_hqHttp;
    HttpClient m_edgeHttp;
    QString m_hq;
    qint64 m_store = 0;
    QString m_key;
    QList<QString> m_tables;
    QString m_manager;
    QList<std::pair<qint64, qint64>> m_menu; // (item id, price)
    quint32 m_seed = 0;
};

void TestSyncOutage::init()
{
    m_db = std::make_unique<CentralDatabase>();
    QVERIFY2(!m_db->url().isEmpty(), qPrintable(m_db->errorString()));
    m_central = std::make_unique<CentralProcess>(m_db->centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_hqHttp.setPort(m_central->port());
    m_hq = Hq::login(m_hqHttp, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());
    // A store registered through the HQ API; without an HQ menu it keeps the edge's own.
    Hq hq { m_hqHttp, m_hq };
    std::tie(m_store, m_key) = hq.registerStore(u"outage test store"_s);
    QVERIFY(m_store > 0);

    EdgeProcess::Options options;
    options.requestLogs = false;
    options.arguments = { u"--central"_s, m_central->url(), u"--store-key"_s, m_key };
    options.environment = { { u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"1000000"_s },
        { u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"1000"_s },
        { u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"1000"_s },
        // No order.unacknowledged events behind the test's back: the
        // event log holds exactly what the test did.
        { u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s } };
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY(startEdge());
    m_tables.clear();
    for (int t = 1; t <= tables; ++t)
        m_tables.append(m_edgeHttp.tableLogin(t));
    m_manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_manager.isEmpty() && !m_tables.contains(QString()));
    m_menu.clear();
    for (const QJsonObject &item : menuItems(m_edgeHttp.get(u"/api/v1/menu"_s).json())) {
        // Random plain lines: not the demo's lunch set (hours, a required choice) or its
        // special (stock that runs out).
        if (!item.value(u"available_hours"_s).toArray().isEmpty() || !item.value(u"stock"_s).isNull())
            continue;
        m_menu.append({ item.value(u"id"_s).toInteger(), item.value(u"price"_s).toInteger() });
    }
    QVERIFY(m_menu.size() >= 10);
    m_seed = quint32(QDateTime::currentMSecsSinceEpoch());
    qInfo("central on %s, seed %u", qPrintable(backendName()), m_seed);
    QVERIFY2(waitForSync(*m_edge, *m_db, m_store, 30'000), "the fresh edge did not sync");
}

void TestSyncOutage::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning("central log:\n%s", m_central ? m_central->log().right(3000).constData() : "");
        qWarning("edge log:\n%s", m_edge ? m_edge->log().right(3000).constData() : "");
    }
    m_edge.reset();
    m_central.reset();
    m_db.reset();
}

bool TestSyncOutage::startEdge()
{
    if (!m_edge->start()) {
        qWarning(
            "%s\n%s", qPrintable(m_edge->errorString()), m_edge->log().right(3000).constData());
        return false;
    }
    m_edgeHttp.setPort(m_edge->port());
    return true;
}

TestSyncOutage::Totals TestSyncOutage::placeOrders(int count, bool statusChanges)
{
    Totals totals;
    QRandomGenerator random(m_seed++);
    for (int i = 0; i < count; ++i) {
        QList<std::pair<qint64, int>> lines;
        const int lineCount = 1 + int(random.bounded(3));
        for (int l = 0; l < lineCount; ++l)
            lines.append({ m_menu.at(int(random.bounded(qsizetype(m_menu.size())))).first,
                1 + int(random.bounded(3)) });
        const HttpResult placed = m_edgeHttp.post(
            u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), m_tables.at(i % tables));
        if (placed.status != 201) {
            qWarning("order %d: %s", i, qPrintable(placed.describe()));
            return totals;
        }
        const qint64 id = placed.json().value(u"id"_s).toInteger();
        const qint64 total = placed.json().value(u"total"_s).toInteger();
        totals.ids.append(id);
        // Some orders move on in the kitchen, some are canceled: order.updated events too.
        QStringList steps;
        if (statusChanges && i % 10 == 3)
            steps = { u"preparing"_s, u"completed"_s };
        else if (statusChanges && i % 25 == 7)
            steps = { u"canceled"_s };
        for (const QString &status : std::as_const(steps)) {
            const HttpResult changed = m_edgeHttp.patch(
                u"/api/v1/orders/%1"_s.arg(id), { { u"status"_s, status } }, m_manager);
            if (changed.status != 200)
                qWarning(
                    "order %lld -> %s: %s", id, qPrintable(status), qPrintable(changed.describe()));
        }
        if (steps != QStringList { u"canceled"_s }) {
            ++totals.orders;
            totals.total += total;
        }
    }
    return totals;
}

void TestSyncOutage::verifyAtomicBatches()
{
    // Whatever central committed is whole batches: applied_seq covers exactly the stored
    // events and every stored order.created has its order.
    const CentralStore c = centralStore(m_db->connection(), m_store);
    QCOMPARE(c.events, c.appliedSeq);
    QCOMPARE(c.maxSeq, c.appliedSeq);
    QCOMPARE(qint64(c.orders.size()), c.orderEvents);
}

void TestSyncOutage::verifySameState()
{
    const EdgeStore e = edgeStore(m_edge->databasePath());
    const CentralStore c = centralStore(m_db->connection(), m_store);
    // Every event once: seqs 1..N, nothing missing, nothing twice.
    QCOMPARE(c.appliedSeq, e.lastSeq);
    QCOMPARE(c.events, e.lastSeq);
    QCOMPARE(c.maxSeq, e.lastSeq);
    QCOMPARE(c.orderEvents, e.orderEvents);
    QCOMPARE(c.orders.size(), e.orders.size());
    QCOMPARE(c.orders, e.orders);
}

qint64 TestSyncOutage::edgeMetric(const QByteArray &name)
{
    return qint64(metricValue(m_edgeHttp.get(u"/metrics"_s).body, name).value_or(-1));
}

void TestSyncOutage::editEdgeDatabase(const QString &sql)
{
    QVERIFY(!m_edge->isRunning());
    const QString name = u"edit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_edge->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        QVERIFY(q.numRowsAffected() > 0);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool TestSyncOutage::catchCentralInsideABatch(int timeoutMs)
{
    QRandomGenerator random(m_seed++);
    QDeadlineTimer deadline(timeoutMs);
    int probes = 0;
    while (!deadline.hasExpired() && m_central->isRunning()) {
        QThread::usleep(200 + random.bounded(6000));
        const qint64 pid = m_central->processId();
        stopProcess(pid);
        ++probes;
        if (m_db->centralIsInsideBatch()) {
            qInfo("central stopped inside a batch after %d probes", probes);
            return true;
        }
        continueProcess(pid);
        if (probes % 50 == 0) {
            const EdgeStore e = edgeStore(m_edge->databasePath());
            if (centralStore(m_db->connection(), m_store).appliedSeq >= e.lastSeq)
                return false; // drained before we caught it
        }
    }
    return false;
}

void TestSyncOutage::outageOf2000Orders()
{
    QVERIFY(m_central->terminate());
    const Totals totals = placeOrders(2000);
    QCOMPARE(totals.ids.size(), 2000);

    // The edge kept serving; its backlog is all on disk and visible.
    const EdgeStore before = edgeStore(m_edge->databasePath());
    QVERIFY(before.lastSeq - before.ackedSeq >= 2000);
    QVERIFY(waitUntil(
        [&] {
            return edgeMetric("tableorder_sync_backlog_events") == before.lastSeq - before.ackedSeq;
        },
        10'000, 200));

    VERIFY_CENTRAL_STARTED(*m_central);
    QVERIFY2(waitForSync(*m_edge, *m_db, m_store, drainTimeoutMs), "the backlog did not drain");
    verifySameState();
    QCOMPARE(edgeMetric("tableorder_sync_backlog_events"), 0);

    // HQ's report adds up to the edge's figures, to the won.
    Hq hq { m_hqHttp, m_hq };
    const QJsonObject sales = hq.salesRow(m_store);
    QCOMPARE(sales.value(u"orders"_s).toInteger(), totals.orders);
    QCOMPARE(sales.value(u"total"_s).toInteger(), totals.total);

    // ... and so does reconciliation, with the edge's own count.
    QJsonArray rows;
    QVERIFY(waitUntil(
        [&] {
            rows = m_hqHttp.get(u"/api/v1/reconciliation?store_id=%1"_s.arg(m_store), m_hq)
                       .json()
                       .value(u"rows"_s)
                       .toArray();
            qint64 edgeTotal = 0;
            bool matches = !rows.isEmpty();
            for (const QJsonValue &r : std::as_const(rows)) {
                matches = matches && r.toObject().value(u"matches"_s).toBool();
                edgeTotal += r.toObject().value(u"edge_total"_s).toInteger();
            }
            return matches && edgeTotal == totals.total;
        },
        15'000, 250));
    qint64 centralOrders = 0;
    for (const QJsonValue &r : std::as_const(rows))
        centralOrders += r.toObject().value(u"central_orders"_s).toInteger();
    QCOMPARE(centralOrders, totals.orders);
}

void TestSyncOutage::centralKilledInsideABatch()
{
    QVERIFY(m_central->terminate());
    const Totals totals = placeOrders(1500);
    QCOMPARE(totals.ids.size(), 1500);

    int kills = 0;
    QDeadlineTimer deadline(240'000);
    while (kills < 3 && !deadline.hasExpired()) {
        VERIFY_CENTRAL_STARTED(*m_central);
        if (!catchCentralInsideABatch(30'000))
            break;
        m_central->kill(); // SIGKILL reaches a stopped process
        ++kills;
        verifyAtomicBatches();
    }
    QVERIFY2(kills >= 1, "central was never caught inside a batch");
    qInfo("killed central inside a batch %d times", kills);

    if (!m_central->isRunning())
        VERIFY_CENTRAL_STARTED(*m_central);
    QVERIFY2(waitForSync(*m_edge, *m_db, m_store, drainTimeoutMs), "the backlog did not drain");
    verifySameState();
    Hq hq { m_hqHttp, m_hq };
    QCOMPARE(hq.salesRow(m_store).value(u"total"_s).toInteger(), totals.total);
}

void TestSyncOutage::edgeKilledInsideAnUpload()
{
    QVERIFY(m_central->terminate());
    placeOrders(1200);
    VERIFY_CENTRAL_STARTED(*m_central);

    // Central is stopped while it applies a batch: the edge's request is in flight. The
    // edge dies (kill -9) before the answer; central then finishes and commits the batch.
    bool ackLost = false;
    for (int attempt = 0; attempt < 5 && !ackLost; ++attempt) {
        if (!m_edge->isRunning())
            QVERIFY(startEdge());
        if (!catchCentralInsideABatch(30'000))
            break;
        m_edge->kill();
        continueProcess(m_central->processId());
        const qint64 acked = edgeStore(m_edge->databasePath()).ackedSeq;
        ackLost = waitUntil(
            [&] { return centralStore(m_db->connection(), m_store).appliedSeq > acked; }, 10'000);
        verifyAtomicBatches();
    }
    QVERIFY2(ackLost, "never caught central applying a batch the edge did not live to hear about");
    const qint64 duplicatesBefore = qint64(
        metricSum(m_hqHttp.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body, "tableorder_central_events_duplicate_total"));

    // The restarted edge resends from what it knew; central ignores what it has.
    QVERIFY(startEdge());
    QVERIFY2(waitForSync(*m_edge, *m_db, m_store, drainTimeoutMs), "the backlog did not drain");
    verifySameState();
    QVERIFY(metricSum(m_hqHttp.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body, "tableorder_central_events_duplicate_total")
        > duplicatesBefore);
}

void TestSyncOutage::centralRestoredFromBackup_data()
{
    QTest::addColumn<bool>("newOrders");
    QTest::newRow("new orders after the restore") << true;
    QTest::newRow("no new orders after the restore") << false;
}

void TestSyncOutage::centralRestoredFromBackup()
{
    QFETCH(bool, newOrders);
    placeOrders(40);
    QVERIFY(waitForSync(*m_edge, *m_db, m_store, 60'000));
    const qint64 backupSeq = centralStore(m_db->connection(), m_store).appliedSeq;
    const Totals lost = placeOrders(30, false);
    QVERIFY(waitForSync(*m_edge, *m_db, m_store, 60'000));
    QVERIFY(centralStore(m_db->connection(), m_store).appliedSeq > backupSeq);

    // Central goes back to the backup taken at backupSeq.
    QVERIFY(m_central->terminate());
    QStringList ids;
    for (qint64 id : lost.ids)
        ids.append(QString::number(id));
    QSqlDatabase db = m_db->connection();
    for (const QString &sql :
        { u"DELETE FROM order_items WHERE store_id = %1 AND order_id IN (%2)"_s,
            u"DELETE FROM orders WHERE store_id = %1 AND order_id IN (%2)"_s,
            u"DELETE FROM store_events WHERE store_id = %1 AND seq > %3"_s,
            u"UPDATE stores SET applied_seq = %3 WHERE id = %1"_s }) {
        QSqlQuery q(db);
        QVERIFY2(q.exec(QString(sql)
                            .replace(u"%1"_s, QString::number(m_store))
                            .replace(u"%2"_s, ids.join(u','))
                            .replace(u"%3"_s, QString::number(backupSeq))),
            qPrintable(q.lastError().text()));
    }
    verifyAtomicBatches();
    VERIFY_CENTRAL_STARTED(*m_central);
    if (newOrders)
        placeOrders(5);

    // The edge learns that central is behind what it acknowledged and sends it again.
    QVERIFY2(
        waitForSync(*m_edge, *m_db, m_store, 60'000), "the edge did not resend what central lost");
    verifySameState();
    const EdgeStore e = edgeStore(m_edge->databasePath());
    QCOMPARE(centralStore(m_db->connection(), m_store).appliedSeq, e.lastSeq);
}

void TestSyncOutage::newerSchemaStaysQueued()
{
    QVERIFY(m_central->terminate());
    placeOrders(12, false);
    const EdgeStore queued = edgeStore(m_edge->databasePath());
    QVERIFY(queued.lastSeq - queued.ackedSeq >= 12);
    QVERIFY(m_edge->terminate());
    // One event in the middle of the backlog claims a schema central does not know yet.
    const qint64 newer = queued.ackedSeq + 6;
    editEdgeDatabase(u"UPDATE events SET schema_version = 2 WHERE seq = %1"_s.arg(newer));
    VERIFY_CENTRAL_STARTED(*m_central);
    QVERIFY(startEdge());

    const QByteArray rejected = "tableorder_sync_uploads_total{outcome=\"rejected\"}";
    QVERIFY2(waitUntil([&] { return metricSum(m_edgeHttp.get(u"/metrics"_s).body, rejected) >= 1; },
                 30'000, 200),
        m_edgeHttp.get(u"/metrics"_s).body.constData());
    // Nothing of that batch went in; everything stays queued on the edge and shows.
    QCOMPARE(centralStore(m_db->connection(), m_store).appliedSeq, queued.ackedSeq);
    verifyAtomicBatches();
    QCOMPARE(edgeMetric("tableorder_sync_backlog_events"), queued.lastSeq - queued.ackedSeq);
    QCOMPARE(edgeStore(m_edge->databasePath()).ackedSeq, queued.ackedSeq);
    // HQ sees why the store is stuck.
    QVERIFY(waitUntil(
        [&] {
            return m_hqHttp.get(u"/api/v1/stores/%1"_s.arg(m_store), m_hq)
                .json()
                .value(u"sync_error"_s)
                .toString()
                .contains(u"schema"_s);
        },
        10'000, 200));

    // The store keeps serving; the backlog grows and still nothing is lost or skipped.
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders"_s,
                      orderBody(newClientOrderId(), { { m_menu.at(0).first, 1 } }), m_tables.at(0)),
        201);
    QVERIFY(waitUntil(
        [&] {
            return edgeMetric("tableorder_sync_backlog_events") > queued.lastSeq - queued.ackedSeq;
        },
        10'000, 200));
    QCOMPARE(centralStore(m_db->connection(), m_store).appliedSeq, queued.ackedSeq);

    // Central learns the schema (here: the event goes back to one it knows): all arrive once.
    QVERIFY(m_edge->terminate());
    editEdgeDatabase(u"UPDATE events SET schema_version = 1 WHERE seq = %1"_s.arg(newer));
    QVERIFY(startEdge());
    QVERIFY2(waitForSync(*m_edge, *m_db, m_store, 60'000), "the queued events did not arrive");
    verifySameState();
    QVERIFY(m_hqHttp.get(u"/api/v1/stores/%1"_s.arg(m_store), m_hq)
                .json()
                .value(u"sync_error"_s)
                .toString()
                .isEmpty());
}

void TestSyncOutage::refusedConnectionIsRetriedAtOnce()
{
    // Central restarting: its address answers, nothing listens. A refused connection costs
    // neither side anything, so the edge tries again about every 100 ms (sync/reconnect-ms)
    // instead of backing off (0.5 s doubling: at most 4 tries in these 3 s), and its backlog
    // goes as soon as central is back.
    QVERIFY(m_central->terminate());
    const QByteArray network = "tableorder_sync_uploads_total{outcome=\"network\"}";
    const double before = metricSum(m_edgeHttp.get(u"/metrics"_s).body, network);
    placeOrders(20, false);
    QTest::qWait(3000);
    const double tries = metricSum(m_edgeHttp.get(u"/metrics"_s).body, network) - before;
    QVERIFY2(tries >= 10, qPrintable(u"%1 tries in 3 s of refused connections"_s.arg(tries)));
    VERIFY_CENTRAL_STARTED(*m_central);
    QVERIFY2(waitForSync(*m_edge, *m_db, m_store, 30'000), "the backlog did not drain");
    verifySameState();
}

void TestSyncOutage::uploadThatOvertakesTheOneBeforeIsSentAgain()
{
    // A backlog of several uploads; the edge comes back through a proxy that holds its first
    // upload back, so the second (sent as soon as the first's body is out) reaches central
    // first: central refuses it as a gap and applies nothing of it.
    QVERIFY(m_central->terminate());
    placeOrders(1200, false);
    QVERIFY(m_edge->terminate());
    VERIFY_CENTRAL_STARTED(*m_central);
    FaultProxy proxy(m_central->port());
    proxy.holdRequests("POST /sync/v1/events ", 1);
    m_edge->setArguments({u"--central"_s, u"http://127.0.0.1:%1"_s.arg(proxy.port()), u"--store-key"_s, m_key});
    QVERIFY(startEdge());
    const QByteArray gaps = "tableorder_central_batches_total{store=\"" + QByteArray::number(m_store) + "\",outcome=\"gap\"}";
    auto centralMetrics = [&] { return m_hqHttp.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body; };
    QVERIFY2(waitUntil([&] { return metricValue(centralMetrics(), gaps).value_or(0) >= 1; }, 30'000),
             "the second upload never reached central ahead of the first");
    const qint64 appliedAtGap = centralStore(m_db->connection(), m_store).appliedSeq;

    // The first arrives late and is applied; the second is sent again after it. Nothing is
    // lost, nothing applied twice, and the edge never went back behind what it knew central had.
    proxy.releaseHeld();
    QVERIFY2(waitForSync(*m_edge, *m_db, m_store, drainTimeoutMs), "the backlog did not drain");
    verifySameState();
    QVERIFY(centralStore(m_db->connection(), m_store).appliedSeq > appliedAtGap);
    QVERIFY(edgeMetric("tableorder_sync_uploads_total{outcome=\"overtaken\"}") >= 1);
    QCOMPARE(edgeMetric("tableorder_sync_uploads_total{outcome=\"rewind\"}"), -1); // never counted
}

void TestSyncOutage::retryAfterIsHonoured()
{
    // The same central, now limiting each store to two uploads a minute.
    QVERIFY(m_central->terminate());
    CentralProcess::Options options = m_db->centralOptions();
    options.port = m_central->port();
    options.rateLimits = true;
    options.environment = { { u"TABLEORDER_UPLOADS_PER_MINUTE"_s, u"2"_s } };
    CentralProcess limited(options);
    VERIFY_CENTRAL_STARTED(limited);

    // Orders keep coming, the heartbeat ticks every second; after the first 429 the edge
    // waits as long as Retry-After says (about 30 s), whatever else happens.
    const QByteArray refused = "tableorder_sync_uploads_total{outcome=\"http_429\"}";
    QDeadlineTimer deadline(60'000);
    while (metricSum(m_edgeHttp.get(u"/metrics"_s).body, refused) < 1 && !deadline.hasExpired())
        placeOrders(1, false);
    QCOMPARE(metricSum(m_edgeHttp.get(u"/metrics"_s).body, refused), 1.0);
    for (int i = 0; i < 6; ++i) {
        placeOrders(1, false);
        QTest::qWait(1000);
    }
    QCOMPARE(metricSum(m_edgeHttp.get(u"/metrics"_s).body, refused), 1.0);
    QVERIFY(limited.terminate());
}

QTEST_GUILESS_MAIN(TestSyncOutage)
#include "tst_syncoutage.moc"
