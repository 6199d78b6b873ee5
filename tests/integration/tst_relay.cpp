// Issue 16, central's side: the guest relay against a real central and real edges on port 0.
// Two stores are linked to one central (the demo store through a fault proxy that plays the
// store's internet line, and a second store); phones talk to central's /s/{store}/ routes.
// What a phone and an attacker see: the app's page, orders made exactly once through the
// relay (also when the phone's connection drops mid-request and it retries), live status
// over SSE through the relay, STORE_OFFLINE with the LAN address when the line is down (and
// that address working), tenancy between the stores, only /api/v1/guest/ relayed, and the
// rate limits of central and of the edge (per phone, which a LAN client cannot fake).

#include "centralprocess.h"
#include "edgeprocess.h"
#include "faultline.h"
#include "httpclient.h"
#include "sseclient.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

struct Store
{
    qint64 id = 0;
    QString key;
    std::unique_ptr<EdgeProcess> edge;
    QString managerToken;
    QString tableCode; // table 1's printed code
};

QString lanWifi() { return u"Tableorder-Guest"_s; }

/// Edge settings for a linked store: quick retries so a test does not wait out backoffs.
EdgeProcess::Options linkedEdge(const QString &centralUrl, const QString &key, bool rateLimits = false,
                                QList<std::pair<QString, QString>> extra = {})
{
    EdgeProcess::Options options;
    options.rateLimits = rateLimits;
    options.arguments = {u"--central"_s, centralUrl, u"--store-key"_s, key, u"--wifi-ssid"_s, lanWifi()};
    options.environment = {{u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s},
                           {u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s},
                           {u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s}};
    options.environment += extra;
    return options;
}

QByteArray rawRequest(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const QString &token = {}, const QByteArray &extraHeaders = {})
{
    QByteArray out = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: x\r\n";
    if (!token.isEmpty())
        out += "Authorization: Bearer " + token.toUtf8() + "\r\n";
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += extraHeaders + "Connection: close\r\n\r\n" + body;
    return out;
}

/// The sum of a metric's samples whose labels include all of `labels` (0 when none).
double sumSamples(const QByteArray &text, QByteArrayView name, const QList<std::pair<QByteArray, QByteArray>> &labels)
{
    double sum = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(name) || line.startsWith('#'))
            continue;
        const char next = line.size() > name.size() ? line.at(name.size()) : '\0';
        if (next != ' ' && next != '{')
            continue;
        bool all = true;
        for (const auto &[key, value] : labels)
            all = all && line.contains(QByteArray(key + "=\"" + value + '"'));
        if (all)
            sum += line.sliced(line.lastIndexOf(' ') + 1).toDouble();
    }
    return sum;
}

double metric(HttpClient &http, const QString &token, const QByteArray &name, const QList<std::pair<QByteArray, QByteArray>> &labels = {})
{
    const HttpResult result = http.get(u"/metrics"_s, token);
    return sumSamples(result.body, name, labels);
}

} // namespace

class TestRelay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void pageAndFilesServedPerStore();
    void orderThroughCentralExactlyOnce();
    void droppedPhoneConnectionAndRetryGiveOneOrder();
    void orderStatusStreamsThroughTheRelay();
    void storeCodeNeverReachesAnotherStore();
    void onlyTheGuestApiIsRelayed();
    void rateLimitsHoldThroughTheRelay();
    void relayConnectionNeedsAStoreKey();
    void busyStoreSlowStoreAndLostStoreAnswerCleanly();
    void relayMetricsAreExported();
    void relayReachesAStoreServingHttps();
    void storeOfflineNamesTheLanAddressWhichWorks();

private:
    QString join(int storeIndex, const QString &code, int expectStatus = 200);
    QString guestPath(const Store &store, const QString &rest) const
    {
        return u"/s/%1/api/v1/guest/%2"_s.arg(store.id).arg(rest);
    }
    int edgeOrderCount(Store &store, const QString &clientOrderId);
    double edgeRouteRequests(Store &store, const QString &route);

    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<FaultLine> m_line; // store A's internet line
    HttpClient m_http;                  // to central
    QString m_hqToken;
    Store m_a;
    Store m_b;
    qint64 m_itemId = 0;
};

