// The HQ dashboard's fleet observability pages in headless Chromium, against a real central
// and a real edge linked to it that sends a health snapshot every half second: the store's
// tile on the fleet page, turning critical live when its orders go unacknowledged; its health
// charts drawn from the snapshots; the alert acknowledged from the alerts list; a threshold
// changed in the settings form. The day before the edge started is seeded through the sync
// API the way the edge would have sent it, so the 24-hour charts have a history to show.
// Saves dashboard-fleet, dashboard-store-health and dashboard-alerts.png.

#include "browser.h"
#include "centralprocess.h"
#include "edgeprocess.h"
#include "httpclient.h"
#include "sync.pb.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestDashboardFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fleetPageShowsTheStoreTile();
    void storeHealthPageDrawsChartsWithData();
    void unacknowledgedOrdersOpenAnAlertSeenLive();
    void acknowledgingMovesTheAlertToAcknowledged();
    void settingsFormSavesAThreshold();

private:
    void seedHistory(const QString &storeKey);
    void shoot(const QString &name);
    QString why();

    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    Browser m_browser;
    HttpClient m_centralHttp;
    QString m_storeName;
    QString m_hqToken;
};

void TestDashboardFleet::initTestCase()
{
    if (Browser::executable().isEmpty())
        QSKIP("chromium is not installed (scripts/install-deps.sh installs it)");
    CentralProcess::Options centralOptions;
    centralOptions.environment = {{u"TABLEORDER_ALERTS_EVALUATE_MS"_s, u"300"_s}};
    m_central = std::make_unique<CentralProcess>(centralOptions);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_centralHttp.setPort(m_central->port());
    m_hqToken = m_centralHttp.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                    .json().value(u"token"_s).toString();
    const QString &hq = m_hqToken;
    QVERIFY(!hq.isEmpty());
    seedHistory(m_central->demoStoreKey());
    m_storeName = m_centralHttp.get(u"/api/v1/stores/1"_s, hq).json().value(u"name"_s).toString();
    QVERIFY(!m_storeName.isEmpty());
    // A store that was registered but whose edge never connected: the offline tile.
    QCOMPARE(m_centralHttp.post(u"/api/v1/stores"_s, {{u"name"_s, u"홍대점"_s}}, hq).status, 201);

    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    // No kitchen screen is connected: after 2 s the orders below count as unacknowledged.
    options.environment = {{u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s},
                           {u"TABLEORDER_HEALTH_INTERVAL_MS"_s, u"500"_s},
                           {u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"2000"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    // Some traffic, so the latency and order series have something to show.
    HttpClient edgeHttp(m_edge->port());
    QTRY_VERIFY_WITH_TIMEOUT(edgeHttp.get(u"/metrics"_s).body.contains("tableorder_sync_central_menu_version 1"), 10'000);
    for (int table = 1; table <= 3; ++table) {
        const HttpResult placed = edgeHttp.post(
            u"/api/v1/orders"_s,
            {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, table}, {u"quantity"_s, 1}}}}},
            edgeHttp.tableLogin(table));
        QCOMPARE(placed.status, 201);
        edgeHttp.get(u"/api/v1/menu"_s);
    }

    QVERIFY2(m_browser.start(1366, 900), qPrintable(m_browser.errorString()));
    QVERIFY(m_browser.navigate(m_central->url() + u"/"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#login')"_s));
    m_browser.evaluate(uR"(localStorage.setItem('tableorder.lang', 'ko');
                           document.querySelector('[name=username]').value = 'hq';
                           document.querySelector('[name=password]').value = 'hq';
                           document.querySelector('#login button').click(); true)"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#kpis') && !state.rendering"_s));
}

