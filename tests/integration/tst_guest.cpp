// Guests ordering from their phones (issue 16), against the real edge over its sockets: the
// pages, table codes, joining a visit (the tablet's visit code, a visit staff opened, the
// store's self-open setting), tokens scoped to the visit, orders exactly once, the live
// stream shared by phone and tablet, bad input refused with nothing changed, rate limits.

#include "edgeprocess.h"
#include "httpclient.h"
#include "sseclient.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

QJsonObject orderBody(const QString &clientOrderId, qint64 item = 1, int quantity = 1)
{
    return {{u"client_order_id"_s, clientOrderId},
            {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, item}, {u"quantity"_s, quantity}}}}};
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestGuest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void rootPageIsTheStoresPage();
    void guestPageAndFilesAreServedWithValidators();
    void tableCodeAloneNeedsTheVisitCode();
    void tabletVisitCodeAdmitsAPhoneAndOrdersOnce();
    void tokenOfAClosedVisitIsRefused();
    void visitCodeChangesWithEveryVisit();
    void staffOpenedVisitAdmitsTheTableCode();
    void selfOpenLetsTheFirstOrderOpenTheVisit();
    void phoneAndTabletSeeTheSameOrdersLive();
    void regeneratedCodeRetiresTheOldCards();
    void badInputIsRefusedAndChangesNothing();
    void staffRoutesNeedStaff();
    void joinsAndOrdersAreRateLimited();

private:
    /// Table `number`'s printed code, as the manager's list has it.
    QString tableCode(int number);
    QJsonObject visitCode(int number);
    HttpResult join(const QString &tableCode, const QString &visitCode = {});
    /// Joins table `number` with its tablet's visit code; the phone's token.
    QString joinWithTablet(int number);
    int ordersOfTable(int number);
    void closeVisit(int number);
    void setSelfOpen(bool on);

    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_http;
    QString m_manager;
};

void TestGuest::initTestCase()
{
    m_edge = std::make_unique<EdgeProcess>();
    QVERIFY2(m_edge->start(), qPrintable(m_edge->errorString()));
    m_http.setPort(m_edge->port());
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_manager.isEmpty());
}

void TestGuest::init()
{
    // The demo store lets a table code alone order; most tests want the careful default.
    setSelfOpen(false);
}

QString TestGuest::tableCode(int number)
{
    const HttpResult list = m_http.get(u"/api/v1/guest-tables"_s, m_manager);
    for (const QJsonValue &t : list.json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == number)
            return t.toObject().value(u"code"_s).toString();
    }
    return {};
}

QJsonObject TestGuest::visitCode(int number)
{
    const QString tablet = m_http.tableLogin(number);
    return m_http.get(u"/api/v1/guest-visit-code"_s, tablet).json();
}

HttpResult TestGuest::join(const QString &code, const QString &visit)
{
    QJsonObject body{{u"table_code"_s, code}};
    if (!visit.isEmpty())
        body.insert(u"visit_code"_s, visit);
    return m_http.post(u"/api/v1/guest/join"_s, body);
}

QString TestGuest::joinWithTablet(int number)
{
    const HttpResult joined = join(tableCode(number), visitCode(number).value(u"code"_s).toString());
    if (joined.status != 200)
        qWarning() << "join failed:" << joined.describe();
    return joined.json().value(u"token"_s).toString();
}

int TestGuest::ordersOfTable(int number)
{
    int count = 0;
    const HttpResult list = m_http.get(u"/api/v1/orders?limit=500"_s, m_manager);
    for (const QJsonValue &o : list.json().value(u"orders"_s).toArray())
        count += o.toObject().value(u"table_number"_s).toInt() == number;
    return count;
}

void TestGuest::closeVisit(int number)
{
    const HttpResult closed = m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(number),
                                          {{u"force"_s, true}, {u"reason"_s, u"test"_s}}, m_manager);
    QVERIFY2(closed.status == 200 || closed.errorCode() == u"NO_OPEN_SESSION"_s, qPrintable(closed.describe()));
}

void TestGuest::setSelfOpen(bool on)
{
    const HttpResult set = m_http.put(u"/api/v1/guest-settings"_s, {{u"self_open"_s, on}}, m_manager);
    QVERIFY2(set.status == 200, qPrintable(set.describe()));
}