QString TestRelay::join(int storeIndex, const QString &code, int expectStatus)
{
    const Store &store = storeIndex == 0 ? m_a : m_b;
    const HttpResult joined = m_http.post(guestPath(store, u"join"_s), {{u"table_code"_s, code}});
    if (joined.status != expectStatus) {
        qWarning().noquote() << "join:" << joined.describe();
        return {};
    }
    return joined.json().value(u"token"_s).toString();
}

int TestRelay::edgeOrderCount(Store &store, const QString &clientOrderId)
{
    HttpClient edge(store.edge->port());
    const HttpResult orders = edge.get(u"/api/v1/orders?limit=500"_s, store.managerToken);
    int n = 0;
    for (const QJsonValue &order : orders.json().value(u"orders"_s).toArray())
        n += order.toObject().value(u"client_order_id"_s).toString() == clientOrderId ? 1 : 0;
    return n;
}

double TestRelay::edgeRouteRequests(Store &store, const QString &route)
{
    HttpClient edge(store.edge->port());
    return sumSamples(edge.get(u"/metrics"_s).body, "http_requests_total", {{"route", route.toUtf8()}});
}

void TestRelay::initTestCase()
{
    CentralProcess::Options central;
    central.environment = {{u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s}};
    m_central = std::make_unique<CentralProcess>(central);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    m_hqToken = m_http.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"hq"_s}, {u"password"_s, u"hq"_s}})
                        .json().value(u"token"_s).toString();
    QVERIFY(!m_hqToken.isEmpty());

    // Store A: the demo store, its line to central through the proxy.
    m_line = std::make_unique<FaultLine>(m_central->port());
    m_a.id = 1;
    m_a.key = m_central->demoStoreKey();
    m_a.edge = std::make_unique<EdgeProcess>(linkedEdge(u"http://127.0.0.1:%1"_s.arg(m_line->port()), m_a.key));
    VERIFY_STARTED(*m_a.edge);
    // Store B: registered by HQ.
    const HttpResult created = m_http.post(u"/api/v1/stores"_s, {{u"name"_s, u"Store B"_s}, {u"timezone"_s, u"Asia/Seoul"_s}}, m_hqToken);
    VERIFY_STATUS(created, 201);
    m_b.id = created.json().value(u"store"_s).toObject().value(u"id"_s).toInteger(created.json().value(u"id"_s).toInteger());
    m_b.key = created.json().value(u"store_key"_s).toString();
    QVERIFY(m_b.id > 1 && !m_b.key.isEmpty());
    m_b.edge = std::make_unique<EdgeProcess>(linkedEdge(m_central->url(), m_b.key));
    VERIFY_STARTED(*m_b.edge);

    for (Store *store : {&m_a, &m_b}) {
        HttpClient edge(store->edge->port());
        store->managerToken = edge.staffLogin(u"manager"_s, u"manager"_s);
        QVERIFY(!store->managerToken.isEmpty());
        // The first phone order opens the visit (the store allows it), as in a self-service store.
        VERIFY_STATUS(edge.put(u"/api/v1/guest-settings"_s, {{u"self_open"_s, true}}, store->managerToken), 200);
        const HttpResult tables = edge.get(u"/api/v1/guest-tables"_s, store->managerToken);
        VERIFY_STATUS(tables, 200);
        for (const QJsonValue &t : tables.json().value(u"tables"_s).toArray()) {
            if (t.toObject().value(u"number"_s).toInt() == 1)
                store->tableCode = t.toObject().value(u"code"_s).toString();
        }
        QVERIFY2(!store->tableCode.isEmpty(), tables.body.constData());
    }
    QVERIFY(m_a.tableCode != m_b.tableCode);
    // Both relays connected.
    const QString token = CentralProcess::defaultMetricsToken();
    QTRY_COMPARE_WITH_TIMEOUT(metric(m_http, token, "tableorder_relay_connected_stores"), 2.0, 15'000);
    const QJsonObject menu = m_http.get(guestPath(m_a, u"menu"_s)).json();
    QVERIFY2(!menuItems(menu).isEmpty(), "the guest menu came back through the relay");
    m_itemId = menuItems(menu).first().value(u"id"_s).toInteger();
}

