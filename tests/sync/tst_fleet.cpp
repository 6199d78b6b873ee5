#include "synckit.h"
#include "testprinter.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

namespace {

constexpr int kSnapshotMs = 500;   // the edge's health window in this test
constexpr int kOfflineAfterS = 3;  // the edge_offline rule, as HQ sets it here
constexpr int kQueueMax = 8;       // the edge's health queue bound for the outage test

/// A webhook receiver on loopback: records every POST and answers with the next status of
/// a script (then 200), so a test can make the first delivery fail.
class WebhookReceiver : public QObject
{
public:
    struct Delivery
    {
        QByteArray deliveryHeader;
        QJsonObject body;
        int answered = 0;
    };

    WebhookReceiver()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                    delete buffer;
                    socket->deleteLater();
                });
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    QByteArray delivery;
                    for (const QByteArray &line : buffer->left(end).split('\n')) {
                        const QByteArray l = line.trimmed().toLower();
                        if (l.startsWith("content-length:"))
                            length = l.mid(15).trimmed().toLongLong();
                        if (l.startsWith("x-tableorder-delivery:"))
                            delivery = l.mid(22).trimmed();
                    }
                    if (buffer->size() < end + 4 + length)
                        return;
                    const int status = m_script.isEmpty() ? 200 : m_script.takeFirst();
                    m_deliveries.append({delivery, QJsonDocument::fromJson(buffer->mid(end + 4, length)).object(), status});
                    buffer->clear();
                    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
    }
    [[nodiscard]] QString url() const { return u"http://127.0.0.1:%1/hooks/alerts"_s.arg(m_server.serverPort()); }
    void failNext(int count) { m_script = QList<int>(count, 503); }
    /// Deliveries the receiver accepted (2xx) of an event for an alert.
    [[nodiscard]] QList<Delivery> accepted(const QString &event, qint64 alertId) const
    {
        QList<Delivery> out;
        for (const Delivery &d : m_deliveries) {
            if (d.answered == 200 && d.body.value(u"event"_s).toString() == event
                && d.body.value(u"alert"_s).toObject().value(u"id"_s).toInteger() == alertId)
                out.append(d);
        }
        return out;
    }
    [[nodiscard]] QList<Delivery> all() const { return m_deliveries; }

private:
    QTcpServer m_server;
    QList<int> m_script;
    QList<Delivery> m_deliveries;
};

} // namespace

/// Fleet observability against a real edge linked to a real central: health snapshots
/// become per-store time series, alert rules open, notify (webhook exactly once, after a
/// failed attempt) and resolve, an outage keeps the newest snapshots up to the edge's bound
/// and says how many it dropped, and every new endpoint is scoped to its organization.
class TestFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void snapshotsBecomeTimeSeries();
    void centralMetricsCoverTheFleet();
    void unacknowledgedOrderAlertsOnce();
    void overdueCallAlertsHq();
    void printerFaultAlertsHq();
    void rulesJudgeWhatStoresReport();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void otherOrganizationsSeeNothing();
    void offlineAlertOpensAndResolves();
    void outageKeepsNewestSnapshotsUpToTheBound();

private:
    [[nodiscard]] bool startEdge();
    [[nodiscard]] QJsonArray alerts(const QString &state, const QString &token = {});
    [[nodiscard]] QJsonObject alertFor(const QString &rule, const QString &state);
    [[nodiscard]] QJsonArray series(const QString &name, const QString &query = {});
    [[nodiscard]] qint64 placeOrder();

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    WebhookReceiver m_webhook;
    HttpClient m_hqHttp;
    HttpClient m_edgeHttp;
    QString m_hq;
    qint64 m_store = 0;
    QString m_key;
    QString m_table;
    QString m_kitchen;
    qint64 m_menuItem = 0;
};

void TestFleet::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    CentralProcess::Options options = m_db.centralOptions();
    options.environment = {{u"TABLEORDER_ALERTS_EVALUATE_MS"_s, u"300"_s},
                           {u"TABLEORDER_OFFLINE_AFTER_SECONDS"_s, u"5"_s}};
    options.allowPrivateWebhooks = true; // the receiver is on loopback
    m_central = std::make_unique<CentralProcess>(options);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_hqHttp.setPort(m_central->port());
    m_hq = Hq::login(m_hqHttp, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());
    Hq hq{m_hqHttp, m_hq};
    std::tie(m_store, m_key) = hq.registerStore(u"fleet test store"_s);
    QVERIFY(m_store > 0);
    const HttpResult settings = m_hqHttp.put(
            u"/api/v1/alert-settings"_s,
            {{u"webhook_url"_s, m_webhook.url()},
             {u"rules"_s, QJsonObject{{u"edge_offline"_s, QJsonObject{{u"after_s"_s, kOfflineAfterS}}},
                                      {u"reconciliation"_s, QJsonObject{{u"for_s"_s, 0}}}}}},
            m_hq);
    VERIFY_STATUS(settings, 200);
    QCOMPARE(settings.json().value(u"rules"_s).toObject().value(u"edge_offline"_s).toObject().value(u"after_s"_s).toInt(),
             kOfflineAfterS);
    QCOMPARE(settings.json().value(u"webhook_url"_s).toString(), m_webhook.url());
    QVERIFY(startEdge());
    m_table = m_edgeHttp.tableLogin(1);
    m_kitchen = m_edgeHttp.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty());
    const QList<QJsonObject> items = menuItems(m_edgeHttp.get(u"/api/v1/menu"_s).json());
    QVERIFY(!items.isEmpty());
    m_menuItem = items.first().value(u"id"_s).toInteger();
}