void TestGuest::rootPageIsTheStoresPage()
{
    const HttpResult root = m_http.get(u"/"_s);
    QCOMPARE(root.status, 200);
    QVERIFY(root.header("content-type").startsWith("text/html"));
    const QString html = QString::fromUtf8(root.body);
    QVERIFY2(html.contains(u"한식당 데모점"_s), qPrintable(html.left(300)));
    QVERIFY(html.contains(u"Scan the QR code"_s));
    // --demo: a link to each demo table's guest page, with that table's code.
    QVERIFY2(html.contains(u"href=\"/t/%1\""_s.arg(tableCode(1))), qPrintable(html));
    QVERIFY(html.contains(u"href=\"/t/%1\""_s.arg(tableCode(12))));
    QVERIFY(!root.header("content-security-policy").isEmpty());
}

void TestGuest::guestPageAndFilesAreServedWithValidators()
{
    const HttpResult page = m_http.get(u"/t/"_s + tableCode(1));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("content-type").startsWith("text/html"));
    QVERIFY(page.body.contains("../guest/app.js"));
    QVERIFY(page.header("content-security-policy").contains("script-src 'self'"));
    for (const QString &file : {u"app.js"_s, u"app.css"_s}) {
        const HttpResult first = m_http.get(u"/guest/"_s + file);
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("etag");
        QVERIFY(!etag.isEmpty());
        QCOMPARE(first.header("cache-control"), QByteArray("no-cache"));
        const HttpResult again = m_http.get(u"/guest/"_s + file, {}, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
    }
    QCOMPARE(m_http.get(u"/guest/nothing.js"_s).status, 404);
    QCOMPARE(HttpClient::raw(m_edge->port(), "GET /guest/..%2Fmigrations%2Fedge%2F001_initial.sql HTTP/1.1\r\nHost: x\r\n\r\n").status, 404);
    // The app's files before pictures: well under the 300 KB budget.
    qint64 bytes = 0;
    for (const QString &path : {u"/t/x"_s, u"/guest/app.js"_s, u"/guest/app.css"_s, u"/api/v1/guest/menu"_s})
        bytes += m_http.get(path).body.size();
    QVERIFY2(bytes < 300 * 1024, qPrintable(QString::number(bytes)));
}

void TestGuest::tableCodeAloneNeedsTheVisitCode()
{
    closeVisit(2);
    const HttpResult joined = join(tableCode(2));
    QCOMPARE(joined.status, 403);
    QCOMPARE(joined.errorCode(), u"VISIT_CODE_REQUIRED"_s);
    QCOMPARE(joined.errorDetails().value(u"table"_s).toObject().value(u"number"_s).toInt(), 2);
    const HttpResult wrong = join(tableCode(2), u"ABCDEFGH"_s);
    QCOMPARE(wrong.status, 403);
    QCOMPARE(wrong.errorCode(), u"VISIT_CODE_INVALID"_s);
    // Another table's tablet code does not open this table.
    const HttpResult other = join(tableCode(2), visitCode(3).value(u"code"_s).toString());
    QCOMPARE(other.errorCode(), u"VISIT_CODE_INVALID"_s);
    const HttpResult unknown = join(u"ZZZZZZZZZZ"_s);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), u"NOT_FOUND"_s);
    // None of it opened a visit.
    const HttpResult tables = m_http.get(u"/api/v1/tables"_s, m_manager);
    for (const QJsonValue &t : tables.json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == 2)
            QVERIFY(t.toObject().value(u"session_id"_s).isNull() || t.toObject().value(u"session_id"_s).toInteger() == 0);
    }
}

