#include "synckit.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTcpSocket>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

/// Two central processes on one PostgreSQL database, as behind a load balancer: they hold
/// no state of their own, so an edge uploading to one shows up on the other's live feed,
/// a menu published on one reaches an edge long-polling the other, and either takes the
/// other's HQ tokens and uploads.
class TestSyncCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void orderUploadedToOneShowsOnTheOthersFeed();
    void menuPublishedOnOneReachesEdgeOfTheOther();
    void eitherInstanceTakesTheUploads();
    void aWholeBatchReachesTheOthersFeed();
    void publishesOnBothAtOnceGetDistinctVersions();
    void sameBatchesOnBothInstancesApplyOnce();
    void cleanupTestCase();

private:
    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_a;
    std::unique_ptr<CentralProcess> m_b;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_httpA;
    HttpClient m_httpB;
    HttpClient m_edgeHttp;
    QString m_hqFromA;
    QString m_table;
    qint64 m_store = 1;
};

void TestSyncCluster::initTestCase()
{
    if (testBackend() != Backend::PostgreSQL)
        QSKIP("several central instances need PostgreSQL (TABLEORDER_TEST_BACKEND=postgresql)");
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    m_a = std::make_unique<CentralProcess>(m_db.centralOptions(true));
    m_b = std::make_unique<CentralProcess>(m_db.centralOptions(false));
    VERIFY_CENTRAL_STARTED(*m_a);
    VERIFY_CENTRAL_STARTED(*m_b);
    QVERIFY(m_a->port() != m_b->port());
    m_httpA.setPort(m_a->port());
    m_httpB.setPort(m_b->port());
    m_hqFromA = Hq::login(m_httpA, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hqFromA.isEmpty());

    EdgeProcess::Options options;
    options.arguments = { u"--central"_s, m_a->url(), u"--store-key"_s, m_a->demoStoreKey() };
    options.environment = { { u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"1000"_s },
        { u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"1000"_s } };
    m_edge = std::make_unique<EdgeProcess>(options);
    VERIFY_STARTED(*m_edge);
    m_edgeHttp.setPort(m_edge->port());
    m_table = m_edgeHttp.tableLogin(3);
    QVERIFY(!m_table.isEmpty());
    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 30'000), "the edge did not sync with instance A");
}

void TestSyncCluster::cleanupTestCase()
{
    m_edge.reset();
    m_a.reset();
    m_b.reset();
}

