#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QtTest/QTest>

#include "prometheustext.h"

#include <memory>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

QByteArray orderRequest(const QString &token, const QJsonObject &body)
{
    return rawOrderRequest(token, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

double metric(HttpClient &http, QByteArrayView series)
{
    return metricValue(http.get(u"/metrics"_s).body, series).value_or(0); // absent before the first commit
}

QSet<qint64> orderIds(const HttpResult &listed)
{
    QSet<qint64> ids;
    for (const QJsonValue &order : listed.json().value(u"orders"_s).toArray())
        ids.insert(order.toObject().value(u"id"_s).toInteger());
    return ids;
}

} // namespace

/// Placing orders (server prices, idempotent retries), the kitchen's status changes, and a
/// table's view limited to its own orders, against the real daemon.
class TestOrders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void placeOrder();
    void idempotentRepeat();
    void idempotencyKeyReused_data();
    void idempotencyKeyReused();
    void soldOutItem();
    void statusTransitions_data();
    void statusTransitions();
    void badStatusChange_data();
    void badStatusChange();
    void tableSeesOnlyItsOwnOrders();
    void staffFilters();
    void burstIsOneGroupCommit();
    void limitHoldsWithinABurst();

private:
    QJsonObject place(const QString &token, const QList<std::pair<qint64, int>> &lines,
                      const QString &note = {});
    QString token(const QString &who) const;

    EdgeProcess m_edge;
    HttpClient m_http;
    QHash<QString, QString> m_tokens;
    QList<QJsonObject> m_items;
};

void TestOrders::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    for (int table : {1, 2, 3, 4})
        m_tokens.insert(u"table%1"_s.arg(table), m_http.tableLogin(table));
    m_tokens.insert(u"kitchen"_s, m_http.staffLogin(u"kitchen"_s, u"kitchen"_s));
    m_tokens.insert(u"manager"_s, m_http.staffLogin(u"manager"_s, u"manager"_s));
    for (const QString &t : std::as_const(m_tokens))
        QVERIFY(!t.isEmpty());
    m_items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QCOMPARE(m_items.size(), 32);
}

QString TestOrders::token(const QString &who) const
{
    return m_tokens.value(who);
}

QJsonObject TestOrders::place(const QString &token, const QList<std::pair<qint64, int>> &lines,
                              const QString &note)
{
    const HttpResult result =
            m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines, note), token);
    if (result.status != 201)
        qWarning("placing an order: %s", qPrintable(result.describe()));
    return result.json();
}