void TestGuest::tabletVisitCodeAdmitsAPhoneAndOrdersOnce()
{
    closeVisit(4);
    const QJsonObject code = visitCode(4);
    QVERIFY2(code.value(u"url"_s).toString().contains(u"/t/%1#v=%2"_s.arg(tableCode(4), code.value(u"code"_s).toString())),
             qPrintable(code.value(u"url"_s).toString()));
    const HttpResult joined = join(tableCode(4), code.value(u"code"_s).toString().toLower());
    QCOMPARE(joined.status, 200);
    QCOMPARE(joined.json().value(u"admitted_by"_s).toString(), u"visit_code"_s);
    QCOMPARE(joined.json().value(u"table"_s).toObject().value(u"number"_s).toInt(), 4);
    QVERIFY(joined.json().value(u"visit_id"_s).toInteger() > 0);
    const QString phone = joined.json().value(u"token"_s).toString();
    QVERIFY(phone.size() >= 40);

    const QString id = newId();
    const HttpResult first = m_http.post(u"/api/v1/guest/orders"_s, orderBody(id, 1, 2), phone);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json().value(u"session_id"_s).toInteger(), joined.json().value(u"visit_id"_s).toInteger());
    // The same order again (a retry after a lost answer): the same order, not a second one.
    const HttpResult again = m_http.post(u"/api/v1/guest/orders"_s, orderBody(id, 1, 2), phone);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"id"_s), first.json().value(u"id"_s));
    QCOMPARE(ordersOfTable(4), 1);
    // The tablet sees the phone's order as its own visit's.
    const HttpResult tablet = m_http.get(u"/api/v1/orders"_s, m_http.tableLogin(4));
    QCOMPARE(tablet.json().value(u"orders"_s).toArray().size(), 1);
    const HttpResult mine = m_http.get(u"/api/v1/guest/orders"_s, phone);
    QCOMPARE(mine.json().value(u"orders"_s).toArray().size(), 1);
    const HttpResult bill = m_http.get(u"/api/v1/guest/bill"_s, phone);
    QCOMPARE(bill.status, 200);
    QCOMPARE(bill.json().value(u"total"_s).toInteger(), first.json().value(u"total"_s).toInteger());
    const HttpResult call = m_http.post(u"/api/v1/guest/calls"_s, {{u"reason"_s, u"water"_s}}, phone);
    QCOMPARE(call.status, 201);
    QCOMPARE(call.json().value(u"table_number"_s).toInt(), 4);
}

void TestGuest::tokenOfAClosedVisitIsRefused()
{
    closeVisit(5);
    const QString phone = joinWithTablet(5);
    QVERIFY(!phone.isEmpty());
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone).status, 201);
    closeVisit(5);
    // Yesterday's phone: refused everywhere, and nothing ordered.
    const HttpResult order = m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone);
    QCOMPARE(order.status, 410);
    QCOMPARE(order.errorCode(), u"VISIT_ENDED"_s);
    for (const QString &path : {u"/api/v1/guest/orders"_s, u"/api/v1/guest/bill"_s, u"/api/v1/guest/session"_s})
        QCOMPARE(m_http.get(path, phone).errorCode(), u"VISIT_ENDED"_s);
    QCOMPARE(m_http.post(u"/api/v1/guest/calls"_s, {{u"reason"_s, u"water"_s}}, phone).errorCode(), u"VISIT_ENDED"_s);
    // Not even when the table has a new visit.
    const QString tablet = m_http.tableLogin(5);
    QCOMPARE(m_http.post(u"/api/v1/orders"_s, orderBody(newId()), tablet).status, 201);
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone).errorCode(), u"VISIT_ENDED"_s);
    QCOMPARE(m_http.get(u"/api/v1/orders"_s, tablet).json().value(u"orders"_s).toArray().size(), 1);
    SseClient stream;
    stream.open(m_edge->port(), StreamRequest{}, u"/api/v1/guest/events?token="_s + phone);
    QVERIFY(stream.waitForClosed());
    QCOMPARE(stream.response().status, 410);
}

void TestGuest::visitCodeChangesWithEveryVisit()
{
    closeVisit(6);
    const QString free = visitCode(6).value(u"code"_s).toString();
    const QString phone = joinWithTablet(6); // opens the visit
    QVERIFY(!phone.isEmpty());
    const QString during = visitCode(6).value(u"code"_s).toString();
    QVERIFY(during != free);
    // The code shown while the table was free no longer admits anyone: the visit has begun.
    QCOMPARE(join(tableCode(6), free).errorCode(), u"VISIT_CODE_INVALID"_s);
    QCOMPARE(join(tableCode(6), during).status, 200);
    closeVisit(6);
    const QString next = visitCode(6).value(u"code"_s).toString();
    QVERIFY(next != during && next != free);
    // A photo of the last visit's code cannot join the next guests.
    QCOMPARE(join(tableCode(6), during).errorCode(), u"VISIT_CODE_INVALID"_s);
}