// 24 hours of minute snapshots ending two minutes ago, 60 to an upload as an edge catching up
// sends them: a lunch and a dinner peak, latency and CPU following the load.
void TestDashboardFleet::seedHistory(const QString &storeKey)
{
    namespace pb = tableorder::sync::v1;
    const qint64 minute = 60'000;
    const qint64 end = QDateTime::currentMSecsSinceEpoch() / minute * minute - 2 * minute;
    qint64 id = 1;
    for (qint64 at = end - 24 * 60 * minute; at < end;) {
        pb::UploadRequest request;
        for (int i = 0; i < 60 && at < end; ++i, at += minute) {
            const double hour = std::fmod(double(at) / 3.6e6 + 9, 24); // in Seoul (UTC+9)
            const double load = std::exp(-std::pow(hour - 12.5, 2) / 2) + std::exp(-std::pow(hour - 19, 2) / 3);
            auto *s = request.add_health();
            s->set_id(id++);
            s->set_at(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODateWithMs).toStdString());
            s->set_window_s(60);
            auto *orders = s->add_routes();
            orders->set_route("POST /api/v1/orders");
            orders->set_requests(qint64(1 + 30 * load));
            orders->set_p50_ms(4 + 6 * load);
            orders->set_p95_ms(9 + 20 * load);
            orders->set_p99_ms(15 + 45 * load + (at / minute % 97 == 0 ? 120 : 0));
            s->set_orders(qint64(30 * load));
            s->set_kitchen_acks(s->orders());
            s->set_kitchen_p50_ms(60 + 40 * load);
            s->set_kitchen_p95_ms(110 + 120 * load);
            s->set_kitchen_p99_ms(160 + 240 * load);
            s->set_tablets(load > 0.05 ? int(4 + 20 * load) : 2);
            s->set_kitchen_screens(2);
            s->set_cpu_percent(1.5 + 18 * load);
            s->set_rss_bytes(qint64((80 + 25 * load) * 1048576));
            s->set_disk_total_bytes(64'000'000'000);
            s->set_disk_free_bytes(41'000'000'000 - (at - end) / minute * 50'000);
            s->set_sync_backlog(qint64(3 * load));
            s->set_sync_lag_ms(qint64(150 + 400 * load));
        }
        const HttpResult sent = m_centralHttp.send("POST", u"/sync/v1/events"_s, QByteArray::fromStdString(request.SerializeAsString()),
                                                   storeKey, {{"Content-Type", "application/x-protobuf"}});
        QCOMPARE(sent.status, 200);
    }
}

void TestDashboardFleet::shoot(const QString &name)
{
    const QString dir = QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots"_s;
    QDir().mkpath(dir);
    QVERIFY2(m_browser.screenshot(dir + u'/' + name + u".png"_s), qPrintable(m_browser.errorString()));
}

QString TestDashboardFleet::why()
{
    return m_browser.errorString() + u"\npage: "_s
        + m_browser.evaluate(u"document.querySelector('#app').innerText"_s).toString().left(2000);
}

void TestDashboardFleet::fleetPageShowsTheStoreTile()
{
    m_browser.evaluate(u"document.querySelector('nav a[href=\"#/fleet\"]').click(); true"_s);
    const QString tile = u"document.querySelector('.tile[data-store=\"1\"]')"_s;
    QVERIFY2(m_browser.waitFor(tile + u" && "_s + tile + u".querySelector('.tile-name').textContent === '%1'"_s.arg(m_storeName)),
             qPrintable(why()));
    // The edge's own snapshots reach the tile: online, with its tablets and disk figures.
    QVERIFY2(m_browser.waitFor(tile + u".querySelector('.tile-sub').textContent.includes('온라인') && "_s + tile
                                   + u".querySelector('[data-figure=\"fleet.diskFree\"] dd').textContent.startsWith('—') === false"_s,
                               20'000),
             qPrintable(why()));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.tile[data-tone=\"offline\"] .tile-name').textContent"_s).toString(),
             u"홍대점"_s);
    // The store that never sent a snapshot: "no data" in words, no figure, never "0 ms".
    const QString offline = u"document.querySelector('.tile[data-tone=\"offline\"]')"_s;
    QCOMPARE(m_browser.evaluate(offline + u".querySelectorAll('[data-figure]').length"_s).toInt(), 0);
    QCOMPARE(m_browser.evaluate(offline + u".querySelector('.no-report').textContent"_s).toString(),
             u"— 데이터 없음: 매장 서버가 아직 상태를 보내지 않았습니다"_s);
    QVERIFY(!m_browser.evaluate(offline + u".innerText"_s).toString().contains(u"0 ms"_s));
}