void TestRelay::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "store A's edge said:\n" << QString::fromUtf8(m_a.edge->log().right(3000));
        qWarning().noquote() << "central said:\n" << QString::fromUtf8(m_central->log().right(3000));
    }
}

void TestRelay::pageAndFilesServedPerStore()
{
    const HttpResult page = m_http.get(u"/s/%1/t/%2"_s.arg(m_a.id).arg(m_a.tableCode));
    VERIFY_STATUS(page, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY(page.header("Content-Security-Policy").contains("script-src 'self'"));
    VERIFY_STATUS(m_http.get(u"/s/%1/guest/app.js"_s.arg(m_a.id)), 200);
    VERIFY_ERROR(m_http.get(u"/s/999/t/%1"_s.arg(m_a.tableCode)), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.get(u"/s/999/api/v1/guest/menu"_s), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.get(u"/s/abc/api/v1/guest/menu"_s), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.get(u"/s/%1/guest/..%2Fcentral.db"_s.arg(m_a.id)), 404, u"NOT_FOUND"_s);
}

void TestRelay::orderThroughCentralExactlyOnce()
{
    const QString token = join(0, m_a.tableCode);
    QVERIFY(!token.isEmpty());
    const QString id = newClientOrderId();
    const QJsonObject body = orderBody(id, {{m_itemId, 2}});
    const HttpResult first = m_http.post(guestPath(m_a, u"orders"_s), body, token);
    VERIFY_STATUS(first, 201);
    QVERIFY(!first.header("X-Request-Id").isEmpty());
    const HttpResult again = m_http.post(guestPath(m_a, u"orders"_s), body, token);
    VERIFY_STATUS(again, 200);
    QCOMPARE(again.json().value(u"id"_s), first.json().value(u"id"_s));
    QCOMPARE(edgeOrderCount(m_a, id), 1);
    // The phone's own list, through the relay, has it.
    const HttpResult mine = m_http.get(guestPath(m_a, u"orders"_s), token);
    VERIFY_STATUS(mine, 200);
    QCOMPARE(mine.json().value(u"orders"_s).toArray().size(), 1);
}

void TestRelay::droppedPhoneConnectionAndRetryGiveOneOrder()
{
    const QString token = join(0, m_a.tableCode);
    QVERIFY(!token.isEmpty());
    // The store is busy (stopped) while the phone's request is on its way; the phone's
    // connection drops before any answer, and it retries once the store answers again.
    const QString id = newClientOrderId();
    const QByteArray body = QJsonDocument(orderBody(id, {{m_itemId, 1}})).toJson(QJsonDocument::Compact);
    QVERIFY(m_a.edge->pause());
    {
        QTcpSocket phone;
        phone.connectToHost(QHostAddress::LocalHost, m_central->port());
        QVERIFY(phone.waitForConnected(5000));
        phone.write(rawRequest("POST", guestPath(m_a, u"orders"_s), body, token));
        QVERIFY(phone.waitForBytesWritten(5000));
        // Central has it and sent it on: one relayed request is in flight.
        QTRY_COMPARE_WITH_TIMEOUT(metric(m_http, CentralProcess::defaultMetricsToken(), "tableorder_relay_in_flight"), 1.0, 5000);
        phone.abort();
    }
    QVERIFY(m_a.edge->resume());
    const HttpResult retry = m_http.post(guestPath(m_a, u"orders"_s), orderBody(id, {{m_itemId, 1}}), token);
    QVERIFY2(retry.status == 201 || retry.status == 200, qPrintable(retry.describe()));
    QCOMPARE(edgeOrderCount(m_a, id), 1);

    // And the other way: the order is made, the answer is lost on the way back.
    const QString id2 = newClientOrderId();
    const QByteArray body2 = QJsonDocument(orderBody(id2, {{m_itemId, 1}})).toJson(QJsonDocument::Compact);
    const HttpResult lost = HttpClient::raw(m_central->port(), rawRequest("POST", guestPath(m_a, u"orders"_s), body2, token));
    VERIFY_STATUS(lost, 201);
    const HttpResult again = m_http.post(guestPath(m_a, u"orders"_s), orderBody(id2, {{m_itemId, 1}}), token);
    VERIFY_STATUS(again, 200);
    QCOMPARE(edgeOrderCount(m_a, id2), 1);
    QTRY_COMPARE_WITH_TIMEOUT(metric(m_http, CentralProcess::defaultMetricsToken(), "tableorder_relay_in_flight"), 0.0, 5000);
}

void TestRelay::orderStatusStreamsThroughTheRelay()
{
    const QString token = join(0, m_a.tableCode);
    QVERIFY(!token.isEmpty());
    SseClient sse;
    sse.open(m_central->port(), StreamRequest{}, guestPath(m_a, u"events?token="_s + token));
    QVERIFY2(sse.waitForOpen(), qPrintable(sse.response().describe()));
    QCOMPARE(sse.response().header("Content-Type").left(17), QByteArray("text/event-stream"));
    const qsizetype before = sse.events().size();
    const QString id = newClientOrderId();
    const HttpResult placed = m_http.post(guestPath(m_a, u"orders"_s), orderBody(id, {{m_itemId, 1}}), token);
    VERIFY_STATUS(placed, 201);
    const qint64 orderId = placed.json().value(u"id"_s).toInteger();
    const auto created = sse.waitForEvent([orderId](const StreamEvent &e) {
        return e.type == u"order.created"_s && e.data().value(u"id"_s).toInteger() == orderId;
    }, 10'000, before);
    QVERIFY2(created, "the new order's event came through the relayed stream");
    // Staff accepts it on the edge: the phone sees the status change live.
    HttpClient edge(m_a.edge->port());
    VERIFY_STATUS(edge.patch(u"/api/v1/orders/%1"_s.arg(orderId), {{u"status"_s, u"preparing"_s}}, m_a.managerToken), 200);
    QVERIFY(sse.waitForEvent([orderId](const StreamEvent &e) {
        return e.type == u"order.updated"_s && e.data().value(u"id"_s).toInteger() == orderId
                && e.data().value(u"status"_s).toString() == u"preparing"_s;
    }, 10'000, before));
    QVERIFY(sse.protocolErrors().isEmpty());
    // The phone goes away: central cancels, the edge closes its side.
    sse.close();
    QTRY_COMPARE_WITH_TIMEOUT(metric(m_http, CentralProcess::defaultMetricsToken(), "tableorder_relay_in_flight"), 0.0, 5000);
}

void TestRelay::storeCodeNeverReachesAnotherStore()
{
    const double aJoins = edgeRouteRequests(m_a, u"/api/v1/guest/join"_s);
    // Store A's table code on store B's address: B does not know it, A never hears of it.
    const HttpResult joined = m_http.post(guestPath(m_b, u"join"_s), {{u"table_code"_s, m_a.tableCode}});
    QVERIFY2(joined.status == 404 || joined.status == 400, qPrintable(joined.describe()));
    QVERIFY(joined.json().value(u"token"_s).toString().isEmpty());
    // A phone of store A with its token on store B's address is not a guest there.
    const QString tokenA = join(0, m_a.tableCode);
    QVERIFY(!tokenA.isEmpty());
    const HttpResult foreign = m_http.post(guestPath(m_b, u"orders"_s), orderBody(newClientOrderId(), {{m_itemId, 1}}), tokenA);
    QCOMPARE(foreign.status, 401);
    // A's edge saw only the join made on A's own address.
    QCOMPARE(edgeRouteRequests(m_a, u"/api/v1/guest/join"_s), aJoins + 1);
    // And the page of a code on another store's address is only the app: no data of A.
    VERIFY_STATUS(m_http.get(u"/s/%1/t/%2"_s.arg(m_b.id).arg(m_a.tableCode)), 200);
}

void TestRelay::onlyTheGuestApiIsRelayed()
{
    const double relayed = edgeRouteRequests(m_a, u"unmatched"_s);
    HttpClient edge(m_a.edge->port());
    const double before = sumSamples(edge.get(u"/metrics"_s).body, "tableorder_relay_requests_total", {});
    struct Probe { QByteArray method; QString path; };
    const QList<Probe> probes{
            {"GET", u"/s/%1/api/v1/orders"_s},
            {"POST", u"/s/%1/api/v1/auth/staff-login"_s},
            {"GET", u"/s/%1/api/v1/guest-tables"_s},
            {"GET", u"/s/%1/api/v1/guest"_s},
            {"GET", u"/s/%1/api/v1/guest/../orders"_s},
            {"GET", u"/s/%1/api/v1/guest/%2e%2e/orders"_s},
            {"GET", u"/s/%1/metrics"_s},
            {"GET", u"/s/%1/sync/v1/menu"_s},
    };
    for (const Probe &probe : probes) {
        const QString path = probe.path.arg(m_a.id);
        const HttpResult result = HttpClient::raw(m_central->port(), rawRequest(probe.method, path, {}, m_a.managerToken));
        QVERIFY2(result.status == 404 || result.status == 405, qPrintable(path + u": "_s + result.describe()));
    }
    // Nothing of it reached the store.
    QCOMPARE(sumSamples(edge.get(u"/metrics"_s).body, "tableorder_relay_requests_total", {}), before);
    QCOMPARE(edgeRouteRequests(m_a, u"unmatched"_s), relayed);
}

void TestRelay::rateLimitsHoldThroughTheRelay()
{
    // A central and a store of their own, with small limits: central's per phone, and the
    // edge's per phone (join attempts), which must see each phone apart through the relay.
    CentralProcess::Options options;
    options.rateLimits = true;
    options.environment = {{u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s},
                           {u"TABLEORDER_GUEST_REQUESTS_PER_MINUTE"_s, u"8"_s}};
    CentralProcess central(options);
    VERIFY_CENTRAL_STARTED(central);
    EdgeProcess edge(linkedEdge(central.url(), central.demoStoreKey(), true,
                                {{u"TABLEORDER_GUEST_JOINS_PER_MINUTE"_s, u"3"_s}}));
    VERIFY_STARTED(edge);
    HttpClient http(central.port());
    QTRY_COMPARE_WITH_TIMEOUT(metric(http, CentralProcess::defaultMetricsToken(), "tableorder_relay_connected_stores"), 1.0, 15'000);
    const QByteArray join = QJsonDocument(QJsonObject{{u"table_code"_s, u"nope"_s}}).toJson(QJsonDocument::Compact);
    auto joinFrom = [&](const QHostAddress &phone) {
        return HttpClient::raw(central.port(), rawRequest("POST", u"/s/1/api/v1/guest/join"_s, join), 15'000, phone);
    };
    const QHostAddress phone1(u"127.0.0.1"_s);
    const QHostAddress phone2(u"127.0.0.2"_s);
    // The edge's join limit, per phone: three each, then 429 from the store.
    for (const QHostAddress &phone : {phone1, phone2}) {
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = joinFrom(phone);
            QVERIFY2(r.status == 404 || r.status == 400, qPrintable(r.describe()));
        }
        const HttpResult limited = joinFrom(phone);
        VERIFY_ERROR(limited, 429, u"RATE_LIMITED"_s);
        QVERIFY(!limited.header("Retry-After").isEmpty());
    }
    // Central's own limit per phone (8 a minute, the 4 above included): refused at central.
    const double relayedBefore = sumSamples(http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body,
                                            "tableorder_relay_requests_total", {});
    int refused = 0;
    for (int i = 0; i < 6; ++i) {
        const HttpResult r = HttpClient::raw(central.port(), rawRequest("GET", u"/s/1/api/v1/guest/menu"_s), 15'000, phone1);
        refused += r.status == 429 ? 1 : 0;
    }
    QVERIFY2(refused >= 2, qPrintable(QString::number(refused)));
    const double relayedAfter = sumSamples(http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body,
                                           "tableorder_relay_requests_total", {});
    QCOMPARE(relayedAfter - relayedBefore, 6.0 - refused);

    // A LAN client claiming to be a relayed phone (a made-up secret, none, or a proxy's
    // header) is still itself to the edge: its join budget does not start again.
    const QHostAddress lanClient(u"127.0.0.3"_s);
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = HttpClient::raw(edge.port(), rawRequest("POST", u"/api/v1/guest/join"_s, join), 15'000, lanClient);
        QVERIFY2(r.status == 404 || r.status == 400, qPrintable(r.describe()));
    }
    for (const QByteArray &forged : {QByteArray("X-Tableorder-Relay: 0000:00000000000000aa\r\n"),
                                     QByteArray("X-Tableorder-Relay: :00000000000000bb\r\n"),
                                     QByteArray("X-Forwarded-For: 10.9.8.7\r\n")}) {
        const HttpResult r = HttpClient::raw(edge.port(), rawRequest("POST", u"/api/v1/guest/join"_s, join, {}, forged), 15'000, lanClient);
        VERIFY_ERROR(r, 429, u"RATE_LIMITED"_s);
    }
}

void TestRelay::busyStoreSlowStoreAndLostStoreAnswerCleanly()
{
    // A central of its own with small bounds: 2 relayed requests per store, 1 s to answer.
    CentralProcess::Options options;
    options.environment = {{u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"5000"_s}, {u"TABLEORDER_RELAY_MAX_STREAMS"_s, u"2"_s},
                           {u"TABLEORDER_RELAY_TIMEOUT_MS"_s, u"1000"_s}};
    CentralProcess central(options);
    VERIFY_CENTRAL_STARTED(central);
    EdgeProcess edge(linkedEdge(central.url(), central.demoStoreKey(), false, {{u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"5000"_s}}));
    VERIFY_STARTED(edge);
    HttpClient http(central.port());
    const QString metricsToken = CentralProcess::defaultMetricsToken();
    QTRY_COMPARE_WITH_TIMEOUT(metric(http, metricsToken, "tableorder_relay_connected_stores"), 1.0, 15'000);
    VERIFY_STATUS(http.get(u"/s/1/api/v1/guest/menu"_s), 200);

    // The store is stuck (stopped): two phones wait on it, a third is told it is busy.
    QVERIFY(edge.pause());
    std::vector<std::unique_ptr<QTcpSocket>> waiting;
    for (int i = 0; i < 2; ++i) {
        auto phone = std::make_unique<QTcpSocket>();
        phone->connectToHost(QHostAddress::LocalHost, central.port());
        QVERIFY(phone->waitForConnected(5000));
        phone->write(rawRequest("GET", u"/s/1/api/v1/guest/menu"_s));
        QVERIFY(phone->waitForBytesWritten(5000));
        waiting.push_back(std::move(phone));
    }
    QTRY_COMPARE_WITH_TIMEOUT(metric(http, metricsToken, "tableorder_relay_in_flight"), 2.0, 5000);
    const HttpResult busy = HttpClient::raw(central.port(), rawRequest("GET", u"/s/1/api/v1/guest/menu"_s));
    VERIFY_ERROR(busy, 503, u"UNAVAILABLE"_s);
    QCOMPARE(busy.header("Retry-After"), QByteArray("1"));
    // The two waiting get 504 once the store has had its second.
    for (auto &phone : waiting) {
        QByteArray buffer;
        std::optional<HttpResult> answer;
        for (int i = 0; i < 100 && !answer; ++i) {
            phone->waitForReadyRead(100);
            buffer += phone->readAll();
            answer = takeResponse(buffer, phone->state() != QAbstractSocket::ConnectedState);
        }
        QVERIFY(answer);
        VERIFY_ERROR(*answer, 504, u"GATEWAY_TIMEOUT"_s);
    }
    QVERIFY(edge.resume());
    QTRY_COMPARE_WITH_TIMEOUT(metric(http, metricsToken, "tableorder_relay_in_flight"), 0.0, 5000);
    VERIFY_STATUS(http.get(u"/s/1/api/v1/guest/menu"_s), 200);

    // The store dies mid-request: the phone hears 502, then STORE_OFFLINE.
    QVERIFY(edge.pause());
    QTcpSocket phone;
    phone.connectToHost(QHostAddress::LocalHost, central.port());
    QVERIFY(phone.waitForConnected(5000));
    phone.write(rawRequest("GET", u"/s/1/api/v1/guest/menu"_s));
    QVERIFY(phone.waitForBytesWritten(5000));
    QTRY_COMPARE_WITH_TIMEOUT(metric(http, metricsToken, "tableorder_relay_in_flight"), 1.0, 5000);
    edge.kill();
    QByteArray buffer;
    std::optional<HttpResult> answer;
    for (int i = 0; i < 100 && !answer; ++i) {
        phone.waitForReadyRead(100);
        buffer += phone.readAll();
        answer = takeResponse(buffer, phone.state() != QAbstractSocket::ConnectedState);
    }
    QVERIFY(answer);
    QVERIFY2(answer->status == 502 || answer->status == 504, qPrintable(answer->describe()));
    if (answer->status == 502)
        VERIFY_ERROR(*answer, 502, u"BAD_GATEWAY"_s);
    QTRY_COMPARE_WITH_TIMEOUT(http.get(u"/s/1/api/v1/guest/menu"_s).errorCode(), u"STORE_OFFLINE"_s, 10'000);
}

void TestRelay::relayConnectionNeedsAStoreKey()
{
    auto upgrade = [this](const QByteArray &authorization, const QByteArray &path = "/relay/v1/connect") {
        return HttpClient::raw(m_central->port(),
                               "GET " + path + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                               + authorization + "\r\n");
    };
    VERIFY_ERROR(upgrade({}), 401, u"UNAUTHENTICATED"_s);
    VERIFY_ERROR(upgrade("Authorization: Bearer sk_not-a-store-key\r\n"), 401, u"INVALID_TOKEN"_s);
    // An HQ user's token is not a store key.
    VERIFY_ERROR(upgrade("Authorization: Bearer " + m_hqToken.toUtf8() + "\r\n"), 401, u"INVALID_TOKEN"_s);
    // A store's key opens it (and replaces that store's connection: not done here).
    const HttpResult other = upgrade("Authorization: Bearer " + m_b.key.toUtf8() + "\r\n", "/api/v1/stores");
    QVERIFY2(other.status == 400 || other.status == 404, qPrintable(other.describe()));
    // The two stores are still connected.
    QCOMPARE(metric(m_http, CentralProcess::defaultMetricsToken(), "tableorder_relay_connected_stores"), 2.0);
}

void TestRelay::relayMetricsAreExported()
{
    const QByteArray text = m_http.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    QVERIFY(sumSamples(text, "tableorder_relay_requests_total", {{"outcome", "ok"}}) >= 5);
    QVERIFY(text.contains("tableorder_relay_head_seconds_bucket"));
    QVERIFY(text.contains("tableorder_relay_in_flight"));
    HttpClient edge(m_a.edge->port());
    const QByteArray edgeText = edge.get(u"/metrics"_s).body;
    QCOMPARE(sumSamples(edgeText, "tableorder_relay_connected", {}), 1.0);
    QVERIFY(sumSamples(edgeText, "tableorder_relay_requests_total", {{"outcome", "replayed"}}) >= 5);
}

void TestRelay::relayReachesAStoreServingHttps()
{
    // A store with TLS on its LAN (--tls on): the relay replays over HTTPS to its own listener.
    CentralProcess central(CentralProcess::Options{.environment = {{u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s}}});
    VERIFY_CENTRAL_STARTED(central);
    EdgeProcess::Options options = linkedEdge(central.url(), central.demoStoreKey());
    options.arguments += {u"--tls"_s, u"on"_s};
    EdgeProcess edge(options);
    VERIFY_STARTED(edge);
    HttpClient http(central.port());
    QTRY_COMPARE_WITH_TIMEOUT(metric(http, CentralProcess::defaultMetricsToken(), "tableorder_relay_connected_stores"), 1.0, 15'000);
    const HttpResult menu = http.get(u"/s/1/api/v1/guest/menu"_s);
    VERIFY_STATUS(menu, 200);
    QVERIFY(!menuItems(menu.json()).isEmpty());
    // What the store reported for the offline answer is its https address.
    QVERIFY(edge.terminate());
    QTRY_COMPARE_WITH_TIMEOUT(metric(http, CentralProcess::defaultMetricsToken(), "tableorder_relay_connected_stores"), 0.0, 10'000);
    const HttpResult offline = http.get(u"/s/1/api/v1/guest/menu"_s);
    VERIFY_ERROR(offline, 503, u"STORE_OFFLINE"_s);
    QVERIFY2(offline.errorDetails().value(u"lan_url"_s).toString().startsWith(u"https://"_s), qPrintable(offline.describe()));
}

void TestRelay::storeOfflineNamesTheLanAddressWhichWorks()
{
    // Store A's internet line goes down: the edge keeps serving its LAN.
    m_line->setDown(true);
    QTRY_COMPARE_WITH_TIMEOUT(metric(m_http, CentralProcess::defaultMetricsToken(), "tableorder_relay_connected_stores"), 1.0, 10'000);
    const HttpResult offline = m_http.get(guestPath(m_a, u"menu"_s));
    VERIFY_ERROR(offline, 503, u"STORE_OFFLINE"_s);
    const QJsonObject details = offline.errorDetails();
    const QString lanUrl = details.value(u"lan_url"_s).toString();
    QCOMPARE(details.value(u"wifi_ssid"_s).toString(), lanWifi());
    QCOMPARE(QUrl(lanUrl).port(), int(m_a.edge->port()));
    // The page itself still loads from central (it shows the offline message).
    VERIFY_STATUS(m_http.get(u"/s/%1/t/%2"_s.arg(m_a.id).arg(m_a.tableCode)), 200);
    // The LAN address works: join and order directly, the same table code.
    HttpClient lan(quint16(QUrl(lanUrl).port()));
    const HttpResult joined = lan.post(u"/api/v1/guest/join"_s, {{u"table_code"_s, m_a.tableCode}});
    VERIFY_STATUS(joined, 200);
    const QString id = newClientOrderId();
    VERIFY_STATUS(lan.post(u"/api/v1/guest/orders"_s, orderBody(id, {{m_itemId, 1}}), joined.json().value(u"token"_s).toString()), 201);
    // Store B is not affected.
    VERIFY_STATUS(m_http.get(guestPath(m_b, u"menu"_s)), 200);
    // The line comes back: the relay reconnects by itself and the same phone's token works.
    m_line->setDown(false);
    QTRY_COMPARE_WITH_TIMEOUT(metric(m_http, CentralProcess::defaultMetricsToken(), "tableorder_relay_connected_stores"), 2.0, 15'000);
    const HttpResult again = m_http.post(guestPath(m_a, u"orders"_s), orderBody(id, {{m_itemId, 1}}), joined.json().value(u"token"_s).toString());
    VERIFY_STATUS(again, 200);
    QCOMPARE(edgeOrderCount(m_a, id), 1);
}

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
