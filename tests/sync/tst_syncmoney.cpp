#include "domain.h"
#include "sync/syncmessages.h"
#include "synckit.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// A visit's money end to end (issue 13 at HQ): a real edge linked to a real central takes
/// orders, a void, a discount, a canceled order and a split payment; HQ's day report shows
/// the edge's gross, voids, discounts, net and payments by method to the won; the day close
/// reaches HQ and reconciliation says it matches; replayed uploads add nothing; the audit
/// log lists the staff's actions with their actor and refuses who must not see it.
class TestSyncMoney : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void visitMoneyReachesHq();
    void dayCloseReconciles();
    void replaysDoNotDoublePayments();
    void auditLogAtHq();
    void badMoneyIsADeadLetter();

private:
    [[nodiscard]] QJsonObject hqDay(qint64 storeId, const QString &date);
    [[nodiscard]] QJsonObject edgeReport();
    [[nodiscard]] QJsonObject reconciliationRow(qint64 storeId, const QString &date, const QString &token = {});
    [[nodiscard]] QString viewer(const QString &username, qint64 storeId);
    [[nodiscard]] qint64 scalar(const QString &sql);

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_hqHttp;
    HttpClient m_edgeHttp;
    QString m_hq;
    QString m_manager;
    QString m_date;
    QHash<int, qint64> m_tableIds;
    const qint64 m_store = 1;
};

void TestSyncMoney::initTestCase()
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
    VERIFY_STATUS(m_hqHttp.put(u"/api/v1/alert-settings"_s,
                               {{u"rules"_s, QJsonObject{{u"reconciliation"_s, QJsonObject{{u"for_s"_s, 0}}}}}}, m_hq),
                  200);

    EdgeProcess::Options edge;
    edge.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    edge.environment = {{u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s}, {u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"500"_s}};
    m_edge = std::make_unique<EdgeProcess>(edge);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    m_manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_manager.isEmpty());
    const QJsonArray tables = m_edgeHttp.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray();
    for (const QJsonValue &t : tables)
        m_tableIds.insert(t.toObject().value(u"number"_s).toInt(), t.toObject().value(u"id"_s).toInteger());
    QVERIFY(m_tableIds.size() >= 2);
}

void TestSyncMoney::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning("central log:\n%s", m_central ? m_central->log().right(3000).constData() : "");
        qWarning("edge log:\n%s", m_edge ? m_edge->log().right(3000).constData() : "");
    }
}

QJsonObject TestSyncMoney::hqDay(qint64 storeId, const QString &date)
{
    const HttpResult days = m_hqHttp.get(
            u"/api/v1/reports/days?store_id=%1&from=%2&to=%2"_s.arg(storeId).arg(date), m_hq);
    if (days.status != 200)
        qWarning("days: %s", qPrintable(days.describe()));
    const QJsonArray rows = days.json().value(u"rows"_s).toArray();
    return rows.size() == 1 ? rows.first().toObject() : QJsonObject();
}

QJsonObject TestSyncMoney::edgeReport()
{
    const HttpResult report = m_edgeHttp.get(u"/api/v1/business-days/%1/report"_s.arg(m_date), m_manager);
    if (report.status != 200)
        qWarning("edge report: %s", qPrintable(report.describe()));
    return report.json();
}

QJsonObject TestSyncMoney::reconciliationRow(qint64 storeId, const QString &date, const QString &token)
{
    const HttpResult recon = m_hqHttp.get(u"/api/v1/reconciliation?store_id=%1"_s.arg(storeId),
                                          token.isEmpty() ? m_hq : token);
    for (const QJsonValue &row : recon.json().value(u"rows"_s).toArray()) {
        if (row.toObject().value(u"store_id"_s).toInteger() == storeId
            && row.toObject().value(u"business_date"_s).toString() == date)
            return row.toObject();
    }
    return {};
}