void TestOrders::placeOrder()
{
    const QJsonObject a = m_items.at(0);
    const QJsonObject b = m_items.at(7);
    const QString clientId = newClientOrderId();
    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult created = m_http.post(
            u"/api/v1/orders"_s,
            orderBody(clientId, {{a.value(u"id"_s).toInteger(), 2}, {b.value(u"id"_s).toInteger(), 1}},
                      u"덜 맵게 해 주세요"_s),
            token(u"table1"_s));
    VERIFY_STATUS(created, 201);
    QVERIFY(databaseState(m_edge.databasePath()) != before);

    const QJsonObject order = created.json();
    QVERIFY(order.value(u"id"_s).toInteger() > 0);
    QVERIFY(order.value(u"number"_s).toInt() > 0);
    QVERIFY(order.value(u"session_id"_s).toInteger() > 0);
    QCOMPARE(order.value(u"table_number"_s).toInt(), 1);
    QCOMPARE(order.value(u"status"_s).toString(), u"pending"_s);
    QCOMPARE(order.value(u"client_order_id"_s).toString(), clientId);
    QCOMPARE(order.value(u"note"_s).toString(), u"덜 맵게 해 주세요"_s);
    const QDateTime createdAt =
            QDateTime::fromString(order.value(u"created_at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(createdAt.isValid());
    QVERIFY(qAbs(createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 300);
    QCOMPARE(order.value(u"updated_at"_s).toString(), order.value(u"created_at"_s).toString());

    // Names and prices are the server's, copied at order time.
    const QJsonArray lines = order.value(u"items"_s).toArray();
    QCOMPARE(lines.size(), 2);
    qint64 total = 0;
    for (const auto &[line, item, quantity] :
         {std::tuple{lines.at(0).toObject(), a, 2}, std::tuple{lines.at(1).toObject(), b, 1}}) {
        QCOMPARE(line.value(u"menu_item_id"_s).toInteger(), item.value(u"id"_s).toInteger());
        QCOMPARE(line.value(u"name"_s).toString(), item.value(u"name"_s).toString());
        QCOMPARE(line.value(u"unit_price"_s).toInteger(), item.value(u"price"_s).toInteger());
        QCOMPARE(line.value(u"quantity"_s).toInt(), quantity);
        QCOMPARE(line.value(u"line_total"_s).toInteger(),
                 item.value(u"price"_s).toInteger() * quantity);
        total += line.value(u"line_total"_s).toInteger();
    }
    QCOMPARE(order.value(u"total"_s).toInteger(), total);

    const QString path = u"/api/v1/orders/%1"_s.arg(order.value(u"id"_s).toInteger());
    const HttpResult read = m_http.get(path, token(u"table1"_s));
    VERIFY_STATUS(read, 200);
    QCOMPARE(read.json(), order);
    const HttpResult staffRead = m_http.get(path, token(u"kitchen"_s));
    VERIFY_STATUS(staffRead, 200);
    QCOMPARE(staffRead.json(), order);
    const QJsonArray mine = m_http.get(u"/api/v1/orders"_s, token(u"table1"_s)).json()
                                    .value(u"orders"_s).toArray();
    QVERIFY(mine.contains(order));

    // A later menu price change does not touch the order.
    VERIFY_STATUS(m_http.put(u"/api/v1/menu/items/%1"_s.arg(a.value(u"id"_s).toInteger()),
                             {{u"price"_s, a.value(u"price"_s).toInteger() + 500}}, token(u"manager"_s)),
                  200);
    QCOMPARE(m_http.get(path, token(u"table1"_s)).json(), order);
    VERIFY_STATUS(m_http.put(u"/api/v1/menu/items/%1"_s.arg(a.value(u"id"_s).toInteger()),
                             {{u"price"_s, a.value(u"price"_s).toInteger()}}, token(u"manager"_s)),
                  200);
}

void TestOrders::idempotentRepeat()
{
    const QString clientId = newClientOrderId();
    const QJsonObject body = orderBody(clientId, {{m_items.at(2).value(u"id"_s).toInteger(), 3}});
    const HttpResult first = m_http.post(u"/api/v1/orders"_s, body, token(u"table2"_s));
    VERIFY_STATUS(first, 201);

    const QStringList before = databaseState(m_edge.databasePath());
    for (int attempt = 0; attempt < 3; ++attempt) {
        const HttpResult again = m_http.post(u"/api/v1/orders"_s, body, token(u"table2"_s));
        VERIFY_STATUS(again, 200);
        QCOMPARE(again.json(), first.json());
    }
    // A UUID is a UUID in either case.
    QJsonObject upper = body;
    upper.insert(u"client_order_id"_s, clientId.toUpper());
    const HttpResult shouted = m_http.post(u"/api/v1/orders"_s, upper, token(u"table2"_s));
    VERIFY_STATUS(shouted, 200);
    QCOMPARE(shouted.json().value(u"id"_s), first.json().value(u"id"_s));
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestOrders::idempotencyKeyReused_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("itemIndex");
    QTest::addColumn<QString>("note");
    QTest::newRow("other quantity") << u"table3"_s << 2 << 4 << QString();
    QTest::newRow("other item") << u"table3"_s << 1 << 5 << QString();
    QTest::newRow("added note") << u"table3"_s << 1 << 4 << u"extra rice"_s;
    QTest::newRow("same body from another table") << u"table4"_s << 1 << 4 << QString();
}

void TestOrders::idempotencyKeyReused()
{
    QFETCH(QString, who);
    QFETCH(int, quantity);
    QFETCH(int, itemIndex);
    QFETCH(QString, note);
    const QString clientId = newClientOrderId();
    const HttpResult first = m_http.post(
            u"/api/v1/orders"_s, orderBody(clientId, {{m_items.at(4).value(u"id"_s).toInteger(), 1}}),
            token(u"table3"_s));
    VERIFY_STATUS(first, 201);

    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult reused = m_http.post(
            u"/api/v1/orders"_s,
            orderBody(clientId, {{m_items.at(itemIndex).value(u"id"_s).toInteger(), quantity}}, note),
            token(who));
    VERIFY_ERROR(reused, 422, u"IDEMPOTENCY_KEY_REUSED"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    const QString path = u"/api/v1/orders/%1"_s.arg(first.json().value(u"id"_s).toInteger());
    QCOMPARE(m_http.get(path, token(u"table3"_s)).json(), first.json());
}

void TestOrders::soldOutItem()
{
    const qint64 soldOut = m_items.at(10).value(u"id"_s).toInteger();
    const qint64 available = m_items.at(11).value(u"id"_s).toInteger();
    const QString path = u"/api/v1/menu/items/%1/availability"_s.arg(soldOut);
    VERIFY_STATUS(m_http.patch(path, {{u"available"_s, false}}, token(u"kitchen"_s)), 200);

    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult refused = m_http.post(
            u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{available, 1}, {soldOut, 2}}),
            token(u"table4"_s));
    VERIFY_ERROR(refused, 409, u"ITEM_UNAVAILABLE"_s);
    const QJsonArray ids =
            refused.errorDetails().value(u"menu_item_ids"_s).toArray();
    QCOMPARE(ids, QJsonArray{soldOut});
    QCOMPARE(databaseState(m_edge.databasePath()), before);

    VERIFY_STATUS(m_http.patch(path, {{u"available"_s, true}}, token(u"kitchen"_s)), 200);
    const HttpResult accepted = m_http.post(
            u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{available, 1}, {soldOut, 2}}),
            token(u"table4"_s));
    VERIFY_STATUS(accepted, 201);
}

