// The guests' phone app (issue 16) in headless Chromium at phone size (390x844, touch) against
// a real edge: menu, options, cart, order and its live status; an order placed exactly once
// when the connection drops after the edge handled it (DevTools Fetch fails the response, the
// app retries with the same client_order_id); a closed visit's token refused; the tablet's
// visit code admits the phone and both see the same orders live; menu text shown as text;
// the "store cannot be reached" screen. Saves the screenshots of docs/screenshots/guest-*.png.

#include "browser.h"
#include "edgeprocess.h"
#include "httpclient.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

class TestGuestWeb : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void menuOptionsCartOrderAndLiveStatus();
    void orderIsPlacedOnceWhenTheAnswerIsLost();
    void tabletCodeAdmitsThePhoneAndBothSeeTheSameOrders();
    void closedVisitsTokenIsRefused();
    void languageSwitchesEveryText();
    void menuTextIsShownAsText();
    void storeOfflineShowsTheWifiAndTheLanAddress();

private:
    QString tableCode(int number);
    QString visitCode(int number);
    void closeVisit(int number);
    /// Opens table `number`'s guest page (with its tablet's visit code) and waits for the menu.
    void openTable(int number, bool withVisitCode = true);
    void shoot(const QString &name);
    QJsonArray ordersOfTable(int number);
    bool click(const QString &selector);

    std::unique_ptr<EdgeProcess> m_edge;
    Browser m_browser;
    HttpClient m_http;
    QString m_manager;
};

void TestGuestWeb::initTestCase()
{
    if (Browser::executable().isEmpty())
        QSKIP("chromium is not installed (scripts/install-deps.sh installs it)");
    EdgeProcess::Options options;
    options.arguments = {u"--wifi-ssid"_s, u"Hansik-Guest"_s};
    m_edge = std::make_unique<EdgeProcess>(options);
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_http.setPort(m_edge->port());
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(m_http.put(u"/api/v1/guest-settings"_s, {{u"self_open"_s, false}}, m_manager).status == 200);
    QVERIFY2(m_browser.start(390, 844, true), qPrintable(m_browser.errorString()));
}

void TestGuestWeb::init()
{
    // Each test starts as a new phone: no token, cart or language kept from the last one.
    QVERIFY(m_browser.navigate(u"http://127.0.0.1:%1/guest/app.css"_s.arg(m_edge->port())));
    m_browser.evaluate(u"localStorage.clear(); localStorage.setItem('guest:lang', 'en'); true"_s);
}

void TestGuestWeb::cleanup()
{
    m_browser.stopIntercepting();
}

QString TestGuestWeb::tableCode(int number)
{
    for (const QJsonValue &t : m_http.get(u"/api/v1/guest-tables"_s, m_manager).json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == number)
            return t.toObject().value(u"code"_s).toString();
    }
    return {};
}

QString TestGuestWeb::visitCode(int number)
{
    return m_http.get(u"/api/v1/guest-visit-code"_s, m_http.tableLogin(number)).json().value(u"code"_s).toString();
}

void TestGuestWeb::closeVisit(int number)
{
    m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(number), {{u"force"_s, true}, {u"reason"_s, u"test"_s}}, m_manager);
}

void TestGuestWeb::openTable(int number, bool withVisitCode)
{
    QString url = u"http://127.0.0.1:%1/t/%2"_s.arg(m_edge->port()).arg(tableCode(number));
    if (withVisitCode)
        url += u"#v="_s + visitCode(number);
    QVERIFY(m_browser.navigate(url));
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.item').length > 10"_s), qPrintable(m_browser.errorString()));
}