void TestSyncCluster::orderUploadedToOneShowsOnTheOthersFeed()
{
    // HQ is on instance B with the token A issued: the instances share the signing key.
    SseStream feed;
    QVERIFY2(feed.open(m_b->port(), u"/api/v1/feed"_s, m_hqFromA), qPrintable(feed.errorString()));

    const QList<QJsonObject> items = menuItems(m_edgeHttp.get(u"/api/v1/menu"_s).json());
    QVERIFY(!items.isEmpty());
    const HttpResult placed = m_edgeHttp.post(u"/api/v1/orders"_s,
        orderBody(newClientOrderId(), { { items.at(0).value(u"id"_s).toInteger(), 2 } }), m_table);
    VERIFY_STATUS(placed, 201);
    const qint64 orderId = placed.json().value(u"id"_s).toInteger();

    const auto event = feed.waitFor(
        [&](const SseStream::Event &e) {
            return e.data.value(u"order"_s).toObject().value(u"id"_s).toInteger() == orderId;
        },
        15'000);
    QVERIFY2(event, "the order the edge uploaded to A never reached B's live feed");
    QCOMPARE(event->type, u"order.created"_s);
    QCOMPARE(event->data.value(u"store_id"_s).toInteger(), m_store);
    QCOMPARE(event->data.value(u"order"_s).toObject().value(u"total"_s).toInteger(),
        placed.json().value(u"total"_s).toInteger());
    QCOMPARE(event->data.value(u"order"_s).toObject().value(u"table_number"_s).toInt(), 3);

    // It went through A only: A's ingest counter moved, B's did not.
    const QByteArray store = "tableorder_central_events_ingested_total{store=\"1\"}";
    QVERIFY(metricSum(m_httpA.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body, store) >= 1);
    QCOMPARE(metricSum(m_httpB.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body, store), 0.0);
}

void TestSyncCluster::menuPublishedOnOneReachesEdgeOfTheOther()
{
    const QString token = Hq::login(m_httpB, u"hq"_s, u"hq"_s);
    const QList<QJsonObject> items
        = menuItems(m_httpB.get(u"/api/v1/stores/1/menu"_s, token).json());
    QVERIFY(!items.isEmpty());
    const qint64 item = items.at(0).value(u"id"_s).toInteger();
    QElapsedTimer sinceEdit;
    sinceEdit.start();
    VERIFY_STATUS(m_httpB.put(u"/api/v1/stores/1/menu/items/%1"_s.arg(item),
                      { { u"price"_s, 31'400 } }, token),
        200);
    // The edge long-polls A; B's publish reaches it through PostgreSQL NOTIFY.
    QVERIFY(waitUntil(
        [&] {
            for (const QJsonObject &i :
                menuItems(m_edgeHttp.get(u"/api/v1/menu"_s, m_table).json())) {
                if (i.value(u"id"_s).toInteger() == item)
                    return i.value(u"price"_s).toInteger() == 31'400;
            }
            return false;
        },
        15'000, 20));
    QVERIFY2(sinceEdit.elapsed() < 2000, qPrintable(u"took %1 ms"_s.arg(sinceEdit.elapsed())));
}

void TestSyncCluster::eitherInstanceTakesTheUploads()
{
    // A second store uploads alternately to A and B, in one sequence.
    Hq hq { m_httpA, m_hqFromA };
    const auto [store, key] = hq.registerStore(u"cluster"_s);
    QVERIFY(store > 0);
    HttpClient *instances[] = { &m_httpA, &m_httpB };
    for (int batch = 0; batch < 6; ++batch) {
        pb::UploadResponse response;
        const pb::UploadRequest events = orderBatch(1 + batch * 10, 10);
        VERIFY_STATUS(upload(*instances[batch % 2], key, events, &response), 200);
        QCOMPARE(response.applied_seq(), 10 * (batch + 1));
        // The other instance answers a repeat (the same events) the same way.
        VERIFY_STATUS(upload(*instances[(batch + 1) % 2], key, events, &response), 200);
        QCOMPARE(response.applied_seq(), 10 * (batch + 1));
    }
    const CentralStore stored = centralStore(m_db.connection(), store);
    QCOMPARE(stored.events, 60);
    QCOMPARE(stored.orders.size(), 60);
}

void TestSyncCluster::aWholeBatchReachesTheOthersFeed()
{
    // 400 orders in one upload to A: B's feed shows every one, in order (several per
    // NOTIFY, each NOTIFY under PostgreSQL's payload limit).
    Hq hq { m_httpA, m_hqFromA };
    const auto [store, key] = hq.registerStore(u"big batch"_s);
    QVERIFY(store > 0);
    SseStream feed;
    QVERIFY2(feed.open(m_b->port(), u"/api/v1/feed"_s, m_hqFromA), qPrintable(feed.errorString()));
    VERIFY_STATUS(upload(m_httpA, key, orderBatch(1, 400)), 200);
    QList<qint64> seen;
    const auto last = feed.waitFor(
        [&](const SseStream::Event &e) {
            if (e.data.value(u"store_id"_s).toInteger() == store)
                seen.append(e.data.value(u"order"_s).toObject().value(u"id"_s).toInteger());
            return seen.size() == 400;
        },
        20'000);
    QVERIFY2(last, qPrintable(u"%1 of 400 orders reached B's feed"_s.arg(seen.size())));
    for (int i = 0; i < 400; ++i)
        QCOMPARE(seen.at(i), qint64(i + 1));
}

void TestSyncCluster::publishesOnBothAtOnceGetDistinctVersions()
{
    // Two HQ admins press "publish" at the same moment, one on each instance: both publishes
    // succeed, each with a version of its own (no MAX(version)+1 collision).
    const QString tokenB = Hq::login(m_httpB, u"hq"_s, u"hq"_s);
    QVERIFY(!tokenB.isEmpty());
    auto versions = [&] {
        QList<qint64> out;
        for (const QJsonValue &v :
             m_httpA.get(u"/api/v1/stores/1/menu/versions"_s, m_hqFromA).json().value(u"versions"_s).toArray())
            out.append(v.toObject().value(u"version"_s).toInteger());
        return out;
    };
    const QList<qint64> before = versions();
    QVERIFY(!before.isEmpty());
    auto publish = [](const QString &token, const QByteArray &note) -> QByteArray {
        const QByteArray body = R"({"note":")" + note + R"("})";
        return "POST /api/v1/stores/1/menu/publish HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.toLatin1()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\n\r\n" + body;
    };
    QList<qint64> published;
    constexpr int kRounds = 10;
    for (int round = 0; round < kRounds; ++round) {
        const QList<HttpResult> results = sendTogether(
                {{m_a->port(), publish(m_hqFromA, "a" + QByteArray::number(round))},
                 {m_b->port(), publish(tokenB, "b" + QByteArray::number(round))}},
                15'000);
        QCOMPARE(results.size(), 2);
        for (const HttpResult &r : results) {
            QVERIFY2(r.status == 200 || r.status == 201, qPrintable(r.describe()));
            published.append(r.json().value(u"version"_s).toInteger());
        }
    }
    QSet<qint64> distinct(published.cbegin(), published.cend());
    QCOMPARE(distinct.size(), 2 * kRounds);
    const QList<qint64> after = versions();
    QCOMPARE(after.size(), before.size() + 2 * kRounds);
    QCOMPARE(QSet<qint64>(after.cbegin(), after.cend()).size(), after.size());
}

void TestSyncCluster::sameBatchesOnBothInstancesApplyOnce()
{
    // Issue 15: each store's batches go to both instances at the same moment, round after
    // round, as an edge retrying through a load balancer would; each instance groups the
    // stores' uploads into its commits. Every event lands once: applied by one instance, a
    // duplicate for the other, never both and never neither.
    constexpr int kStores = 6;
    constexpr int kRounds = 8;
    constexpr int kEvents = 5;
    Hq hq { m_httpA, m_hqFromA };
    QList<std::pair<qint64, QString>> stores;
    for (int i = 0; i < kStores; ++i) {
        stores.append(hq.registerStore(u"twice %1"_s.arg(i)));
        QVERIFY(stores.constLast().first > 0);
    }
    SseStream feed;
    QVERIFY2(feed.open(m_a->port(), u"/api/v1/feed"_s, m_hqFromA), qPrintable(feed.errorString()));

    for (int round = 0; round < kRounds; ++round) {
        QList<std::pair<quint16, QByteArray>> requests;
        for (const auto &[store, key] : std::as_const(stores)) {
            pb::UploadRequest batch = orderBatch(round * kEvents + 1, kEvents);
            // One unusable event per store every other round: a dead letter kept twice
            // would show.
            if (round % 2 == 0) {
                QJsonObject broken
                        = QJsonDocument::fromJson(QByteArray::fromStdString(batch.events(2).data_json())).object();
                broken.insert(u"total"_s, 1);
                batch.mutable_events(2)->set_data_json(QJsonDocument(broken).toJson(QJsonDocument::Compact).toStdString());
            }
            const QByteArray bytes = uploadRequestBytes(key, batch);
            requests.append({ m_a->port(), bytes });
            requests.append({ m_b->port(), bytes });
        }
        const QList<HttpResult> results = sendTogether(requests, 30'000);
        QCOMPARE(results.size(), requests.size());
        for (const HttpResult &result : results) {
            VERIFY_STATUS(result, 200);
            const auto response = uploadResponse(result);
            QVERIFY(response);
            QCOMPARE(response->applied_seq(), (round + 1) * kEvents);
        }
    }

    const QByteArray pageA = m_httpA.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    const QByteArray pageB = m_httpB.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    constexpr int kTotal = kRounds * kEvents;
    constexpr int kDeadLetters = (kRounds + 1) / 2;
    QSet<std::pair<qint64, qint64>> expected; // (store, order id) of every usable order
    for (const auto &[store, key] : std::as_const(stores)) {
        const CentralStore stored = centralStore(m_db.connection(), store);
        QCOMPARE(stored.appliedSeq, kTotal);
        QCOMPARE(stored.events, kTotal);
        QCOMPARE(stored.maxSeq, kTotal);
        QCOMPARE(stored.orders.size(), kTotal - kDeadLetters);
        QCOMPARE(queryValue(m_db.connection(), u"SELECT COUNT(*) FROM dead_letters WHERE store_id = ?"_s, { store }),
                 kDeadLetters);
        // Applied by exactly one instance, a duplicate at the other.
        const QByteArray label = "{store=\"" + QByteArray::number(store) + "\"}";
        QCOMPARE(metricSum(pageA, "tableorder_central_events_ingested_total" + label)
                         + metricSum(pageB, "tableorder_central_events_ingested_total" + label),
                 double(kTotal));
        QCOMPARE(metricSum(pageA, "tableorder_central_events_duplicate_total" + label)
                         + metricSum(pageB, "tableorder_central_events_duplicate_total" + label),
                 double(kTotal));
        QCOMPARE(metricSum(pageA, "tableorder_central_dead_letters_total" + label)
                         + metricSum(pageB, "tableorder_central_dead_letters_total" + label),
                 double(kDeadLetters));
        for (int seq = 1; seq <= kTotal; ++seq) {
            if ((seq - 1) / kEvents % 2 != 0 || (seq - 1) % kEvents != 2)
                expected.insert({ store, seq });
        }
    }

    // A's live feed shows each order once, whichever instance applied it.
    QList<std::pair<qint64, qint64>> seen;
    const auto all = feed.waitFor(
        [&](const SseStream::Event &e) {
            const std::pair<qint64, qint64> order { e.data.value(u"store_id"_s).toInteger(),
                e.data.value(u"order"_s).toObject().value(u"id"_s).toInteger() };
            if (expected.contains(order))
                seen.append(order);
            return seen.size() == expected.size();
        },
        20'000);
    QVERIFY2(all, qPrintable(u"%1 of %2 orders reached the feed"_s.arg(seen.size()).arg(expected.size())));
    using Orders = QSet<std::pair<qint64, qint64>>;
    QCOMPARE(Orders(seen.cbegin(), seen.cend()), expected);
}

QTEST_GUILESS_MAIN(TestSyncCluster)
#include "tst_synccluster.moc"