void TestOrders::statusTransitions_data()
{
    // Steps "who:status:expected HTTP status", applied in order to a fresh order.
    QTest::addColumn<QStringList>("steps");
    QTest::newRow("kitchen prepares and completes")
            << QStringList{u"kitchen:preparing:200"_s, u"kitchen:completed:200"_s,
                           u"kitchen:preparing:409"_s, u"manager:canceled:409"_s,
                           u"manager:pending:409"_s};
    QTest::newRow("manager cancels a pending order")
            << QStringList{u"manager:canceled:200"_s, u"kitchen:preparing:409"_s,
                           u"manager:completed:409"_s, u"manager:canceled:409"_s};
    QTest::newRow("manager cancels while preparing")
            << QStringList{u"manager:preparing:200"_s, u"manager:canceled:200"_s,
                           u"manager:pending:409"_s};
    QTest::newRow("kitchen cannot cancel")
            << QStringList{u"kitchen:canceled:403"_s, u"kitchen:preparing:200"_s,
                           u"kitchen:canceled:403"_s, u"kitchen:completed:200"_s};
    QTest::newRow("no skipping to completed") << QStringList{u"kitchen:completed:409"_s};
    QTest::newRow("pending stays pending") << QStringList{u"kitchen:pending:409"_s};
    QTest::newRow("no going back") << QStringList{u"kitchen:preparing:200"_s,
                                                  u"kitchen:pending:409"_s};
}