void TestGuestWeb::shoot(const QString &name)
{
    const QString dir = QStringLiteral(TABLEORDER_SOURCE_DIR) + u"/docs/screenshots"_s;
    QDir().mkpath(dir);
    // Let pictures and transitions settle.
    QVERIFY(m_browser.waitFor(u"[...document.images].filter(i => i.getBoundingClientRect().top < innerHeight && i.getBoundingClientRect().bottom > 0).every(i => i.complete)"_s));
    QVERIFY2(m_browser.screenshot(dir + u"/guest-"_s + name + u".png"_s), qPrintable(m_browser.errorString()));
}

QJsonArray TestGuestWeb::ordersOfTable(int number)
{
    QJsonArray out;
    for (const QJsonValue &o : m_http.get(u"/api/v1/orders?limit=500"_s, m_manager).json().value(u"orders"_s).toArray()) {
        if (o.toObject().value(u"table_number"_s).toInt() == number)
            out.append(o);
    }
    return out;
}

bool TestGuestWeb::click(const QString &selector)
{
    return m_browser.evaluate(u"(() => { const e = document.querySelector(%1); if (!e) return false; e.click(); return true; })()"_s
                                      .arg(QString::fromUtf8(QJsonDocument(QJsonArray{selector}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)))
            .toBool();
}

void TestGuestWeb::menuOptionsCartOrderAndLiveStatus()
{
    closeVisit(1);
    openTable(1);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#table').textContent === 'Table 1'"_s));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#notice').hidden"_s).toBool(), true);
    QCOMPARE(m_browser.evaluate(u"document.querySelector('[data-item=\"1\"] .name').textContent"_s).toString(), u"Kimchi stew"_s);
    // Nothing overflows the phone's width.
    QCOMPARE(m_browser.evaluate(u"document.documentElement.scrollWidth <= 390"_s).toBool(), true);
    shoot(u"menu"_s);

    QVERIFY(click(u"[data-item=\"1\"]"_s));
    QVERIFY(m_browser.waitFor(u"!document.querySelector('#sheet').hidden && document.querySelector('#add')"_s));
    // Spiciness: hot (+500 won in the demo menu); extra rice.
    QVERIFY(click(u"input[name=g1][value=\"3\"]"_s));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#sheet-body').textContent.includes('null')"_s).toBool(), false);
    QVERIFY(click(u"input[name=g2][value=\"4\"]"_s));
    m_browser.evaluate(u"document.querySelectorAll('.stepper button')[1].click(); true"_s); // quantity 2
    QVERIFY(m_browser.waitFor(u"document.querySelector('.stepper .qty').textContent === '2'"_s));
    shoot(u"options"_s);
    QVERIFY(click(u"#add"_s));
    QVERIFY(m_browser.waitFor(u"!document.querySelector('#cartbar').hidden"_s));
    QVERIFY(click(u"[data-item=\"21\"]"_s)); // a cola, no options needed
    QVERIFY(m_browser.waitFor(u"document.querySelector('#add')"_s));
    QVERIFY(click(u"#add"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#cartbar .count').textContent === '3'"_s));
    QVERIFY(click(u"#cartbar"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelectorAll('.lines > li').length === 2"_s));
    shoot(u"cart"_s);

    QVERIFY(click(u"#place"_s));
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.orders .order').length === 1"_s), qPrintable(m_browser.errorString()));
    const QJsonArray orders = ordersOfTable(1);
    QCOMPARE(orders.size(), 1);
    const QJsonObject order = orders.first().toObject();
    const QJsonArray items = order.value(u"items"_s).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value(u"quantity"_s).toInt(), 2);
    QCOMPARE(items.at(0).toObject().value(u"options"_s).toArray().size(), 2);
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#cartbar').hidden"_s).toBool(), true);

    // The kitchen starts it: the phone shows it without reloading.
    const QString kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QCOMPARE(m_http.patch(u"/api/v1/orders/%1"_s.arg(order.value(u"id"_s).toInteger()), {{u"status"_s, u"preparing"_s}}, kitchen).status, 200);
    QVERIFY(m_browser.waitFor(u"document.querySelector('.orders .order .status').textContent === 'Cooking'"_s));
    // Calling staff from the phone reaches the floor.
    QVERIFY(click(u".x"_s));
    QVERIFY(click(u"#btn-call"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('[data-reason=water]')"_s));
    QVERIFY(click(u"[data-reason=water]"_s));
    QVERIFY(m_browser.waitFor(u"!document.querySelector('#toast').hidden"_s));
    const QString floor = m_http.staffLogin(u"staff"_s, u"staff"_s);
    bool called = false;
    for (const QJsonValue &c : m_http.get(u"/api/v1/calls"_s, floor).json().value(u"calls"_s).toArray())
        called = called || (c.toObject().value(u"table_number"_s).toInt() == 1 && c.toObject().value(u"reason"_s).toString() == u"water"_s);
    QVERIFY(called);
    QVERIFY(click(u"#btn-orders"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('.callstate')"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#toast').hidden"_s, 5000));
    shoot(u"status"_s);
}

void TestGuestWeb::orderIsPlacedOnceWhenTheAnswerIsLost()
{
    closeVisit(2);
    openTable(2);
    // The edge handles the POST; its answer is lost on the way (connection reset) once.
    const auto lost = m_browser.loseFirstPostAnswer(u"*/api/v1/guest/orders"_s);
    QVERIFY(click(u"[data-item=\"3\"]"_s)); // bibimbap
    QVERIFY(m_browser.waitFor(u"document.querySelector('#add')"_s));
    QVERIFY(click(u"#add"_s));
    QVERIFY(click(u"#cartbar"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#place') && !document.querySelector('#place').disabled"_s));
    QVERIFY(click(u"#place"_s));
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.orders .order').length === 1"_s, 20'000), qPrintable(m_browser.errorString()));
    QCOMPARE(lost->failed, 1);
    QVERIFY2(lost->posts >= 2, qPrintable(QString::number(lost->posts))); // the first try and the retry
    const QJsonArray orders = ordersOfTable(2);
    QCOMPARE(orders.size(), 1);
    QCOMPARE(m_browser.evaluate(u"JSON.stringify(window.tableorderGuest.state.pending)"_s).toString(), u"null"_s);
    // The app shows the edge's one order (same client_order_id, same number).
    QCOMPARE(m_browser.evaluate(u"document.querySelector('.orders .order strong').textContent"_s).toString(),
             u"#%1"_s.arg(orders.first().toObject().value(u"number"_s).toInt()));
}

void TestGuestWeb::tabletCodeAdmitsThePhoneAndBothSeeTheSameOrders()
{
    closeVisit(3);
    // Without the tablet's code the phone may look but not order.
    openTable(3, false);
    QVERIFY(m_browser.waitFor(u"!document.querySelector('#notice').hidden && document.querySelector('#visit-code')"_s));
    QVERIFY(m_browser.evaluate(u"document.querySelector('#notice').textContent"_s).toString().contains(u"tablet"_s));
    QCOMPARE(m_browser.evaluate(u"document.querySelector('#btn-call').disabled"_s).toBool(), true);
    // Typing the code the tablet shows admits it.
    m_browser.evaluate(u"document.querySelector('#visit-code').value = '%1'; document.querySelector('.codeform button').click(); true"_s.arg(visitCode(3)));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#notice').hidden && !document.querySelector('#btn-call').disabled"_s));
    // The tablet orders: the phone sees it live, as its own visit's order.
    const QString tablet = m_http.tableLogin(3);
    const HttpResult placed = m_http.post(u"/api/v1/orders"_s,
                                          {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                           {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, 4}, {u"quantity"_s, 1}}}}},
                                          tablet);
    QCOMPARE(placed.status, 201);
    QVERIFY(click(u"#btn-orders"_s));
    QVERIFY2(m_browser.waitFor(u"document.querySelectorAll('.orders .order').length === 1"_s), qPrintable(m_browser.errorString()));
    // The phone orders: the tablet's list has both.
    QVERIFY(click(u".x"_s));
    QVERIFY(click(u"[data-item=\"5\"]"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#add')"_s));
    QVERIFY(click(u"#add"_s));
    QVERIFY(click(u"#cartbar"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#place') && !document.querySelector('#place').disabled"_s));
    QVERIFY(click(u"#place"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelectorAll('.orders .order').length === 2"_s));
    QCOMPARE(m_http.get(u"/api/v1/orders"_s, tablet).json().value(u"orders"_s).toArray().size(), 2);
}

void TestGuestWeb::closedVisitsTokenIsRefused()
{
    closeVisit(4);
    openTable(4);
    QVERIFY(m_browser.waitFor(u"!!window.tableorderGuest.state.token && !!window.tableorderGuest.state.visitId"_s));
    const QString token = m_browser.evaluate(u"window.tableorderGuest.state.token"_s).toString();
    // The visit ends while the page is open: the phone hears it and says so.
    QCOMPARE(m_http.post(u"/api/v1/tables/4/close-session"_s, {}, m_manager).status, 200);
    QVERIFY2(m_browser.waitFor(u"!document.querySelector('#notice').hidden && document.querySelector('#notice').textContent.includes('visit has ended')"_s),
             qPrintable(m_browser.errorString()));
    // The token it had is refused for good, even once the table has new guests.
    QCOMPARE(m_http.post(u"/api/v1/orders"_s,
                         {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                          {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, 4}, {u"quantity"_s, 1}}}}},
                         m_http.tableLogin(4)).status, 201);
    const HttpResult refused = m_http.post(u"/api/v1/guest/orders"_s,
                                           {{u"client_order_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                            {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, 4}, {u"quantity"_s, 1}}}}},
                                           token);
    QCOMPARE(refused.errorCode(), u"VISIT_ENDED"_s);
    // A reload of yesterday's page (same token kept) does not get back in without a code.
    m_browser.evaluate(u"localStorage.setItem('guest:%1:token', JSON.stringify('%2')); true"_s.arg(tableCode(4), token));
    openTable(4, false);
    QVERIFY(m_browser.waitFor(u"document.querySelector('#visit-code')"_s));
    QCOMPARE(ordersOfTable(4).size(), 1);
}

void TestGuestWeb::languageSwitchesEveryText()
{
    openTable(5);
    const QList<std::tuple<QString, QString, QString>> languages = {
            {u"ko"_s, u"김치찌개"_s, u"주문 내역"_s},
            {u"zh"_s, u"泡菜汤"_s, u"我的订单"_s},
            {u"ja"_s, u"キムチチゲ"_s, u"注文履歴"_s},
            {u"en"_s, u"Kimchi stew"_s, u"My orders"_s},
    };
    for (const auto &[lang, dish, orders] : languages) {
        m_browser.evaluate(u"(() => { const s = document.querySelector('#lang'); s.value = '%1'; s.dispatchEvent(new Event('change')); return true; })()"_s.arg(lang));
        QVERIFY2(m_browser.waitFor(u"document.documentElement.lang === '%1'"_s.arg(lang)), qPrintable(lang));
        const QString shown = m_browser.evaluate(u"document.querySelector('[data-item=\"1\"] .name').textContent"_s).toString();
        QCOMPARE(shown, dish);
        QCOMPARE(m_browser.evaluate(u"document.querySelector('#btn-orders').textContent"_s).toString(), orders);
    }
    // The choice is kept for the next page.
    QCOMPARE(m_browser.evaluate(u"localStorage.getItem('guest:lang')"_s).toString(), u"en"_s);
}

void TestGuestWeb::menuTextIsShownAsText()
{
    // A hostile item name (menus come from staff and HQ): shown as text, never run as HTML.
    const QString hostile = u"<img src=x onerror=\"window.pwned=1\">Bad dish"_s;
    const HttpResult item = m_http.get(u"/api/v1/menu"_s);
    QJsonObject first = item.json().value(u"categories"_s).toArray().first().toObject().value(u"items"_s).toArray().first().toObject();
    const qint64 id = first.value(u"id"_s).toInteger();
    const HttpResult changed = m_http.put(u"/api/v1/menu/items/%1"_s.arg(id),
                                          {{u"category_id"_s, first.value(u"category_id"_s)}, {u"name"_s, hostile},
                                           {u"price"_s, first.value(u"price"_s)}, {u"translations"_s, QJsonObject{}}},
                                          m_manager);
    QVERIFY2(changed.status == 200, qPrintable(changed.describe()));
    openTable(6);
    QVERIFY(m_browser.waitFor(u"[...document.querySelectorAll('.item .name')].some(n => n.textContent.includes('<img src=x'))"_s));
    QCOMPARE(m_browser.evaluate(u"!!window.pwned"_s).toBool(), false);
    QCOMPARE(m_browser.evaluate(u"document.querySelectorAll('.item .name img').length"_s).toInt(), 0);
}

void TestGuestWeb::storeOfflineShowsTheWifiAndTheLanAddress()
{
    // What central answers while the store's link is down (issue 16, contract point 6), stubbed
    // in the browser: every guest API call gets 503 STORE_OFFLINE with the edge's LAN address.
    const QString lan = u"http://127.0.0.1:%1"_s.arg(m_edge->port());
    const QByteArray body = QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{
            {u"code"_s, u"STORE_OFFLINE"_s}, {u"message"_s, u"the store cannot be reached"_s},
            {u"details"_s, QJsonObject{{u"lan_url"_s, lan}, {u"wifi_ssid"_s, u"Hansik-Guest"_s}}}}}}).toJson(QJsonDocument::Compact);
    m_browser.setEventHandler([&](const QString &method, const QJsonObject &params) {
        if (method != u"Fetch.requestPaused"_s)
            return;
        m_browser.post(u"Fetch.fulfillRequest"_s, {{u"requestId"_s, params.value(u"requestId"_s)}, {u"responseCode"_s, 503},
                                                   {u"responseHeaders"_s, QJsonArray{QJsonObject{{u"name"_s, u"Content-Type"_s}, {u"value"_s, u"application/json"_s}}}},
                                                   {u"body"_s, QString::fromLatin1(body.toBase64())}});
    });
    m_browser.command(u"Fetch.enable"_s, {{u"patterns"_s, QJsonArray{QJsonObject{{u"urlPattern"_s, u"*/api/v1/guest/*"_s}}}}});
    const QString code = tableCode(7);
    QVERIFY(m_browser.navigate(u"http://localhost:%1/t/%2"_s.arg(m_edge->port()).arg(code)));
    QVERIFY2(m_browser.waitFor(u"!document.querySelector('#offline').hidden"_s), qPrintable(m_browser.errorString()));
    const QString text = m_browser.evaluate(u"document.querySelector('#offline').textContent"_s).toString();
    QVERIFY2(text.contains(u"Hansik-Guest"_s) && text.contains(u"can't reach"_s), qPrintable(text));
    const QString href = m_browser.evaluate(u"document.querySelector('#lan-link').href"_s).toString();
    QCOMPARE(href, lan + u"/t/"_s + code);
    shoot(u"offline"_s);
    // The LAN address works: the edge serves the same table's page.
    m_browser.stopIntercepting();
    QVERIFY(m_browser.navigate(href));
    QVERIFY(m_browser.waitFor(u"document.querySelectorAll('.item').length > 10 && document.querySelector('#offline').hidden"_s));
    QVERIFY(m_browser.waitFor(u"document.querySelector('#table').textContent === 'Table 7'"_s));
}

QTEST_MAIN(TestGuestWeb)
#include "tst_guestweb.moc"
