// Issue 16 through HQ, in headless Chromium at phone size (390x844, touch): a real central and
// a real edge linked to it, the edge's internet line a fault proxy. The phone opens the table's
// QR address on central (/s/1/t/{code}), sees the menu, orders (exactly once, also when the
// answer is lost on the way back and the app retries) and follows the order live, all through
// the relay; then the store's line goes down and the same address shows the offline message
// with the store's Wi-Fi and LAN address, which works. Saves docs/screenshots/guest-relay-*.png.

#include "browser.h"
#include "centralprocess.h"
#include "edgeprocess.h"
#include "faultline.h"
#include "httpclient.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestRelayWeb : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void orderThroughHqOnceAndFollowItLive();
    void storeOfflineShowsTheWifiAndTheLanAddressWhichWorks();

private:
    QString tableCode(int number);
    QJsonArray ordersOfTable(int number);
    bool click(const QString &selector);
    void shoot(const QString &name);
    double connectedStores();

    std::unique_ptr<CentralProcess> m_central;
    std::unique_ptr<FaultLine> m_line;
    std::unique_ptr<EdgeProcess> m_edge;
    Browser m_browser;
    HttpClient m_edgeHttp;
    HttpClient m_centralHttp;
    QString m_manager;
};

double TestRelayWeb::connectedStores()
{
    const QByteArray text = m_centralHttp.get(u"/metrics"_s, CentralProcess::defaultMetricsToken()).body;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("tableorder_relay_connected_stores "))
            return line.sliced(line.indexOf(' ') + 1).toDouble();
    }
    return -1;
}

void TestRelayWeb::initTestCase()
{
    if (Browser::executable().isEmpty())
        QSKIP("chromium is not installed (scripts/install-deps.sh installs it)");
    CentralProcess::Options central;
    central.environment = {{u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s}};
    m_central = std::make_unique<CentralProcess>(central);
    VERIFY_CENTRAL_STARTED(*m_central);
    m_centralHttp.setPort(m_central->port());
    m_line = std::make_unique<FaultLine>(m_central->port());
    EdgeProcess::Options options;
    options.arguments = {u"--central"_s, u"http://127.0.0.1:%1"_s.arg(m_line->port()), u"--store-key"_s,
                         m_central->demoStoreKey(), u"--wifi-ssid"_s, u"Hansik-Guest"_s};
    options.environment = {{u"TABLEORDER_SYNC_HEARTBEAT_MS"_s, u"300"_s}, {u"TABLEORDER_SYNC_MAX_BACKOFF_MS"_s, u"500"_s},
                           {u"TABLEORDER_RELAY_HEARTBEAT_MS"_s, u"1000"_s}};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_edgeHttp.setPort(m_edge->port());
    m_manager = m_edgeHttp.staffLogin(u"manager"_s, u"manager"_s);
    // A table's code lets the first phone order open the visit.
    QCOMPARE(m_edgeHttp.put(u"/api/v1/guest-settings"_s, {{u"self_open"_s, true}}, m_manager).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(connectedStores(), 1.0, 15'000);
    QVERIFY2(m_browser.start(390, 844, true), qPrintable(m_browser.errorString()));
    QVERIFY(m_browser.navigate(u"http://127.0.0.1:%1/s/1/guest/app.css"_s.arg(m_central->port())));
    m_browser.evaluate(u"localStorage.clear(); localStorage.setItem('guest:lang', 'en'); true"_s);
}

void TestRelayWeb::cleanup()
{
    m_browser.stopIntercepting();
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "edge:" << QString::fromUtf8(m_edge->log().right(2000));
        qWarning().noquote() << "central:" << QString::fromUtf8(m_central->log().right(2000));
    }
}

QString TestRelayWeb::tableCode(int number)
{
    for (const QJsonValue &t : m_edgeHttp.get(u"/api/v1/guest-tables"_s, m_manager).json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == number)
            return t.toObject().value(u"code"_s).toString();
    }
    return {};
}

QJsonArray TestRelayWeb::ordersOfTable(int number)
{
    QJsonArray out;
    for (const QJsonValue &o : m_edgeHttp.get(u"/api/v1/orders?limit=500"_s, m_manager).json().value(u"orders"_s).toArray()) {
        if (o.toObject().value(u"table_number"_s).toInt() == number)
            out.append(o);
    }
    return out;
}