void TestFleet::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning("central log:\n%s", m_central ? m_central->log().right(3000).constData() : "");
        qWarning("edge log:\n%s", m_edge ? m_edge->log().right(3000).constData() : "");
    }
}

bool TestFleet::startEdge()
{
    EdgeProcess::Options options;
    options.requestLogs = false;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_key};
    options.environment = {{u"TABLEORDER_HEALTH_INTERVAL_MS"_s, QString::number(kSnapshotMs)},
                           {u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s},
                           {u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s},
                           {u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"1000"_s},
                           {u"TABLEORDER_CALLS_OVERDUE_SECONDS"_s, u"1"_s},
                           {u"TABLEORDER_PRINTERS_POLL_MS"_s, u"300"_s},
                           {u"TABLEORDER_HEALTH_QUEUE_MAX"_s, QString::number(kQueueMax)}};
    // A restart keeps the store's data directory: the same edge, as after a reboot.
    if (!m_edge)
        m_edge = std::make_unique<EdgeProcess>(options);
    if (!m_edge->start()) {
        qWarning("%s\n%s", qPrintable(m_edge->errorString()), m_edge->log().right(3000).constData());
        return false;
    }
    m_edgeHttp.setPort(m_edge->port());
    return true;
}

qint64 TestFleet::placeOrder()
{
    const HttpResult r = m_edgeHttp.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_menuItem, 1}}), m_table);
    if (r.status != 201)
        qWarning("order refused: %s", qPrintable(r.describe()));
    return r.json().value(u"id"_s).toInteger();
}

QJsonArray TestFleet::alerts(const QString &state, const QString &token)
{
    return m_hqHttp.get(u"/api/v1/alerts?state="_s + state, token.isEmpty() ? m_hq : token)
            .json().value(u"alerts"_s).toArray();
}

QJsonObject TestFleet::alertFor(const QString &rule, const QString &state)
{
    for (const QJsonValue &a : alerts(state)) {
        const QJsonObject alert = a.toObject();
        if (alert.value(u"rule"_s).toString() == rule && alert.value(u"store_id"_s).toInteger() == m_store)
            return alert;
    }
    return {};
}

QJsonArray TestFleet::series(const QString &name, const QString &query)
{
    const HttpResult r = m_hqHttp.get(u"/api/v1/stores/%1/metrics?names=%2%3"_s.arg(m_store)
                                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(name)), query),
                                      m_hq);
    for (const QJsonValue &s : r.json().value(u"series"_s).toArray()) {
        if (s.toObject().value(u"name"_s).toString() == name)
            return s.toObject().value(u"points"_s).toArray();
    }
    return {};
}

