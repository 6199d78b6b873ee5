#include "synckit.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

/// The sync protocol at the wire, against a real central: hand-made protobuf batches with
/// store keys, checking what central stored after each one. The store comes from the key;
/// batches are all-or-nothing, idempotent by (store, seq) and strictly in order.
class TestSyncProtocol : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void storeComesFromTheKey();
    void refusedKeys_data();
    void refusedKeys();
    void rotatedKeyIsRefused();
    void newerSchemaIsRejected_data();
    void newerSchemaIsRejected();
    void skipAheadGets409();
    void resendChangesNothing_data();
    void resendChangesNothing();
    void overlappingBatchAppliesOnlyTheNewPart();
    void malformedBatches_data();
    void malformedBatches();
    void unusableEventIsDeadLettered();
    void awkwardTextSurvives();
    void batchingDoesNotChangeTheResult_data();
    void batchingDoesNotChangeTheResult();
    void reconciliationFigures();
    void menuLongPoll();

private:
    struct Store
    {
        qint64 id = 0;
        QString key;
    };
    Store newStore(const QString &name);

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    HttpClient m_http;
    QString m_hq;
    Store m_a;
    Store m_b;
};

void TestSyncProtocol::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    m_hq = Hq::login(m_http, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());
    m_a = newStore(u"A"_s);
    m_b = newStore(u"B"_s);
    QVERIFY(m_a.id > 0 && m_b.id > 0 && m_a.id != m_b.id);
}

TestSyncProtocol::Store TestSyncProtocol::newStore(const QString &name)
{
    Hq hq { m_http, m_hq };
    const auto [id, key] = hq.registerStore(name);
    return { id, key };
}

void TestSyncProtocol::storeComesFromTheKey()
{
    // A's key with a body that names B everywhere a body can: it lands in A.
    pb::UploadRequest batch = orderBatch(1, 3);
    for (int i = 0; i < batch.events_size(); ++i) {
        QJsonObject data
            = QJsonDocument::fromJson(QByteArray::fromStdString(batch.events(i).data_json()))
                  .object();
        data.insert(u"store_id"_s, m_b.id);
        batch.mutable_events(i)->set_data_json(
            QJsonDocument(data).toJson(QJsonDocument::Compact).toStdString());
    }
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, m_a.key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 3);

    const CentralStore a = centralStore(m_db.connection(), m_a.id);
    const CentralStore b = centralStore(m_db.connection(), m_b.id);
    QCOMPARE(a.appliedSeq, 3);
    QCOMPARE(a.events, 3);
    QCOMPARE(a.orders.size(), 3);
    QCOMPARE(b.appliedSeq, 0);
    QCOMPARE(b.events, 0);
    QVERIFY(b.orders.isEmpty());

    // B's own key reaches B, with B's own sequence.
    VERIFY_STATUS(upload(m_http, m_b.key, orderBatch(1, 2), &response), 200);
    QCOMPARE(response.applied_seq(), 2);
    QCOMPARE(centralStore(m_db.connection(), m_b.id).events, 2);
    QCOMPARE(centralStore(m_db.connection(), m_a.id).events, 3);

    // HQ sees each store's status as its own uploads reported it.
    const QJsonObject status = m_http.get(u"/api/v1/stores/%1"_s.arg(m_a.id), m_hq).json();
    QCOMPARE(status.value(u"applied_seq"_s).toInteger(), 3);
    QCOMPARE(status.value(u"status"_s).toString(), u"online"_s);
}

void TestSyncProtocol::refusedKeys_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown key") << QByteArray("Bearer sk_" + QByteArray(43, 'x'))
                                 << u"INVALID_TOKEN"_s;
    QTest::newRow("no Authorization header") << QByteArray() << u"UNAUTHENTICATED"_s;
    QTest::newRow("empty bearer") << QByteArray("Bearer ") << u"UNAUTHENTICATED"_s;
    QTest::newRow("basic scheme") << QByteArray("Basic aHE6aHE=") << u"UNAUTHENTICATED"_s;
    QTest::newRow("not a store key") << QByteArray("Bearer 0123456789abcdef") << u"INVALID_TOKEN"_s;
}

