#include "synckit.h"
#include "smalldisk.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;
namespace pb = tableorder::sync::v1;

/// Central against an HQ viewer, an internet attacker and a leaked store key (issue 11): the
/// scrape token on /metrics, webhook URLs kept from viewers and off internal addresses, money
/// checked at ingest (dead letter + alert, reports unchanged), no token in any URL (single-use
/// stream tickets). Runs on SQLite and PostgreSQL.
class TestCentralHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void metricsNeedTheScrapeToken();
    void metricsAreOffWithoutAToken();
    void viewerGetsNoWebhookUrl();
    void internalWebhookTargetsAreRefused_data();
    void internalWebhookTargetsAreRefused();
    void badMoneyIsDeadLettered_data();
    void badMoneyIsDeadLettered();
    void streamOpensWithASingleUseTicket();
    void tokenInTheQueryIsRefused();
    void webConventions();
    void fullDiskRefusesUploadsAndRecovers();
    void lockedDatabaseAnswers503_data();
    void lockedDatabaseAnswers503();
    void cleanup();

private:
    QString viewerToken();

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central; // allows loopback webhooks, scrape token set
    std::unique_ptr<CentralProcess> m_strict;  // the defaults: no private webhooks, /metrics off
    HttpClient m_http;
    HttpClient m_strictHttp;
    QString m_hq;
    QString m_strictHq;
    QString m_viewer;
};

void TestCentralHardening::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    qInfo("central on %s", qPrintable(backendName()));
    CentralProcess::Options options = m_db.centralOptions();
    options.allowPrivateWebhooks = true;
    options.environment = {{u"TABLEORDER_ALERTS_EVALUATE_MS"_s, u"200"_s}};
    m_central = std::make_unique<CentralProcess>(options);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    m_hq = Hq::login(m_http, u"hq"_s, u"hq"_s);
    QVERIFY(!m_hq.isEmpty());

    CentralProcess::Options strict; // its own SQLite database, demo organization
    strict.metricsToken.clear();
    m_strict = std::make_unique<CentralProcess>(strict);
    VERIFY_CENTRAL_STARTED(*m_strict);
    m_strictHttp.setPort(m_strict->port());
    m_strictHq = Hq::login(m_strictHttp, u"hq"_s, u"hq"_s);
    QVERIFY(!m_strictHq.isEmpty());
}

void TestCentralHardening::cleanup()
{
    if (QTest::currentTestFailed())
        qWarning("central log:\n%s", m_central->log().right(3000).constData());
}

QString TestCentralHardening::viewerToken()
{
    if (!m_viewer.isEmpty())
        return m_viewer;
    QByteArray output;
    const int code = CentralProcess::runAdmin({u"user"_s, u"add"_s, u"--db"_s, m_db.url(), u"--org"_s, u"demo"_s,
                                               u"--username"_s, u"viewer"_s, u"--role"_s, u"store_viewer"_s,
                                               u"--store-id"_s, u"1"_s},
                                              "viewer-password\n", &output);
    if (code != 0)
        qWarning("user add: %s", output.constData());
    m_viewer = Hq::login(m_http, u"viewer"_s, u"viewer-password"_s);
    return m_viewer;
}

void TestCentralHardening::metricsNeedTheScrapeToken()
{
    // The page names every organization's stores: nobody without the scrape token gets it,
    // not even an HQ admin's token.
    for (const QString &token : {QString(), u"wrong-token-of-the-right-size"_s, m_hq}) {
        const HttpResult refused = m_http.get(u"/metrics"_s, token);
        QCOMPARE(errorEnvelopeMismatch(refused, 401, u"UNAUTHENTICATED"_s), QString());
        QVERIFY(!refused.body.contains("tableorder_"));
        QVERIFY(!refused.body.contains("데모점"));
    }
    const HttpResult scraped = m_http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken());
    VERIFY_STATUS(scraped, 200);
    QVERIFY(scraped.body.contains("tableorder_central_feed_subscribers"));
}

