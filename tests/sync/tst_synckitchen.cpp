#include "domain.h"
#include "sync/syncmessages.h"
#include "synckit.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

/// The report's rows without HQ's store columns, to compare with the store's own.
QJsonArray withoutStore(const QJsonArray &rows)
{
    QJsonArray out;
    for (const QJsonValue &row : rows) {
        QJsonObject o = row.toObject();
        o.remove(u"store_id"_s);
        o.remove(u"store_name"_s);
        out.append(o);
    }
    return out;
}

} // namespace

/// The order status model at HQ (issue 14): a real edge linked to a real central marks lines
/// and stations done, completes, serves and recalls orders; HQ's kitchen times equal the
/// store's own GET /kitchen/times (same p50/p90), a served order counts in sales like a
/// completed one, and replayed uploads change nothing.
class TestSyncKitchen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
        qInfo("central on %s", qPrintable(backendName()));
        m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
        VERIFY_CENTRAL_STARTED(*m_central);
        m_hqHttp.setPort(m_central->port());
        m_hq = Hq::login(m_hqHttp, u"hq"_s, u"hq"_s);
        QVERIFY(!m_hq.isEmpty());

        EdgeProcess::Options edge;
        edge.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
        edge.environment = {{u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s}, {u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"500"_s}};
        m_edge = std::make_unique<EdgeProcess>(edge);
        QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
        m_edgeHttp.setPort(m_edge->port());
        m_manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
        m_kitchen = m_edgeHttp.staffLogin(u"kitchen"_s, u"kitchen"_s);
        m_staff = m_edgeHttp.staffLogin(u"staff"_s, u"staff"_s);
        m_table = m_edgeHttp.tableLogin(1);
        QVERIFY(!m_manager.isEmpty() && !m_kitchen.isEmpty() && !m_staff.isEmpty() && !m_table.isEmpty());
    }

    void cleanup()
    {
        if (QTest::currentTestFailed()) {
            qWarning("central log:\n%s", m_central ? m_central->log().right(3000).constData() : "");
            qWarning("edge log:\n%s", m_edge ? m_edge->log().right(3000).constData() : "");
        }
    }

    void kitchenTimesReachHq()
    {
        QHash<QString, QList<qint64>> byStation;
        for (const QJsonValue &category : m_edgeHttp.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray()) {
            for (const QJsonValue &item : category.toObject().value(u"items"_s).toArray())
                byStation[category.toObject().value(u"station"_s).toString()].append(item.toObject().value(u"id"_s).toInteger());
        }
        const qint64 stew = byStation.value(u"kitchen"_s).at(0);
        const qint64 noodles = byStation.value(u"kitchen"_s).at(1);
        const qint64 beer = byStation.value(u"bar"_s).at(0);

        // A: the kitchen's line, then the bar as a station: ready; a runner serves it.
        const QJsonObject a = place({{stew, 1}, {beer, 2}});
        m_date = a.value(u"business_date"_s).toString();
        const qint64 aId = a.value(u"id"_s).toInteger();
        VERIFY_STATUS(m_edgeHttp.post(lineDone(aId, lineOf(a, stew)), {}, m_kitchen), 200);
        VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders/%1/done"_s.arg(aId), {{u"station"_s, u"bar"_s}}, m_kitchen), 200);
        VERIFY_STATUS(m_edgeHttp.patch(orderPath(aId), {{u"status"_s, u"served"_s}}, m_staff), 200);
        // B: the old way, preparing then completed (every line done at once).
        const QJsonObject b = place({{stew, 1}, {noodles, 1}});
        VERIFY_STATUS(m_edgeHttp.patch(orderPath(b.value(u"id"_s).toInteger()), {{u"status"_s, u"preparing"_s}}, m_kitchen), 200);
        VERIFY_STATUS(m_edgeHttp.patch(orderPath(b.value(u"id"_s).toInteger()), {{u"status"_s, u"completed"_s}}, m_kitchen), 200);
        // C: ready, recalled, ready again: the second done time counts.
        const QJsonObject c = place({{noodles, 1}});
        const qint64 cId = c.value(u"id"_s).toInteger();
        VERIFY_STATUS(m_edgeHttp.post(lineDone(cId, lineOf(c, noodles)), {}, m_kitchen), 200);
        VERIFY_STATUS(m_edgeHttp.send("POST", u"/api/v1/orders/%1/recall"_s.arg(cId), {}, m_kitchen), 200);
        const HttpResult again = m_edgeHttp.post(lineDone(cId, lineOf(c, noodles)), {}, m_kitchen);
        VERIFY_STATUS(again, 200);
        QCOMPARE(again.json().value(u"status"_s).toString(), u"completed"_s);
        // D: still cooking (one of two lines done): not counted yet, here or at HQ.
        const QJsonObject d = place({{stew, 1}, {beer, 1}});
        VERIFY_STATUS(m_edgeHttp.post(lineDone(d.value(u"id"_s).toInteger(), lineOf(d, stew)), {}, m_kitchen), 200);

        QVERIFY2(waitForSync(*m_edge, m_db, m_store, 20'000), "the edge's events did not reach central");

        const HttpResult store = m_edgeHttp.get(u"/api/v1/kitchen/times?from=%1&to=%1"_s.arg(m_date), m_manager);
        VERIFY_STATUS(store, 200);
        const HttpResult hq = m_hqHttp.get(
                u"/api/v1/reports/kitchen-times?store_id=%1&from=%2&to=%2"_s.arg(m_store).arg(m_date), m_hq);
        VERIFY_STATUS(hq, 200);
        const QJsonArray storeItems = store.json().value(u"items"_s).toArray();
        // stew (A, B), noodles (B, C), beer (A): D's stew line is not in.
        QCOMPARE(storeItems.size(), 3);
        int lines = 0;
        for (const QJsonValue &row : storeItems)
            lines += row.toObject().value(u"count"_s).toInt();
        QCOMPARE(lines, 5);
        QCOMPARE(withoutStore(hq.json().value(u"items"_s).toArray()), storeItems);
        QCOMPARE(withoutStore(hq.json().value(u"stations"_s).toArray()), store.json().value(u"stations"_s).toArray());
        for (const QJsonValue &row : hq.json().value(u"items"_s).toArray()) {
            QCOMPARE(row.toObject().value(u"store_id"_s).toInteger(), m_store);
            QVERIFY(!row.toObject().value(u"store_name"_s).toString().isEmpty());
        }

        // The served order is at HQ as served, and counts in sales like a completed one.
        QCOMPARE(scalarText(u"SELECT status FROM orders WHERE store_id = 1 AND order_id = %1"_s.arg(aId)), u"served"_s);
        const HttpResult days = m_hqHttp.get(u"/api/v1/reports/days?store_id=%1&from=%2&to=%2"_s.arg(m_store).arg(m_date), m_hq);
        VERIFY_STATUS(days, 200);
        QCOMPARE(days.json().value(u"rows"_s).toArray().at(0).toObject().value(u"orders"_s).toInt(), 4);
        const qint64 gross = a.value(u"total"_s).toInteger() + b.value(u"total"_s).toInteger()
                + c.value(u"total"_s).toInteger() + d.value(u"total"_s).toInteger();
        QCOMPARE(days.json().value(u"rows"_s).toArray().at(0).toObject().value(u"gross"_s).toInteger(), gross);
    }

    void replaysChangeNothing()
    {
        QVERIFY(!m_date.isEmpty());
        const QString path = u"/api/v1/reports/kitchen-times?store_id=%1&from=%2&to=%2"_s.arg(m_store).arg(m_date);
        const QJsonObject before = m_hqHttp.get(path, m_hq).json();
        QSqlQuery q(m_db.connection());
        QVERIFY(q.exec(u"SELECT seq, event_id, type, at, schema_version, data, actor FROM store_events "
                       "WHERE store_id = 1 ORDER BY seq"_s));
        tableorder::sync::UploadBatch batch;
        QSet<QString> types;
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
            types.insert(e.type);
        }
        QVERIFY(types.contains(u"order.lines_done"_s) && types.contains(u"order.recalled"_s));
        const QStringList state = centralDataState(m_db.connection());
        batch.lastSeq = batch.events.last().seq;
        batch.edgeVersion = u"test"_s;
        tableorder::sync::v1::UploadRequest request;
        tableorder::sync::toProto(batch, &request);
        VERIFY_STATUS(upload(m_hqHttp, m_central->demoStoreKey(), request), 200);
        QCOMPARE(centralDataState(m_db.connection()), state);
        QCOMPARE(m_hqHttp.get(path, m_hq).json(), before);
    }

    void kitchenTimesAtHqAreScoped()
    {
        VERIFY_ERROR(m_hqHttp.get(u"/api/v1/reports/kitchen-times"_s), 401, u"UNAUTHENTICATED"_s);
        VERIFY_ERROR_FIELD(m_hqHttp.get(u"/api/v1/reports/kitchen-times?by=week"_s, m_hq), 400, u"VALIDATION_FAILED"_s,
                           u"by"_s);
        VERIFY_ERROR_FIELD(m_hqHttp.get(u"/api/v1/reports/kitchen-times?store_id=x"_s, m_hq), 400,
                           u"VALIDATION_FAILED"_s, u"store_id"_s);
    }

private:
    QJsonObject place(const QList<std::pair<qint64, int>> &lines)
    {
        const HttpResult placed = m_edgeHttp.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), m_table);
        if (placed.status != 201)
            qWarning("placing an order: %s", qPrintable(placed.describe()));
        return placed.json();
    }
    static qint64 lineOf(const QJsonObject &order, qint64 menuItemId)
    {
        for (const QJsonValue &line : order.value(u"items"_s).toArray()) {
            if (line.toObject().value(u"menu_item_id"_s).toInteger() == menuItemId)
                return line.toObject().value(u"id"_s).toInteger();
        }
        return 0;
    }
    static QString orderPath(qint64 id) { return u"/api/v1/orders/%1"_s.arg(id); }
    static QString lineDone(qint64 order, qint64 line) { return u"/api/v1/orders/%1/lines/%2/done"_s.arg(order).arg(line); }
    QString scalarText(const QString &sql)
    {
        QSqlQuery q(m_db.connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
    }

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_hqHttp;
    HttpClient m_edgeHttp;
    QString m_hq, m_manager, m_kitchen, m_staff, m_table, m_date;
    const qint64 m_store = 1;
};

QTEST_GUILESS_MAIN(TestSyncKitchen)
#include "tst_synckitchen.moc"