void TestSyncProtocol::refusedKeys()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, code);
    const QStringList before = centralDataState(m_db.connection());
    Headers headers { { "Content-Type", "application/x-protobuf" } };
    if (!authorization.isEmpty())
        headers.append({ "Authorization", authorization });
    const HttpResult result = m_http.send("POST", u"/sync/v1/events"_s,
        QByteArray::fromStdString(orderBatch(1, 5).SerializeAsString()), {}, headers);
    VERIFY_ERROR(result, 401, code);
    QCOMPARE(centralDataState(m_db.connection()), before);

    // The menu channel takes the same keys.
    Headers menuHeaders;
    if (!authorization.isEmpty())
        menuHeaders.append({ "Authorization", authorization });
    VERIFY_ERROR(m_http.get(u"/sync/v1/menu?after=0&wait=0"_s, {}, menuHeaders), 401, code);
}

void TestSyncProtocol::rotatedKeyIsRefused()
{
    const Store c = newStore(u"C"_s);
    VERIFY_STATUS(upload(m_http, c.key, orderBatch(1, 1)), 200);
    const HttpResult rotated = m_http.post(u"/api/v1/stores/%1/key"_s.arg(c.id), {}, m_hq);
    VERIFY_STATUS(rotated, 200);
    const QString newKey = rotated.json().value(u"store_key"_s).toString();
    QVERIFY(!newKey.isEmpty() && newKey != c.key);

    const QStringList before = centralDataState(m_db.connection());
    VERIFY_ERROR(upload(m_http, c.key, orderBatch(2, 1)), 401, u"INVALID_TOKEN"_s);
    QCOMPARE(centralDataState(m_db.connection()), before);
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, newKey, orderBatch(2, 1), &response), 200);
    QCOMPARE(response.applied_seq(), 2);
}

void TestSyncProtocol::newerSchemaIsRejected_data()
{
    QTest::addColumn<int>("badIndex");
    QTest::addColumn<int>("schemaVersion");
    QTest::newRow("first event newer") << 0 << 2;
    QTest::newRow("last event newer") << 4 << 2;
    QTest::newRow("far future") << 2 << 1000;
    QTest::newRow("older than supported") << 1 << 0;
}

void TestSyncProtocol::newerSchemaIsRejected()
{
    QFETCH(int, badIndex);
    QFETCH(int, schemaVersion);
    const Store store = newStore(u"schema"_s);
    pb::UploadRequest batch = orderBatch(1, 5);
    batch.mutable_events(badIndex)->set_schema_version(schemaVersion);
    const QStringList before = centralDataState(m_db.connection());
    const HttpResult result = upload(m_http, store.key, batch);
    VERIFY_ERROR(result, 422, u"SCHEMA_NOT_SUPPORTED"_s);
    QCOMPARE(result.errorDetails().value(u"seq"_s).toInteger(), badIndex + 1);
    // All or nothing: not even the events before the refused one.
    QCOMPARE(centralDataState(m_db.connection()), before);
    QCOMPARE(centralStore(m_db.connection(), store.id).appliedSeq, 0);

    // The same events at the current version go through.
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, store.key, orderBatch(1, 5), &response), 200);
    QCOMPARE(response.applied_seq(), 5);
}