void TestCentralHardening::metricsAreOffWithoutAToken()
{
    // Configured with no token, /metrics serves no one: there is no token to guess.
    for (const QString &token : {QString(), CentralProcess::defaultMetricsToken(), m_strictHq}) {
        const HttpResult refused = m_strictHttp.get(u"/metrics"_s, token);
        QCOMPARE(errorEnvelopeMismatch(refused, 403, u"FORBIDDEN"_s), QString());
        QVERIFY(!refused.body.contains("tableorder_"));
    }
}

void TestCentralHardening::viewerGetsNoWebhookUrl()
{
    const QString secretUrl = u"http://127.0.0.1:9/hooks/T000/B000/secret-part"_s;
    VERIFY_STATUS(m_http.put(u"/api/v1/alert-settings"_s, {{u"webhook_url"_s, secretUrl}}, m_hq), 200);
    const HttpResult admin = m_http.get(u"/api/v1/alert-settings"_s, m_hq);
    VERIFY_STATUS(admin, 200);
    QCOMPARE(admin.json().value(u"webhook_url"_s).toString(), secretUrl);

    const QString viewer = viewerToken();
    QVERIFY(!viewer.isEmpty());
    const HttpResult seen = m_http.get(u"/api/v1/alert-settings"_s, viewer);
    VERIFY_STATUS(seen, 200);
    QVERIFY2(!seen.body.contains("secret-part"), seen.body.constData());
    QVERIFY(!seen.json().contains(u"webhook_url"_s));
    QCOMPARE(seen.json().value(u"webhook_configured"_s).toBool(), true);
    QVERIFY(seen.json().value(u"rules"_s).isObject());
    // Nor can a viewer change it.
    QCOMPARE(errorEnvelopeMismatch(m_http.put(u"/api/v1/alert-settings"_s, {{u"webhook_url"_s, u"http://127.0.0.1:1/x"_s}},
                                              viewer),
                                   403, u"FORBIDDEN"_s),
             QString());
    QCOMPARE(m_http.get(u"/api/v1/alert-settings"_s, m_hq).json().value(u"webhook_url"_s).toString(), secretUrl);
}

void TestCentralHardening::internalWebhookTargetsAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("loopback") << u"http://127.0.0.1:8080/hook"_s;
    QTest::newRow("loopback elsewhere in 127/8") << u"http://127.1.2.3/hook"_s;
    QTest::newRow("localhost by name") << u"http://localhost:8080/hook"_s;
    QTest::newRow("IPv6 loopback") << u"http://[::1]:8080/hook"_s;
    QTest::newRow("IPv4-mapped loopback") << u"http://[::ffff:127.0.0.1]/hook"_s;
    QTest::newRow("cloud metadata (link-local)") << u"http://169.254.169.254/latest/meta-data/"_s;
    QTest::newRow("RFC 1918 10/8") << u"https://10.0.0.5/hook"_s;
    QTest::newRow("RFC 1918 172.16/12") << u"https://172.20.1.1/hook"_s;
    QTest::newRow("RFC 1918 192.168/16") << u"https://192.168.1.1/hook"_s;
    QTest::newRow("CGNAT 100.64/10") << u"https://100.64.0.1/hook"_s;
    QTest::newRow("IPv6 unique local") << u"https://[fd12:3456::1]/hook"_s;
    QTest::newRow("IPv6 link-local") << u"https://[fe80::1]/hook"_s;
    QTest::newRow("unspecified") << u"http://0.0.0.0:8080/hook"_s;
    QTest::newRow("decimal loopback") << u"http://2130706433/hook"_s;
}

void TestCentralHardening::internalWebhookTargetsAreRefused()
{
    QFETCH(QString, url);
    const QJsonObject before = m_strictHttp.get(u"/api/v1/alert-settings"_s, m_strictHq).json();
    const HttpResult refused = m_strictHttp.put(u"/api/v1/alert-settings"_s, {{u"webhook_url"_s, url}}, m_strictHq);
    QCOMPARE(errorEnvelopeMismatch(refused, 400, u"VALIDATION_FAILED"_s), QString());
    QCOMPARE(m_strictHttp.get(u"/api/v1/alert-settings"_s, m_strictHq).json(), before);
}