void TestOrders::statusTransitions()
{
    QFETCH(QStringList, steps);
    const QJsonObject order = place(token(u"table1"_s), {{m_items.at(1).value(u"id"_s).toInteger(), 1}});
    const QString path = u"/api/v1/orders/%1"_s.arg(order.value(u"id"_s).toInteger());
    QVERIFY(!order.isEmpty());
    QString current = u"pending"_s;
    for (const QString &step : steps) {
        const QStringList parts = step.split(u':');
        const QString who = parts.at(0);
        const QString status = parts.at(1);
        const int expected = parts.at(2).toInt();
        const QStringList before = databaseState(m_edge.databasePath());
        const HttpResult result = m_http.patch(path, {{u"status"_s, status}}, token(who));
        if (expected == 200) {
            VERIFY_STATUS(result, 200);
            QCOMPARE(result.json().value(u"status"_s).toString(), status);
            QVERIFY(!result.json().value(status + u"_at"_s).toString().isEmpty());
            QVERIFY(result.json().value(u"updated_at"_s).toString()
                    >= order.value(u"created_at"_s).toString());
            current = status;
        } else {
            if (expected == 409) {
                VERIFY_ERROR(result, 409, u"INVALID_TRANSITION"_s);
                QCOMPARE(result.errorDetails().value(u"from"_s).toString(), current);
            } else {
                VERIFY_ERROR(result, 403, u"FORBIDDEN"_s);
            }
            QCOMPARE(databaseState(m_edge.databasePath()), before);
        }
        // Everyone with a right to see the order sees the same status.
        QCOMPARE(m_http.get(path, token(u"table1"_s)).json().value(u"status"_s).toString(), current);
        QCOMPARE(m_http.get(path, token(u"kitchen"_s)).json().value(u"status"_s).toString(), current);
    }
}

void TestOrders::badStatusChange_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("idPath");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown status") << QByteArray(R"({"status":"done"})") << QString() << 400
                                    << u"VALIDATION_FAILED"_s;
    QTest::newRow("status as number") << QByteArray(R"({"status":1})") << QString() << 400
                                      << u"VALIDATION_FAILED"_s;
    QTest::newRow("no status") << QByteArray(R"({})") << QString() << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("malformed JSON") << QByteArray(R"({"status":)") << QString() << 400
                                    << u"VALIDATION_FAILED"_s;
    QTest::newRow("no such order") << QByteArray(R"({"status":"preparing"})") << u"999999"_s << 404
                                   << u"NOT_FOUND"_s;
    QTest::newRow("id not a number") << QByteArray(R"({"status":"preparing"})") << u"abc"_s << 404
                                     << u"NOT_FOUND"_s;
    QTest::newRow("id zero") << QByteArray(R"({"status":"preparing"})") << u"0"_s << 404
                             << u"NOT_FOUND"_s;
}