bool TestRelayWeb::click(const QString &selector)
{
    return m_browser.evaluate(u"(() => { const e = document.querySelector(%1); if (!e) return false; e.click(); return true; })()"_s
                                      .arg(QString::fromUtf8(QJsonDocument(QJsonArray{selector}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)))
            .toBool();
}

void TestRelayWeb::shoot(const QString &name)
{
    const QString dir = QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots"_s;
    QDir().mkpath(dir);
    QVERIFY2(m_browser.screenshot(dir + u"/guest-relay-"_s + name + u".png"_s), qPrintable(m_browser.errorString()));
}

void TestRelayWeb::orderThroughHqOnceAndFollowItLive()
{
    const QString code = tableCode(5);
    QVERIFY(!code.isEmpty());
    QVERIFY(m_browser.navigate(u"http://127.0.0.1:%1/s/1/t/%2"_s.arg(m_central->port()).arg(code)));
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.item').length > 10"_s, 15'000), qPrintable(m_browser.errorString()));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#table').textContent === 'Table 5'"_s));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#offline').hidden"_s).toBool(), true);
    QCOMPARE(m_browser.evaluate(u"document.documentElement.scrollWidth <= 390"_s).toBool(), true);
    // Every call the page made went to central's address, under /s/1/.
    QCOMPARE(m_browser.evaluate(u"performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin + '/s/1/')).join(' ')"_s).toString(),
             QString());

    // The answer to the order is lost once on its way back (after the edge made it): the app
    // retries with the same client_order_id, through central again.
    const auto lost = m_browser.loseFirstPostAnswer(u"*/s/1/api/v1/guest/orders"_s);
    QVERIFY(click(u"[data-item=\"21\"]"_s)); // a cola, no options
    QVERIFY(m_browser.waitFor(u"document.querySelector('#add')"_s));
    QVERIFY(click(u"#add"_s));
    QVERIFY(m_browser.waitFor(u"!document.querySelector('#cartbar').hidden"_s));
    QVERIFY(click(u"#cartbar"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#place') && !document.querySelector('#place').disabled"_s));
    QVERIFY(click(u"#place"_s));
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.orders .order').length === 1"_s, 20'000), qPrintable(m_browser.errorString()));
    QCOMPARE(lost->failed, 1);
    QVERIFY2(lost->posts >= 2, qPrintable(QString::number(lost->posts)));
    const QJsonArray orders = ordersOfTable(5);
    QCOMPARE(orders.size(), 1);
    m_browser.stopIntercepting();

    // The kitchen starts it on the edge: the phone shows it live (SSE through the relay).
    const QString kitchen = m_edgeHttp.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QCOMPARE(m_edgeHttp.patch(u"/api/v1/orders/%1"_s.arg(orders.first().toObject().value(u"id"_s).toInteger()),
                              {{u"status"_s, u"preparing"_s}}, kitchen).status, 200);
    QVERIFY2(m_browser.waitFor(u"document.querySelector('.orders .order .status').textContent === 'Cooking'"_s),
             qPrintable(m_browser.evaluate(u"document.querySelector('.orders').textContent"_s).toString()));
    shoot(u"status"_s);
}

void TestRelayWeb::storeOfflineShowsTheWifiAndTheLanAddressWhichWorks()
{
    const QString code = tableCode(6);
    m_line->setDown(true);
    QTRY_COMPARE_WITH_TIMEOUT(connectedStores(), 0.0, 10'000);
    // The QR's address still opens (central serves the page) and says what to do.
    QVERIFY(m_browser.navigate(u"http://127.0.0.1:%1/s/1/t/%2"_s.arg(m_central->port()).arg(code)));
    QVERIFY2(m_browser.waitFor(u"!document.querySelector('#offline').hidden"_s, 15'000), qPrintable(m_browser.errorString()));
    const QString text = m_browser.evaluate(u"document.querySelector('#offline').textContent"_s).toString();
    QVERIFY2(text.contains(u"Hansik-Guest"_s), qPrintable(text));
    const QString href = m_browser.evaluate(u"document.querySelector('#lan-link').href"_s).toString();
    QCOMPARE(href, u"http://127.0.0.1:%1/t/%2"_s.arg(m_edge->port()).arg(code));
    shoot(u"offline"_s);
    // On the store's Wi-Fi, the LAN address: the same table, served by the edge, orders work.
    QVERIFY(m_browser.navigate(href));
    QVERIFY(m_browser.waitFor(u"document.querySelectorAll('.item').length > 10 && document.querySelector('#offline').hidden"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#table').textContent === 'Table 6'"_s));
    QVERIFY(click(u"[data-item=\"21\"]"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#add')"_s));
    QVERIFY(click(u"#add"_s));
    QVERIFY(click(u"#cartbar"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#place') && !document.querySelector('#place').disabled"_s));
    QVERIFY(click(u"#place"_s));
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.orders .order').length === 1"_s, 20'000), qPrintable(m_browser.errorString()));
    QCOMPARE(ordersOfTable(6).size(), 1);
    m_line->setDown(false);
}

QTEST_MAIN(TestRelayWeb)
#include "tst_relayweb.moc"
