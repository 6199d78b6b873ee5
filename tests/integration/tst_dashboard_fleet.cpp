// The HQ dashboard's fleet observability pages in headless Chromium, against a real central
// and a real edge linked to it that sends a health snapshot every half second: the store's
// tile on the fleet page, its health charts drawn from those snapshots, an alert opened by a
// threshold the admin sets in the alert settings form, seen live on the fleet page, and
// acknowledged from the alerts list. Saves dashboard-fleet, -store-health and -alerts.png.

#include "browser.h"
#include "centralprocess.h"
#include "edgeprocess.h"
#include "httpclient.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestDashboardFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fleetPageShowsTheStoreTile();
    void storeHealthPageDrawsChartsWithData();
    void alertOpensFromTheSettingsFormAndShowsLive();
    void acknowledgingMovesTheAlertToAcknowledged();

private:
    void shoot(const QString &name);
    QString why();

    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    Browser m_browser;
    HttpClient m_centralHttp;
    QString m_storeName;
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
    const QString hq = m_centralHttp.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                           .json().value(u"token"_s).toString();
    QVERIFY(!hq.isEmpty());
    m_storeName = m_centralHttp.get(u"/api/v1/stores/1"_s, hq).json().value(u"name"_s).toString();
    QVERIFY(!m_storeName.isEmpty());
    // A store that was registered but whose edge never connected: the offline tile.
    QCOMPARE(m_centralHttp.post(u"/api/v1/stores"_s, {{u"name"_s, u"홍대점"_s}}, hq).status, 201);

    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    options.environment = {{u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s},
                           {u"TABLEORDER_HEALTH_INTERVAL_MS"_s, u"500"_s}};
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
    QVERIFY(m_browser.waitFor(u"document.querySelector('#kpis')"_s));
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
    // The edge's snapshots reach the tile: online, healthy, two kitchen screens or tablets
    // counted, a disk figure (the page refreshes itself, no reload here).
    QVERIFY2(m_browser.waitFor(tile + u".dataset.tone === 'healthy' && "_s + tile
                                   + u".querySelector('[data-figure=\"fleet.diskFree\"] dd').textContent !== '—'"_s,
                               20'000),
             qPrintable(why()));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.tile[data-tone=\"offline\"] .tile-name').textContent"_s).toString(),
             u"홍대점"_s);
    // Worst first: the store whose edge never connected comes before the healthy one.
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.tile').dataset.tone"_s).toString(), u"offline"_s);
}

void TestDashboardFleet::storeHealthPageDrawsChartsWithData()
{
    m_browser.evaluate(u"document.querySelector('.tile[data-store=\"1\"]').click(); true"_s);
    QVERIFY2(m_browser.waitFor(u"location.hash === '#/health/1' && document.querySelector('#chart-latency svg')"_s), qPrintable(why()));
    // Every half second a snapshot: within seconds the 1-hour charts have lines of several points.
    m_browser.evaluate(u"document.querySelector('#health-range [data-range=\"1h\"]').click(); true"_s);
    const QString points = u"(id => [...document.querySelectorAll(`#chart-${id} path.series`)].reduce((n, p) => n + Number(p.dataset.points), 0))"_s;
    bool drawn = false;
    for (int attempt = 0; attempt < 30 && !drawn; ++attempt) {
        drawn = m_browser.waitFor(points + u"('latency') >= 6 && "_s + points + u"('devices') >= 4 && "_s + points
                                      + u"('cpu') >= 4 && "_s + points + u"('memory') >= 2 && "_s + points + u"('lag') >= 2"_s,
                                  1000);
        if (!drawn) // the page redraws every 15 s; a range click redraws now
            m_browser.evaluate(u"document.querySelector('#health-range [data-range=\"1h\"]').click(); true"_s);
    }
    QVERIFY2(drawn, qPrintable(why()));
    // The drawn paths span the chart, not a point each.
    QVERIFY(m_browser.evaluate(u"document.querySelector('#chart-latency path.series').getBBox().width > 1"_s).toBool());
    QVERIFY(m_browser.evaluate(u"document.querySelector('#health-range [data-range=\"1h\"]').className === ''"_s).toBool());
    shoot(u"dashboard-store-health"_s);
}

void TestDashboardFleet::alertOpensFromTheSettingsFormAndShowsLive()
{
    m_browser.evaluate(u"location.hash = '#/alerts'; true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#settings-form [name=\"disk_free.percent\"]')"_s), qPrintable(why()));
    QVERIFY(m_browser.waitFor(u"document.querySelector('.alert-row') === null"_s));
    // Free disk under 100 %: always true, so the disk rule opens a critical alert.
    m_browser.evaluate(uR"(document.querySelector('#settings-form [name="disk_free.percent"]').value = '100';
                           document.querySelector('#settings-save').click(); true)"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#settings-status').textContent === '저장했습니다'"_s), qPrintable(why()));
    // The open list refreshes itself on the feed's alert.opened.
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.alert-row[data-state=\"open\"] button.ack')"_s, 15'000), qPrintable(why()));
    QVERIFY(m_browser.evaluate(u"document.querySelector('.alert-row').innerText"_s).toString().contains(m_storeName));
    shoot(u"dashboard-alerts"_s);

    m_browser.evaluate(u"location.hash = '#/fleet'; true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.tile[data-store=\"1\"][data-tone=\"critical\"]')"_s), qPrintable(why()));
    QVERIFY(m_browser.evaluate(u"document.querySelector('.tile[data-store=\"1\"]').innerText"_s).toString().contains(u"1 건 알림"_s));
    shoot(u"dashboard-fleet"_s);
}

void TestDashboardFleet::acknowledgingMovesTheAlertToAcknowledged()
{
    m_browser.evaluate(u"location.hash = '#/alerts/open'; true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.alert-row[data-state=\"open\"] button.ack')"_s), qPrintable(why()));
    const QString id = m_browser.evaluate(u"document.querySelector('.alert-row').dataset.alert"_s).toString();
    m_browser.evaluate(u"document.querySelector('.alert-row button.ack').click(); true"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.alert-row[data-alert=\"%1\"]') === null"_s.arg(id)), qPrintable(why()));
    m_browser.evaluate(u"document.querySelector('#alert-filter [data-state=\"acknowledged\"]').click(); true"_s);
    const QString row = u"document.querySelector('.alert-row[data-alert=\"%1\"]')"_s.arg(id);
    QVERIFY2(m_browser.waitFor(row + u" && "_s + row + u".dataset.state === 'acknowledged' && !"_s + row + u".querySelector('button.ack')"_s),
             qPrintable(why()));
    QVERIFY(m_browser.evaluate(row + u".querySelector('.alert-state').innerText"_s).toString().contains(u"hq"_s));
}

QTEST_GUILESS_MAIN(TestDashboardFleet)
#include "tst_dashboard_fleet.moc"
