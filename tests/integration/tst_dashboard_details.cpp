// The HQ dashboard's details as an HQ analyst reads them (issue 17), in headless Chromium
// against a real central and a real edge syncing to it, plus a second store whose history
// (last week's sales, a dish named like a spreadsheet formula) is uploaded through the sync
// API: the login page shows only the login; dates in the page's language; the active tab
// highlighted in both languages; "vs last week" filled in; order statuses in words with one
// colour each; the menu editor's column headers, won prices, Korean file pickers, a one-line
// rollback button and the preview of what a publish changes in which stores; CSV files Excel
// on a Korean PC opens as they are. Then every page at 1366x768 and 1920x1080 checked for
// cut-off text, overlapping controls and sideways scrolling, with a screenshot of each in
// docs/screenshots/.

#include "browser.h"
#include "centralprocess.h"
#include "edgeprocess.h"
#include "httpclient.h"
#include "sync.pb.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestDashboardDetails : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chartJsIsDebiansFile();
    void loginPageShowsOnlyTheLogin();
    void overviewDatesInTheReadersLanguageAndLastWeekFilledIn();
    void activeTabHighlightedInBothLanguages();
    void liveFeedStatusInWordsAndItsColour();
    void fleetTileSaysNoDataNotZero();
    void menuEditorHeadersPricesPickersAndRollback();
    void publishShowsWhatChangesWhereFirst();
    void csvDownloadsOpenInKoreanExcel();
    void everyPageAtBothSizes();

private:
    void placeOrder(int table, qint64 item, int quantity);
    void uploadSecondStore();
    void payTableOne();
    void go(const QString &hash, const QString &ready);
    void setLanguage(const QString &lang);
    qint64 edgePrice(qint64 itemId);
    int versionCount();
    QByteArray download(const QString &button, const QString &prefix);
    QString hqToken();
    QString why();

    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<EdgeProcess> m_edge;
    Browser m_browser;
    HttpClient m_edgeHttp;
    QTemporaryDir m_downloads;
    qint64 m_edgeTotal = 0;
    qint64 m_secondStore = 0;
    QString m_today;
    QString m_lastWeek;
    static constexpr qint64 LastWeekTotal = 50'000;
    static constexpr qint64 SecondStoreToday = 10'000;
};

static const QString formulaDish = u"=cmd|' /C calc'!A0"_s;