void TestFleet::snapshotsBecomeTimeSeries()
{
    for (int i = 0; i < 3; ++i) {
        const qint64 order = placeOrder();
        QVERIFY(order > 0);
        // The kitchen screen acknowledges it (as a kitchen display does on receipt).
        VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders/%1/ack"_s.arg(order), {}, m_kitchen), 200);
    }
    const QString orderRoute = u"http_requests{POST /api/v1/orders}"_s;
    QVERIFY2(waitUntil([&] { return !series(orderRoute).isEmpty(); }, 15'000),
             "the order route never appeared in the store's series");
    qint64 requests = 0;
    for (const QJsonValue &p : series(orderRoute))
        requests += qint64(p.toArray().at(1).toDouble());
    QCOMPARE(requests, 3);

    // The series grows by a point per window.
    const qsizetype before = series(u"cpu_percent"_s).size();
    QVERIFY(before > 0);
    QVERIFY2(waitUntil([&] { return series(u"cpu_percent"_s).size() >= before + 3; }, 10'000),
             "no new snapshots arrived");
    const QJsonArray memory = series(u"rss_bytes"_s);
    QVERIFY(!memory.isEmpty());
    QVERIFY(memory.last().toArray().at(1).toDouble() > 1024 * 1024);
    const QJsonArray disk = series(u"disk_free_percent"_s);
    QVERIFY(!disk.isEmpty() && disk.last().toArray().at(1).toDouble() > 0);
    // Points are in time order, and an hourly roll-up holds the orders of the hour.
    const QJsonArray cpu = series(u"cpu_percent"_s);
    for (qsizetype i = 1; i < cpu.size(); ++i)
        QVERIFY(cpu.at(i).toArray().at(0).toInteger() > cpu.at(i - 1).toArray().at(0).toInteger());
    qint64 hourly = 0;
    for (const QJsonValue &p : series(u"orders"_s, u"&resolution=hour"_s))
        hourly += qint64(p.toArray().at(1).toDouble());
    QCOMPARE(hourly, 3);

    // The fleet view shows the store online with its newest snapshot.
    const QJsonArray stores = m_hqHttp.get(u"/api/v1/fleet"_s, m_hq).json().value(u"stores"_s).toArray();
    QJsonObject tile;
    for (const QJsonValue &s : stores) {
        if (s.toObject().value(u"id"_s).toInteger() == m_store)
            tile = s.toObject();
    }
    QCOMPARE(tile.value(u"status"_s).toString(), u"online"_s);
    const QJsonArray one = m_hqHttp.get(u"/api/v1/fleet?store_id=%1"_s.arg(m_store), m_hq).json().value(u"stores"_s).toArray();
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().toObject().value(u"id"_s).toInteger(), m_store);
    QVERIFY(tile.value(u"snapshots_received"_s).toInteger() >= before + 3);
    QVERIFY(tile.value(u"health"_s).toObject().value(u"rss_bytes"_s).toDouble() > 0);

    // The edge's own /metrics has the same measurements.
    const QByteArray page = m_edgeHttp.get(u"/metrics"_s).body;
    QVERIFY(page.contains(R"(tableorder_http_route_latency_seconds{route="/api/v1/orders",method="POST",quantile="0.99"})"));
    QVERIFY(metricValue(page, "process_resident_memory_bytes").value_or(0) > 0);
    QVERIFY(metricValue(page, "tableorder_disk_free_bytes").value_or(0) > 0);
    QVERIFY(metricValue(page, "tableorder_health_queue_snapshots").has_value());
}

void TestFleet::centralMetricsCoverTheFleet()
{
    const QByteArray page = m_hqHttp.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    const QByteArray label = "store=\"" + QByteArray::number(m_store) + "\"";
    for (const QByteArray name : {"tableorder_store_online", "tableorder_store_http_p99_seconds",
                                  "tableorder_store_resident_memory_bytes", "tableorder_store_disk_free_ratio",
                                  "tableorder_store_open_alerts"}) {
        bool found = false;
        for (const QByteArray &line : page.split('\n'))
            found = found || (line.startsWith(QByteArray(name + '{')) && line.contains(label));
        QVERIFY2(found, name.constData());
    }
    QVERIFY(page.contains(QByteArray("tableorder_store_online{" + label)));
}

void TestFleet::unacknowledgedOrderAlertsOnce()
{
    // A kitchen screen that acknowledges: no alert.
    const qint64 seen = placeOrder();
    QVERIFY(seen > 0);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders/%1/ack"_s.arg(seen), {}, m_kitchen), 200);
    QTest::qWait(2500);
    QVERIFY(alertFor(u"order_unacknowledged"_s, u"all"_s).isEmpty());
    QVERIFY2(alerts(u"all"_s).isEmpty(), // a healthy store: no alert of any kind
             QJsonDocument(alerts(u"all"_s)).toJson(QJsonDocument::Compact).constData());

    // The kitchen stops acknowledging: the alert opens, on HQ's live feed and at the
    // webhook (whose first attempt fails) exactly once.
    SseStream feed;
    QVERIFY2(feed.open(m_central->port(), u"/api/v1/feed"_s, m_hq), qPrintable(feed.errorString()));
    m_webhook.failNext(1);
    const qint64 missed = placeOrder();
    QVERIFY(missed > 0);
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(waitUntil([&] { return !alertFor(u"order_unacknowledged"_s, u"open"_s).isEmpty(); }, 15'000),
             "no order_unacknowledged alert");
    qInfo("alert open %lld ms after the order (ack timeout 1000 ms)", clock.elapsed());
    const QJsonObject alert = alertFor(u"order_unacknowledged"_s, u"open"_s);
    const qint64 id = alert.value(u"id"_s).toInteger();
    QCOMPARE(alert.value(u"severity"_s).toString(), u"critical"_s);
    QCOMPARE(alert.value(u"value"_s).toDouble(), 1.0);
    // The figures by name, for the dashboard to say in Korean or English.
    const QJsonObject params = alert.value(u"params"_s).toObject();
    QCOMPARE(params.value(u"count"_s).toDouble(), 1.0);
    QVERIFY2(params.value(u"oldest_s"_s).toDouble() > 0,
             qPrintable(QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))));
    const auto live = feed.waitFor([&](const SseStream::Event &e) {
        return e.type == u"alert.opened"_s && e.data.value(u"alert"_s).toObject().value(u"id"_s).toInteger() == id;
    }, 10'000);
    QVERIFY2(live.has_value(), "the live feed did not show the alert");
    QCOMPARE(live->data.value(u"store_id"_s).toInteger(), m_store);
    QVERIFY2(waitUntil([&] { return !m_webhook.accepted(u"alert.opened"_s, id).isEmpty(); }, 15'000),
             "the webhook never accepted the alert");
    QTest::qWait(1500); // time for a duplicate, if there were one
    QCOMPARE(m_webhook.accepted(u"alert.opened"_s, id).size(), 1);
    int attempts = 0;
    for (const auto &d : m_webhook.all()) {
        if (d.body.value(u"alert"_s).toObject().value(u"id"_s).toInteger() == id
            && d.body.value(u"event"_s).toString() == u"alert.opened"_s) {
            ++attempts;
            QCOMPARE(d.deliveryHeader, m_webhook.accepted(u"alert.opened"_s, id).first().deliveryHeader);
        }
    }
    QCOMPARE(attempts, 2); // the failed attempt and its retry, one delivery id

    // HQ acknowledges; the alert stays until the kitchen catches up, then resolves itself.
    const HttpResult ack = m_hqHttp.post(u"/api/v1/alerts/%1/ack"_s.arg(id), {}, m_hq);
    VERIFY_STATUS(ack, 200);
    QCOMPARE(ack.json().value(u"state"_s).toString(), u"acknowledged"_s);
    QCOMPARE(ack.json().value(u"acknowledged_by"_s).toString(), u"hq"_s);
    // Taken on: the store's tile no longer shows it as an open alert.
    const QJsonObject acknowledgedTile = m_hqHttp.get(u"/api/v1/fleet?store_id=%1"_s.arg(m_store), m_hq)
                                                 .json().value(u"stores"_s).toArray().first().toObject();
    QCOMPARE(acknowledgedTile.value(u"open_alerts"_s).toInt(), 0);
    QCOMPARE(acknowledgedTile.value(u"acknowledged_alerts"_s).toInt(), 1);
    QVERIFY(acknowledgedTile.value(u"worst_severity"_s).isNull());
    const HttpResult again = m_hqHttp.post(u"/api/v1/alerts/%1/ack"_s.arg(id), {}, m_hq);
    QCOMPARE(errorEnvelopeMismatch(again, 409, u"INVALID_TRANSITION"_s), QString());
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/orders/%1/ack"_s.arg(missed), {}, m_kitchen), 200);
    QVERIFY2(waitUntil([&] {
                 return m_hqHttp.get(u"/api/v1/alerts/%1"_s.arg(id), m_hq).json().value(u"state"_s).toString()
                         == u"resolved"_s;
             }, 15'000),
             "the alert did not resolve");
    const QJsonObject resolved = m_hqHttp.get(u"/api/v1/alerts/%1"_s.arg(id), m_hq).json();
    QStringList history;
    for (const QJsonValue &h : resolved.value(u"history"_s).toArray())
        history.append(h.toObject().value(u"event"_s).toString());
    history.removeAll(u"notified"_s);
    QCOMPARE(history, (QStringList{u"opened"_s, u"acknowledged"_s, u"resolved"_s}));
    QVERIFY2(waitUntil([&] { return m_webhook.accepted(u"alert.resolved"_s, id).size() == 1; }, 10'000),
             "the webhook did not get the resolution");
}

void TestFleet::overdueCallAlertsHq()
{
    // A guest calls for staff and nobody answers: HQ raises call_overdue for the store; it
    // resolves once a staff member acknowledges the call.
    QVERIFY(alertFor(u"call_overdue"_s, u"open"_s).isEmpty());
    const QString staff = m_edgeHttp.staffLogin(u"staff"_s, u"staff"_s);
    QVERIFY(!staff.isEmpty());
    const HttpResult call = m_edgeHttp.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}}, m_table);
    VERIFY_STATUS(call, 201);
    QVERIFY2(waitUntil([&] { return !alertFor(u"call_overdue"_s, u"open"_s).isEmpty(); }, 15'000),
             "no call_overdue alert");
    const QJsonObject alert = alertFor(u"call_overdue"_s, u"open"_s);
    QCOMPARE(alert.value(u"severity"_s).toString(), u"warning"_s);
    QCOMPARE(alert.value(u"params"_s).toObject().value(u"count"_s).toDouble(), 1.0);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/calls/%1/ack"_s.arg(call.json().value(u"id"_s).toInteger()), {}, staff),
                  200);
    QVERIFY2(waitUntil([&] {
                 const QJsonArray all = alerts(u"all"_s);
                 return std::any_of(all.begin(), all.end(), [&](const QJsonValue &a) {
                     return a.toObject().value(u"id"_s) == alert.value(u"id"_s)
                             && a.toObject().value(u"state"_s).toString() == u"resolved"_s;
                 });
             }, 15'000),
             "call_overdue did not resolve after the acknowledgement");
}

void TestFleet::printerFaultAlertsHq()
{
    // The kitchen printer runs out of paper: the edge's next health snapshot carries it and
    // HQ raises printer_fault for that printer; paper back, the alert resolves.
    TestPrinter printer;
    QVERIFY(printer.start());
    const QString manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
    const HttpResult added = m_edgeHttp.post(u"/api/v1/printers"_s,
                                             {{u"name"_s, u"주방 프린터"_s}, {u"host"_s, u"127.0.0.1"_s},
                                              {u"port"_s, printer.port()}, {u"stations"_s, QJsonArray{u"kitchen"_s}}},
                                             manager);
    VERIFY_STATUS(added, 201);
    QVERIFY(alertFor(u"printer_fault"_s, u"open"_s).isEmpty());
    printer.setPaperOut(true);
    QVERIFY2(waitUntil([&] { return !alertFor(u"printer_fault"_s, u"open"_s).isEmpty(); }, 15'000),
             "no printer_fault alert");
    const QJsonObject alert = alertFor(u"printer_fault"_s, u"open"_s);
    QCOMPARE(alert.value(u"subject"_s).toString(), u"주방 프린터"_s);
    QCOMPARE(alert.value(u"params"_s).toObject().value(u"status"_s).toString(), u"paper_out"_s);
    printer.setPaperOut(false);
    QVERIFY2(waitUntil([&] {
                 const QJsonArray all = alerts(u"all"_s);
                 return std::any_of(all.begin(), all.end(), [&](const QJsonValue &a) {
                     return a.toObject().value(u"id"_s) == alert.value(u"id"_s)
                             && a.toObject().value(u"state"_s).toString() == u"resolved"_s;
                 });
             }, 15'000),
             "printer_fault did not resolve with paper back");
    VERIFY_STATUS(m_edgeHttp.del(u"/api/v1/printers/%1"_s.arg(added.json()[u"id"_s].toInteger()), manager), 204);
}

void TestFleet::rulesJudgeWhatStoresReport()
{
    // A store whose snapshots say: one route too slow, the disk nearly full. Sent as an edge
    // sends them (protobuf over the sync channel), so central's rules judge real input.
    Hq hq{m_hqHttp, m_hq};
    const auto [store, key] = hq.registerStore(u"slow store"_s);
    QVERIFY(store > 0);
    qint64 snapshotId = 0;
    pb::UploadRequest request;
    auto send = [&](double p99Ms, qint64 freeBytes) {
        request = {};
        auto *h = request.add_health();
        h->set_id(++snapshotId);
        h->set_at(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
        h->set_window_s(60);
        auto *route = h->add_routes();
        route->set_route("POST /api/v1/orders");
        route->set_requests(120);
        route->set_p50_ms(4);
        route->set_p95_ms(p99Ms / 2);
        route->set_p99_ms(p99Ms);
        // A login hashes a password on purpose: slow, but never a route_latency alert.
        auto *login = h->add_routes();
        login->set_route("POST /api/v1/auth/staff-login");
        login->set_requests(12);
        login->set_p95_ms(1800);
        login->set_p99_ms(2500);
        h->set_disk_total_bytes(100'000'000'000);
        h->set_disk_free_bytes(freeBytes);
        pb::UploadResponse response;
        const HttpResult r = upload(m_hqHttp, key, request, &response);
        return r.status == 200 && response.health_acked_id() == snapshotId;
    };
    auto openAlerts = [&] {
        QStringList rules;
        for (const QJsonValue &a : m_hqHttp.get(u"/api/v1/alerts?store_id=%1"_s.arg(store), m_hq).json()
                                           .value(u"alerts"_s).toArray())
            rules.append(a.toObject().value(u"rule"_s).toString() + u':' + a.toObject().value(u"subject"_s).toString());
        rules.sort();
        return rules;
    };
    QVERIFY(send(1500, 5'000'000'000)); // p99 1.5 s, 5% free
    const QStringList expected{u"disk_free:"_s, u"route_latency:POST /api/v1/orders"_s};
    QVERIFY2(waitUntil([&] { return openAlerts() == expected; }, 10'000), qPrintable(openAlerts().join(u", "_s)));
    for (const QJsonValue &a : m_hqHttp.get(u"/api/v1/alerts?store_id=%1"_s.arg(store), m_hq).json()
                                       .value(u"alerts"_s).toArray()) {
        const QJsonObject params = a.toObject().value(u"params"_s).toObject();
        if (a.toObject().value(u"rule"_s).toString() == u"route_latency"_s) {
            QCOMPARE(params.value(u"route"_s).toString(), u"POST /api/v1/orders"_s);
            QCOMPARE(params.value(u"p99_ms"_s).toDouble(), 1500.0);
            QCOMPARE(params.value(u"p99_limit_ms"_s).toDouble(), 1000.0);
        } else {
            QCOMPARE(params.value(u"percent"_s).toDouble(), 5.0);
            QCOMPARE(params.value(u"limit"_s).toDouble(), 10.0);
        }
    }
    // A store within bounds: both resolve by themselves.
    QVERIFY(send(300, 40'000'000'000));
    QVERIFY2(waitUntil([&] { return openAlerts().isEmpty(); }, 10'000), qPrintable(openAlerts().join(u", "_s)));
    // A re-sent snapshot changes nothing: the series keeps one point per snapshot.
    VERIFY_STATUS(upload(m_hqHttp, key, request), 200);
    const HttpResult series = m_hqHttp.get(
            u"/api/v1/stores/%1/metrics?names=http_p99_ms&resolution=minute"_s.arg(store), m_hq);
    QCOMPARE(series.json().value(u"series"_s).toArray().first().toObject().value(u"points"_s).toArray().size(), 2);
}

void TestFleet::badInputIsRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("metrics: bad from") << QByteArray("GET") << u"/api/v1/stores/{store}/metrics?from=yesterday"_s
                                       << QByteArray() << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("metrics: from after to")
            << QByteArray("GET") << u"/api/v1/stores/{store}/metrics?from=2026-11-02&to=2026-11-01"_s << QByteArray()
            << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("metrics: resolution") << QByteArray("GET") << u"/api/v1/stores/{store}/metrics?resolution=second"_s
                                         << QByteArray() << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("metrics: unknown store") << QByteArray("GET") << u"/api/v1/stores/999999/metrics"_s << QByteArray()
                                            << 404 << u"NOT_FOUND"_s;
    QTest::newRow("alerts: state") << QByteArray("GET") << u"/api/v1/alerts?state=burning"_s << QByteArray() << 400
                                   << u"VALIDATION_FAILED"_s;
    QTest::newRow("alerts: limit") << QByteArray("GET") << u"/api/v1/alerts?limit=-1"_s << QByteArray() << 400
                                   << u"VALIDATION_FAILED"_s;
    QTest::newRow("ack: unknown alert") << QByteArray("POST") << u"/api/v1/alerts/999999/ack"_s << QByteArray("{}")
                                        << 404 << u"NOT_FOUND"_s;
    QTest::newRow("settings: unknown rule") << QByteArray("PUT") << u"/api/v1/alert-settings"_s
                                            << QByteArray(R"({"rules":{"moon_phase":{"enabled":true}}})") << 400
                                            << u"VALIDATION_FAILED"_s;
    QTest::newRow("settings: out of range") << QByteArray("PUT") << u"/api/v1/alert-settings"_s
                                            << QByteArray(R"({"rules":{"disk_free":{"percent":150}}})") << 400
                                            << u"VALIDATION_FAILED"_s;
    QTest::newRow("settings: wrong type") << QByteArray("PUT") << u"/api/v1/alert-settings"_s
                                          << QByteArray(R"({"rules":{"edge_offline":{"enabled":"yes"}}})") << 400
                                          << u"VALIDATION_FAILED"_s;
    QTest::newRow("settings: webhook scheme") << QByteArray("PUT") << u"/api/v1/alert-settings"_s
                                              << QByteArray(R"({"webhook_url":"ftp://example.com/x"})") << 400
                                              << u"VALIDATION_FAILED"_s;
    QTest::newRow("settings: unknown field") << QByteArray("PUT") << u"/api/v1/alert-settings"_s
                                             << QByteArray(R"({"webhook":"http://x"})") << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("settings: not json") << QByteArray("PUT") << u"/api/v1/alert-settings"_s << QByteArray("{rules")
                                        << 400 << u"VALIDATION_FAILED"_s;
}

void TestFleet::badInputIsRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QJsonObject settingsBefore = m_hqHttp.get(u"/api/v1/alert-settings"_s, m_hq).json();
    const HttpResult r = m_hqHttp.send(method, QString(path).replace(u"{store}"_s, QString::number(m_store)), body,
                                       m_hq, {{"Content-Type", "application/json"}});
    QCOMPARE(errorEnvelopeMismatch(r, status, code), QString());
    QCOMPARE(m_hqHttp.get(u"/api/v1/alert-settings"_s, m_hq).json(), settingsBefore);
}

void TestFleet::otherOrganizationsSeeNothing()
{
    QByteArray output;
    QCOMPARE(CentralProcess::runAdmin({u"org"_s, u"add"_s, u"--db"_s, m_db.url(), u"--name"_s, u"other group"_s,
                                       u"--admin-username"_s, u"other-admin"_s},
                                      "other-secret\n", &output),
             0);
    const QString other = Hq::login(m_hqHttp, u"other-admin"_s, u"other-secret"_s);
    QVERIFY(!other.isEmpty());
    // An alert of ours to try to reach.
    const QJsonArray ours = m_hqHttp.get(u"/api/v1/alerts?state=all"_s, m_hq).json().value(u"alerts"_s).toArray();
    QVERIFY(!ours.isEmpty());
    const qint64 alertId = ours.first().toObject().value(u"id"_s).toInteger();
    const QJsonObject settingsBefore = m_hqHttp.get(u"/api/v1/alert-settings"_s, m_hq).json();

    for (const QString &path : {u"/api/v1/stores/%1/metrics"_s.arg(m_store), u"/api/v1/alerts/%1"_s.arg(alertId),
                                u"/api/v1/alerts?store_id=%1"_s.arg(m_store)})
        QCOMPARE(errorEnvelopeMismatch(m_hqHttp.get(path, other), 404, u"NOT_FOUND"_s), QString());
    QCOMPARE(errorEnvelopeMismatch(m_hqHttp.post(u"/api/v1/alerts/%1/ack"_s.arg(alertId), {}, other), 404, u"NOT_FOUND"_s),
             QString());
    QVERIFY(m_hqHttp.get(u"/api/v1/fleet"_s, other).json().value(u"stores"_s).toArray().isEmpty());
    QCOMPARE(errorEnvelopeMismatch(m_hqHttp.get(u"/api/v1/fleet?store_id=%1"_s.arg(m_store), other), 404, u"NOT_FOUND"_s),
             QString());
    QVERIFY(alerts(u"all"_s, other).isEmpty());
    // Its settings are its own: changing them leaves ours as they were.
    const HttpResult changed = m_hqHttp.put(u"/api/v1/alert-settings"_s,
                                            {{u"webhook_url"_s, u"http://127.0.0.1:9/other"_s},
                                             {u"rules"_s, QJsonObject{{u"disk_free"_s, QJsonObject{{u"percent"_s, 50}}}}}},
                                            other);
    VERIFY_STATUS(changed, 200);
    QCOMPARE(m_hqHttp.get(u"/api/v1/alert-settings"_s, m_hq).json(), settingsBefore);
    const QByteArray page = m_hqHttp.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    QVERIFY(!page.contains("other group"));
}

void TestFleet::offlineAlertOpensAndResolves()
{
    QVERIFY(alertFor(u"edge_offline"_s, u"open"_s).isEmpty());
    m_edge->kill();
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(waitUntil([&] { return !alertFor(u"edge_offline"_s, u"open"_s).isEmpty(); }, 20'000),
             "no edge_offline alert after the edge died");
    const qint64 openedAfter = clock.elapsed();
    qInfo("edge_offline opened %lld ms after kill -9 (threshold %d s)", openedAfter, kOfflineAfterS);
    QVERIFY(openedAfter >= (kOfflineAfterS - 1) * 1000);
    QVERIFY(openedAfter <= (kOfflineAfterS + 3) * 1000);
    const qint64 id = alertFor(u"edge_offline"_s, u"open"_s).value(u"id"_s).toInteger();
    QVERIFY2(waitUntil([&] { return m_webhook.accepted(u"alert.opened"_s, id).size() == 1; }, 10'000),
             "the webhook did not get the offline alert");
    // The fleet view puts the store first, in the worst colour.
    const QJsonArray stores = m_hqHttp.get(u"/api/v1/fleet"_s, m_hq).json().value(u"stores"_s).toArray();
    QCOMPARE(stores.first().toObject().value(u"id"_s).toInteger(), m_store);
    QCOMPARE(stores.first().toObject().value(u"worst_severity"_s).toString(), u"critical"_s);

    QVERIFY(startEdge());
    QVERIFY2(waitUntil([&] {
                 return m_hqHttp.get(u"/api/v1/alerts/%1"_s.arg(id), m_hq).json().value(u"state"_s).toString()
                         == u"resolved"_s;
             }, 15'000),
             "the offline alert did not resolve when the edge came back");
    QVERIFY2(waitUntil([&] { return m_webhook.accepted(u"alert.resolved"_s, id).size() == 1; }, 10'000),
             "the webhook did not get the resolution");
}

void TestFleet::outageKeepsNewestSnapshotsUpToTheBound()
{
    struct Counts
    {
        qint64 taken = 0;    // edge: snapshots queued since it started
        qint64 dropped = 0;  // edge: dropped because the queue was full (kept across restarts)
        qint64 queued = 0;   // edge: waiting now
        qint64 received = 0; // central: stored for the store
        qint64 reported = 0; // central: the dropped count the edge reported
    };
    auto counts = [&] {
        Counts c;
        const QByteArray page = m_edgeHttp.get(u"/metrics"_s).body;
        c.taken = qint64(metricValue(page, "tableorder_health_snapshots_total").value_or(-1));
        c.dropped = qint64(metricValue(page, "tableorder_health_snapshots_dropped_total").value_or(-1));
        c.queued = qint64(metricValue(page, "tableorder_health_queue_snapshots").value_or(-1));
        for (const QJsonValue &s : m_hqHttp.get(u"/api/v1/fleet"_s, m_hq).json().value(u"stores"_s).toArray()) {
            if (s.toObject().value(u"id"_s).toInteger() == m_store) {
                c.received = s.toObject().value(u"snapshots_received"_s).toInteger();
                c.reported = s.toObject().value(u"snapshots_dropped"_s).toInteger();
            }
        }
        return c;
    };
    // A moment when nothing is in flight: every snapshot taken is at central or queued.
    Counts before;
    QVERIFY2(waitUntil([&] {
                 before = counts();
                 return before.queued == 0 && before.dropped == 0;
             }, 15'000),
             "the edge did not empty its health queue");

    QVERIFY(m_central->terminate());
    const qint64 stoppedAt = QDateTime::currentMSecsSinceEpoch();
    // Long enough for about twice the bound of snapshots.
    QTest::qWait(kSnapshotMs * kQueueMax * 2 + 1000);
    const QByteArray during = m_edgeHttp.get(u"/metrics"_s).body;
    QCOMPARE(qint64(metricValue(during, "tableorder_health_queue_snapshots").value_or(-1)), kQueueMax);
    const qint64 dropped = qint64(metricValue(during, "tableorder_health_snapshots_dropped_total").value_or(0));
    QVERIFY2(dropped > 0, "nothing dropped: the outage was too short for the test");
    QVERIFY(m_edge->log().contains("health queue full"));
    // Points past their retention (7 days of snapshots, 90 of hours) go when central starts.
    QSqlDatabase db = m_db.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 24 * 3600 * 1000LL;
    for (const auto &[resolution, age] : {std::pair{60, 8 * day}, std::pair{60, 6 * day}, std::pair{3600, 91 * day},
                                          std::pair{3600, 89 * day}}) {
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO health_points (store_id, resolution, at, samples, data) VALUES (?, ?, ?, 1, '{}')"_s);
        insert.addBindValue(m_store);
        insert.addBindValue(resolution);
        insert.addBindValue(now - age);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    auto oldPoints = [&](int resolution, qint64 olderThan) {
        return queryValue(db, u"SELECT COUNT(*) FROM health_points WHERE store_id = ? AND resolution = ? AND at < ?"_s,
                          {m_store, resolution, now - olderThan});
    };
    QCOMPARE(oldPoints(60, 7 * day), 1);
    QCOMPARE(oldPoints(3600, 90 * day), 1);
    VERIFY_CENTRAL_STARTED(*m_central);
    QVERIFY2(waitUntil([&] { return oldPoints(60, 7 * day) == 0 && oldPoints(3600, 90 * day) == 0; }, 10'000),
             "points past their retention were not dropped");
    QCOMPARE(oldPoints(60, 5 * day), 1);  // the 6-day-old snapshot point stays
    QCOMPARE(oldPoints(3600, 88 * day), 1); // and the 89-day-old hour

    // No loss up to the bound: every snapshot taken since is at central, or was dropped
    // (and counted), or is still queued; and central shows what the edge dropped.
    Counts after;
    QVERIFY2(waitUntil([&] {
                 after = counts();
                 return after.taken - before.taken
                         == (after.received - before.received) + after.dropped + after.queued
                         && after.reported == after.dropped;
             }, 20'000),
             qPrintable(u"taken %1, received %2, dropped %3 (central says %4), queued %5"_s
                                .arg(after.taken - before.taken).arg(after.received - before.received)
                                .arg(after.dropped).arg(after.reported).arg(after.queued)));
    QVERIFY(after.dropped >= dropped);
    QVERIFY(after.received - before.received >= kQueueMax);
    // The oldest were dropped, not the newest: the outage's first kept snapshot comes about
    // the dropped ones' time after central went away (less one that may have been queued as
    // it stopped, and timer slack).
    qint64 firstKept = 0;
    for (const QJsonValue &p : series(u"cpu_percent"_s)) {
        const qint64 at = p.toArray().at(0).toInteger();
        if (at > stoppedAt) {
            firstKept = at;
            break;
        }
    }
    QVERIFY(firstKept > 0);
    QVERIFY2(firstKept - stoppedAt >= (after.dropped - 2) * kSnapshotMs * 9 / 10,
             qPrintable(u"first kept snapshot %1 ms after the outage began, %2 dropped"_s
                                .arg(firstKept - stoppedAt).arg(after.dropped)));
}

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