void TestDashboardFleet::storeHealthPageDrawsChartsWithData()
{
    m_browser.evaluate(u"document.querySelector('.tile[data-store=\"1\"]').click(); true"_s);
    QVERIFY2(m_browser.waitFor(u"location.hash === '#/health/1' && document.querySelector('#chart-latency canvas')"_s), qPrintable(why()));
    const QString points = u"(id => Number(document.querySelector(`#chart-${id}`).dataset.points))"_s;
    // 24 hours (the default range): the seeded day, one point per minute and series.
    QVERIFY2(m_browser.waitFor(points + u"('latency') >= 3 * 1000 && "_s + points + u"('devices') >= 2 * 1000"_s), qPrintable(why()));
    QVERIFY(m_browser.evaluate(u"Chart.getChart(document.querySelector('#chart-latency canvas')).chartArea.width > 300"_s).toBool());
    for (const QString &chart : {u"kitchen"_s, u"orders"_s, u"cpu"_s, u"memory"_s, u"backlog"_s, u"lag"_s})
        QVERIFY2(m_browser.evaluate(points + u"('%1') > 0"_s.arg(chart)).toBool(), qPrintable(chart));
    // What the reader sees on the latency chart: round steps in ms, times of day in the
    // store's zone on the hour, each series in the legend with its latest value (not 0 ms).
    const QJsonObject latency = m_browser.evaluate(u"ChartKit.describe(document.querySelector('#chart-latency'))"_s).toObject();
    const QStringList y = [&] { QStringList out; for (const QJsonValue &v : latency.value(u"y"_s).toArray()) out << v.toString(); return out; }();
    QVERIFY2(y.size() >= 3 && y.first() == u"0 ms"_s, qPrintable(y.join(u", "_s)));
    const QRegularExpression roundMs(u"^(\\d+0 ms|[0-9.]+ s|0 ms)$"_s);
    for (const QString &tick : y)
        QVERIFY2(roundMs.match(tick).hasMatch(), qPrintable(y.join(u", "_s)));
    QSet<QString> distinct(y.begin(), y.end());
    QCOMPARE(distinct.size(), y.size());
    const QJsonArray x = latency.value(u"x"_s).toArray();
    QVERIFY2(x.size() >= 4, qPrintable(QJsonDocument(latency).toJson()));
    const QRegularExpression clock(u"^([01]\\d|2[0-3]):00$|^\\d{1,2}월 \\d{1,2}일$"_s);
    for (const QJsonValue &tick : x)
        QVERIFY2(clock.match(tick.toString()).hasMatch(), qPrintable(tick.toString()));
    const QJsonArray legend = latency.value(u"legend"_s).toArray();
    QCOMPARE(legend.size(), 3);
    const QRegularExpression latest(u"^p(50|95|99) ([1-9]\\d*|[1-9]\\.\\d) ms$"_s);
    for (const QJsonValue &l : legend)
        QVERIFY2(latest.match(l.toString()).hasMatch(), qPrintable(l.toString()));
    // Counts step by whole numbers, each label once (not "2, 2, 1, 1, 0").
    QVERIFY(m_browser.evaluate(uR"((d => d.y.length >= 2 && d.y.every((l, i) => l === String(i * Number(d.y[1]))))
                                   (ChartKit.describe(document.querySelector('#chart-orders'))))"_s).toBool());
    // Tooltips name the series and its value in the chart's unit, and the time on the
    // store's clock (Seoul: 00:30 UTC is 09:30 there).
    const QString tooltip = u"(c => c.options.plugins.tooltip.callbacks)(Chart.getChart(document.querySelector('#chart-latency canvas')))"_s;
    QCOMPARE(m_browser.evaluate(u"(cb => cb.label({dataset: {label: 'p95'}, parsed: {x: 0, y: 123.4}, "
                                "chart: Chart.getChart(document.querySelector('#chart-latency canvas'))}))("_s + tooltip + u")"_s).toString(),
             u"p95: 123 ms"_s);
    QVERIFY2(m_browser.evaluate(u"(cb => cb.title([{parsed: {x: Date.UTC(2026, 11, 7, 0, 30)}}]))("_s + tooltip + u")"_s)
                     .toString().endsWith(u"09:30"_s),
             qPrintable(m_browser.evaluate(u"(cb => cb.title([{parsed: {x: Date.UTC(2026, 11, 7, 0, 30)}}]))("_s + tooltip + u")"_s).toString()));
    // No data is a gap, never a zero: the kitchen's percentiles of minutes without an
    // acknowledged order (the seeded nights) are null, not 0 ms.
    QVERIFY(m_browser.evaluate(u"ChartKit.describe(document.querySelector('#chart-kitchen')).datasets"
                               ".every(d => d.values.every(v => v === null || v > 0))"_s).toBool());
    QVERIFY(m_browser.evaluate(u"ChartKit.describe(document.querySelector('#chart-kitchen')).datasets"
                               ".some(d => d.values.includes(null))"_s).toBool());
    shoot(u"dashboard-store-health"_s);
    // One hour: the edge's half-second snapshots of the last seconds are on it too.
    const int seededLastHour = m_browser.evaluate(points + u"('devices')"_s).toInt();
    m_browser.evaluate(u"document.querySelector('#health-range [data-range=\"1h\"]').click(); true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#health-range [data-range=\"1h\"]').className === '' && "_s
                                   + u"document.querySelector('#health-resolution').textContent === '1분 단위' && "_s
                                   + points + u"('devices') > 60"_s),
             qPrintable(why()));
    QVERIFY(seededLastHour > 0);
}