void TestSyncProtocol::skipAheadGets409()
{
    const Store store = newStore(u"gap"_s);
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, store.key, orderBatch(1, 4), &response), 200);
    const QStringList before = centralDataState(m_db.connection());

    for (const qint64 first : { qint64(6), qint64(100), qint64(5'000'000'000) }) {
        const HttpResult result = upload(m_http, store.key, orderBatch(first, 3), &response);
        VERIFY_STATUS(result, 409);
        QCOMPARE(response.expected_seq(), 5);
        QCOMPARE(response.applied_seq(), 4);
        QCOMPARE(result.header("x-expected-seq"), QByteArray("5"));
        QCOMPARE(centralDataState(m_db.connection()), before);
    }
    // Resuming from the expected seq is accepted.
    VERIFY_STATUS(upload(m_http, store.key, orderBatch(5, 2), &response), 200);
    QCOMPARE(response.applied_seq(), 6);
}

void TestSyncProtocol::resendChangesNothing_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("count");
    QTest::newRow("the whole first batch") << 1 << 10;
    QTest::newRow("part of an old batch") << 4 << 3;
    QTest::newRow("the last event") << 20 << 1;
    QTest::newRow("everything so far") << 1 << 20;
}

void TestSyncProtocol::resendChangesNothing()
{
    QFETCH(int, first);
    QFETCH(int, count);
    const Store store = newStore(u"resend"_s);
    const pb::UploadRequest one = orderBatch(1, 10);
    const pb::UploadRequest two = orderBatch(11, 10);
    VERIFY_STATUS(upload(m_http, store.key, one), 200);
    VERIFY_STATUS(upload(m_http, store.key, two), 200);
    const QStringList before = centralDataState(m_db.connection());
    const QByteArray metricsBefore = m_http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;

    // The very events that were applied (same ids and payloads), re-sent twice.
    pb::UploadRequest again;
    for (const auto *batch : { &one, &two }) {
        for (const auto &e : batch->events()) {
            if (e.seq() >= first && e.seq() < first + count)
                *again.add_events() = e;
        }
    }
    QCOMPARE(again.events_size(), count);
    for (int attempt = 0; attempt < 2; ++attempt) {
        pb::UploadResponse response;
        VERIFY_STATUS(upload(m_http, store.key, again, &response), 200);
        QCOMPARE(response.applied_seq(), 20);
    }
    QCOMPARE(centralDataState(m_db.connection()), before);
    const QByteArray metricsAfter = m_http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    QCOMPARE(metricSum(metricsAfter, "tableorder_central_events_duplicate_total")
            - metricSum(metricsBefore, "tableorder_central_events_duplicate_total"),
        double(2 * count));
}

void TestSyncProtocol::overlappingBatchAppliesOnlyTheNewPart()
{
    const Store store = newStore(u"overlap"_s);
    const pb::UploadRequest first = orderBatch(1, 10, 1000);
    VERIFY_STATUS(upload(m_http, store.key, first), 200);
    const QStringList orders = centralStore(m_db.connection(), store.id).orders;
    const QStringList stateBefore = centralDataState(m_db.connection());

    // Seqs 6..15 where 6..10 are other events (an edge restored from a backup): refused as
    // SEQ_CONFLICT, with where to continue, and nothing applied.
    const pb::UploadRequest conflicting = orderBatch(6, 10, 5000);
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, store.key, conflicting, &response), 409);
    QCOMPARE(response.code(), "SEQ_CONFLICT");
    QCOMPARE(response.expected_seq(), 11);
    QCOMPARE(response.conflict_seq(), 6);
    QCOMPARE(response.max_order_id(), 10);
    QCOMPARE(centralDataState(m_db.connection()), stateBefore);

    // The same events 6..10 again (same event ids) plus 11..15: only the new part applies.
    pb::UploadRequest overlap = orderBatch(6, 10, 5000);
    for (int i = 0; i < 5; ++i)
        *overlap.mutable_events(i) = first.events(5 + i);
    VERIFY_STATUS(upload(m_http, store.key, overlap, &response), 200);
    QCOMPARE(response.applied_seq(), 15);
    const CentralStore after = centralStore(m_db.connection(), store.id);
    QCOMPARE(after.events, 15);
    QCOMPARE(after.orders.size(), 15);
    QCOMPARE(after.orders.first(10), orders);
}