QString TestSyncMoney::viewer(const QString &username, qint64 storeId)
{
    QByteArray output;
    const int code = CentralProcess::runAdmin({u"user"_s, u"add"_s, u"--db"_s, m_db.url(), u"--org"_s, u"demo"_s,
                                               u"--username"_s, username, u"--role"_s, u"store_viewer"_s,
                                               u"--store-id"_s, QString::number(storeId)},
                                              "viewer-password\n", &output);
    if (code != 0)
        qWarning("user add: %s", output.constData());
    return Hq::login(m_hqHttp, username, u"viewer-password"_s);
}

qint64 TestSyncMoney::scalar(const QString &sql)
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

void TestSyncMoney::visitMoneyReachesHq()
{
    const QString one = m_edgeHttp.tableLogin(1);
    const QString two = m_edgeHttp.tableLogin(2);
    QVERIFY(!one.isEmpty() && !two.isEmpty());
    const QList<QJsonObject> items = menuItems(m_edgeHttp.get(u"/api/v1/menu"_s).json());
    QVERIFY(items.size() >= 2);
    const qint64 x = items.at(0).value(u"id"_s).toInteger();
    const qint64 y = items.at(1).value(u"id"_s).toInteger();
    auto order = [&](const QString &token, const QList<std::pair<qint64, int>> &lines) {
        const HttpResult placed = m_edgeHttp.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), token);
        if (placed.status != 201)
            qWarning("order: %s", qPrintable(placed.describe()));
        return placed.json();
    };
    const qint64 t1 = m_tableIds.value(1);
    const qint64 t2 = m_tableIds.value(2);

    // Table 1: two orders, a line voided, a 10 % discount, paid by card and cash.
    const QJsonObject o1 = order(one, {{x, 2}, {y, 1}});
    const QJsonObject o2 = order(one, {{y, 1}});
    m_date = o1.value(u"business_date"_s).toString();
    QVERIFY(!m_date.isEmpty());
    const QJsonArray lines = m_edgeHttp.get(u"/api/v1/tables/%1/bill"_s.arg(t1), m_manager).json()
                                     .value(u"lines"_s).toArray();
    QVERIFY(lines.size() >= 2);
    const qint64 voidedLine = lines.at(1).toObject().value(u"line_id"_s).toInteger();
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders/%1/void"_s.arg(o1.value(u"id"_s).toInteger()),
                                  {{u"line_ids"_s, QJsonArray{voidedLine}}, {u"reason"_s, u"쏟음 <b>spilled</b>"_s}},
                                  m_manager),
                  200);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/discounts"_s.arg(t1),
                                  {{u"kind"_s, u"percent"_s}, {u"value"_s, 10}, {u"reason"_s, u"단골"_s}}, m_manager),
                  201);
    const qint64 due1 = m_edgeHttp.get(u"/api/v1/tables/%1/bill"_s.arg(t1), m_manager).json().value(u"due"_s).toInteger();
    QVERIFY(due1 > 10000);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/payments"_s.arg(t1),
                                  {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"card"_s},
                                   {u"amount"_s, due1 - 10000}},
                                  m_manager),
                  201);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/payments"_s.arg(t1),
                                  {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"cash"_s}, {u"amount"_s, 10000}},
                                  m_manager),
                  201);
    // Table 2: an order the manager cancels, another partly paid by transfer (still open).
    const QJsonObject canceled = order(two, {{x, 1}});
    VERIFY_STATUS(m_edgeHttp.patch(u"/api/v1/orders/%1"_s.arg(canceled.value(u"id"_s).toInteger()),
                                   {{u"status"_s, u"canceled"_s}}, m_manager),
                  200);
    order(two, {{y, 3}});
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/payments"_s.arg(t2),
                                  {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"transfer"_s}, {u"amount"_s, 1000}},
                                  m_manager),
                  201);
    QVERIFY(o2.value(u"total"_s).toInteger() > 0);

    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 20'000), "the edge's events did not reach central");
    const QJsonObject edge = edgeReport();
    const QJsonObject hq = hqDay(m_store, m_date);
    QVERIFY2(!hq.isEmpty(), "HQ has no row for the day");
    QVERIFY(edge.value(u"voids"_s).toInteger() > 0 && edge.value(u"discounts"_s).toInteger() > 0);
    for (const QString &field : {u"gross"_s, u"voids"_s, u"discounts"_s, u"net"_s, u"paid"_s})
        QVERIFY2(hq.value(field).toInteger() == edge.value(field).toInteger(),
                 qPrintable(u"%1: HQ %2, the store %3"_s.arg(field).arg(hq.value(field).toInteger())
                                    .arg(edge.value(field).toInteger())));
    QCOMPARE(hq.value(u"payments_by_method"_s).toObject(), edge.value(u"payments_by_method"_s).toObject());
    QCOMPARE(hq.value(u"payments_by_method"_s).toObject().value(u"cash"_s).toInteger(), 10000);
    QCOMPARE(hq.value(u"payments_by_method"_s).toObject().value(u"card"_s).toInteger(), due1 - 10000);
    QCOMPARE(hq.value(u"payments_by_method"_s).toObject().value(u"transfer"_s).toInteger(), 1000);
    QCOMPARE(hq.value(u"orders"_s).toInt() + hq.value(u"canceled_orders"_s).toInt(), edge.value(u"orders"_s).toInt());
    QCOMPARE(hq.value(u"closed"_s).toBool(), false);

    // The sales report by day and by store carries the same figures.
    for (const QString &groupBy : {u"day"_s, u"store"_s}) {
        const QJsonArray rows = m_hqHttp.get(u"/api/v1/reports/sales?group_by=%1&store_id=%2&from=%3&to=%3"_s
                                                     .arg(groupBy).arg(m_store).arg(m_date),
                                             m_hq).json().value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        for (const QString &field : {u"gross"_s, u"voids"_s, u"discounts"_s, u"net"_s, u"paid"_s})
            QCOMPARE(row.value(field).toInteger(), edge.value(field).toInteger());
        QCOMPARE(row.value(u"payments_by_method"_s).toObject(), edge.value(u"payments_by_method"_s).toObject());
    }
    // Before the close: nothing to compare the payments with, and the day is not a mismatch.
    const QJsonObject before = reconciliationRow(m_store, m_date);
    QVERIFY(before.value(u"z_report"_s).isNull());
    QCOMPARE(before.value(u"matches"_s).toBool(), true);
}