void TestCentralHardening::badMoneyIsDeadLettered_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("changes");   // order fields replaced
    QTest::addColumn<QJsonArray>("items");      // the order's lines (empty: unchanged)
    QTest::addColumn<QString>("reason");        // part of the dead letter's error

    auto line = [](double price, double quantity, double total) {
        return QJsonObject{{u"menu_item_id"_s, 1}, {u"name"_s, u"김치찌개"_s}, {u"unit_price"_s, price},
                           {u"quantity"_s, quantity}, {u"line_total"_s, total}};
    };
    QTest::newRow("negative price") << u"order.created"_s << QJsonObject{{u"total"_s, -1000}}
                                    << QJsonArray{line(-1000, 1, -1000)} << u"below 0"_s;
    QTest::newRow("negative line against a positive one")
            << u"order.created"_s << QJsonObject{{u"total"_s, 0}} << QJsonArray{line(5000, 1, 5000), line(-5000, 1, -5000)}
            << u"below 0"_s;
    QTest::newRow("price above the bound") << u"order.created"_s << QJsonObject{{u"total"_s, 200'000'000}}
                                           << QJsonArray{line(200'000'000, 1, 200'000'000)} << u"above the limit"_s;
    // 2^62 x 4 wraps to 0 in 64-bit arithmetic: "0 = 0" must not pass.
    QTest::newRow("overflowing price") << u"order.created"_s << QJsonObject{{u"total"_s, 0}}
                                       << QJsonArray{line(4611686018427387904.0, 4, 0)} << u"above the limit"_s;
    QTest::newRow("beyond 64 bits") << u"order.created"_s << QJsonObject{{u"total"_s, 1e30}}
                                    << QJsonArray{line(1e30, 1, 1e30)} << u"above the limit"_s;
    QTest::newRow("fractional price") << u"order.created"_s << QJsonObject{{u"total"_s, 1000.5}}
                                      << QJsonArray{line(1000.5, 1, 1000.5)} << u"whole number"_s;
    QTest::newRow("line total is not price x quantity") << u"order.created"_s << QJsonObject{{u"total"_s, 1000}}
                                                        << QJsonArray{line(1000, 3, 1000)} << u"not unit_price"_s;
    QTest::newRow("total is not the sum of the lines") << u"order.created"_s << QJsonObject{{u"total"_s, 999}}
                                                       << QJsonArray{line(1000, 1, 1000)} << u"not the sum"_s;
    QTest::newRow("lines add up past the bound")
            << u"order.created"_s << QJsonObject{{u"total"_s, 100'000'000}}
            << QJsonArray{line(60'000'000, 1, 60'000'000), line(60'000'000, 1, 60'000'000)} << u"more than the limit"_s;
    QTest::newRow("zero quantity") << u"order.created"_s << QJsonObject{{u"total"_s, 0}}
                                   << QJsonArray{line(1000, 0, 0)} << u"quantity is 0"_s;
    QTest::newRow("total as text") << u"order.created"_s << QJsonObject{{u"total"_s, u"1000"_s}} << QJsonArray()
                                   << u"must be a number"_s;
    QTest::newRow("update with a negative total") << u"order.updated"_s << QJsonObject{{u"total"_s, -1000}}
                                                  << QJsonArray{line(-1000, 1, -1000)} << u"below 0"_s;
}