void TestSyncProtocol::malformedBatches_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    pb::UploadRequest gap = orderBatch(1, 4);
    gap.mutable_events(2)->set_seq(7);
    QTest::newRow("seqs not consecutive")
        << QByteArray::fromStdString(gap.SerializeAsString())
        << QByteArray("application/x-protobuf") << 400 << u"VALIDATION_FAILED"_s;
    pb::UploadRequest noId = orderBatch(1, 2);
    noId.mutable_events(1)->clear_event_id();
    QTest::newRow("event without id")
        << QByteArray::fromStdString(noId.SerializeAsString())
        << QByteArray("application/x-protobuf") << 400 << u"VALIDATION_FAILED"_s;
    pb::UploadRequest zero = orderBatch(0, 2);
    QTest::newRow("seq zero") << QByteArray::fromStdString(zero.SerializeAsString())
                              << QByteArray("application/x-protobuf") << 400
                              << u"VALIDATION_FAILED"_s;
    QTest::newRow("501 events") << QByteArray::fromStdString(orderBatch(1, 501).SerializeAsString())
                                << QByteArray("application/x-protobuf") << 400
                                << u"VALIDATION_FAILED"_s;
    QTest::newRow("not protobuf") << QByteArray("\xff\xff\xff\xff garbage", 13)
                                  << QByteArray("application/x-protobuf") << 400
                                  << u"VALIDATION_FAILED"_s;
    QTest::newRow("JSON content type")
        << QByteArray("{\"events\":[]}") << QByteArray("application/json") << 415
        << u"UNSUPPORTED_MEDIA_TYPE"_s;
}

void TestSyncProtocol::malformedBatches()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    const Store store = newStore(u"malformed"_s);
    const QStringList before = centralDataState(m_db.connection());
    const HttpResult result = m_http.send(
        "POST", u"/sync/v1/events"_s, body, store.key, { { "Content-Type", contentType } });
    VERIFY_ERROR(result, status, code);
    QCOMPARE(centralDataState(m_db.connection()), before);
}

void TestSyncProtocol::unusableEventIsDeadLettered()
{
    const Store store = newStore(u"dead letter"_s);
    pb::UploadRequest batch = orderBatch(1, 3);
    QJsonObject broken
        = QJsonDocument::fromJson(QByteArray::fromStdString(batch.events(1).data_json())).object();
    broken.insert(u"total"_s, 1); // no longer the sum of its lines
    batch.mutable_events(1)->set_data_json(
        QJsonDocument(broken).toJson(QJsonDocument::Compact).toStdString());
    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, store.key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 3);

    const CentralStore stored = centralStore(m_db.connection(), store.id);
    QCOMPARE(stored.events, 3);
    QCOMPARE(stored.orders.size(), 2);
    const QJsonArray letters
        = m_http.get(u"/api/v1/dead-letters"_s, m_hq).json().value(u"dead_letters"_s).toArray();
    int mine = 0;
    for (const QJsonValue &v : letters) {
        const QJsonObject letter = v.toObject();
        if (letter.value(u"store_id"_s).toInteger() != store.id)
            continue;
        ++mine;
        QCOMPARE(letter.value(u"seq"_s).toInteger(), 2);
        QCOMPARE(letter.value(u"type"_s).toString(), u"order.created"_s);
        QVERIFY(!letter.value(u"error"_s).toString().isEmpty());
    }
    QCOMPARE(mine, 1);

    // A repeat neither applies it nor letters it twice.
    const QStringList before = centralDataState(m_db.connection());
    VERIFY_STATUS(upload(m_http, store.key, batch), 200);
    QCOMPARE(centralDataState(m_db.connection()), before);
}

