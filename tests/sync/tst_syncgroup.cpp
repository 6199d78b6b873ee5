#include "synckit.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QDate>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

/// Group commit across stores (issue 15): uploads that reach central together are applied
/// in one transaction, every store's rows in one multi-row statement per table (each upload
/// still judged alone), and answered after one commit. The
/// uploads are sent while central is stopped (SIGSTOP) and central is resumed once all are
/// written, so that it reads them in one pass of its event loop: one group.
class TestSyncGroup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void storesUploadingTogetherShareOneCommit();
    void aRefusedBatchFailsOnlyItsOwnUpload();
    void aGroupWritesWhatEachUploadAloneWould();

private:
    struct Store
    {
        qint64 id = 0;
        QString key;
    };
    struct Groups
    {
        double commits = 0;     // group commits
        double uploads = 0;     // uploads they held
        double singles = 0;     // commits of one upload
    };
    Store newStore(const QString &name);
    [[nodiscard]] Groups groups();
    /// Sends every request at once to the stopped central and resumes it.
    [[nodiscard]] QList<HttpResult> sendAsOneGroup(const QList<QByteArray> &requests);
    [[nodiscard]] double ingested(qint64 storeId);

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    HttpClient m_http;
    QString m_hq;
};

void TestSyncGroup::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    m_hq = Hq::login(m_http, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());
}

TestSyncGroup::Store TestSyncGroup::newStore(const QString &name)
{
    Hq hq { m_http, m_hq };
    const auto [id, key] = hq.registerStore(name);
    return { id, key };
}

TestSyncGroup::Groups TestSyncGroup::groups()
{
    // No line before the first group commit.
    const QByteArray page = m_http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    return { metricValue(page, "tableorder_sync_group_size_count").value_or(0),
             metricValue(page, "tableorder_sync_group_size_sum").value_or(0),
             metricValue(page, "tableorder_sync_group_size_bucket{le=\"1\"}").value_or(0) };
}

double TestSyncGroup::ingested(qint64 storeId)
{
    const QByteArray page = m_http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    return metricSum(page, "tableorder_central_events_ingested_total{store=\"" + QByteArray::number(storeId) + "\"}");
}