void TestCentralHardening::badMoneyIsDeadLettered()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, changes);
    QFETCH(QJsonArray, items);
    QFETCH(QString, reason);

    // A store of its own, as a leaked store key would upload: seq 2 carries the bad money.
    Hq hq{m_http, m_hq};
    const auto [store, key] = hq.registerStore(u"money "_s + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(store > 0);
    pb::UploadRequest batch = orderBatch(1, 3, 1000);
    QJsonObject bad = QJsonDocument::fromJson(QByteArray::fromStdString(batch.events(1).data_json())).object();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        bad.insert(it.key(), it.value());
    if (!items.isEmpty())
        bad.insert(u"items"_s, items);
    batch.mutable_events(1)->set_type(type.toStdString());
    batch.mutable_events(1)->set_data_json(QJsonDocument(bad).toJson(QJsonDocument::Compact).toStdString());

    pb::UploadResponse response;
    VERIFY_STATUS(upload(m_http, key, batch, &response), 200);
    QCOMPARE(response.applied_seq(), 3); // the store is not stuck behind it

    // Reports have the two good orders only.
    const QJsonObject sales = hq.salesRow(store);
    QCOMPARE(sales.value(u"orders"_s).toInteger(), 2);
    QCOMPARE(sales.value(u"total"_s).toInteger(), 2000);
    QCOMPARE(centralStore(m_db.connection(), store).orders.size(), 2);

    // The dead letter says why.
    const QJsonArray letters = m_http.get(u"/api/v1/dead-letters"_s, m_hq).json().value(u"dead_letters"_s).toArray();
    QList<QJsonObject> mine;
    for (const QJsonValue &v : letters) {
        if (v.toObject().value(u"store_id"_s).toInteger() == store)
            mine.append(v.toObject());
    }
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().value(u"seq"_s).toInteger(), 2);
    QVERIFY2(mine.first().value(u"error"_s).toString().contains(reason),
             qPrintable(mine.first().value(u"error"_s).toString()));
    // ?store_id= gives that store's letters only (each data row adds a store with its own).
    const QJsonArray filtered = m_http.get(u"/api/v1/dead-letters?store_id=%1"_s.arg(store), m_hq)
                                        .json().value(u"dead_letters"_s).toArray();
    QCOMPARE(filtered.size(), 1);
    QCOMPARE(filtered.first().toObject().value(u"store_id"_s).toInteger(), store);

    // And HQ is alerted about the store.
    QJsonObject alert;
    QVERIFY2(waitUntil([&] {
                 const QJsonArray alerts = m_http.get(u"/api/v1/alerts?store_id=%1"_s.arg(store), m_hq)
                                                   .json().value(u"alerts"_s).toArray();
                 for (const QJsonValue &a : alerts) {
                     if (a.toObject().value(u"rule"_s).toString() == u"dead_letters"_s)
                         alert = a.toObject();
                 }
                 return !alert.isEmpty();
             }, 10'000),
             "no dead_letters alert opened");
    QCOMPARE(alert.value(u"params"_s).toObject().value(u"count"_s).toInteger(), 1);
    QCOMPARE(alert.value(u"params"_s).toObject().value(u"seq"_s).toInteger(), 2);

    // A repeat of the batch changes nothing.
    const QStringList before = centralDataState(m_db.connection());
    VERIFY_STATUS(upload(m_http, key, batch), 200);
    QCOMPARE(centralDataState(m_db.connection()), before);
}