void TestSyncProtocol::awkwardTextSurvives()
{
    // Names with what SQL literals, arrays and JSON escape: stored exactly as sent.
    const Store store = newStore(u"awkward"_s);
    const QStringList names { u"a \"quoted\" name"_s, u"back\\slash\\"_s, u"{brace},comma"_s,
        u"NULL"_s, u"it's"_s, u"김치찌개 🌶"_s, u""_s };
    pb::UploadRequest batch = orderBatch(1, int(names.size()));
    for (int i = 0; i < batch.events_size(); ++i) {
        QJsonObject order
            = QJsonDocument::fromJson(QByteArray::fromStdString(batch.events(i).data_json()))
                  .object();
        QJsonArray items = order.value(u"items"_s).toArray();
        QJsonObject line = items.at(0).toObject();
        line.insert(u"name"_s, names.at(i));
        items.replace(0, line);
        order.insert(u"items"_s, items);
        batch.mutable_events(i)->set_data_json(
            QJsonDocument(order).toJson(QJsonDocument::Compact).toStdString());
    }
    VERIFY_STATUS(upload(m_http, store.key, batch), 200);
    QSqlQuery q(m_db.connection());
    QVERIFY(q.prepare(
        u"SELECT i.name, e.data FROM order_items i JOIN store_events e ON e.store_id = i.store_id "
        "AND e.seq = i.order_id WHERE i.store_id = ? ORDER BY i.order_id"_s));
    q.addBindValue(store.id);
    QVERIFY(q.exec());
    int row = 0;
    while (q.next()) {
        QCOMPARE(q.value(0).toString(), names.at(row));
        QCOMPARE(q.value(1).toString().toStdString(), batch.events(row).data_json());
        ++row;
    }
    QCOMPARE(row, int(names.size()));
}

void TestSyncProtocol::batchingDoesNotChangeTheResult_data()
{
    QTest::addColumn<int>("maxBatch");
    QTest::newRow("one event per upload") << 1;
    QTest::newRow("up to 7 per upload") << 7;
    QTest::newRow("up to 100 per upload") << 100;
}