void TestGuest::staffOpenedVisitAdmitsTheTableCode()
{
    closeVisit(7);
    QCOMPARE(join(tableCode(7)).errorCode(), u"VISIT_CODE_REQUIRED"_s);
    const QString floor = m_http.staffLogin(u"staff"_s, u"staff"_s);
    const HttpResult opened = m_http.post(u"/api/v1/tables/7/guest-visit"_s, {}, floor);
    QCOMPARE(opened.status, 200);
    const HttpResult joined = join(tableCode(7));
    QCOMPARE(joined.status, 200);
    QCOMPARE(joined.json().value(u"admitted_by"_s).toString(), u"staff"_s);
    QCOMPARE(joined.json().value(u"visit_id"_s), opened.json().value(u"visit_id"_s));
    const QString phone = joined.json().value(u"token"_s).toString();
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone).status, 201);
    closeVisit(7);
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone).errorCode(), u"VISIT_ENDED"_s);
    // The next visit is not open to the table code until staff open it again.
    QCOMPARE(join(tableCode(7)).errorCode(), u"VISIT_CODE_REQUIRED"_s);
}

void TestGuest::selfOpenLetsTheFirstOrderOpenTheVisit()
{
    closeVisit(8);
    setSelfOpen(true);
    const HttpResult joined = join(tableCode(8));
    QCOMPARE(joined.status, 200);
    QCOMPARE(joined.json().value(u"admitted_by"_s).toString(), u"table_code"_s);
    QVERIFY(joined.json().value(u"visit_id"_s).isNull());
    const QString phone = joined.json().value(u"token"_s).toString();
    QCOMPARE(m_http.get(u"/api/v1/guest/orders"_s, phone).json().value(u"orders"_s).toArray().size(), 0);
    const HttpResult placed = m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone);
    QCOMPARE(placed.status, 201);
    const qint64 visit = placed.json().value(u"session_id"_s).toInteger();
    QCOMPARE(m_http.get(u"/api/v1/guest/session"_s, phone).json().value(u"visit_id"_s).toInteger(), visit);
    closeVisit(8);
    // Bound to the visit its first order opened: that visit's end is the token's.
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone).errorCode(), u"VISIT_ENDED"_s);
    // A token not yet bound stops when the manager turns the setting off.
    const QString waiting = join(tableCode(8)).json().value(u"token"_s).toString();
    setSelfOpen(false);
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), waiting).errorCode(), u"VISIT_CODE_REQUIRED"_s);
    QCOMPARE(ordersOfTable(8), 1); // the first visit's one order, nothing since
}

void TestGuest::phoneAndTabletSeeTheSameOrdersLive()
{
    closeVisit(9);
    const QString tablet = m_http.tableLogin(9);
    const QString phone = joinWithTablet(9);
    SseClient phoneStream;
    phoneStream.open(m_edge->port(), StreamRequest{}, u"/api/v1/guest/events?token="_s + phone);
    QVERIFY2(phoneStream.waitForOpen(), qPrintable(phoneStream.errorString()));
    SseClient tabletStream;
    tabletStream.open(m_edge->port(), StreamRequest{.token = tablet});
    QVERIFY(tabletStream.waitForOpen());
    QVERIFY(phoneStream.waitForEvent([](const StreamEvent &e) { return e.type == u"snapshot"_s; }));

    const HttpResult fromTablet = m_http.post(u"/api/v1/orders"_s, orderBody(newId(), 2), tablet);
    QCOMPARE(fromTablet.status, 201);
    const HttpResult fromPhone = m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId(), 3), phone);
    QCOMPARE(fromPhone.status, 201);
    for (EventStreamClient *stream : {static_cast<EventStreamClient *>(&phoneStream), static_cast<EventStreamClient *>(&tabletStream)}) {
        for (const HttpResult *order : {&fromTablet, &fromPhone}) {
            const qint64 id = order->json().value(u"id"_s).toInteger();
            QVERIFY2(stream->waitForEvent([id](const StreamEvent &e) {
                return e.type == u"order.created"_s && e.data().value(u"id"_s).toInteger() == id;
            }), qPrintable(u"order %1 not seen"_s.arg(id)));
        }
    }
    // The kitchen starts the phone's order: the phone sees it.
    const QString kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    const qint64 phoneOrder = fromPhone.json().value(u"id"_s).toInteger();
    QCOMPARE(m_http.patch(u"/api/v1/orders/%1"_s.arg(phoneOrder), {{u"status"_s, u"preparing"_s}}, kitchen).status, 200);
    QVERIFY(phoneStream.waitForEvent([phoneOrder](const StreamEvent &e) {
        return e.type == u"order.updated"_s && e.data().value(u"id"_s).toInteger() == phoneOrder
                && e.data().value(u"status"_s).toString() == u"preparing"_s;
    }));
    // Another table's orders never reach this phone.
    QCOMPARE(m_http.post(u"/api/v1/orders"_s, orderBody(newId()), m_http.tableLogin(10)).status, 201);
    // The visit ends: the phone's stream ends with it.
    closeVisit(9);
    QVERIFY(phoneStream.waitForClosed());
    for (const StreamEvent &e : phoneStream.events())
        QVERIFY2(e.data().value(u"table_number"_s).toInt(9) == 9, qPrintable(e.describe()));
    QVERIFY(phoneStream.protocolErrors().isEmpty());
}