void TestCentralHardening::streamOpensWithASingleUseTicket()
{
    const HttpResult issued = m_http.post(u"/api/v1/feed/stream-ticket"_s, {}, m_hq);
    VERIFY_STATUS(issued, 201);
    const QString ticket = issued.json().value(u"ticket"_s).toString();
    QVERIFY(!ticket.isEmpty());
    QVERIFY(!ticket.contains(m_hq) && !m_hq.contains(ticket));
    QCOMPARE(issued.json().value(u"expires_in_s"_s).toInt(), 30);

    // The ticket opens the feed (no Authorization header, as EventSource sends it) ...
    SseStream feed;
    QVERIFY2(feed.open(m_central->port(), u"/api/v1/feed?ticket="_s + ticket, QString()), qPrintable(feed.errorString()));
    // ... and it is the admin's feed: an upload shows on it.
    Hq hq{m_http, m_hq};
    const auto [store, key] = hq.registerStore(u"feed via ticket"_s);
    VERIFY_STATUS(upload(m_http, key, orderBatch(1, 1, 1000)), 200);
    QVERIFY(feed.waitFor([&](const SseStream::Event &e) { return e.data.value(u"store_id"_s).toInteger() == store; },
                         10'000));

    // Once only.
    const HttpResult reused = HttpClient::raw(m_central->port(),
                                              "GET /api/v1/feed?ticket=" + ticket.toLatin1()
                                                      + " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n");
    QCOMPARE(errorEnvelopeMismatch(reused, 401, u"INVALID_TOKEN"_s), QString());
    for (const QString &forged : {u"stk_forged"_s, QString(u'x').repeated(500)}) {
        const HttpResult refused = m_http.get(u"/api/v1/feed?ticket="_s + forged);
        QCOMPARE(errorEnvelopeMismatch(refused, 401, u"INVALID_TOKEN"_s), QString());
    }
    // A ticket is for streams: it does not stand in for the token elsewhere.
    const QString other = m_http.post(u"/api/v1/feed/stream-ticket"_s, {}, m_hq).json().value(u"ticket"_s).toString();
    QVERIFY(!other.isEmpty());
    // A ticket is read by the feed only: anywhere else the parameter itself is refused.
    QCOMPARE(errorEnvelopeMismatch(m_http.get(u"/api/v1/stores?ticket="_s + other), 400, u"VALIDATION_FAILED"_s),
             QString());
    // Nor does a ticket come without a token.
    QCOMPARE(errorEnvelopeMismatch(m_http.post(u"/api/v1/feed/stream-ticket"_s, {}), 401, u"UNAUTHENTICATED"_s),
             QString());
}

void TestCentralHardening::tokenInTheQueryIsRefused()
{
    // The token in a URL lands in proxy logs and browser history: central no longer reads it,
    // and says so by naming the parameter no endpoint reads.
    for (const QString &path : {u"/api/v1/stores?access_token="_s, u"/api/v1/feed?access_token="_s,
                                u"/api/v1/alert-settings?access_token="_s, u"/api/v1/stores?token="_s}) {
        const HttpResult refused = m_http.get(path + m_hq);
        QCOMPARE(errorEnvelopeMismatch(refused, 400, u"VALIDATION_FAILED"_s), QString());
        QVERIFY(refused.errorDetails().value(u"field"_s).toString().contains(u"token"_s));
    }
    // The header still works.
    VERIFY_STATUS(m_http.get(u"/api/v1/stores"_s, m_hq), 200);
}

/// Central's responses follow the edge's conventions: gzip with Vary for big compressible
/// bodies, request ids echoed, Server-Timing, no CORS unless configured, and a query parameter
/// an endpoint does not read (or a value it does not know) is refused, changing nothing.
void TestCentralHardening::webConventions()
{
    const quint16 port = m_central->port();
    const HttpResult plain = HttpClient::raw(port, "GET /dashboard/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    VERIFY_STATUS(plain, 200);
    QVERIFY(plain.body.size() > 1024 && plain.header("content-encoding").isEmpty());
    const HttpResult packed = HttpClient::raw(port, "GET /dashboard/app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n"
                                                    "X-Request-Id: hq-check-1\r\nConnection: close\r\n\r\n");
    VERIFY_STATUS(packed, 200);
    QCOMPARE(packed.header("content-encoding"), "gzip");
    QVERIFY(packed.header("vary").contains("Accept-Encoding"));
    QVERIFY(packed.body.size() < plain.body.size() / 2);
    QCOMPARE(packed.header("x-request-id"), "hq-check-1");
    QVERIFY(packed.header("server-timing").startsWith("app;dur="));

    const HttpResult preflight = HttpClient::raw(port, "OPTIONS /api/v1/stores HTTP/1.1\r\nHost: x\r\n"
                                                       "Origin: https://hq.example.com\r\nAccess-Control-Request-Method: GET\r\n"
                                                       "Connection: close\r\n\r\n");
    QCOMPARE(errorEnvelopeMismatch(preflight, 403, u"ORIGIN_NOT_ALLOWED"_s), QString());
    QVERIFY(preflight.header("access-control-allow-origin").isEmpty());

    // ?publish= takes now or later: anything else is refused before the menu changes.
    const HttpResult menuBefore = m_http.get(u"/api/v1/stores/1/menu"_s, m_hq);
    VERIFY_STATUS(menuBefore, 200);
    const QJsonObject category{{u"name"_s, u"웹 규칙 확인"_s}};
    const HttpResult refused = m_http.post(u"/api/v1/stores/1/menu/categories?publish=sometime"_s, category, m_hq);
    QCOMPARE(errorEnvelopeMismatch(refused, 400, u"VALIDATION_FAILED"_s), QString());
    QCOMPARE(refused.errorDetails().value(u"field"_s).toString(), u"publish"_s);
    const HttpResult unknown = m_http.post(u"/api/v1/stores/1/menu/categories?pubish=later"_s, category, m_hq);
    QCOMPARE(errorEnvelopeMismatch(unknown, 400, u"VALIDATION_FAILED"_s), QString());
    QCOMPARE(m_http.get(u"/api/v1/stores/1/menu"_s, m_hq).json(), menuBefore.json());
    const HttpResult reports = m_http.get(u"/api/v1/reports/sales?from=2026-12-01&to=2026-12-07&colour=red"_s, m_hq);
    QCOMPARE(errorEnvelopeMismatch(reports, 400, u"VALIDATION_FAILED"_s), QString());
    QCOMPARE(reports.errorDetails().value(u"field"_s).toString(), u"colour"_s);
}

QTEST_GUILESS_MAIN(TestCentralHardening)
// Central's SQLite database on a small file system that fills up: uploads are refused with
// 503 STORAGE_FULL and nothing of them is kept, central keeps serving, and once space frees
// the store's next attempt (the same batch, as an edge resends it) is applied exactly once.
void TestCentralHardening::fullDiskRefusesUploadsAndRecovers()
{
    if (m_db.backend() != Backend::SQLite)
        QSKIP("central's own SQLite file on a small disk; a PostgreSQL cluster's disk is the cluster's");
    QTemporaryDir disk;
    QVERIFY(disk.isValid());
    CentralProcess::Options options;
    options.databaseUrl = u"sqlite:"_s + disk.filePath(u"central.sqlite3"_s);
    CentralProcess central(options);
    TmpfsMount tmpfs(central, disk.path(), u"16m"_s);
    if (!tmpfs.mounted())
        QSKIP(qPrintable(u"disk-full test skipped: "_s + tmpfs.whyNot()));
    VERIFY_CENTRAL_STARTED(central);
    HttpClient http;
    http.setPort(central.port());
    const QString hqToken = Hq::login(http, u"hq"_s, u"hq"_s);
    QVERIFY(!hqToken.isEmpty());
    Hq hq{http, hqToken};
    const auto [store, key] = hq.registerStore(u"small disk"_s);
    QVERIFY(store > 0);

    pb::UploadResponse response;
    VERIFY_STATUS(upload(http, key, orderBatch(1, 20, 1000), &response), 200);
    QCOMPARE(response.applied_seq(), 20);
    qint64 applied = 20;

    QVERIFY(fillDisk(disk.filePath(u"filler"_s)) > 0);
    // Batches may still fit in pages SQLite already holds; sooner or later one needs a new
    // block and is refused. Each answer is either applied (200) or the documented 503.
    pb::UploadRequest refused;
    for (int i = 0; i < 200 && refused.events_size() == 0; ++i) {
        const pb::UploadRequest batch = orderBatch(applied + 1, 100, 1000);
        const HttpResult result = upload(http, key, batch, &response);
        if (result.status == 200) {
            QCOMPARE(response.applied_seq(), applied + 100);
            applied += 100;
            continue;
        }
        VERIFY_ERROR(result, 503, u"STORAGE_FULL"_s);
        refused = batch;
    }
    QVERIFY2(refused.events_size() > 0, "20,000 events fitted on a full file system");

    // Central is up, reads work, and the refused batch left nothing behind.
    QVERIFY(central.isRunning());
    VERIFY_STATUS(http.get(u"/healthz"_s), 200);
    QJsonObject sales = hq.salesRow(store);
    QCOMPARE(sales.value(u"orders"_s).toInteger(), applied);
    QCOMPARE(sales.value(u"total"_s).toInteger(), applied * 1000);
    VERIFY_ERROR(upload(http, key, refused), 503, u"STORAGE_FULL"_s);

    // Space frees: the same central applies the store's resend, once.
    QVERIFY(QFile::remove(disk.filePath(u"filler"_s)));
    VERIFY_STATUS(upload(http, key, refused, &response), 200);
    QCOMPARE(response.applied_seq(), applied + 100);
    VERIFY_STATUS(upload(http, key, refused, &response), 200); // a repeat changes nothing
    QCOMPARE(response.applied_seq(), applied + 100);
    sales = hq.salesRow(store);
    QCOMPARE(sales.value(u"orders"_s).toInteger(), applied + 100);
    QCOMPARE(sales.value(u"total"_s).toInteger(), (applied + 100) * 1000);

    QVERIFY(central.terminate());
    QSqlDatabase check = openTestDatabase(u"full-disk-check"_s, options.databaseUrl);
    QCOMPARE(queryValue(check, u"SELECT COUNT(*) FROM store_events WHERE store_id = ?"_s, {store}), applied + 100);
    QSqlQuery integrity(check);
    QVERIFY(integrity.exec(u"PRAGMA integrity_check"_s) && integrity.next());
    QCOMPARE(integrity.value(0).toString(), u"ok"_s);
    check.close();
}

void TestCentralHardening::lockedDatabaseAnswers503_data()
{
    QTest::addColumn<QString>("setting");
    QTest::newRow("lock_timeout") << u"TABLEORDER_PG_LOCK_TIMEOUT_MS"_s;
    QTest::newRow("statement_timeout") << u"TABLEORDER_PG_STATEMENT_TIMEOUT_MS"_s;
}

// Something else holds PostgreSQL's lock on a table central reads (a migration by hand, a
// stuck batch job): central's request gives up with 503 after its configured timeout instead
// of waiting, and serves again as soon as the lock is gone.
void TestCentralHardening::lockedDatabaseAnswers503()
{
    if (m_db.backend() != Backend::PostgreSQL)
        QSKIP("statement_timeout and lock_timeout are PostgreSQL settings");
    QFETCH(QString, setting);
    CentralProcess::Options options = m_db.centralOptions();
    // Only the setting under test; the other is off, so it alone can end the wait.
    options.environment = {{u"TABLEORDER_PG_LOCK_TIMEOUT_MS"_s, u"0"_s},
                           {u"TABLEORDER_PG_STATEMENT_TIMEOUT_MS"_s, u"0"_s}};
    for (auto &[name, value] : options.environment) {
        if (name == setting)
            value = u"300"_s;
    }
    CentralProcess central(options);
    VERIFY_CENTRAL_STARTED(central);
    HttpClient http;
    http.setPort(central.port());
    const QString hq = Hq::login(http, u"hq"_s, u"hq"_s);
    QVERIFY(!hq.isEmpty());
    const HttpResult before = http.get(u"/api/v1/stores"_s, hq);
    VERIFY_STATUS(before, 200);

    QSqlDatabase db = m_db.connection();
    QVERIFY(db.transaction());
    QSqlQuery lock(db);
    QVERIFY2(lock.exec(u"LOCK TABLE stores IN ACCESS EXCLUSIVE MODE"_s), qPrintable(lock.lastError().text()));
    // While the lock is held (until the rollback below) central cannot read the stores: without
    // the timeout this request would wait past the client's own 15 s limit (status 0).
    const HttpResult locked = http.get(u"/api/v1/stores"_s, hq);
    QVERIFY(db.rollback());
    if (locked.status != 503)
        qWarning("central log:\n%s", central.log().right(3000).constData());
    VERIFY_STATUS(locked, 503);
    QCOMPARE(locked.errorCode(), u"UNAVAILABLE"_s);

    const HttpResult after = http.get(u"/api/v1/stores"_s, hq);
    VERIFY_STATUS(after, 200);
    QCOMPARE(after.body, before.body);
}

#include "tst_centralhardening.moc"