void TestOrders::badStatusChange()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, idPath);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QJsonObject order = place(token(u"table2"_s), {{m_items.at(3).value(u"id"_s).toInteger(), 1}});
    const QString id = idPath.isEmpty() ? QString::number(order.value(u"id"_s).toInteger()) : idPath;
    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.send("PATCH", u"/api/v1/orders/"_s + id, body, token(u"manager"_s),
                             {{"Content-Type", "application/json"}}),
                 status, code);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestOrders::tableSeesOnlyItsOwnOrders()
{
    const QJsonObject order = place(token(u"table3"_s), {{m_items.at(6).value(u"id"_s).toInteger(), 1}});
    const QJsonObject own = place(token(u"table4"_s), {{m_items.at(7).value(u"id"_s).toInteger(), 1}});
    const qint64 id = order.value(u"id"_s).toInteger();
    QVERIFY(id > 0);
    const QString path = u"/api/v1/orders/%1"_s.arg(id);

    VERIFY_STATUS(m_http.get(path, token(u"table3"_s)), 200);
    // To another table the order does not exist: the same answer as for a missing one.
    const HttpResult foreign = m_http.get(path, token(u"table4"_s));
    VERIFY_ERROR(foreign, 404, u"NOT_FOUND"_s);
    const HttpResult missing = m_http.get(u"/api/v1/orders/999999"_s, token(u"table4"_s));
    VERIFY_ERROR(missing, 404, u"NOT_FOUND"_s);
    QCOMPARE(foreign.json(), missing.json());

    const QJsonArray theirs =
            m_http.get(u"/api/v1/orders"_s, token(u"table4"_s)).json().value(u"orders"_s).toArray();
    for (const QJsonValue &o : theirs)
        QCOMPARE(o.toObject().value(u"table_number"_s).toInt(), 4);
    QVERIFY(theirs.contains(own));
    // Query parameters do not widen a table's view.
    const QJsonArray filtered =
            m_http.get(u"/api/v1/orders?status=pending,preparing,completed,canceled&limit=1000"_s,
                       token(u"table4"_s))
                    .json()
                    .value(u"orders"_s)
                    .toArray();
    QCOMPARE(filtered.size(), theirs.size());
    for (const QJsonValue &o : filtered)
        QVERIFY(o.toObject().value(u"id"_s).toInteger() != id);

    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.patch(path, {{u"status"_s, u"canceled"_s}}, token(u"table4"_s)), 403,
                 u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestOrders::staffFilters()
{
    const QJsonObject pending = place(token(u"table1"_s), {{m_items.at(8).value(u"id"_s).toInteger(), 1}});
    const QJsonObject preparing = place(token(u"table2"_s), {{m_items.at(9).value(u"id"_s).toInteger(), 1}});
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(preparing.value(u"id"_s).toInteger()),
                               {{u"status"_s, u"preparing"_s}}, token(u"kitchen"_s)),
                  200);

    auto ids = [this](const QString &query) {
        QSet<qint64> out;
        const HttpResult result = m_http.get(u"/api/v1/orders"_s + query, token(u"kitchen"_s));
        if (result.status != 200)
            qWarning("%s: %s", qPrintable(query), qPrintable(result.describe()));
        for (const QJsonValue &o : result.json().value(u"orders"_s).toArray())
            out.insert(o.toObject().value(u"id"_s).toInteger());
        return out;
    };
    const QSet<qint64> all = ids(u"?limit=1000"_s);
    const QSet<qint64> pendingOnly = ids(u"?status=pending&limit=1000"_s);
    const QSet<qint64> active = ids(u"?status=pending,preparing&limit=1000"_s);
    QVERIFY(pendingOnly.contains(pending.value(u"id"_s).toInteger()));
    QVERIFY(!pendingOnly.contains(preparing.value(u"id"_s).toInteger()));
    QVERIFY(active.contains(pending.value(u"id"_s).toInteger()));
    QVERIFY(active.contains(preparing.value(u"id"_s).toInteger()));
    QVERIFY(active.size() < all.size()); // earlier tests completed and canceled some
    QVERIFY(all.contains(active));
    QCOMPARE(ids(u"?limit=1"_s).size(), 1);
    QVERIFY(ids(u"?from=2999-01-01&limit=1000"_s).isEmpty());
    QCOMPARE(ids(u"?from=2000-01-01&to=2999-01-01&limit=1000"_s), all);

    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/orders?status=done"_s, token(u"kitchen"_s)), 400,
                       u"VALIDATION_FAILED"_s, u"status"_s);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/orders?limit=0"_s, token(u"kitchen"_s)), 400,
                       u"VALIDATION_FAILED"_s, u"limit"_s);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/orders?limit=1001"_s, token(u"kitchen"_s)), 400,
                       u"VALIDATION_FAILED"_s, u"limit"_s);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/orders?from=yesterday"_s, token(u"kitchen"_s)), 400,
                       u"VALIDATION_FAILED"_s, u"from"_s);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/orders?from=2024-02-01&to=2024-01-01"_s,
                                  token(u"kitchen"_s)),
                       400, u"VALIDATION_FAILED"_s, u"from"_s);
}

QTEST_GUILESS_MAIN(TestOrders)
#include "tst_orders.moc"