void TestDashboardDetails::initTestCase()
{
    if (Browser::executable().isEmpty())
        QSKIP("chromium is not installed (scripts/install-deps.sh installs it)");
    QVERIFY(m_downloads.isValid());
    m_central = std::make_unique<CentralProcess>(CentralProcess::Options{});
    VERIFY_CENTRAL_STARTED(*m_central);
    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, m_central->url(), u"--store-key"_s, m_central->demoStoreKey()};
    options.environment = {{u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s},
                           {u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s},
                           {u"TABLEORDER_HEALTH_INTERVAL_MS"_s, u"500"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    QTRY_VERIFY_WITH_TIMEOUT(m_edgeHttp.get(u"/metrics"_s).body.contains("tableorder_sync_central_menu_version 1"), 10'000);
    // The business day in Seoul (the demo's zone; the day ends at 04:00) and a week before.
    const QDate today = QDateTime::currentDateTimeUtc().addSecs((9 - 4) * 3600).date();
    m_today = today.toString(Qt::ISODate);
    m_lastWeek = today.addDays(-7).toString(Qt::ISODate);
    placeOrder(1, 1, 2);
    placeOrder(2, 2, 1);
    uploadSecondStore();
    payTableOne();
    QVERIFY2(m_browser.start(1366, 768), qPrintable(m_browser.errorString()));
    QVERIFY2(m_browser.allowDownloads(m_downloads.path()), qPrintable(m_browser.errorString()));
    QVERIFY(m_browser.navigate(m_central->url() + u"/"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#login')"_s));
}

QString TestDashboardDetails::why()
{
    return m_browser.errorString() + u"\nat: "_s
        + m_browser.evaluate(u"location.href + ' ' + [...document.querySelectorAll('.error, #menu-status, #bulk-status')]"
                             ".map(e => e.id + ': ' + e.textContent).join(' | ')"_s).toString()
        + u"\npage: "_s + m_browser.evaluate(u"document.body.innerText"_s).toString().left(2000);
}

QString TestDashboardDetails::hqToken()
{
    HttpClient hq(m_central->port());
    return hq.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
            .json().value(u"token"_s).toString();
}

void TestDashboardDetails::placeOrder(int table, qint64 item, int quantity)
{
    const HttpResult placed = m_edgeHttp.post(u"/api/v1/orders"_s,
                                              {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                               {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, item}, {u"quantity"_s, quantity}}}}},
                                              m_edgeHttp.tableLogin(table));
    QCOMPARE(placed.status, 201);
    m_edgeTotal += placed.json().value(u"total"_s).toInteger();
}

// 부산점: last week one order of ₩50,000; today one of ₩10,000 with a dish named like a
// formula beside a Korean one (the CSV test's rows).
void TestDashboardDetails::uploadSecondStore()
{
    HttpClient hq(m_central->port());
    const HttpResult store = hq.post(u"/api/v1/stores"_s, {{u"name"_s, u"부산점"_s}}, hqToken());
    VERIFY_STATUS(store, 201);
    tableorder::sync::v1::UploadRequest request;
    qint64 seq = 0;
    auto add = [&](const char *type, const QJsonObject &data, const QDateTime &at) {
        auto *e = request.add_events();
        e->set_event_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        e->set_seq(++seq);
        e->set_schema_version(1);
        e->set_type(type);
        e->set_at(at.toString(Qt::ISODateWithMs).toStdString());
        e->set_data_json(QJsonDocument(data).toJson(QJsonDocument::Compact).toStdString());
    };
    struct Line { qint64 item; QString name; qint64 price; int quantity; };
    // Each order cooked in 12 minutes, its lines done at the kitchen station.
    auto order = [&](qint64 id, const QString &date, const QDateTime &at, const QList<Line> &lines) {
        const QDateTime done = at.addSecs(12 * 60);
        QJsonArray items;
        qint64 total = 0;
        for (const Line &l : lines) {
            items.append(QJsonObject{{u"id"_s, id * 10 + items.size()}, {u"menu_item_id"_s, l.item}, {u"name"_s, l.name},
                                     {u"unit_price"_s, l.price}, {u"quantity"_s, l.quantity}, {u"line_total"_s, l.price * l.quantity}});
            total += l.price * l.quantity;
        }
        const QJsonObject o{{u"id"_s, id}, {u"number"_s, id}, {u"business_date"_s, date}, {u"table_id"_s, 1},
                            {u"table_number"_s, 1}, {u"session_id"_s, id}, {u"status"_s, u"completed"_s}, {u"total"_s, total},
                            {u"note"_s, u""_s}, {u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                            {u"created_at"_s, at.toString(Qt::ISODateWithMs)}, {u"updated_at"_s, done.toString(Qt::ISODateWithMs)},
                            {u"completed_at"_s, done.toString(Qt::ISODateWithMs)}, {u"items"_s, items}};
        add("order.created", o, at);
        QJsonArray doneLines, ids;
        for (const QJsonValue &item : items) {
            ids.append(item.toObject().value(u"id"_s));
            doneLines.append(QJsonObject{{u"id"_s, item.toObject().value(u"id"_s)}, {u"menu_item_id"_s, item.toObject().value(u"menu_item_id"_s)},
                                         {u"name"_s, item.toObject().value(u"name"_s)}, {u"station"_s, u"kitchen"_s}});
        }
        add("order.lines_done", {{u"order_id"_s, id}, {u"item_ids"_s, ids}, {u"station"_s, u"kitchen"_s},
                                 {u"done_at"_s, done.toString(Qt::ISODateWithMs)}, {u"business_date"_s, date},
                                 {u"order_created_at"_s, at.toString(Qt::ISODateWithMs)}, {u"lines"_s, doneLines}},
            done);
        add("order.updated", o, done);
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    order(1, m_lastWeek, now.addDays(-7), {{201, u"김치찌개"_s, 10'000, 5}});
    order(2, m_today, now.addSecs(-20 * 60), {{201, u"김치찌개"_s, 9'000, 1}, {202, formulaDish, 1'000, 1}});
    // One health report of a quiet minute: no request, no kitchen acknowledgement.
    auto *health = request.add_health();
    health->set_id(1);
    health->set_at(now.addSecs(-30).toString(Qt::ISODateWithMs).toStdString());
    health->set_window_s(60);
    health->set_tablets(3);
    health->set_kitchen_screens(1);
    health->set_cpu_percent(2.5);
    health->set_rss_bytes(90 * 1048576);
    health->set_disk_total_bytes(64'000'000'000);
    health->set_disk_free_bytes(40'000'000'000);
    health->set_sync_lag_ms(120);
    request.set_last_seq(seq);
    request.set_edge_version("test");
    VERIFY_STATUS(hq.send("POST", u"/sync/v1/events"_s, QByteArray::fromStdString(request.SerializeAsString()),
                          store.json().value(u"store_key"_s).toString(), {{"Content-Type", "application/x-protobuf"}}),
                  200);
    m_secondStore = store.json().value(u"id"_s).toInteger();
}

// At the edge: the manager takes table 1's bill by card (the money and audit pages' rows).
void TestDashboardDetails::payTableOne()
{
    const QString manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!manager.isEmpty());
    qint64 tableId = 0;
    for (const QJsonValue &t : m_edgeHttp.get(u"/api/v1/tables"_s, manager).json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == 1)
            tableId = t.toObject().value(u"id"_s).toInteger();
    }
    const qint64 due = m_edgeHttp.get(u"/api/v1/tables/%1/bill"_s.arg(tableId), manager).json().value(u"due"_s).toInteger();
    QVERIFY(due > 0);
    VERIFY_STATUS(m_edgeHttp.post(u"/api/v1/tables/%1/payments"_s.arg(tableId),
                                  {{u"client_payment_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                   {u"method"_s, u"card"_s}, {u"amount"_s, due}},
                                  manager),
                  201);
}

void TestDashboardDetails::go(const QString &hash, const QString &ready)
{
    // A marker in the page being left: the new page's render replaces it, so `ready` is
    // never read from the old page's elements.
    m_browser.evaluate(u"document.getElementById('app').insertAdjacentHTML('beforeend', '<i id=\"leaving\" hidden></i>'); "
                       "location.hash = '%1'; true"_s.arg(hash));
    QVERIFY2(m_browser.waitFor(u"location.hash === '%1' && !document.getElementById('leaving') && !state.rendering && (%2)"_s.arg(hash, ready), 15'000),
             qPrintable(why()));
}

void TestDashboardDetails::setLanguage(const QString &lang)
{
    if (m_browser.evaluate(u"LANG"_s).toString() != lang)
        m_browser.evaluate(u"document.querySelector('#lang').click(); true"_s);
    QVERIFY(m_browser.waitFor(u"LANG === '%1' && document.documentElement.lang === '%1'"_s.arg(lang)));
}

qint64 TestDashboardDetails::edgePrice(qint64 itemId)
{
    for (const QJsonValue &c : m_edgeHttp.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray()) {
        for (const QJsonValue &i : c.toObject().value(u"items"_s).toArray()) {
            if (i.toObject().value(u"id"_s).toInteger() == itemId)
                return i.toObject().value(u"price"_s).toInteger();
        }
    }
    return -1;
}

int TestDashboardDetails::versionCount()
{
    HttpClient hq(m_central->port());
    return int(hq.get(u"/api/v1/stores/1/menu/versions"_s, hqToken()).json().value(u"versions"_s).toArray().size());
}

void TestDashboardDetails::chartJsIsDebiansFile()
{
    // The page loads Chart.js from central, which serves the libjs-chart.js package's file
    // as it is, with the dashboard's headers; nothing from elsewhere.
    QFile debian(u"/usr/share/javascript/chart.js/chart.min.js"_s);
    if (!debian.open(QIODevice::ReadOnly))
        QSKIP("libjs-chart.js is not installed (scripts/install-deps.sh installs it)");
    HttpClient http(m_central->port());
    const HttpResult served = http.get(u"/dashboard/vendor/chart.js"_s);
    VERIFY_STATUS(served, 200);
    QCOMPARE(served.body, debian.readAll());
    QVERIFY(served.header("Content-Type").startsWith("application/javascript"));
    QVERIFY(served.header("Content-Security-Policy").contains("default-src 'self'"));
    QCOMPARE(http.get(u"/dashboard/charts.js"_s).status, 404); // the hand-made charts are gone
    QCOMPARE(m_browser.evaluate(u"[...document.scripts].map(s => new URL(s.src).origin === location.origin).every(Boolean) "
                                "&& typeof Chart === 'function' && Chart.version"_s).toString(),
             u"3.9.1"_s);

    // A central whose Chart.js is missing answers 404 for it, and the dashboard still works:
    // each chart's box says it cannot be drawn, the tables are there.
    CentralProcess::Options options;
    options.environment = {{u"TABLEORDER_CHARTJS"_s, m_downloads.filePath(u"missing.js"_s)}};
    CentralProcess bare(options);
    VERIFY_CENTRAL_STARTED(bare);
    QCOMPARE(HttpClient(bare.port()).get(u"/dashboard/vendor/chart.js"_s).status, 404);
    Browser browser;
    QVERIFY2(browser.start(1366, 768), qPrintable(browser.errorString()));
    QVERIFY(browser.navigate(bare.url() + u"/#/reports"_s));
    QVERIFY(browser.waitFor(u"document.querySelector('#login')"_s));
    browser.evaluate(uR"(localStorage.setItem('tableorder.lang', 'ko'); LANG = 'ko';
                         document.querySelector('[name=username]').value = 'hq';
                         document.querySelector('[name=password]').value = 'hq';
                         document.querySelector('#login button').click(); true)"_s);
    QVERIFY(browser.waitFor(u"document.querySelector('#kpis') && !state.rendering"_s));
    browser.evaluate(u"location.hash = '#/reports'; true"_s);
    QVERIFY2(browser.waitFor(u"!state.rendering && document.querySelector('#report-chart .chart-empty') && document.querySelector('#report-table tr')"_s),
             qPrintable(browser.errorString()));
    QCOMPARE(browser.evaluate(u"document.querySelector('#report-chart .chart-empty').textContent"_s).toString(),
             u"차트를 그릴 수 없습니다 (Chart.js 없음)"_s);
}

void TestDashboardDetails::loginPageShowsOnlyTheLogin()
{
    // Before signing in: the form, and no header, tabs or logout button on screen.
    const QString visible = u"(s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; })"_s;
    QVERIFY(m_browser.evaluate(visible + u"('#login')"_s).toBool());
    for (const QString &hidden : {u"#logout"_s, u"#top"_s, u"nav"_s})
        QVERIFY2(!m_browser.evaluate(visible + u"('%1')"_s.arg(hidden)).toBool(), qPrintable(hidden));
    QDir().mkpath(QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots"_s);
    QVERIFY(m_browser.screenshot(QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots/dashboard-login-1366.png"_s));
    m_browser.evaluate(uR"(localStorage.setItem('tableorder.lang', 'ko'); LANG = 'ko';
                           document.querySelector('[name=username]').value = 'hq';
                           document.querySelector('[name=password]').value = 'hq';
                           document.querySelector('#login button').click(); true)"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#kpis') && !state.rendering"_s), qPrintable(why()));
    QVERIFY(m_browser.evaluate(visible + u"('#logout')"_s).toBool());
}

void TestDashboardDetails::overviewDatesInTheReadersLanguageAndLastWeekFilledIn()
{
    // Today's orders reach HQ through sync: the two at the edge and 부산점's.
    bool seen = false;
    for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
        m_browser.evaluate(u"location.hash = '#/overview?' + Date.now(); true"_s);
        seen = m_browser.waitFor(u"(document.querySelector('#kpi-orders .value') || {}).textContent === '3'"_s, 1500);
    }
    QVERIFY2(seen, qPrintable(why()));
    // Sales against the same weekday last week, to the percent; orders likewise (3 vs 1).
    const qint64 today = m_edgeTotal + SecondStoreToday;
    const int pct = int(std::lround(double(today - LastWeekTotal) / double(LastWeekTotal) * 100));
    const QString arrow = pct >= 0 ? u"▲"_s : u"▼"_s;
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#kpi-sales .delta').textContent"_s).toString(),
             u"%1 %2% 지난주 같은 요일 대비"_s.arg(arrow).arg(std::abs(pct)));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#kpi-orders .delta').textContent"_s).toString(),
             u"▲ 200% 지난주 같은 요일 대비"_s);
    // Prep time: only 부산점's orders were cooked, in 12 minutes, this week and last.
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#kpi-prep .value').textContent"_s).toString(), u"12분"_s);
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#kpi-prep .delta').textContent"_s).toString(), u"지난주 같은 요일 대비: 12분"_s);

    // The last sync in Korean ("2026. 12. 7. 오후 5:12"), though this Chromium is English.
    const QString lastSync = u"document.querySelector('.store-row[data-store=\"1\"] td:last-child').textContent"_s;
    const QString ko = m_browser.evaluate(lastSync).toString();
    QVERIFY2(QRegularExpression(u"^\\d{4}\\. \\d{1,2}\\. \\d{1,2}\\. (오전|오후) \\d{1,2}:\\d{2}$"_s).match(ko).hasMatch(), qPrintable(ko));
    setLanguage(u"en"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#kpi-sales .delta') && document.querySelector('#kpi-sales .delta').textContent.includes('vs same weekday')"_s));
    const QString en = m_browser.evaluate(lastSync).toString();
    QVERIFY2(QRegularExpression(u"^[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}[\\s\\x{202F}](AM|PM)$"_s).match(en).hasMatch(), qPrintable(en));
    setLanguage(u"ko"_s);

    // Business dates on the reports page read as Korean dates too (2026. 12. 7. (월)).
    go(u"#/reports"_s, u"document.querySelector('.day-row .date')"_s);
    const QString day = m_browser.evaluate(u"document.querySelector('.day-row .date').textContent"_s).toString();
    QVERIFY2(QRegularExpression(u"^\\d{4}년 \\d{1,2}월 \\d{1,2}일 \\([월화수목금토일]\\)$|^\\d{4}\\. \\d{1,2}\\. \\d{1,2}\\. \\([월화수목금토일]\\)$"_s)
                     .match(day).hasMatch(),
             qPrintable(day));
}

void TestDashboardDetails::activeTabHighlightedInBothLanguages()
{
    const QList<std::pair<QString, QString>> pages{{u"#/overview"_s, u"#/overview"_s}, {u"#/store/1"_s, u"#/overview"_s},
                                                   {u"#/reports"_s, u"#/reports"_s}, {u"#/kitchen"_s, u"#/kitchen"_s},
                                                   {u"#/menus/1"_s, u"#/menus"_s}, {u"#/fleet"_s, u"#/fleet"_s},
                                                   {u"#/health/1"_s, u"#/fleet"_s}, {u"#/alerts"_s, u"#/alerts"_s},
                                                   {u"#/audit"_s, u"#/audit"_s}};
    for (const QString &lang : {u"ko"_s, u"en"_s}) {
        setLanguage(lang);
        for (const auto &[hash, tab] : pages) {
            // The tab turns on as the page is drawn: wait for the page's own tab (or time out).
            go(hash, u"document.querySelectorAll('nav a.active').length === 1 && "
                     "document.querySelector('nav a.active').getAttribute('href') === '%1'"_s.arg(tab));
            const QJsonObject seen = m_browser.evaluate(uR"((() => {
                const active = document.querySelector('nav a.active');
                const other = document.querySelector('nav a:not(.active)');
                const look = e => { const s = getComputedStyle(e); return s.backgroundColor + '|' + s.color + '|' + s.boxShadow; };
                return { href: active.getAttribute('href'), current: active.getAttribute('aria-current'),
                         differs: look(active) !== look(other), text: active.textContent };
            })())"_s).toObject();
            QCOMPARE(seen.value(u"href"_s).toString(), tab);
            QCOMPARE(seen.value(u"current"_s).toString(), u"page"_s);
            QVERIFY2(seen.value(u"differs"_s).toBool(), qPrintable(hash + u' ' + lang));
        }
    }
    setLanguage(u"ko"_s);
}

void TestDashboardDetails::liveFeedStatusInWordsAndItsColour()
{
    go(u"#/live"_s, u"state.feed && state.feed.readyState === 1"_s);
    placeOrder(5, 3, 1);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.feed-item .badge')"_s, 10'000), qPrintable(why()));
    const QJsonObject badge = m_browser.evaluate(uR"((() => { const b = document.querySelector('.feed-item .badge');
        return { text: b.textContent, status: b.dataset.status, color: getComputedStyle(b).color, cls: b.className }; })())"_s).toObject();
    QCOMPARE(badge.value(u"status"_s).toString(), u"pending"_s);
    QCOMPARE(badge.value(u"text"_s).toString(), u"접수 대기"_s);
    // Waiting is amber, never the green of "done" (rgb(43, 138, 62)).
    QVERIFY2(badge.value(u"cls"_s).toString().contains(u"warn"_s), qPrintable(badge.value(u"cls"_s).toString()));
    QVERIFY(badge.value(u"color"_s).toString() != u"rgb(43, 138, 62)"_s);
    QVERIFY(m_browser.evaluate(u"document.querySelector('.feed-item').textContent.includes('테이블 5')"_s).toBool());
}

void TestDashboardDetails::fleetTileSaysNoDataNotZero()
{
    // 부산점's newest report is a quiet minute: no request, no kitchen acknowledgement. Its
    // percentiles are "no data", not "0 ms"; what was measured shows.
    const QString tile = u"document.querySelector('.tile[data-store=\"%1\"]')"_s.arg(m_secondStore);
    go(u"#/fleet"_s, tile);
    const QString figure = tile + u".querySelector('[data-figure=\"%1\"] dd').textContent"_s;
    QCOMPARE(m_browser.evaluate(figure.arg(u"fleet.p99"_s)).toString(), u"— 데이터 없음"_s);
    QCOMPARE(m_browser.evaluate(figure.arg(u"fleet.kitchenP95"_s)).toString(), u"— 데이터 없음"_s);
    QCOMPARE(m_browser.evaluate(figure.arg(u"fleet.devices"_s)).toString(), u"3 / 1"_s);
    QCOMPARE(m_browser.evaluate(figure.arg(u"fleet.syncLag"_s)).toString(), u"120 ms"_s);
    QVERIFY(!m_browser.evaluate(u"/(^|\\s)0 ms/.test("_s + tile + u".innerText)"_s).toBool());
}

void TestDashboardDetails::menuEditorHeadersPricesPickersAndRollback()
{
    go(u"#/menus/1"_s, u"document.querySelector('[name=price-1]')"_s);
    // Each category's table has its column headers.
    QCOMPARE(m_browser.evaluate(u"[...document.querySelector('.menu-cat thead').querySelectorAll('th')].map(th => th.textContent).filter(Boolean).join(',')"_s)
                     .toString(),
             u"사진,메뉴명,설명,가격"_s);
    // Prices as won with separators: ₩ before "9,000", not 9000.
    QCOMPARE(m_browser.evaluate(u"document.querySelector('[name=price-1]').value"_s).toString(), u"9,000"_s);
    QCOMPARE(m_browser.evaluate(u"document.querySelector('[name=price-1]').closest('.price-field').textContent.trim()"_s).toString(), u"₩"_s);
    // No browser file control on screen ("Choose File" in the browser's language): our own
    // Korean label, whole, in its place.
    const QJsonObject pickers = m_browser.evaluate(uR"((() => {
        const inputs = [...document.querySelectorAll('#app input[type=file]')];
        const labels = inputs.map(i => i.closest('label'));
        return { inputs: inputs.length, shown: inputs.filter(i => i.getClientRects().length).length,
                 texts: [...new Set(labels.map(l => l && l.textContent.trim()))].join('|'),
                 clipped: labels.filter(l => l && l.scrollWidth > l.clientWidth + 1).length };
    })())"_s).toObject();
    QVERIFY(pickers.value(u"inputs"_s).toInt() > 3);
    QCOMPARE(pickers.value(u"shown"_s).toInt(), 0);
    QCOMPARE(pickers.value(u"texts"_s).toString(), u"사진 선택"_s);
    QCOMPARE(pickers.value(u"clipped"_s).toInt(), 0);
    // "이 버전으로 되돌리기" on one line, inside its card. (Publish twice so there is an
    // older version to roll back to.)
    HttpClient hq(m_central->port());
    VERIFY_STATUS(hq.post(u"/api/v1/stores/1/menu/publish"_s, {{u"note"_s, u"두 번째"_s}}, hqToken()), 201);
    go(u"#/menus/1?"_s + QString::number(QDateTime::currentMSecsSinceEpoch()), u"document.querySelector('button.rollback')"_s);
    const QJsonObject rollback = m_browser.evaluate(uR"((() => {
        const b = document.querySelector('button.rollback');
        const line = parseFloat(getComputedStyle(b).lineHeight) || 20;
        const card = b.closest('.card').getBoundingClientRect(), r = b.getBoundingClientRect();
        return { text: b.textContent, lines: Math.round((b.clientHeight - parseFloat(getComputedStyle(b).paddingTop)
                                                         - parseFloat(getComputedStyle(b).paddingBottom)) / line),
                 inside: r.right <= card.right + 0.5 && r.left >= card.left };
    })())"_s).toObject();
    QCOMPARE(rollback.value(u"text"_s).toString(), u"이 버전으로 되돌리기"_s);
    QCOMPARE(rollback.value(u"lines"_s).toInt(), 1);
    QVERIFY(rollback.value(u"inside"_s).toBool());
}