QList<HttpResult> TestSyncGroup::sendAsOneGroup(const QList<QByteArray> &requests)
{
    QList<std::pair<quint16, QByteArray>> toSend;
    for (const QByteArray &request : requests)
        toSend.append({ m_central->port(), request });
    const qint64 pid = m_central->processId();
    stopProcess(pid);
    QList<HttpResult> results = sendTogether(toSend, 30'000, [pid] { continueProcess(pid); });
    continueProcess(pid); // also when a connection failed before anything was written
    return results;
}

void TestSyncGroup::storesUploadingTogetherShareOneCommit()
{
    constexpr int kStores = 12;
    constexpr int kRounds = 3;
    constexpr int kEvents = 5;
    QList<Store> stores;
    for (int i = 0; i < kStores; ++i) {
        stores.append(newStore(u"group %1"_s.arg(i)));
        QVERIFY(stores.constLast().id > 0);
    }
    const Groups before = groups();
    QList<QByteArray> lastRound;
    for (int round = 0; round < kRounds; ++round) {
        QList<QByteArray> requests;
        for (const Store &store : std::as_const(stores))
            requests.append(uploadRequestBytes(store.key, orderBatch(round * kEvents + 1, kEvents)));
        const QList<HttpResult> results = sendAsOneGroup(requests);
        QCOMPARE(results.size(), kStores);
        for (const HttpResult &result : results) {
            VERIFY_STATUS(result, 200);
            const auto response = uploadResponse(result);
            QVERIFY(response);
            QCOMPARE(response->applied_seq(), (round + 1) * kEvents);
        }
        lastRound = requests;
    }
    const Groups after = groups();
    QCOMPARE(after.uploads - before.uploads, double(kStores * kRounds));
    // Fewer commits than uploads, and some commit held more than one upload.
    QVERIFY2(after.commits - before.commits < kStores * kRounds,
             qPrintable(u"%1 commits for %2 uploads"_s.arg(after.commits - before.commits).arg(kStores * kRounds)));
    QVERIFY(after.commits - before.commits > after.singles - before.singles);

    // Every event exactly once, in every store.
    for (const Store &store : std::as_const(stores)) {
        const CentralStore stored = centralStore(m_db.connection(), store.id);
        QCOMPARE(stored.appliedSeq, kRounds * kEvents);
        QCOMPARE(stored.events, kRounds * kEvents);
        QCOMPARE(stored.maxSeq, kRounds * kEvents);
        QCOMPARE(stored.orderEvents, kRounds * kEvents);
        QCOMPARE(stored.orders.size(), kRounds * kEvents);
        QCOMPARE(ingested(store.id), double(kRounds * kEvents));
    }

    // The last round again, all together: every store answers as before and nothing changes.
    const QStringList state = centralDataState(m_db.connection());
    const QList<HttpResult> repeats = sendAsOneGroup(lastRound);
    QCOMPARE(repeats.size(), kStores);
    for (const HttpResult &result : repeats) {
        VERIFY_STATUS(result, 200);
        const auto response = uploadResponse(result);
        QVERIFY(response);
        QCOMPARE(response->applied_seq(), kRounds * kEvents);
    }
    QCOMPARE(centralDataState(m_db.connection()), state);
    for (const Store &store : std::as_const(stores))
        QCOMPARE(ingested(store.id), double(kRounds * kEvents));
}

void TestSyncGroup::aRefusedBatchFailsOnlyItsOwnUpload()
{
    // Six stores at seq 3; then one upload each, together: two good ones around a batch that
    // skips ahead, one that reuses an applied seq for another event, one with an unusable
    // event and one of a newer schema.
    const QStringList names = { u"good"_s, u"gap"_s, u"conflict"_s, u"dead letter"_s, u"schema"_s, u"also good"_s };
    QList<Store> stores;
    for (const QString &name : names) {
        stores.append(newStore(u"refused "_s + name));
        QVERIFY(stores.constLast().id > 0);
        VERIFY_STATUS(upload(m_http, stores.constLast().key, orderBatch(1, 3)), 200);
    }
    const Store &good = stores.at(0);
    const Store &gap = stores.at(1);
    const Store &conflict = stores.at(2);
    const Store &dead = stores.at(3);
    const Store &schema = stores.at(4);
    const Store &alsoGood = stores.at(5);

    pb::UploadRequest withDeadLetter = orderBatch(4, 3);
    QJsonObject broken
            = QJsonDocument::fromJson(QByteArray::fromStdString(withDeadLetter.events(1).data_json())).object();
    broken.insert(u"total"_s, 1); // no longer the sum of its lines
    withDeadLetter.mutable_events(1)->set_data_json(QJsonDocument(broken).toJson(QJsonDocument::Compact).toStdString());

    const QList<QByteArray> requests = {
        uploadRequestBytes(good.key, orderBatch(4, 3)),
        uploadRequestBytes(gap.key, orderBatch(10, 2)),
        uploadRequestBytes(conflict.key, orderBatch(3, 2)), // seq 3 with a new event_id
        uploadRequestBytes(dead.key, withDeadLetter),
        uploadRequestBytes(schema.key, orderBatch(4, 2, 1000, 99)),
        uploadRequestBytes(alsoGood.key, orderBatch(4, 3)),
    };
    const Groups before = groups();
    const QList<HttpResult> results = sendAsOneGroup(requests);
    const Groups after = groups();
    QCOMPARE(results.size(), requests.size());
    // The schema check needs no database: five uploads joined groups, and they shared one.
    QCOMPARE(after.uploads - before.uploads, 5.0);
    QVERIFY2(after.commits - before.commits < 5, qPrintable(u"%1 commits"_s.arg(after.commits - before.commits)));

    auto appliedSeqOf = [](const HttpResult &result) -> qint64 {
        const auto response = uploadResponse(result);
        return response ? response->applied_seq() : -1;
    };
    VERIFY_STATUS(results.at(0), 200);
    QCOMPARE(appliedSeqOf(results.at(0)), 6);
    VERIFY_STATUS(results.at(5), 200);
    QCOMPARE(appliedSeqOf(results.at(5)), 6);

    VERIFY_STATUS(results.at(1), 409);
    QCOMPARE(results.at(1).header("x-error-code"), QByteArray("SEQ_GAP"));
    QCOMPARE(results.at(1).header("x-expected-seq"), QByteArray("4"));
    QCOMPARE(appliedSeqOf(results.at(1)), 3);

    VERIFY_STATUS(results.at(2), 409);
    QCOMPARE(results.at(2).header("x-error-code"), QByteArray("SEQ_CONFLICT"));
    QCOMPARE(uploadResponse(results.at(2))->conflict_seq(), 3);

    VERIFY_STATUS(results.at(3), 200);
    QCOMPARE(appliedSeqOf(results.at(3)), 6);

    VERIFY_ERROR(results.at(4), 422, "SCHEMA_NOT_SUPPORTED");

    // What central keeps: each store as its own upload alone would have left it.
    QSqlDatabase db = m_db.connection();
    for (const Store *store : { &good, &alsoGood }) {
        const CentralStore stored = centralStore(db, store->id);
        QCOMPARE(stored.appliedSeq, 6);
        QCOMPARE(stored.events, 6);
        QCOMPARE(stored.orders.size(), 6);
    }
    for (const Store *store : { &gap, &conflict, &schema }) {
        const CentralStore stored = centralStore(db, store->id);
        QCOMPARE(stored.appliedSeq, 3);
        QCOMPARE(stored.events, 3);
        QCOMPARE(stored.orders.size(), 3);
    }
    const CentralStore deadStored = centralStore(db, dead.id);
    QCOMPARE(deadStored.appliedSeq, 6);
    QCOMPARE(deadStored.events, 6);
    QCOMPARE(deadStored.orders.size(), 5);
    QCOMPARE(queryValue(db, u"SELECT COUNT(*) FROM dead_letters WHERE store_id = ?"_s, { dead.id }), 1);
    QCOMPARE(queryValue(db, u"SELECT seq FROM dead_letters WHERE store_id = ?"_s, { dead.id }), 5);
    QCOMPARE(queryValue(db, u"SELECT COUNT(*) FROM dead_letters WHERE store_id <> ?"_s, { dead.id }), 0);
    // The store of a newer schema shows why it is stuck.
    QVERIFY(queryValue(db, u"SELECT COUNT(*) FROM stores WHERE id = ? AND sync_error <> ''"_s, { schema.id }) == 1);
}

void TestSyncGroup::aGroupWritesWhatEachUploadAloneWould()
{
    // Four pairs of stores. Each pair gets the same uploads; the first of each pair sends its
    // second upload in one group with the other pairs' firsts, the second sends it alone.
    // Central must keep the same for both: orders created, updated twice (the newest state
    // wins), updated in the batch that created them, a dead letter, the day's figures sent
    // twice in one upload (the last wins).
    constexpr int kPairs = 4;
    QList<Store> together;
    QList<Store> alone;
    for (int i = 0; i < kPairs; ++i) {
        together.append(newStore(u"together %1"_s.arg(i)));
        alone.append(newStore(u"alone %1"_s.arg(i)));
        QVERIFY(together.constLast().id > 0 && alone.constLast().id > 0);
    }
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    auto second = [&](int pair) {
        pb::UploadRequest request = orderBatch(4, 2, 1000 + pair); // orders 4 and 5
        auto addUpdate = [&](qint64 orderId, const QString &status) {
            auto *e = request.add_events();
            e->set_event_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
            e->set_seq(4 + request.events_size() - 1);
            e->set_schema_version(1);
            e->set_type("order.updated");
            e->set_at(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
            e->set_table_id(1);
            QJsonObject order = orderJson(orderId, int(orderId), today, orderId >= 4 ? 1000 + pair : 1000, 1, status);
            const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
            order.insert(u"preparing_at"_s, now);
            if (status == u"completed"_s)
                order.insert(u"completed_at"_s, now);
            e->set_data_json(QJsonDocument(order).toJson(QJsonDocument::Compact).toStdString());
        };
        addUpdate(2, u"preparing"_s);
        addUpdate(4, u"preparing"_s);
        addUpdate(2, u"completed"_s);
        if (pair == 1) { // an order whose total is not the sum of its lines
            QJsonObject broken = QJsonDocument::fromJson(QByteArray::fromStdString(request.events(1).data_json())).object();
            broken.insert(u"total"_s, 1);
            request.mutable_events(1)->set_data_json(QJsonDocument(broken).toJson(QJsonDocument::Compact).toStdString());
        }
        for (const auto &[date, orders] : { std::pair { yesterday, 7 }, std::pair { today, 3 }, std::pair { today, 5 } }) {
            auto *total = request.add_daily_totals();
            total->set_business_date(date.toStdString());
            total->set_orders(orders);
            total->set_total(orders * (1000 + pair));
        }
        request.set_last_seq(3 + request.events_size());
        request.set_backlog(request.events_size());
        return request;
    };
    // The same requests to both stores of a pair: the same events, times included.
    QList<QByteArray> group;
    QList<pb::UploadRequest> seconds;
    for (int i = 0; i < kPairs; ++i) {
        const pb::UploadRequest first = orderBatch(1, 3);
        VERIFY_STATUS(upload(m_http, together.at(i).key, first), 200);
        VERIFY_STATUS(upload(m_http, alone.at(i).key, first), 200);
        seconds.append(second(i));
        group.append(uploadRequestBytes(together.at(i).key, seconds.constLast()));
    }
    const Groups before = groups();
    const QList<HttpResult> results = sendAsOneGroup(group);
    const Groups after = groups();
    QCOMPARE(after.uploads - before.uploads, double(kPairs));
    QVERIFY2(after.commits - before.commits < kPairs, qPrintable(u"%1 commits"_s.arg(after.commits - before.commits)));
    for (int i = 0; i < kPairs; ++i) {
        VERIFY_STATUS(results.at(i), 200);
        QCOMPARE(uploadResponse(results.at(i))->applied_seq(), 8);
        pb::UploadResponse response;
        VERIFY_STATUS(upload(m_http, alone.at(i).key, seconds.at(i), &response), 200);
        QCOMPARE(response.applied_seq(), 8);
    }

    QSqlDatabase db = m_db.connection();
    auto kept = [&db](qint64 storeId) {
        QStringList out = centralStore(db, storeId).orders;
        QSqlQuery q(db);
        q.prepare(u"SELECT business_date, edge_orders, edge_total FROM reconciliation WHERE store_id = ? "
                  "ORDER BY business_date"_s);
        q.addBindValue(storeId);
        if (!q.exec())
            qWarning() << q.lastError().text();
        while (q.next())
            out.append(u"day %1 %2 %3"_s.arg(q.value(0).toString()).arg(q.value(1).toLongLong()).arg(q.value(2).toLongLong()));
        q.prepare(u"SELECT seq, type FROM dead_letters WHERE store_id = ? ORDER BY seq"_s);
        q.addBindValue(storeId);
        if (!q.exec())
            qWarning() << q.lastError().text();
        while (q.next())
            out.append(u"dead letter %1 %2"_s.arg(q.value(0).toLongLong()).arg(q.value(1).toString()));
        return out;
    };
    for (int i = 0; i < kPairs; ++i) {
        const CentralStore a = centralStore(db, together.at(i).id);
        const CentralStore b = centralStore(db, alone.at(i).id);
        QCOMPARE(a.appliedSeq, 8);
        QCOMPARE(a.events, b.events);
        QCOMPARE(a.orders.size(), i == 1 ? 4 : 5);
        const QStringList keptTogether = kept(together.at(i).id);
        QCOMPARE(keptTogether, kept(alone.at(i).id));
        // Order 2 completed (its newest state), order 4 preparing (updated in the batch that
        // created it).
        QVERIFY2(keptTogether.filter(u"|completed|"_s).size() == 1 && keptTogether.filter(u"|preparing|"_s).size() == 1
                         && keptTogether.at(3).startsWith(u"4|"_s) && keptTogether.at(3).contains(u"|preparing|"_s),
                 qPrintable(keptTogether.join(u'\n')));
        QVERIFY2(keptTogether.contains(u"day %1 5 %2"_s.arg(today).arg(5 * (1000 + i))), qPrintable(keptTogether.join(u'\n')));
        QVERIFY(keptTogether.contains(u"day %1 7 %2"_s.arg(yesterday).arg(7 * (1000 + i))));
        QCOMPARE(keptTogether.filter(u"dead letter"_s).size(), i == 1 ? 1 : 0);
    }
}

QTEST_GUILESS_MAIN(TestSyncGroup)
#include "tst_syncgroup.moc"