void TestSyncProtocol::batchingDoesNotChangeTheResult()
{
    // Orders created, moved on (sometimes several times in one batch), an update arriving
    // for an order before any creation: 450 events in one upload end up exactly as the
    // same events uploaded in smaller batches.
    QFETCH(int, maxBatch);
    QRandomGenerator random(7);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QList<pb::Event> log;
    QHash<qint64, QJsonObject> orders;
    const QStringList next { u"preparing"_s, u"completed"_s };
    for (qint64 seq = 1; seq <= 450; ++seq) {
        const qint64 id = 1 + random.bounded(150);
        QJsonObject order = orders.value(id);
        QString type = u"order.updated"_s;
        if (order.isEmpty()) {
            order = orderJson(
                id, int(id), today, 1000 + 100 * random.bounded(20), 1 + int(random.bounded(3)));
            type = random.bounded(10) == 0 ? u"order.updated"_s : u"order.created"_s;
        } else {
            const QString status = order.value(u"status"_s).toString();
            const QString now
                = QDateTime::currentDateTimeUtc().addSecs(seq).toString(Qt::ISODateWithMs);
            const QString to = status == u"pending"_s
                ? (random.bounded(5) == 0 ? u"canceled"_s : next.at(0))
                : status == u"preparing"_s ? next.at(1)
                                           : status;
            order.insert(u"status"_s, to);
            order.insert(u"updated_at"_s, now);
            order.insert(to == u"preparing"_s ? u"preparing_at"_s
                    : to == u"completed"_s    ? u"completed_at"_s
                                              : u"canceled_at"_s,
                now);
        }
        orders.insert(id, order);
        pb::Event e;
        e.set_event_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        e.set_seq(seq);
        e.set_schema_version(1);
        e.set_type(type.toStdString());
        e.set_at(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
        e.set_data_json(QJsonDocument(order).toJson(QJsonDocument::Compact).toStdString());
        log.append(e);
    }
    auto uploadAll = [&](const Store &store, int batchSize) {
        for (qsizetype first = 0; first < log.size();) {
            pb::UploadRequest request;
            const qsizetype size
                = std::min<qsizetype>(log.size() - first, 1 + random.bounded(batchSize));
            for (qsizetype i = first; i < first + size; ++i)
                *request.add_events() = log.at(i);
            pb::UploadResponse response;
            const HttpResult result = upload(m_http, store.key, request, &response);
            if (result.status != 200 || response.applied_seq() != log.at(first + size - 1).seq()) {
                qWarning("upload: %s", qPrintable(result.describe()));
                return false;
            }
            first += size;
        }
        return true;
    };
    const Store whole = newStore(u"one batch"_s);
    const Store pieces = newStore(u"pieces"_s);
    QVERIFY(uploadAll(whole, 500));
    QVERIFY(uploadAll(pieces, maxBatch));
    const CentralStore a = centralStore(m_db.connection(), whole.id);
    const CentralStore b = centralStore(m_db.connection(), pieces.id);
    QCOMPARE(a.events, 450);
    QCOMPARE(b.events, 450);
    QVERIFY(a.orders.size() > 100);
    QCOMPARE(a.orders, b.orders);
    // Each order's last state in the log is what central holds.
    for (const QString &line : a.orders) {
        const qint64 id = line.section(u'|', 0, 0).toLongLong();
        QCOMPARE(line.section(u'|', 4, 4), orders.value(id).value(u"status"_s).toString());
    }
}

void TestSyncProtocol::reconciliationFigures()
{
    const Store store = newStore(u"reconcile"_s);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    pb::UploadRequest batch = orderBatch(1, 4, 2500);
    auto *total = batch.add_daily_totals();
    total->set_business_date(today.toStdString());
    total->set_orders(4);
    total->set_total(10'000);
    VERIFY_STATUS(upload(m_http, store.key, batch), 200);

    auto row = [&]() -> QJsonObject {
        const QJsonArray rows
            = m_http.get(u"/api/v1/reconciliation?store_id=%1"_s.arg(store.id), m_hq)
                  .json()
                  .value(u"rows"_s)
                  .toArray();
        return rows.size() == 1 ? rows.first().toObject() : QJsonObject();
    };
    QJsonObject r = row();
    QCOMPARE(r.value(u"business_date"_s).toString(), today);
    QCOMPARE(r.value(u"edge_orders"_s).toInteger(), 4);
    QCOMPARE(r.value(u"central_orders"_s).toInteger(), 4);
    QCOMPARE(r.value(u"edge_total"_s).toInteger(), 10'000);
    QCOMPARE(r.value(u"central_total"_s).toInteger(), 10'000);
    QVERIFY(r.value(u"matches"_s).toBool());

    // The edge counts one more order than central got: shown, not hidden.
    pb::UploadRequest heartbeat;
    auto *more = heartbeat.add_daily_totals();
    more->set_business_date(today.toStdString());
    more->set_orders(5);
    more->set_total(12'500);
    VERIFY_STATUS(upload(m_http, store.key, heartbeat), 200);
    r = row();
    QCOMPARE(r.value(u"edge_orders"_s).toInteger(), 5);
    QCOMPARE(r.value(u"central_orders"_s).toInteger(), 4);
    QVERIFY(!r.value(u"matches"_s).toBool());
}

void TestSyncProtocol::menuLongPoll()
{
    // A new store has no published menu: the poll ends empty.
    const Store store = newStore(u"menu"_s);
    const HttpResult empty = m_http.get(u"/sync/v1/menu?after=0&wait=0"_s, store.key);
    VERIFY_STATUS(empty, 204);

    // The demo store has one; asking for what the edge already has waits, then says 204.
    const QString demoKey = m_central->demoStoreKey();
    QVERIFY(!demoKey.isEmpty());
    const HttpResult current = m_http.get(u"/sync/v1/menu?after=0&wait=0"_s, demoKey);
    VERIFY_STATUS(current, 200);
    pb::MenuUpdate update;
    QVERIFY(update.ParseFromArray(current.body.constData(), int(current.body.size())));
    QVERIFY(update.version() >= 1);
    const QJsonObject menu
        = QJsonDocument::fromJson(QByteArray::fromStdString(update.menu_json())).object();
    QVERIFY(!menu.value(u"categories"_s).toArray().isEmpty());
    VERIFY_STATUS(
        m_http.get(u"/sync/v1/menu?after=%1&wait=0"_s.arg(update.version()), demoKey), 204);
}

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