void TestSyncMoney::dayCloseReconciles()
{
    QVERIFY(!m_date.isEmpty());
    const qint64 t2 = m_tableIds.value(2);
    const qint64 due2 = m_edgeHttp.get(u"/api/v1/tables/%1/bill"_s.arg(t2), m_manager).json().value(u"due"_s).toInteger();
    QVERIFY(due2 > 0);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/payments"_s.arg(t2),
                                  {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"card"_s}, {u"amount"_s, due2}},
                                  m_manager),
                  201);
    const HttpResult closed = m_edgeHttp.post(u"/api/v1/business-days/%1/close"_s.arg(m_date), {}, m_manager);
    VERIFY_STATUS(closed, 200);
    const QJsonObject z = closed.json();
    QVERIFY2(waitForSync(*m_edge, m_db, m_store, 20'000), "the day close did not reach central");

    const QJsonObject row = reconciliationRow(m_store, m_date);
    QVERIFY2(!row.isEmpty(), "no reconciliation row for the closed day");
    QCOMPARE(row.value(u"z_report"_s).toObject(), z); // as the store sent it
    QVERIFY2(row.value(u"differences"_s).toArray().isEmpty(),
             QJsonDocument(row.value(u"differences"_s).toArray()).toJson().constData());
    QCOMPARE(row.value(u"z_matches"_s).toBool(), true);
    QCOMPARE(row.value(u"matches"_s).toBool(), true);
    QCOMPARE(row.value(u"hq"_s).toObject().value(u"net"_s).toInteger(), z.value(u"net"_s).toInteger());
    QCOMPARE(hqDay(m_store, m_date).value(u"closed"_s).toBool(), true);

    // HQ's figures changed behind the store's back (a payment row lost): reconciliation names
    // the store, the day and the figure that differs, to the won.
    QSqlQuery q(m_db.connection());
    QVERIFY2(q.exec(u"UPDATE store_payments SET amount = amount - 1 WHERE store_id = 1 AND method = 'cash'"_s),
             qPrintable(q.lastError().text()));
    const QJsonObject off = reconciliationRow(m_store, m_date);
    QCOMPARE(off.value(u"matches"_s).toBool(), false);
    QCOMPARE(off.value(u"z_matches"_s).toBool(), false);
    QStringList fields;
    for (const QJsonValue &d : off.value(u"differences"_s).toArray())
        fields.append(d.toObject().value(u"field"_s).toString());
    QCOMPARE(fields, (QStringList{u"paid"_s, u"payments_by_method.cash"_s}));
    const QJsonObject cash = off.value(u"differences"_s).toArray().at(1).toObject();
    QCOMPARE(cash.value(u"store"_s).toInteger() - cash.value(u"hq"_s).toInteger(), 1);
    // The reconciliation alert opens for that store and day, naming the figures.
    auto reconAlert = [&](const QString &state) {
        for (const QJsonValue &a : m_hqHttp.get(u"/api/v1/alerts?state=%1"_s.arg(state), m_hq).json().value(u"alerts"_s).toArray()) {
            const QJsonObject alert = a.toObject();
            if (alert.value(u"rule"_s).toString() == u"reconciliation"_s && alert.value(u"store_id"_s).toInteger() == m_store
                && alert.value(u"subject"_s).toString() == m_date)
                return alert;
        }
        return QJsonObject();
    };
    QVERIFY2(waitUntil([&] { return !reconAlert(u"open"_s).isEmpty(); }, 15'000), "no reconciliation alert");
    QCOMPARE(reconAlert(u"open"_s).value(u"params"_s).toObject().value(u"z_fields"_s).toString(),
             u"paid, payments_by_method.cash"_s);
    QVERIFY2(q.exec(u"UPDATE store_payments SET amount = amount + 1 WHERE store_id = 1 AND method = 'cash'"_s),
             qPrintable(q.lastError().text()));
    QCOMPARE(reconciliationRow(m_store, m_date).value(u"matches"_s).toBool(), true);
    QVERIFY2(waitUntil([&] { return reconAlert(u"open"_s).isEmpty() && !reconAlert(u"resolved"_s).isEmpty(); }, 15'000),
             "the reconciliation alert did not resolve");
}

void TestSyncMoney::replaysDoNotDoublePayments()
{
    QVERIFY(!m_date.isEmpty());
    const QJsonObject before = hqDay(m_store, m_date);
    const qint64 payments = scalar(u"SELECT COUNT(*) FROM store_payments WHERE store_id = 1"_s);
    QCOMPARE(payments, 4);
    // Every event central holds of the store, uploaded again as the edge would after a lost
    // answer: all duplicates.
    QSqlQuery q(m_db.connection());
    QVERIFY(q.exec(u"SELECT seq, event_id, type, at, schema_version, data, actor FROM store_events "
                   "WHERE store_id = 1 ORDER BY seq"_s));
    tableorder::sync::UploadBatch batch;
    while (q.next()) {
        tableorder::Event e;
        e.seq = q.value(0).toLongLong();
        e.id = q.value(1).toString();
        e.type = q.value(2).toString();
        e.at = tableorder::parseTimestamp(q.value(3).toString());
        e.schemaVersion = q.value(4).toInt();
        e.data = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        e.actor = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        batch.events.append(e);
    }
    QVERIFY(batch.events.size() > 5);
    const QStringList state = centralDataState(m_db.connection());
    batch.lastSeq = batch.events.last().seq;
    batch.edgeVersion = u"test"_s;
    tableorder::sync::v1::UploadRequest request;
    tableorder::sync::toProto(batch, &request);
    VERIFY_STATUS(upload(m_hqHttp, m_central->demoStoreKey(), request), 200);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM store_payments WHERE store_id = 1"_s), payments);
    QCOMPARE(hqDay(m_store, m_date), before);
    QCOMPARE(centralDataState(m_db.connection()), state);
}

void TestSyncMoney::auditLogAtHq()
{
    const HttpResult all = m_hqHttp.get(u"/api/v1/audit?store_id=%1"_s.arg(m_store), m_hq);
    VERIFY_STATUS(all, 200);
    const QJsonArray entries = all.json().value(u"entries"_s).toArray();
    QSet<QString> types;
    qint64 managerId = 0;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        QCOMPARE(e.value(u"store_id"_s).toInteger(), m_store);
        QCOMPARE(e.value(u"actor"_s).toObject().value(u"kind"_s).toString(), u"staff"_s);
        if (e.value(u"actor"_s).toObject().value(u"name"_s).toString() == u"manager"_s) {
            types.insert(e.value(u"type"_s).toString());
            managerId = e.value(u"actor"_s).toObject().value(u"staff_id"_s).toInteger();
        }
        QVERIFY(!e.value(u"data"_s).toObject().contains(u"bill"_s));
    }
    for (const QString &type : {u"order.voided"_s, u"bill.discount_added"_s, u"payment.recorded"_s,
                                u"business_day.closed"_s, u"order.updated"_s, u"table.session_closed"_s})
        QVERIFY2(types.contains(type), qPrintable(type + u" not in "_s + QStringList(types.cbegin(), types.cend()).join(u", "_s)));
    // The void's reason is the store's text, kept as it came (the dashboard escapes it).
    bool reasonKept = false;
    for (const QJsonValue &v : entries)
        reasonKept = reasonKept || v.toObject().value(u"data"_s).toObject().value(u"reason"_s).toString()
                                           == u"쏟음 <b>spilled</b>"_s;
    QVERIFY(reasonKept);
    // The same list as the edge's own audit log of its staff.
    const QJsonArray edgeAudit = m_edgeHttp.get(u"/api/v1/audit?limit=1000"_s, m_manager).json().value(u"events"_s).toArray();
    qint64 edgeStaff = 0;
    for (const QJsonValue &v : edgeAudit)
        edgeStaff += v.toObject().value(u"actor"_s).toObject().value(u"kind"_s).toString() == u"staff"_s;
    QCOMPARE(qint64(entries.size()), edgeStaff);

    // By actor, and by time.
    QVERIFY(managerId > 0);
    const QJsonArray mine = m_hqHttp.get(u"/api/v1/audit?store_id=1&actor=%1"_s.arg(managerId), m_hq).json()
                                    .value(u"entries"_s).toArray();
    QVERIFY(!mine.isEmpty());
    for (const QJsonValue &v : mine)
        QCOMPARE(v.toObject().value(u"actor"_s).toObject().value(u"staff_id"_s).toInteger(), managerId);
    QCOMPARE(m_hqHttp.get(u"/api/v1/audit?store_id=1&actor=999999"_s, m_hq).json().value(u"entries"_s).toArray().size(), 0);
    QCOMPARE(m_hqHttp.get(u"/api/v1/audit?store_id=1&to=2000-01-01"_s, m_hq).json().value(u"entries"_s).toArray().size(), 0);
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    QCOMPARE(m_hqHttp.get(u"/api/v1/audit?store_id=1&from=%1&to=%1"_s.arg(today), m_hq).json()
                     .value(u"entries"_s).toArray().size(), entries.size());
    VERIFY_ERROR(m_hqHttp.get(u"/api/v1/audit?actor=manager"_s, m_hq), 400, u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_hqHttp.get(u"/api/v1/audit?from=yesterday"_s, m_hq), 400, u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_hqHttp.get(u"/api/v1/audit?from=2026-02-02&to=2026-01-01"_s, m_hq), 400, u"VALIDATION_FAILED"_s);

    // Who must not see it: nobody without an HQ token (a store's key is no HQ token), and a
    // store viewer sees its own store only.
    VERIFY_ERROR(m_hqHttp.get(u"/api/v1/audit"_s), 401, u"UNAUTHENTICATED"_s);
    QCOMPARE(m_hqHttp.get(u"/api/v1/audit"_s, m_central->demoStoreKey()).status, 401);
    const auto [other, otherKey] = Hq{m_hqHttp, m_hq}.registerStore(u"둘째 가게"_s);
    QVERIFY(other > 0 && !otherKey.isEmpty());
    const QString otherViewer = viewer(u"viewer-other"_s, other);
    QVERIFY(!otherViewer.isEmpty());
    VERIFY_ERROR(m_hqHttp.get(u"/api/v1/audit?store_id=1"_s, otherViewer), 404, u"NOT_FOUND"_s);
    QCOMPARE(m_hqHttp.get(u"/api/v1/audit"_s, otherViewer).json().value(u"entries"_s).toArray().size(), 0);
    VERIFY_ERROR(m_hqHttp.get(u"/api/v1/reports/days?store_id=1&from=2000-01-01&to=2000-12-31"_s, otherViewer), 404,
                 u"NOT_FOUND"_s);
    QVERIFY(reconciliationRow(m_store, m_date, otherViewer).isEmpty());
    const QString ownViewer = viewer(u"viewer-one"_s, m_store);
    QVERIFY(!ownViewer.isEmpty());
    QCOMPARE(m_hqHttp.get(u"/api/v1/audit"_s, ownViewer).json().value(u"entries"_s).toArray().size(), entries.size());
}

void TestSyncMoney::badMoneyIsADeadLetter()
{
    // A store of its own, uploading by hand: a payment with a negative amount and one with
    // an unknown method are kept as dead letters and count nowhere; the same payment at a
    // new seq (an edge that re-recorded it) counts once.
    const auto [store, key] = Hq{m_hqHttp, m_hq}.registerStore(u"손 업로드"_s);
    QVERIFY(store > 0);
    const QString date = QDate::currentDate().toString(Qt::ISODate);
    QJsonObject orderData = orderJson(1, 1, date, 5000, 2);
    orderData.insert(u"session_id"_s, 7);
    const QString paymentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto paymentData = [&](const QString &id, const QString &method, qint64 amount) {
        return QJsonObject{{u"session_id"_s, 7},
                           {u"payment"_s, QJsonObject{{u"id"_s, 1}, {u"client_payment_id"_s, id}, {u"session_id"_s, 7},
                                                      {u"table_number"_s, 1}, {u"method"_s, method}, {u"amount"_s, amount}}}};
    };
    const QList<std::pair<QString, QJsonObject>> events{
            {u"order.created"_s, orderData},
            {u"payment.recorded"_s, paymentData(paymentId, u"cash"_s, 4000)},
            {u"payment.recorded"_s, paymentData(QUuid::createUuid().toString(QUuid::WithoutBraces), u"cash"_s, -500)},
            {u"payment.recorded"_s, paymentData(QUuid::createUuid().toString(QUuid::WithoutBraces), u"bitcoin"_s, 500)},
            {u"payment.recorded"_s, paymentData(paymentId, u"cash"_s, 4000)},
    };
    tableorder::sync::UploadBatch batch;
    qint64 seq = 0;
    for (const auto &[type, data] : events) {
        tableorder::Event e;
        e.seq = ++seq;
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.type = type;
        e.at = QDateTime::currentDateTimeUtc();
        e.data = data;
        e.actor = QJsonObject{{u"kind"_s, u"staff"_s}, {u"staff_id"_s, 1}, {u"name"_s, u"kim"_s}, {u"role"_s, u"staff"_s}};
        batch.events.append(e);
    }
    batch.lastSeq = seq;
    tableorder::sync::v1::UploadRequest request;
    tableorder::sync::toProto(batch, &request);
    VERIFY_STATUS(upload(m_hqHttp, key, request), 200);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM dead_letters WHERE store_id = %1 AND type = 'payment.recorded'"_s.arg(store)), 2);
    const QJsonObject day = hqDay(store, date);
    QCOMPARE(day.value(u"paid"_s).toInteger(), 4000);
    QCOMPARE(day.value(u"payments_by_method"_s).toObject().value(u"cash"_s).toInteger(), 4000);
    QCOMPARE(day.value(u"gross"_s).toInteger(), 10000);
    QCOMPARE(day.value(u"net"_s).toInteger(), 10000);
}

QTEST_GUILESS_MAIN(TestSyncMoney)
#include "tst_syncmoney.moc"