void TestGuest::regeneratedCodeRetiresTheOldCards()
{
    const QString old = tableCode(11);
    const HttpResult renewed = m_http.post(u"/api/v1/tables/11/guest-code"_s, {}, m_manager);
    QCOMPARE(renewed.status, 200);
    const QString code = renewed.json().value(u"code"_s).toString();
    QVERIFY(code != old);
    QCOMPARE(code.size(), 10);
    QVERIFY(renewed.json().value(u"order_url"_s).toString().endsWith(u"/t/"_s + code));
    QCOMPARE(join(old).errorCode(), u"NOT_FOUND"_s);
    QCOMPARE(join(code).errorCode(), u"VISIT_CODE_REQUIRED"_s);
    QCOMPARE(tableCode(11), code);
}

void TestGuest::badInputIsRefusedAndChangesNothing()
{
    closeVisit(12);
    const QString phone = joinWithTablet(12);
    const QList<std::pair<QByteArray, QString>> joins = {
            {"", u"VALIDATION_FAILED"_s},
            {"[]", u"VALIDATION_FAILED"_s},
            {"{\"table_code\":5}", u"VALIDATION_FAILED"_s},
            {"{\"table_code\":\"X\",\"extra\":1}", u"VALIDATION_FAILED"_s},
            {"{\"table_code\":\"<script>alert(1)</script>\"}", u"NOT_FOUND"_s},
            {"{\"table_code\":\"R06B8JGHH2' OR 1=1 --\"}", u"NOT_FOUND"_s},
    };
    for (const auto &[body, code] : joins) {
        const HttpResult r = m_http.send("POST", u"/api/v1/guest/join"_s, body, {}, {{"Content-Type", "application/json"}});
        QVERIFY2(r.errorCode() == code, qPrintable(QString::fromUtf8(body) + u" -> "_s + r.describe()));
    }
    const QList<QByteArray> orders = {
            "{}",
            "{\"client_order_id\":\"not-a-uuid\",\"items\":[{\"menu_item_id\":1,\"quantity\":1}]}",
            "{\"client_order_id\":\"6f1c2b9e-1111-4222-8333-444455556677\",\"items\":[]}",
            "{\"client_order_id\":\"6f1c2b9e-1111-4222-8333-444455556677\",\"items\":[{\"menu_item_id\":99999,\"quantity\":1}]}",
            "{\"client_order_id\":\"6f1c2b9e-1111-4222-8333-444455556677\",\"items\":[{\"menu_item_id\":1,\"quantity\":0}]}",
            "{\"client_order_id\":\"6f1c2b9e-1111-4222-8333-444455556677\",\"items\":[{\"menu_item_id\":1,\"quantity\":1}],\"table_id\":3}",
    };
    for (const QByteArray &body : orders) {
        const HttpResult r = m_http.send("POST", u"/api/v1/guest/orders"_s, body, phone, {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 400, qPrintable(QString::fromUtf8(body) + u" -> "_s + r.describe()));
    }
    // No token, a made-up token, another scheme: refused before anything else.
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId())).errorCode(), u"UNAUTHENTICATED"_s);
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), u"made-up"_s).errorCode(), u"INVALID_TOKEN"_s);
    // A tablet's token is not a phone's, and a phone's is no tablet's.
    QCOMPARE(m_http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), m_http.tableLogin(12)).errorCode(), u"INVALID_TOKEN"_s);
    QCOMPARE(m_http.post(u"/api/v1/orders"_s, orderBody(newId()), phone).errorCode(), u"INVALID_TOKEN"_s);
    QCOMPARE(m_http.post(u"/api/v1/guest/calls"_s, {{u"reason"_s, u"dance"_s}}, phone).status, 400);
    QCOMPARE(m_http.get(u"/api/v1/guest/events?token=x&token=y"_s).status, 400);
    QCOMPARE(ordersOfTable(12), 0);
}