void TestDashboardDetails::publishShowsWhatChangesWhereFirst()
{
    go(u"#/menus/1"_s, u"document.querySelector('[name=price-1]')"_s);
    const int versions = versionCount();
    QCOMPARE(edgePrice(1), 9000);
    m_browser.evaluate(uR"(document.querySelector('[name=price-1]').value = '9900';
                           document.querySelector('#menu-save').click(); true)"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#publish-preview')"_s), qPrintable(why()));
    const QString preview = m_browser.evaluate(u"document.querySelector('#publish-preview').innerText"_s).toString();
    QVERIFY2(preview.contains(u"한식당 데모점"_s) && preview.contains(u"김치찌개: 가격 ₩9,000 → ₩9,900"_s) && preview.contains(u"즉시"_s),
             qPrintable(preview));
    // Nothing is published until the preview's button is pressed; cancel leaves it so.
    QCOMPARE(versionCount(), versions);
    m_browser.evaluate(u"document.querySelector('#publish-cancel').click(); true"_s);
    QVERIFY(m_browser.waitFor(u"!document.querySelector('#publish-preview')"_s));
    QCOMPARE(versionCount(), versions);
    m_browser.evaluate(u"document.querySelector('#menu-save').click(); true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#publish-confirm')"_s));
    m_browser.evaluate(u"document.querySelector('#publish-confirm').click(); true"_s);
    QTRY_COMPARE_WITH_TIMEOUT(edgePrice(1), 9900, 10'000);
    QCOMPARE(versionCount(), versions + 1);
    // The new version's note is what the preview listed.
    HttpClient hq(m_central->port());
    const QJsonArray list = hq.get(u"/api/v1/stores/1/menu/versions"_s, hqToken()).json().value(u"versions"_s).toArray();
    QStringList notes;
    for (const QJsonValue &v : list)
        notes << v.toObject().value(u"note"_s).toString();
    QVERIFY2(notes.contains(u"김치찌개: 가격 ₩9,000 → ₩9,900"_s), qPrintable(notes.join(u" | "_s)));

    // Many stores at once: the preview names every store the item goes to.
    go(u"#/menus/1?"_s + QString::number(QDateTime::currentMSecsSinceEpoch()), u"document.querySelector('#bulk')"_s);
    m_browser.evaluate(uR"((() => { const f = document.querySelector('#bulk');
        f.querySelector('[name=category]').value = '음료'; f.querySelector('[name=name]').value = '식혜';
        f.querySelector('[name=price]').value = '3000'; f.querySelector('button[type=submit]').click(); return true; })())"_s);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#bulk-preview')"_s), qPrintable(why()));
    const QString bulk = m_browser.evaluate(u"document.querySelector('#bulk-preview').innerText"_s).toString();
    QVERIFY2(bulk.contains(u"한식당 데모점, 부산점"_s) && bulk.contains(u"메뉴 추가: 식혜 ₩3,000 (분류 음료)"_s), qPrintable(bulk));
    m_browser.evaluate(u"document.querySelector('#bulk-preview .row').scrollIntoView({block: 'center'}); true"_s);
    QVERIFY(m_browser.screenshot(QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots/dashboard-menu-publish-preview.png"_s));
    m_browser.evaluate(u"document.querySelector('#bulk-cancel').click(); true"_s);
    QCOMPARE(versionCount(), versions + 1);
}

QByteArray TestDashboardDetails::download(const QString &button, const QString &prefix)
{
    QDir dir(m_downloads.path());
    for (const QString &old : dir.entryList({prefix + u"*"_s}, QDir::Files))
        dir.remove(old);
    m_browser.evaluate(u"document.querySelector('%1').click(); true"_s.arg(button));
    const QStringList pattern{prefix + u"*.csv"_s};
    const auto saved = [&] { return dir.entryList(pattern, QDir::Files).value(0); };
    // Chromium may reserve the name with an empty file while it writes NAME.crdownload, and
    // renames that over it when done: wait for the finished file, not for the name.
    const auto finished = [&] {
        const QString name = saved();
        return !name.isEmpty() && QFileInfo(dir.filePath(name)).size() > 0
            && dir.entryList({prefix + u"*.crdownload"_s}, QDir::Files | QDir::Hidden).isEmpty();
    };
    if (!QTest::qWaitFor(finished, 20'000))
        return {}; // the callers' checks of the bytes fail, naming the file
    const QString name = saved();
    QFile file(dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestDashboardDetails::csvDownloadsOpenInKoreanExcel()
{
    // Today's sales by dish, every store: the downloaded file as Excel reads it.
    go(u"#/reports/"_s + QString::number(QDateTime::currentMSecsSinceEpoch()), u"document.querySelector('#report-table tr')"_s);
    m_browser.evaluate(uR"((() => { const f = document.querySelector('#report');
        f.querySelector('[name=from]').value = '%1'; f.querySelector('[name=to]').value = '%1';
        f.querySelector('[name=group_by]').value = 'item'; f.querySelector('button[type=submit]').click(); return true; })())"_s
                               .arg(m_today));
    QVERIFY2(m_browser.waitFor(u"document.querySelector('#report-table').textContent.includes('=cmd')"_s), qPrintable(why()));
    const QByteArray bytes = download(u"#csv"_s, u"sales-item-"_s);
    QVERIFY2(bytes.startsWith("\xEF\xBB\xBF"), bytes.left(16).toHex().constData()); // UTF-8 BOM
    QVERIFY(bytes.endsWith("\r\n"));
    QCOMPARE(bytes.count("\n"), bytes.count("\r\n")); // every line ends CRLF
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList lines = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QVERIFY2(lines.value(0).startsWith(uR"("항목","주문 수")"_s), qPrintable(lines.value(0)));
    // The formula is text to Excel (a leading apostrophe), the Korean name intact.
    // (Kept out of the macro: moc reads the quote marks of a raw string in a macro argument
    // as character literals.)
    const QString formulaLine = uR"("'=cmd|' /C calc'!A0","1","1","1000")"_s;
    QVERIFY2(lines.contains(formulaLine), qPrintable(text));
    QVERIFY2(std::any_of(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(u"\"김치찌개\","_s); }),
             qPrintable(text));
    QVERIFY(bytes.contains("\xEA\xB9\x80\xEC\xB9\x98\xEC\xB0\x8C\xEA\xB0\x9C")); // 김치찌개 in UTF-8

    // The other report tables download the same way.
    QVERIFY(m_browser.waitFor(u"document.querySelector('.day-row')"_s));
    const QByteArray money = download(u"#days-csv"_s, u"money-"_s);
    QVERIFY(money.startsWith("\xEF\xBB\xBF\"매장\",\"영업일\""));
    QVERIFY(money.contains("\"부산점\""));
    go(u"#/kitchen"_s, u"document.querySelector('#kitchen-items tr')"_s);
    QVERIFY(download(u"#kitchen-csv"_s, u"kitchen-items-"_s).startsWith("\xEF\xBB\xBF\"매장\",\"영업일\",\"메뉴\""));
    // The audit log's times as Excel reads a date and time ("2026-12-07 17:12:00"), not ISO text.
    go(u"#/audit"_s, u"document.querySelector('.audit-row[data-type=\"payment.recorded\"]')"_s);
    const QByteArray audit = download(u"#audit-csv"_s, u"audit"_s);
    QVERIFY(audit.startsWith("\xEF\xBB\xBF\"시각\",\"매장\""));
    const QString firstRow = QString::fromUtf8(audit).split(u"\r\n"_s).value(1);
    QVERIFY2(QRegularExpression(u"^\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\",\"[^\"]+\","_s).match(firstRow).hasMatch(),
             qPrintable(firstRow));
}

void TestDashboardDetails::everyPageAtBothSizes()
{
    // What an analyst would call broken, measured on the page: text cut off in its box,
    // controls on top of each other, the page scrolling sideways, words a program left.
    const QString lint = uR"((() => {
        const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '[' + (e.textContent || e.value || '').trim().slice(0, 30) + ']';
        const out = [];
        document.querySelectorAll('button, .button, th, .badge, nav a, dt, .kpi .value, .tile-name, h1, h2').forEach(e => {
            if (shown(e) && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') out.push('cut off: ' + name(e));
            if (shown(e) && e.matches('button, .button, nav a, .badge') && e.scrollWidth > e.clientWidth + 1) out.push('cut off: ' + name(e));
        });
        const controls = [...document.querySelectorAll('button, .button, select, input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea')]
            .filter(shown).map(e => [e, e.getBoundingClientRect()]);
        for (let i = 0; i < controls.length; i++)
            for (let j = i + 1; j < controls.length; j++) {
                const [a, r] = controls[i], [b, q] = controls[j];
                if (a.contains(b) || b.contains(a)) continue;
                const w = Math.min(r.right, q.right) - Math.max(r.left, q.left), h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
                if (w > 2 && h > 2) out.push('overlap: ' + name(a) + ' / ' + name(b));
            }
        if (document.documentElement.scrollWidth > innerWidth + 1) out.push('scrolls sideways: ' + document.documentElement.scrollWidth);
        const text = document.body.innerText;
        for (const bad of ['NaN', 'undefined', 'Invalid Date', '[object'])
            if (text.includes(bad)) out.push('text: ' + bad);
        return out.slice(0, 20);
    })())"_s;
    struct Page { QString hash; QString name; QString ready; };
    const QList<Page> pages{
        {u"#/overview"_s, u"overview"_s, u"document.querySelector('.store-row')"_s},
        {u"#/store/1"_s, u"store"_s, u"document.querySelector('#prep[data-state]')"_s},
        {u"#/reports"_s, u"reports"_s, u"document.querySelector('#report-chart[data-state]') && document.querySelector('.day-row')"_s},
        {u"#/kitchen"_s, u"kitchen-times"_s, u"document.querySelector('#kitchen-chart[data-state]')"_s},
        {u"#/menus/1"_s, u"menus"_s, u"document.querySelector('.menu-cat thead')"_s},
        {u"#/live"_s, u"live"_s, u"document.querySelector('#feed')"_s},
        {u"#/fleet"_s, u"fleet"_s, u"document.querySelector('.tile')"_s},
        {u"#/health/1"_s, u"store-health"_s, u"document.querySelector('#chart-lag[data-state]')"_s},
        {u"#/alerts"_s, u"alerts"_s, u"document.querySelector('#alert-list table') && document.querySelector('#settings-form')"_s},
        {u"#/audit"_s, u"audit"_s, u"document.querySelector('#audit-table tr')"_s},
    };
    const QString dir = QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots"_s;
    QStringList problems;
    for (const auto &[width, height] : {std::pair{1366, 768}, std::pair{1920, 1080}}) {
        QVERIFY2(m_browser.resize(width, height), qPrintable(m_browser.errorString()));
        for (const QString &lang : {u"ko"_s, u"en"_s}) {
            setLanguage(lang);
            for (const Page &page : pages) {
                // Through another page, so each is drawn at this size and in this language.
                m_browser.evaluate(u"location.hash = '#/blank'; true"_s);
                go(page.hash, page.ready);
                if (page.name == u"store-health"_s) { // a fresh store: its last hour, not a day
                    m_browser.evaluate(u"document.querySelector('#health-range [data-range=\"1h\"]').click(); true"_s);
                    QVERIFY2(m_browser.waitFor(u"(c => !!c && c.scales.x.max - c.scales.x.min <= 3600000)"
                                               "(Chart.getChart(document.querySelector('#chart-lag canvas')))"_s), qPrintable(why()));
                }
                if (page.name == u"live"_s) { // the feed shows what arrives while it is open
                    QVERIFY(m_browser.waitFor(u"state.feed && state.feed.readyState === 1"_s));
                    placeOrder(9, 4, 1);
                    QVERIFY2(m_browser.waitFor(u"document.querySelector('.feed-item')"_s), qPrintable(why()));
                }
                m_browser.evaluate(u"window.scrollTo(0, 0); true"_s);
                for (const QJsonValue &p : m_browser.evaluate(lint).toArray())
                    problems << u"%1 %2x%3 %4: %5"_s.arg(page.name).arg(width).arg(height).arg(lang, p.toString());
                if (lang == u"ko"_s || page.name == u"overview"_s)
                    QVERIFY(m_browser.screenshot(dir + u"/dashboard-%1%2-%3.png"_s.arg(page.name, lang == u"en"_s ? u"-en"_s : QString()).arg(width)));
            }
        }
    }
    setLanguage(u"ko"_s);
    // Signed out at 1920x1080: the login alone again.
    m_browser.evaluate(u"document.querySelector('#logout').click(); true"_s);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#login') && document.querySelector('#logout').getClientRects().length === 0"_s));
    QVERIFY(m_browser.screenshot(dir + u"/dashboard-login-1920.png"_s));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestDashboardDetails)
#include "tst_dashboard_details.moc"