void TestOrders::burstIsOneGroupCommit()
{
    // Orders that arrive together are written in one transaction with one flush; each is still
    // judged on its own: a repeat finds the original, a sold-out or unknown item refuses only
    // its own order, and every confirmed order is on the kitchen's list.
    const qint64 soldOut = m_items.at(12).value(u"id"_s).toInteger();
    const QString availability = u"/api/v1/menu/items/%1/availability"_s.arg(soldOut);
    VERIFY_STATUS(m_http.patch(availability, {{u"available"_s, false}}, token(u"kitchen"_s)), 200);
    const double batchesBefore = metric(m_http, "tableorder_order_batch_size_count");
    const double batchedBefore = metric(m_http, "tableorder_order_batch_size_sum");

    constexpr int distinct = 24;
    QList<QByteArray> requests;
    QList<QJsonObject> bodies;
    for (int i = 0; i < distinct; ++i) {
        bodies.append(orderBody(newClientOrderId(), {{m_items.at(i % 10).value(u"id"_s).toInteger(), 1 + i % 3}}));
        requests.append(orderRequest(token(u"table%1"_s.arg(1 + i % 4)), bodies.last()));
    }
    const QJsonObject repeated = orderBody(newClientOrderId(), {{m_items.at(5).value(u"id"_s).toInteger(), 2}});
    requests.append(orderRequest(token(u"table3"_s), repeated));
    requests.append(orderRequest(token(u"table3"_s), repeated));
    requests.append(orderRequest(token(u"table1"_s), orderBody(newClientOrderId(), {{soldOut, 1}})));
    requests.append(orderRequest(token(u"table2"_s), orderBody(newClientOrderId(), {{999'999, 1}})));

    const QList<HttpResult> responses = sendAsOneBurst(m_edge, requests);
    VERIFY_STATUS(m_http.patch(availability, {{u"available"_s, true}}, token(u"kitchen"_s)), 200);

    QSet<qint64> created;
    QSet<int> numbers;
    for (int i = 0; i < distinct; ++i) {
        VERIFY_STATUS(responses.at(i), 201);
        const QJsonObject order = responses.at(i).json();
        QCOMPARE(order.value(u"client_order_id"_s).toString(), bodies.at(i).value(u"client_order_id"_s).toString());
        created.insert(order.value(u"id"_s).toInteger());
        numbers.insert(order.value(u"number"_s).toInt());
    }
    // The original and its repeat: one created it, the other got the same order back.
    const HttpResult &first = responses.at(distinct);
    const HttpResult &second = responses.at(distinct + 1);
    QVERIFY2((first.status == 201 && second.status == 200) || (first.status == 200 && second.status == 201),
             qPrintable(first.describe() + u" / "_s + second.describe()));
    QCOMPARE(first.json(), second.json());
    created.insert(first.json().value(u"id"_s).toInteger());
    numbers.insert(first.json().value(u"number"_s).toInt());
    VERIFY_ERROR(responses.at(distinct + 2), 409, u"ITEM_UNAVAILABLE"_s);
    VERIFY_ERROR_FIELD(responses.at(distinct + 3), 400, u"VALIDATION_FAILED"_s, u"items[0].menu_item_id"_s);
    QCOMPARE(created.size(), distinct + 1);
    QCOMPARE(numbers.size(), distinct + 1); // every order its own number

    const QSet<qint64> listed =
            orderIds(m_http.get(u"/api/v1/orders?status=pending"_s, token(u"kitchen"_s)));
    QVERIFY2(listed.contains(created), "a confirmed order is missing from the kitchen's list");

    // What an operator sees: every request went through a group commit, and fewer commits
    // than orders were needed.
    const double batches = metric(m_http, "tableorder_order_batch_size_count") - batchesBefore;
    const double batched = metric(m_http, "tableorder_order_batch_size_sum") - batchedBefore;
    qInfo("%g group commits for %g orders", batches, batched);
    QCOMPARE(batched, double(requests.size()));
    QVERIFY2(batches < batched, qPrintable(u"%1 commits for %2 orders"_s.arg(batches).arg(batched)));
}

void TestOrders::limitHoldsWithinABurst()
{
    // The active-order limit counts the orders of the same group commit: a burst of 8 into a
    // store with room for 5 confirms exactly 5.
    EdgeProcess edge({.environment = {{u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"5"_s}}});
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString table = http.tableLogin(1);
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!table.isEmpty() && !manager.isEmpty());
    const qint64 item = menuItems(http.get(u"/api/v1/menu"_s).json()).value(0).value(u"id"_s).toInteger();
    QList<QByteArray> requests;
    for (int i = 0; i < 8; ++i)
        requests.append(orderRequest(table, orderBody(newClientOrderId(), {{item, 1}})));
    const QList<HttpResult> responses = sendAsOneBurst(edge, requests);
    int confirmed = 0;
    for (const HttpResult &response : responses) {
        if (response.status == 201) {
            ++confirmed;
            continue;
        }
        VERIFY_ERROR(response, 409, u"LIMIT_REACHED"_s);
    }
    QCOMPARE(confirmed, 5);
    QCOMPARE(orderIds(http.get(u"/api/v1/orders"_s, manager)).size(), 5);
}