void TestGuest::staffRoutesNeedStaff()
{
    const QString phone = joinWithTablet(3);
    const QString tablet = m_http.tableLogin(3);
    QCOMPARE(m_http.get(u"/api/v1/guest-tables"_s, tablet).status, 403);
    QCOMPARE(m_http.get(u"/api/v1/guest-tables"_s, phone).status, 401);
    QCOMPARE(m_http.get(u"/api/v1/guest-tables"_s).status, 401);
    QCOMPARE(m_http.post(u"/api/v1/tables/3/guest-code"_s, {}, tablet).status, 403);
    QCOMPARE(m_http.post(u"/api/v1/tables/3/guest-visit"_s, {}, tablet).status, 403);
    QCOMPARE(m_http.put(u"/api/v1/guest-settings"_s, {{u"self_open"_s, true}}, tablet).status, 403);
    QCOMPARE(m_http.get(u"/api/v1/guest-visit-code"_s, phone).status, 401);
    QCOMPARE(m_http.get(u"/api/v1/guest-visit-code"_s, m_manager).status, 403);
    QCOMPARE(m_http.put(u"/api/v1/guest-settings"_s, {{u"self_open"_s, u"yes"_s}}, m_manager).status, 400);
    QCOMPARE(m_http.post(u"/api/v1/tables/999/guest-code"_s, {}, m_manager).status, 404);
}

void TestGuest::joinsAndOrdersAreRateLimited()
{
    EdgeProcess::Options options;
    options.rateLimits = true;
    options.environment = {{u"TABLEORDER_GUEST_JOINS_PER_MINUTE"_s, u"3"_s},
                           {u"TABLEORDER_GUEST_ORDERS_PER_MINUTE"_s, u"2"_s}};
    EdgeProcess edge(options);
    QVERIFY2(edge.start(), qPrintable(edge.errorString()));
    HttpClient http(edge.port());
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    QString code;
    for (const QJsonValue &t : http.get(u"/api/v1/guest-tables"_s, manager).json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == 1)
            code = t.toObject().value(u"code"_s).toString();
    }
    // Wrong guesses and right codes count alike: a client cannot try codes one by one.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(http.post(u"/api/v1/guest/join"_s, {{u"table_code"_s, u"ZZZZZZZZZZ"_s}}).status, 404);
    const HttpResult third = http.post(u"/api/v1/guest/join"_s, {{u"table_code"_s, code}});
    QCOMPARE(third.status, 200); // the demo store lets a table code alone order
    const HttpResult fourth = http.post(u"/api/v1/guest/join"_s, {{u"table_code"_s, code}});
    QCOMPARE(fourth.status, 429);
    QCOMPARE(fourth.errorCode(), u"RATE_LIMITED"_s);
    QVERIFY(fourth.header("retry-after").toInt() > 0);

    // Orders: per visit, whichever phone sends them.
    const QString phone = third.json().value(u"token"_s).toString();
    QCOMPARE(http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone).status, 201);
    QCOMPARE(http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone).status, 201);
    const HttpResult over = http.post(u"/api/v1/guest/orders"_s, orderBody(newId()), phone);
    QCOMPARE(over.status, 429);
    QVERIFY(over.header("retry-after").toInt() > 0);
    int count = 0;
    for (const QJsonValue &o : http.get(u"/api/v1/orders"_s, manager).json().value(u"orders"_s).toArray())
        count += o.toObject().value(u"table_number"_s).toInt() == 1;
    QCOMPARE(count, 2);
}

QTEST_MAIN(TestGuest)
#include "tst_guest.moc"