void TestDashboardFleet::unacknowledgedOrdersOpenAnAlertSeenLive()
{
    // The fleet page is open when the alert opens: the tile turns critical without a reload.
    m_browser.evaluate(u"location.hash = '#/fleet'; true"_s);
    const QString tile = u"document.querySelector('.tile[data-store=\"1\"]')"_s;
    QVERIFY2(m_browser.waitFor(tile + u" && "_s + tile + u".dataset.tone === 'critical'"_s, 20'000), qPrintable(why()));
    QVERIFY(m_browser.evaluate(tile + u".innerText"_s).toString().contains(u"1 건 알림"_s));
    // Worst first: the critical store, then the one whose edge never connected.
    QCOMPARE(m_browser.evaluate(u"[...document.querySelectorAll('.tile')].map(t => t.dataset.tone).join()"_s).toString(),
             u"critical,offline"_s);
    shoot(u"dashboard-fleet"_s);

    m_browser.evaluate(u"document.querySelector('nav a[href=\"#/alerts\"]').click(); true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.alert-row[data-state=\"open\"] button.ack')"_s), qPrintable(why()));
    const QString row = m_browser.evaluate(u"document.querySelector('.alert-row').innerText"_s).toString();
    QVERIFY2(row.contains(m_storeName) && row.contains(u"주방 미확인 주문"_s), qPrintable(row));
    // The message too is in Korean, from the alert's figures.
    QVERIFY2(QRegularExpression(u"어느 주방 화면도 확인하지 않은 주문 [1-3]건 \\(가장 오래된 것 [0-9.]+초\\)"_s).match(row).hasMatch(),
             qPrintable(row));
    shoot(u"dashboard-alerts"_s);
}

void TestDashboardFleet::acknowledgingMovesTheAlertToAcknowledged()
{
    const QString id = m_browser.evaluate(u"document.querySelector('.alert-row').dataset.alert"_s).toString();
    QVERIFY(!id.isEmpty());
    m_browser.evaluate(u"document.querySelector('.alert-row button.ack').click(); true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.alert-row[data-alert=\"%1\"]') === null"_s.arg(id)), qPrintable(why()));
    m_browser.evaluate(u"document.querySelector('#alert-filter [data-state=\"acknowledged\"]').click(); true"_s);
    const QString row = u"document.querySelector('.alert-row[data-alert=\"%1\"]')"_s.arg(id);
    QVERIFY2(m_browser.waitFor(row + u" && "_s + row + u".dataset.state === 'acknowledged' && !"_s + row + u".querySelector('button.ack')"_s),
             qPrintable(why()));
    QVERIFY(m_browser.evaluate(row + u".querySelector('.alert-state').innerText"_s).toString().contains(u"hq"_s));
}

void TestDashboardFleet::settingsFormSavesAThreshold()
{
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#settings-form [name=\"route_latency.p99_ms\"]')"_s), qPrintable(why()));
    m_browser.evaluate(uR"(document.querySelector('#settings-form [name="route_latency.p99_ms"]').value = '1500';
                           document.querySelector('#settings-save').click(); true)"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#settings-status').textContent === '저장했습니다'"_s), qPrintable(why()));
    const QJsonObject settings = m_centralHttp.get(u"/api/v1/alert-settings"_s, m_hqToken).json();
    QCOMPARE(settings.value(u"rules"_s)[u"route_latency"_s][u"p99_ms"_s].toDouble(), 1500.0);
    QCOMPARE(settings.value(u"rules"_s)[u"disk_free"_s][u"percent"_s].toDouble(), 10.0);
}

QTEST_GUILESS_MAIN(TestDashboardFleet)
#include "tst_dashboard_fleet.moc"
