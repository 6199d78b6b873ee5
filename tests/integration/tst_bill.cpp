#include "sseclient.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Issue 13 at the edge, against the real daemon: the bill and its origins, figures that add
/// up to the won through voids, discounts, payments and splits, idempotent payments, the
/// visit closing itself at zero due, refusals that change nothing, moving and merging visits
/// with the tablets' streams following, and the business day's close and Z report.
class TestBill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void billShowsLinesAndOrigins();
    void figuresAddUp_data();
    void figuresAddUp();
    void paymentsAreIdempotentAndCloseTheVisit();
    void floorStaffCorrectWithinTheManagersLimits();
    void staffOrderForATable();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void splitByLinesRefusals();
    void closeRefusedWhileCooking();
    void moveKeepsEverythingAndStreamsFollow();
    void mergeKeepsEverything();
    void dayCloseAndReport();

private:
    QJsonObject place(int table, const QList<std::pair<qint64, int>> &lines);
    QJsonObject bill(int table);
    qint64 tableId(int number);
    HttpResult pay(int table, qint64 amount, const QString &method = u"cash"_s, const QString &id = {});
    HttpResult discount(int table, const QString &kind, qint64 value, const QString &reason = u"long wait"_s);
    HttpResult voidLines(qint64 orderId, const QList<qint64> &lineIds, const QString &reason = u"wrong dish"_s);
    /// subtotal, discounts, total, paid and due agree with the lines, discounts and payments.
    static QString inconsistency(const QJsonObject &bill);

    /// No order.unacknowledged while the tests run: the "nothing changed" checks compare the
    /// whole store, and orders sit unacknowledged here for longer than the default 10 s.
    static EdgeProcess::Options quiet()
    {
        EdgeProcess::Options options;
        options.environment = {{u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s}};
        return options;
    }

    EdgeProcess m_edge{quiet()};
    HttpClient m_http;
    QHash<int, QString> m_tables;
    QHash<int, qint64> m_tableIds;
    QString m_manager;
    QString m_kitchen;
    qint64 m_a = 0; // 12,345 won
    qint64 m_b = 0; // 6,789 won
    qint64 m_c = 0; // 1,001 won
};

void TestBill::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    for (int number = 1; number <= 12; ++number)
        m_tables.insert(number, m_http.tableLogin(number));
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QVERIFY(!m_manager.isEmpty() && !m_kitchen.isEmpty());
    const QList<QJsonObject> items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QVERIFY(!items.isEmpty());
    const qint64 category = items.first().value(u"category_id"_s).toInteger();
    // Prices that make rounding visible.
    for (auto [target, name, price] : {std::tuple{&m_a, u"A"_s, 12345}, std::tuple{&m_b, u"B"_s, 6789},
                                       std::tuple{&m_c, u"C"_s, 1001}}) {
        const HttpResult created = m_http.post(
                u"/api/v1/menu/items"_s,
                {{u"category_id"_s, category}, {u"name"_s, QString(u"bill test "_s + name)}, {u"price"_s, price}}, m_manager);
        VERIFY_STATUS(created, 201);
        *target = created.json().value(u"id"_s).toInteger();
    }
    const QJsonArray tables = m_http.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray();
    for (const QJsonValue &t : tables)
        m_tableIds.insert(t.toObject().value(u"number"_s).toInt(), t.toObject().value(u"id"_s).toInteger());
}

QJsonObject TestBill::place(int table, const QList<std::pair<qint64, int>> &lines)
{
    const HttpResult result = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), m_tables.value(table));
    if (result.status != 201)
        qWarning("placing an order: %s", qPrintable(result.describe()));
    return result.json();
}

qint64 TestBill::tableId(int number)
{
    return m_tableIds.value(number);
}

QJsonObject TestBill::bill(int table)
{
    const HttpResult result = m_http.get(u"/api/v1/tables/%1/bill"_s.arg(tableId(table)), m_manager);
    if (result.status != 200)
        qWarning("bill: %s", qPrintable(result.describe()));
    return result.json();
}

HttpResult TestBill::pay(int table, qint64 amount, const QString &method, const QString &id)
{
    return m_http.post(u"/api/v1/tables/%1/payments"_s.arg(tableId(table)),
                       {{u"client_payment_id"_s, id.isEmpty() ? newClientOrderId() : id},
                        {u"method"_s, method},
                        {u"amount"_s, amount}},
                       m_manager);
}

HttpResult TestBill::discount(int table, const QString &kind, qint64 value, const QString &reason)
{
    return m_http.post(u"/api/v1/tables/%1/discounts"_s.arg(tableId(table)),
                       {{u"kind"_s, kind}, {u"value"_s, value}, {u"reason"_s, reason}}, m_manager);
}

HttpResult TestBill::voidLines(qint64 orderId, const QList<qint64> &lineIds, const QString &reason)
{
    QJsonObject body{{u"reason"_s, reason}};
    if (!lineIds.isEmpty()) {
        QJsonArray ids;
        for (qint64 id : lineIds)
            ids.append(id);
        body.insert(u"line_ids"_s, ids);
    }
    return m_http.post(u"/api/v1/orders/%1/void"_s.arg(orderId), body, m_manager);
}

QString TestBill::inconsistency(const QJsonObject &bill)
{
    qint64 lines = 0;
    for (const QJsonValue &line : bill.value(u"lines"_s).toArray()) {
        const QJsonObject l = line.toObject();
        if (l.value(u"quantity"_s).toInteger() * l.value(u"unit_price"_s).toInteger() != l.value(u"line_total"_s).toInteger())
            return u"line total is not quantity x unit price"_s;
        if (!l.contains(u"void"_s))
            lines += l.value(u"line_total"_s).toInteger();
    }
    qint64 discounts = 0;
    for (const QJsonValue &d : bill.value(u"discounts"_s).toArray())
        discounts += d.toObject().value(u"amount"_s).toInteger();
    qint64 paid = 0;
    for (const QJsonValue &p : bill.value(u"payments"_s).toArray())
        paid += p.toObject().value(u"amount"_s).toInteger();
    const qint64 subtotal = bill.value(u"subtotal"_s).toInteger();
    const qint64 total = bill.value(u"total"_s).toInteger();
    if (subtotal != lines)
        return u"subtotal %1 is not the sum of the lines %2"_s.arg(subtotal).arg(lines);
    if (total != subtotal - discounts)
        return u"total %1 is not subtotal %2 - discounts %3"_s.arg(total).arg(subtotal).arg(discounts);
    if (bill.value(u"paid"_s).toInteger() != paid)
        return u"paid is not the sum of the payments"_s;
    if (bill.value(u"due"_s).toInteger() != total - paid)
        return u"due is not total - paid"_s;
    return {};
}

void TestBill::billShowsLinesAndOrigins()
{
    const QJsonObject order = place(1, {{m_a, 1}, {m_b, 2}});
    QVERIFY(order.value(u"id"_s).toInteger() > 0);
    const HttpResult mine = m_http.get(u"/api/v1/bill"_s, m_tables.value(1));
    VERIFY_STATUS(mine, 200);
    const QJsonObject b = mine.json();
    // The tablet and the staff see the same bill.
    QCOMPARE(bill(1), b);
    QCOMPARE(b.value(u"session_id"_s).toInteger(), order.value(u"session_id"_s).toInteger());
    const QJsonArray lines = b.value(u"lines"_s).toArray();
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = lines.at(0).toObject();
    QVERIFY(first.value(u"line_id"_s).toInteger() > 0);
    QCOMPARE(first.value(u"order_id"_s).toInteger(), order.value(u"id"_s).toInteger());
    QCOMPARE(first.value(u"order_number"_s).toInt(), order.value(u"number"_s).toInt());
    QCOMPARE(first.value(u"menu_item_id"_s).toInteger(), m_a);
    QCOMPARE(first.value(u"name"_s).toString(), u"bill test A"_s);
    QCOMPARE(first.value(u"quantity"_s).toInt(), 1);
    QCOMPARE(first.value(u"unit_price"_s).toInteger(), 12345);
    QCOMPARE(lines.at(1).toObject().value(u"line_total"_s).toInteger(), 2 * 6789);
    QVERIFY(first.value(u"options"_s).isArray());
    // Where the line came from: this table's tablet, when the order was placed.
    QCOMPARE(first.value(u"added_by"_s).toObject().value(u"kind"_s).toString(), u"table"_s);
    QCOMPARE(first.value(u"added_by"_s).toObject().value(u"name"_s).toString(), u"table 1"_s);
    QCOMPARE(first.value(u"added_at"_s).toString(), order.value(u"created_at"_s).toString());
    QVERIFY(!first.contains(u"void"_s));
    QCOMPARE(b.value(u"subtotal"_s).toInteger(), 25923);
    QCOMPARE(b.value(u"total"_s).toInteger(), 25923);
    QCOMPARE(b.value(u"due"_s).toInteger(), 25923);
    QCOMPARE(b.value(u"paid"_s).toInteger(), 0);
    QVERIFY(b.value(u"discounts"_s).toArray().isEmpty() && b.value(u"payments"_s).toArray().isEmpty());

    // A table with no visit has an empty bill; a table sees only its own.
    const QJsonObject empty = m_http.get(u"/api/v1/bill"_s, m_tables.value(2)).json();
    QVERIFY(empty.value(u"session_id"_s).isNull());
    QVERIFY(empty.value(u"lines"_s).toArray().isEmpty());
    QCOMPARE(empty.value(u"due"_s).toInteger(), 0);
    VERIFY_ERROR(m_http.get(u"/api/v1/tables/%1/bill"_s.arg(tableId(1)), m_tables.value(2)), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/tables/%1/bill"_s.arg(tableId(1)), m_kitchen), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/bill"_s, m_manager), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/tables/99999/bill"_s, m_manager), 404, u"NOT_FOUND"_s);

    // Even split of what is due: whole won, the remainder on the first share.
    const QJsonObject split = m_http.get(u"/api/v1/bill?split=even&ways=4"_s, m_tables.value(1)).json();
    QCOMPARE(split.value(u"split"_s).toObject().value(u"shares"_s).toArray(), (QJsonArray{6483, 6480, 6480, 6480}));
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/bill?split=even&ways=0"_s, m_tables.value(1)), 400,
                       u"VALIDATION_FAILED"_s, u"ways"_s);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/bill?split=odd&ways=2"_s, m_tables.value(1)), 400,
                       u"VALIDATION_FAILED"_s, u"split"_s);
}

void TestBill::figuresAddUp_data()
{
    QTest::addColumn<int>("table");
    QTest::addColumn<QList<int>>("quantities");   // of A, B, C (0: no line)
    QTest::addColumn<QList<int>>("voided");       // indexes of the lines voided
    QTest::addColumn<QStringList>("discounts");   // "amount:1000", "percent:15"
    QTest::addColumn<QList<qint64>>("payments");
    QTest::addColumn<qint64>("subtotal");
    QTest::addColumn<QList<qint64>>("discountAmounts");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("due");
    QTest::addColumn<int>("ways");
    QTest::addColumn<QList<qint64>>("shares");

    QTest::newRow("partial payment, split in 3") << 3 << QList<int>{1, 2, 0} << QList<int>{} << QStringList{}
                                                 << QList<qint64>{10000} << qint64(25923) << QList<qint64>{}
                                                 << qint64(25923) << qint64(15923) << 3
                                                 << QList<qint64>{5309, 5307, 5307};
    QTest::newRow("void and amount discount") << 4 << QList<int>{1, 2, 3} << QList<int>{1}
                                              << QStringList{u"amount:1000"_s} << QList<qint64>{4348}
                                              << qint64(15348) << QList<qint64>{1000} << qint64(14348)
                                              << qint64(10000) << 4 << QList<qint64>{2500, 2500, 2500, 2500};
    // 10 % of 12,345 is 1,234.5: half up, 1,235.
    QTest::newRow("percent rounds half up") << 5 << QList<int>{1, 0, 0} << QList<int>{}
                                            << QStringList{u"percent:10"_s} << QList<qint64>{5000}
                                            << qint64(12345) << QList<qint64>{1235} << qint64(11110)
                                            << qint64(6110) << 2 << QList<qint64>{3055, 3055};
    // 15 % of 31,479 is 4,721.85: 4,722. A percent applies to the subtotal, never compounds.
    QTest::newRow("void, amount, percent, two payments")
            << 6 << QList<int>{2, 1, 1} << QList<int>{2} << QStringList{u"amount:2000"_s, u"percent:15"_s}
            << QList<qint64>{7000, 3000} << qint64(31479) << QList<qint64>{2000, 4722} << qint64(24757)
            << qint64(14757) << 2 << QList<qint64>{7379, 7378};
    QTest::newRow("half of an odd price") << 7 << QList<int>{0, 0, 1} << QList<int>{}
                                          << QStringList{u"percent:50"_s} << QList<qint64>{} << qint64(1001)
                                          << QList<qint64>{501} << qint64(500) << qint64(500) << 3
                                          << QList<qint64>{168, 166, 166};
}

void TestBill::figuresAddUp()
{
    QFETCH(int, table);
    QFETCH(QList<int>, quantities);
    QFETCH(QList<int>, voided);
    QFETCH(QStringList, discounts);
    QFETCH(QList<qint64>, payments);
    QFETCH(qint64, subtotal);
    QFETCH(QList<qint64>, discountAmounts);
    QFETCH(qint64, total);
    QFETCH(qint64, due);
    QFETCH(int, ways);
    QFETCH(QList<qint64>, shares);

    QList<std::pair<qint64, int>> lines;
    const QList<qint64> items{m_a, m_b, m_c};
    for (int i = 0; i < 3; ++i) {
        if (quantities.at(i) > 0)
            lines.append({items.at(i), quantities.at(i)});
    }
    const QJsonObject order = place(table, lines);
    const qint64 orderId = order.value(u"id"_s).toInteger();
    QVERIFY(orderId > 0);
    const QJsonArray placed = bill(table).value(u"lines"_s).toArray();
    QCOMPARE(placed.size(), lines.size());
    for (int index : voided)
        VERIFY_STATUS(voidLines(orderId, {placed.at(index).toObject().value(u"line_id"_s).toInteger()}), 200);
    for (const QString &d : discounts)
        VERIFY_STATUS(discount(table, d.section(u':', 0, 0), d.section(u':', 1).toLongLong()), 201);
    for (qint64 amount : payments)
        VERIFY_STATUS(pay(table, amount, amount % 2 ? u"card"_s : u"cash"_s), 201);

    const QJsonObject b = bill(table);
    QVERIFY2(inconsistency(b).isEmpty(), qPrintable(inconsistency(b)));
    QCOMPARE(b.value(u"subtotal"_s).toInteger(), subtotal);
    QList<qint64> amounts;
    for (const QJsonValue &d : b.value(u"discounts"_s).toArray())
        amounts.append(d.toObject().value(u"amount"_s).toInteger());
    QCOMPARE(amounts, discountAmounts);
    QCOMPARE(b.value(u"total"_s).toInteger(), total);
    QCOMPARE(b.value(u"due"_s).toInteger(), due);
    // A voided line stays on the bill with who voided it, why and when.
    const QJsonArray billLines = b.value(u"lines"_s).toArray();
    QCOMPARE(billLines.size(), lines.size());
    for (int i = 0; i < billLines.size(); ++i) {
        const QJsonObject line = billLines.at(i).toObject();
        QCOMPARE(line.contains(u"void"_s), voided.contains(i));
        if (voided.contains(i)) {
            const QJsonObject v = line.value(u"void"_s).toObject();
            QCOMPARE(v.value(u"reason"_s).toString(), u"wrong dish"_s);
            QCOMPARE(v.value(u"by"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
            QCOMPARE(v.value(u"by"_s).toObject().value(u"kind"_s).toString(), u"staff"_s);
            QVERIFY(!v.value(u"at"_s).toString().isEmpty());
        }
    }
    for (const QJsonValue &d : b.value(u"discounts"_s).toArray()) {
        QCOMPARE(d.toObject().value(u"reason"_s).toString(), u"long wait"_s);
        QCOMPARE(d.toObject().value(u"by"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
    }

    const HttpResult even = m_http.get(u"/api/v1/bill?split=even&ways=%1"_s.arg(ways), m_tables.value(table));
    VERIFY_STATUS(even, 200);
    QList<qint64> got;
    for (const QJsonValue &share : even.json().value(u"split"_s).toObject().value(u"shares"_s).toArray())
        got.append(share.toInteger());
    QCOMPARE(got, shares);

    // By lines: each guest's share of what is due, in proportion to their lines; the shares
    // add up to the due exactly.
    QJsonArray groups;
    for (const QJsonValue &line : billLines) {
        if (!line.toObject().contains(u"void"_s))
            groups.append(QJsonArray{line.toObject().value(u"line_id"_s)});
    }
    const HttpResult byLines = m_http.post(u"/api/v1/tables/%1/bill/split"_s.arg(tableId(table)),
                                           {{u"groups"_s, groups}}, m_manager);
    VERIFY_STATUS(byLines, 200);
    qint64 sum = 0;
    for (const QJsonValue &group : byLines.json().value(u"groups"_s).toArray())
        sum += group.toObject().value(u"amount"_s).toInteger();
    QCOMPARE(sum, due);
    if (table == 6) {
        // 14,757 due over lines of 24,690 and 6,789: 6,789/31,479 of it is 3,182.6 -> 3,182.
        const QJsonArray out = byLines.json().value(u"groups"_s).toArray();
        QCOMPARE(out.at(0).toObject().value(u"amount"_s).toInteger(), 11575);
        QCOMPARE(out.at(1).toObject().value(u"amount"_s).toInteger(), 3182);
    }

    // Paying the rest closes the visit by itself.
    if (due > 0) {
        const HttpResult last = pay(table, due, u"transfer"_s);
        VERIFY_STATUS(last, 201);
        QVERIFY(last.json().value(u"closed_visit"_s).toBool());
        QVERIFY(bill(table).value(u"session_id"_s).isNull());
    }
}

void TestBill::paymentsAreIdempotentAndCloseTheVisit()
{
    const int table = 8;
    const QJsonObject order = place(table, {{m_a, 2}}); // 24,690
    QVERIFY(order.value(u"id"_s).toInteger() > 0);
    SseClient tablet;
    tablet.open(m_edge.port(), {m_tables.value(table)});
    SseClient staff;
    staff.open(m_edge.port(), {m_manager});
    QVERIFY(tablet.waitForOpen() && staff.waitForOpen());

    const QString id = newClientOrderId();
    const HttpResult first = pay(table, 10000, u"card"_s, id);
    VERIFY_STATUS(first, 201);
    QCOMPARE(first.json().value(u"amount"_s).toInteger(), 10000);
    QCOMPARE(first.json().value(u"method"_s).toString(), u"card"_s);
    QCOMPARE(first.json().value(u"by"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
    QVERIFY(!first.json().value(u"closed_visit"_s).toBool());
    // The same request again: the same payment, nothing added.
    const QStringList state = databaseState(m_edge.databasePath());
    const HttpResult repeat = pay(table, 10000, u"card"_s, id);
    VERIFY_STATUS(repeat, 200);
    QCOMPARE(repeat.json(), first.json());
    QCOMPARE(databaseState(m_edge.databasePath()), state);
    // The same id for another payment: refused.
    VERIFY_ERROR(pay(table, 9000, u"card"_s, id), 422, u"IDEMPOTENCY_KEY_REUSED"_s);
    VERIFY_ERROR(pay(table, 10000, u"cash"_s, id), 422, u"IDEMPOTENCY_KEY_REUSED"_s);
    // More than is due: refused, saying how much is due.
    const HttpResult tooMuch = pay(table, 14691);
    VERIFY_ERROR(tooMuch, 409, u"EXCEEDS_DUE"_s);
    QCOMPARE(tooMuch.errorDetails().value(u"due"_s).toInteger(), 14690);
    QCOMPARE(databaseState(m_edge.databasePath()), state);
    QCOMPARE(bill(table).value(u"paid"_s).toInteger(), 10000);

    // Both screens hear of it, with who recorded it.
    for (SseClient *stream : {&tablet, &staff}) {
        const auto event = stream->waitForEvent([](const StreamEvent &e) { return e.type == u"payment.recorded"_s; });
        QVERIFY(event);
        QCOMPARE(event->data().value(u"bill"_s).toObject().value(u"due"_s).toInteger(), 14690);
        QCOMPARE(event->json.value(u"actor"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
    }

    // The rest: the visit closes itself; the tablet's stream ends with it.
    const QString lastId = newClientOrderId();
    const HttpResult rest = pay(table, 14690, u"cash"_s, lastId);
    VERIFY_STATUS(rest, 201);
    QVERIFY(rest.json().value(u"closed_visit"_s).toBool());
    const auto closed = staff.waitForEvent([](const StreamEvent &e) { return e.type == u"table.session_closed"_s; });
    QVERIFY(closed);
    QCOMPARE(closed->data().value(u"close"_s).toString(), u"paid"_s);
    QCOMPARE(closed->data().value(u"session_id"_s).toInteger(), order.value(u"session_id"_s).toInteger());
    QVERIFY(tablet.waitForEvent([](const StreamEvent &e) { return e.type == u"table.session_closed"_s; }));
    QVERIFY(tablet.waitForClosed());
    QVERIFY(bill(table).value(u"session_id"_s).isNull());
    QVERIFY(m_http.get(u"/api/v1/orders"_s, m_tables.value(table)).json().value(u"orders"_s).toArray().isEmpty());
    // Its repeat after the close still answers the same payment; a new one has no visit.
    const HttpResult again = pay(table, 14690, u"cash"_s, lastId);
    VERIFY_STATUS(again, 200);
    QCOMPARE(again.json(), rest.json());
    VERIFY_ERROR(pay(table, 1000), 409, u"NO_OPEN_SESSION"_s);
}

void TestBill::floorStaffCorrectWithinTheManagersLimits()
{
    // Table 8 again: its earlier visit closed itself when paid.
    const int table = 8;
    const QString staff = m_http.staffLogin(u"staff"_s, u"staff"_s);
    QVERIFY(!staff.isEmpty());
    const QJsonObject order = place(table, {{m_a, 1}, {m_c, 1}});
    const qint64 orderId = order.value(u"id"_s).toInteger();
    const QJsonArray lines = bill(table).value(u"lines"_s).toArray();
    const qint64 lineA = lines.at(0).toObject().value(u"line_id"_s).toInteger();
    const qint64 lineC = lines.at(1).toObject().value(u"line_id"_s).toInteger();
    const QString voidPath = u"/api/v1/orders/%1/void"_s.arg(orderId);
    const QString discountPath = u"/api/v1/tables/%1/discounts"_s.arg(tableId(table));
    auto voidBody = [](qint64 line) { return QJsonObject{{u"line_ids"_s, QJsonArray{line}}, {u"reason"_s, u"spilled"_s}}; };
    auto discountBody = [](qint64 won) {
        return QJsonObject{{u"kind"_s, u"amount"_s}, {u"value"_s, won}, {u"reason"_s, u"long wait"_s}};
    };

    // By default floor staff correct nothing; they may read the limits, not set them.
    const HttpResult limits = m_http.get(u"/api/v1/staff-limits"_s, staff);
    VERIFY_STATUS(limits, 200);
    QCOMPARE(limits.json(), (QJsonObject{{u"void_limit"_s, 0}, {u"discount_limit"_s, 0}}));
    QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.post(voidPath, voidBody(lineC), staff), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.post(discountPath, discountBody(100), staff), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/staff-limits"_s, {{u"void_limit"_s, 100000}, {u"discount_limit"_s, 100000}}, staff),
                 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/staff-limits"_s, {{u"void_limit"_s, -1}, {u"discount_limit"_s, 0}}, m_manager),
                 400, u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/staff-limits"_s,
                            {{u"void_limit"_s, 1}, {u"discount_limit"_s, 0}, {u"comp_limit"_s, 5}}, m_manager),
                 400, u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/staff-limits"_s, m_kitchen), 403, u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);

    // The manager lets them void up to 5,000 won and discount up to 1,000 won per action.
    const HttpResult set = m_http.put(u"/api/v1/staff-limits"_s, {{u"void_limit"_s, 5000}, {u"discount_limit"_s, 1000}},
                                      m_manager);
    VERIFY_STATUS(set, 200);
    QCOMPARE(set.json(), (QJsonObject{{u"void_limit"_s, 5000}, {u"discount_limit"_s, 1000}}));
    QCOMPARE(m_http.get(u"/api/v1/staff-limits"_s, staff).json(), set.json());

    // C (1,001) is within the limit and the bill says who voided it; A (12,345) is not.
    VERIFY_STATUS(m_http.post(voidPath, voidBody(lineC), staff), 200);
    const QJsonObject voided = bill(table).value(u"lines"_s).toArray().at(1).toObject().value(u"void"_s).toObject();
    QCOMPARE(voided.value(u"by"_s).toObject().value(u"role"_s).toString(), u"staff"_s);
    QCOMPARE(voided.value(u"by"_s).toObject().value(u"name"_s).toString(), u"staff"_s);
    before = databaseState(m_edge.databasePath());
    const HttpResult over = m_http.post(voidPath, voidBody(lineA), staff);
    VERIFY_ERROR(over, 403, u"FORBIDDEN"_s);
    QCOMPARE(over.errorDetails().value(u"limit"_s).toInteger(), 5000);
    QCOMPARE(over.errorDetails().value(u"amount"_s).toInteger(), 12345);
    VERIFY_ERROR(m_http.post(discountPath, discountBody(1001), staff), 403, u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    VERIFY_STATUS(m_http.post(discountPath, discountBody(1000), staff), 201);

    // Floor staff take the payment; the visit closes itself.
    const QJsonObject due = bill(table);
    QCOMPARE(due.value(u"due"_s).toInteger(), 12345 - 1000);
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/payments"_s.arg(tableId(table)),
                              {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"card"_s}, {u"amount"_s, 11345}},
                              staff),
                  201);
    QCOMPARE(bill(table).value(u"lines"_s).toArray().size(), 0);

    // The limits' change is in the audit log with who made it.
    const QJsonArray audit = m_http.get(u"/api/v1/audit?limit=1000"_s, m_manager).json().value(u"events"_s).toArray();
    bool found = false;
    for (const QJsonValue &e : audit) {
        const QJsonObject event = e.toObject();
        if (event.value(u"type"_s).toString() == u"store.staff_limits_changed"_s) {
            found = true;
            QCOMPARE(event.value(u"actor"_s).toObject().value(u"role"_s).toString(), u"manager"_s);
            QCOMPARE(event.value(u"data"_s).toObject().value(u"void_limit"_s).toInteger(), 5000);
        }
    }
    QVERIFY2(found, "store.staff_limits_changed is not in the audit log");
    // Back to the default for the tests that follow.
    VERIFY_STATUS(m_http.put(u"/api/v1/staff-limits"_s, {{u"void_limit"_s, 0}, {u"discount_limit"_s, 0}}, m_manager), 200);
}

void TestBill::staffOrderForATable()
{
    // Table 8 is free again. A guest without the tablet orders from floor staff.
    const int table = 8;
    const QString staff = m_http.staffLogin(u"staff"_s, u"staff"_s);
    const QString path = u"/api/v1/tables/%1/orders"_s.arg(tableId(table));
    const QJsonObject body = orderBody(newClientOrderId(), {{m_b, 1}});
    const HttpResult placed = m_http.post(path, body, staff);
    VERIFY_STATUS(placed, 201);
    QCOMPARE(placed.json().value(u"table_number"_s).toInt(), table);
    // A retry of the same request is the same order.
    const HttpResult again = m_http.post(path, body, staff);
    VERIFY_STATUS(again, 200);
    QCOMPARE(again.json().value(u"id"_s), placed.json().value(u"id"_s));
    // The table's tablet then orders too: one visit, two origins on the bill.
    place(table, {{m_c, 1}});
    const QJsonArray lines = m_http.get(u"/api/v1/bill"_s, m_tables.value(table)).json().value(u"lines"_s).toArray();
    QCOMPARE(lines.size(), 2);
    const QJsonObject byStaff = lines.at(0).toObject().value(u"added_by"_s).toObject();
    QCOMPARE(byStaff.value(u"kind"_s).toString(), u"staff"_s);
    QCOMPARE(byStaff.value(u"name"_s).toString(), u"staff"_s);
    QCOMPARE(lines.at(1).toObject().value(u"added_by"_s).toObject().value(u"kind"_s).toString(), u"table"_s);
    // The tablet sees the staff's order among its own.
    const QJsonArray mine = m_http.get(u"/api/v1/orders"_s, m_tables.value(table)).json().value(u"orders"_s).toArray();
    QCOMPARE(mine.size(), 2);

    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.post(path, orderBody(newClientOrderId(), {{m_b, 1}}), m_kitchen), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.post(path, orderBody(newClientOrderId(), {{m_b, 1}}), m_tables.value(table)), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/tables/99999/orders"_s, orderBody(newClientOrderId(), {{m_b, 1}}), staff), 404,
                 u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.post(path, orderBody(newClientOrderId(), {{999999, 1}}), staff), 400, u"VALIDATION_FAILED"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);

    VERIFY_STATUS(pay(table, 6789 + 1001), 201);
    QCOMPARE(bill(table).value(u"lines"_s).toArray().size(), 0);
}

void TestBill::refusalsChangeNothing_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("void without a reason") << u"void-no-reason"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("reason of 141 characters") << u"void-long-reason"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("kitchen voids") << u"void"_s << u"kitchen"_s << 403 << u"FORBIDDEN"_s;
    QTest::newRow("table voids") << u"void"_s << u"table"_s << 403 << u"FORBIDDEN"_s;
    QTest::newRow("void of an unknown order") << u"void-unknown-order"_s << u"manager"_s << 404 << u"NOT_FOUND"_s;
    QTest::newRow("void of another order's line") << u"void-foreign-line"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("void of a void line") << u"void-again"_s << u"manager"_s << 409 << u"CONFLICT"_s;
    QTest::newRow("void below what was paid") << u"void-below-paid"_s << u"manager"_s << 409 << u"EXCEEDS_DUE"_s;
    QTest::newRow("percent over 100") << u"discount-101"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("discount kind") << u"discount-kind"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("discount over the total") << u"discount-over"_s << u"manager"_s << 409 << u"EXCEEDS_DUE"_s;
    QTest::newRow("discount below what was paid") << u"discount-below-paid"_s << u"manager"_s << 409 << u"EXCEEDS_DUE"_s;
    QTest::newRow("kitchen discounts") << u"discount"_s << u"kitchen"_s << 403 << u"FORBIDDEN"_s;
    QTest::newRow("kitchen takes a payment") << u"pay"_s << u"kitchen"_s << 403 << u"FORBIDDEN"_s;
    QTest::newRow("payment method") << u"pay-method"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("payment of 0") << u"pay-zero"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("payment id not a UUID") << u"pay-id"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("discount on a free table") << u"discount-free"_s << u"manager"_s << 409 << u"NO_OPEN_SESSION"_s;
    QTest::newRow("force without a reason") << u"close-no-reason"_s << u"manager"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("kitchen moves") << u"move"_s << u"kitchen"_s << 403 << u"FORBIDDEN"_s;
}

void TestBill::refusalsChangeNothing()
{
    QFETCH(QString, what);
    QFETCH(QString, who);
    QFETCH(int, status);
    QFETCH(QString, code);
    // Table 9: an order of A and C, C voided, 12,000 paid (due 345).
    const int table = 9;
    static QJsonObject order;
    if (order.isEmpty()) {
        order = place(table, {{m_a, 1}, {m_c, 1}});
        const QJsonArray lines = bill(table).value(u"lines"_s).toArray();
        VERIFY_STATUS(voidLines(order.value(u"id"_s).toInteger(), {lines.at(1).toObject().value(u"line_id"_s).toInteger()}), 200);
        VERIFY_STATUS(pay(table, 12000), 201);
        QCOMPARE(bill(table).value(u"due"_s).toInteger(), 345);
    }
    const qint64 orderId = order.value(u"id"_s).toInteger();
    const QJsonArray lines = bill(table).value(u"lines"_s).toArray();
    const qint64 lineA = lines.at(0).toObject().value(u"line_id"_s).toInteger();
    const qint64 lineC = lines.at(1).toObject().value(u"line_id"_s).toInteger();
    const QString token = who == u"manager"_s ? m_manager : who == u"kitchen"_s ? m_kitchen : m_tables.value(table);
    const QString base = u"/api/v1/tables/%1"_s.arg(tableId(table));
    const QStringList before = databaseState(m_edge.databasePath());

    HttpResult result;
    auto voidBody = [](const QList<qint64> &ids, const QString &reason) {
        QJsonArray array;
        for (qint64 id : ids)
            array.append(id);
        return QJsonObject{{u"line_ids"_s, array}, {u"reason"_s, reason}};
    };
    const QString voidPath = u"/api/v1/orders/%1/void"_s.arg(orderId);
    if (what == u"void-no-reason"_s)
        result = m_http.post(voidPath, voidBody({lineA}, u"  "_s), token);
    else if (what == u"void-long-reason"_s)
        result = m_http.post(voidPath, voidBody({lineA}, QString(141, u'x')), token);
    else if (what == u"void"_s)
        result = m_http.post(voidPath, voidBody({lineA}, u"wrong"_s), token);
    else if (what == u"void-unknown-order"_s)
        result = m_http.post(u"/api/v1/orders/999999/void"_s, voidBody({lineA}, u"wrong"_s), token);
    else if (what == u"void-foreign-line"_s)
        result = m_http.post(voidPath, voidBody({lineA + 100000}, u"wrong"_s), token);
    else if (what == u"void-again"_s)
        result = m_http.post(voidPath, voidBody({lineC}, u"wrong"_s), token);
    else if (what == u"void-below-paid"_s)
        result = m_http.post(voidPath, voidBody({lineA}, u"wrong"_s), token);
    else if (what == u"discount-101"_s)
        result = m_http.post(base + u"/discounts"_s, {{u"kind"_s, u"percent"_s}, {u"value"_s, 101}, {u"reason"_s, u"x"_s}}, token);
    else if (what == u"discount-kind"_s)
        result = m_http.post(base + u"/discounts"_s, {{u"kind"_s, u"free"_s}, {u"value"_s, 1}, {u"reason"_s, u"x"_s}}, token);
    else if (what == u"discount-over"_s)
        result = m_http.post(base + u"/discounts"_s, {{u"kind"_s, u"amount"_s}, {u"value"_s, 12346}, {u"reason"_s, u"x"_s}}, token);
    else if (what == u"discount-below-paid"_s)
        result = m_http.post(base + u"/discounts"_s, {{u"kind"_s, u"amount"_s}, {u"value"_s, 346}, {u"reason"_s, u"x"_s}}, token);
    else if (what == u"discount"_s)
        result = m_http.post(base + u"/discounts"_s, {{u"kind"_s, u"amount"_s}, {u"value"_s, 100}, {u"reason"_s, u"x"_s}}, token);
    else if (what == u"discount-free"_s)
        result = m_http.post(u"/api/v1/tables/%1/discounts"_s.arg(tableId(12)),
                             {{u"kind"_s, u"amount"_s}, {u"value"_s, 100}, {u"reason"_s, u"x"_s}}, token);
    else if (what == u"pay"_s)
        result = m_http.post(base + u"/payments"_s, {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"cash"_s}, {u"amount"_s, 100}}, token);
    else if (what == u"pay-method"_s)
        result = m_http.post(base + u"/payments"_s, {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"bitcoin"_s}, {u"amount"_s, 100}}, token);
    else if (what == u"pay-zero"_s)
        result = m_http.post(base + u"/payments"_s, {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, u"cash"_s}, {u"amount"_s, 0}}, token);
    else if (what == u"pay-id"_s)
        result = m_http.post(base + u"/payments"_s, {{u"client_payment_id"_s, QString(36, u'z')}, {u"method"_s, u"cash"_s}, {u"amount"_s, 100}}, token);
    else if (what == u"close-no-reason"_s)
        result = m_http.post(base + u"/close-session"_s, {{u"force"_s, true}}, token);
    else if (what == u"move"_s)
        result = m_http.post(base + u"/move"_s, {{u"to_table"_s, tableId(12)}}, token);
    VERIFY_ERROR(result, status, code);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestBill::splitByLinesRefusals()
{
    const int table = 10;
    place(table, {{m_a, 1}, {m_b, 1}, {m_c, 1}});
    const QJsonArray lines = bill(table).value(u"lines"_s).toArray();
    const qint64 a = lines.at(0).toObject().value(u"line_id"_s).toInteger();
    const qint64 b = lines.at(1).toObject().value(u"line_id"_s).toInteger();
    const qint64 c = lines.at(2).toObject().value(u"line_id"_s).toInteger();
    const QString path = u"/api/v1/tables/%1/bill/split"_s.arg(tableId(table));
    const HttpResult missing = m_http.post(path, {{u"groups"_s, QJsonArray{QJsonArray{a}, QJsonArray{b}}}}, m_manager);
    VERIFY_ERROR_FIELD(missing, 400, u"VALIDATION_FAILED"_s, u"groups"_s);
    QCOMPARE(missing.errorDetails().value(u"missing_line_ids"_s).toArray(), QJsonArray{c});
    VERIFY_ERROR(m_http.post(path, {{u"groups"_s, QJsonArray{QJsonArray{a, b}, QJsonArray{b, c}}}}, m_manager), 400,
                 u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.post(path, {{u"groups"_s, QJsonArray{QJsonArray{a, b, c}, QJsonArray{}}}}, m_manager), 400,
                 u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.post(path, {{u"groups"_s, QJsonArray{QJsonArray{a, b, c, 999999}}}}, m_manager), 400,
                 u"VALIDATION_FAILED"_s);
    // A void line is in no group.
    VERIFY_STATUS(voidLines(lines.at(2).toObject().value(u"order_id"_s).toInteger(), {c}), 200);
    VERIFY_ERROR(m_http.post(path, {{u"groups"_s, QJsonArray{QJsonArray{a, b, c}}}}, m_manager), 400,
                 u"VALIDATION_FAILED"_s);
    const HttpResult ok = m_http.post(path, {{u"groups"_s, QJsonArray{QJsonArray{b}, QJsonArray{a}}}}, m_manager);
    VERIFY_STATUS(ok, 200);
    const QJsonArray groups = ok.json().value(u"groups"_s).toArray();
    QCOMPARE(groups.at(0).toObject().value(u"amount"_s).toInteger(), 6789);
    QCOMPARE(groups.at(1).toObject().value(u"amount"_s).toInteger(), 12345);
    // The table's tablet splits its own bill the same way; another table's lines are not its.
    const HttpResult own = m_http.post(u"/api/v1/bill/split"_s, {{u"groups"_s, QJsonArray{QJsonArray{b}, QJsonArray{a}}}},
                                       m_tables.value(table));
    VERIFY_STATUS(own, 200);
    QCOMPARE(own.json(), ok.json());
    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.post(u"/api/v1/bill/split"_s, {{u"groups"_s, QJsonArray{QJsonArray{a, b}}}}, m_tables.value(9)), 400,
                 u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/bill/split"_s, {{u"groups"_s, QJsonArray{QJsonArray{a, b}}}}, m_kitchen), 403,
                 u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(tableId(table)),
                              {{u"force"_s, true}, {u"reason"_s, u"test over"_s}}, m_manager), 200);
}

void TestBill::closeRefusedWhileCooking()
{
    // Nothing due (every line voided), but the kitchen is still cooking.
    const int table = 11;
    const QJsonObject order = place(table, {{m_b, 1}});
    const qint64 orderId = order.value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(orderId), {{u"status"_s, u"preparing"_s}}, m_kitchen), 200);
    VERIFY_STATUS(voidLines(orderId, {}), 200); // the whole order
    const QJsonObject b = bill(table);
    QCOMPARE(b.value(u"due"_s).toInteger(), 0);
    QVERIFY(b.value(u"lines"_s).toArray().at(0).toObject().contains(u"void"_s));
    VERIFY_ERROR(voidLines(orderId, {}), 409, u"CONFLICT"_s);
    const QString path = u"/api/v1/tables/%1/close-session"_s.arg(tableId(table));
    const HttpResult refused = m_http.post(path, {}, m_manager);
    VERIFY_ERROR(refused, 409, u"VISIT_UNSETTLED"_s);
    QCOMPARE(refused.errorDetails().value(u"cooking_orders"_s).toArray(), QJsonArray{order.value(u"number"_s)});
    QCOMPARE(refused.errorDetails().value(u"due"_s).toInteger(), 0);
    // Served: nothing open, it closes without force.
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(orderId), {{u"status"_s, u"completed"_s}}, m_kitchen), 200);
    const HttpResult closed = m_http.post(path, {}, m_manager);
    VERIFY_STATUS(closed, 200);
    QCOMPARE(closed.json().value(u"close"_s).toString(), u"closed"_s);
}

void TestBill::moveKeepsEverythingAndStreamsFollow()
{
    const int from = 2;
    const int to = 12;
    const QJsonObject first = place(from, {{m_a, 1}});
    const QJsonObject second = place(from, {{m_b, 2}});
    VERIFY_STATUS(discount(from, u"amount"_s, 500), 201);
    VERIFY_STATUS(pay(from, 5000), 201);
    const QJsonObject before = bill(from);

    SseClient fromTablet;
    fromTablet.open(m_edge.port(), {m_tables.value(from)});
    SseClient toTablet;
    toTablet.open(m_edge.port(), {m_tables.value(to)});
    SseClient staff;
    staff.open(m_edge.port(), {m_kitchen});
    QVERIFY(fromTablet.waitForOpen() && toTablet.waitForOpen() && staff.waitForOpen());

    // Only to a free table; not to itself or to a table that does not exist.
    VERIFY_ERROR(m_http.post(u"/api/v1/tables/%1/move"_s.arg(tableId(from)), {{u"to_table"_s, tableId(1)}}, m_manager),
                 409, u"CONFLICT"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/tables/%1/move"_s.arg(tableId(from)), {{u"to_table"_s, tableId(from)}}, m_manager),
                 400, u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/tables/%1/move"_s.arg(tableId(from)), {{u"to_table"_s, 99999}}, m_manager),
                 400, u"VALIDATION_FAILED"_s);

    const HttpResult moved = m_http.post(u"/api/v1/tables/%1/move"_s.arg(tableId(from)),
                                         {{u"to_table"_s, tableId(to)}}, m_manager);
    VERIFY_STATUS(moved, 200);
    QCOMPARE(moved.json().value(u"to_table_number"_s).toInt(), to);
    QCOMPARE(moved.json().value(u"session_id"_s).toInteger(), first.value(u"session_id"_s).toInteger());

    // The old table's tablet learns the visit left, and its stream ends; the new table's
    // tablet gets the visit with its orders.
    const auto left = fromTablet.waitForEvent([](const StreamEvent &e) { return e.type == u"table.visit_left"_s; });
    QVERIFY2(left, qPrintable(fromTablet.errorString()));
    QCOMPARE(left->data().value(u"to_table_number"_s).toInt(), to);
    QVERIFY(fromTablet.waitForClosed());
    const auto arrived = toTablet.waitForEvent([](const StreamEvent &e) { return e.type == u"table.visit_arrived"_s; });
    QVERIFY(arrived);
    QCOMPARE(arrived->data().value(u"orders"_s).toArray().size(), 2);
    QCOMPARE(arrived->json.value(u"actor"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
    QVERIFY(staff.waitForEvent([](const StreamEvent &e) { return e.type == u"table.visit_arrived"_s; }));

    // Every order, payment and discount followed; the new table's token sees them.
    QJsonObject after = bill(to);
    QCOMPARE(after.value(u"lines"_s), before.value(u"lines"_s));
    QCOMPARE(after.value(u"discounts"_s), before.value(u"discounts"_s));
    QCOMPARE(after.value(u"due"_s), before.value(u"due"_s));
    QCOMPARE(after.value(u"payments"_s).toArray().size(), 1);
    QCOMPARE(m_http.get(u"/api/v1/bill"_s, m_tables.value(to)).json(), after);
    QVERIFY(m_http.get(u"/api/v1/bill"_s, m_tables.value(from)).json().value(u"session_id"_s).isNull());
    const QJsonArray orders = m_http.get(u"/api/v1/orders"_s, m_tables.value(to)).json().value(u"orders"_s).toArray();
    QCOMPARE(orders.size(), 2);
    for (const QJsonValue &o : orders)
        QCOMPARE(o.toObject().value(u"table_number"_s).toInt(), to);
    QVERIFY(m_http.get(u"/api/v1/orders"_s, m_tables.value(from)).json().value(u"orders"_s).toArray().isEmpty());
    const qint64 secondId = second.value(u"id"_s).toInteger();
    VERIFY_STATUS(m_http.get(u"/api/v1/orders/%1"_s.arg(secondId), m_tables.value(to)), 200);
    VERIFY_ERROR(m_http.get(u"/api/v1/orders/%1"_s.arg(secondId), m_tables.value(from)), 404, u"NOT_FOUND"_s);

    // Later news of the visit reaches the new table's stream.
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(secondId), {{u"status"_s, u"preparing"_s}}, m_kitchen), 200);
    QVERIFY(toTablet.waitForEvent([secondId](const StreamEvent &e) {
        return e.type == u"order.updated"_s && e.data().value(u"id"_s).toInteger() == secondId;
    }));
    // The guests order again from the new table: the same visit.
    const QJsonObject third = place(to, {{m_c, 1}});
    QCOMPARE(third.value(u"session_id"_s).toInteger(), first.value(u"session_id"_s).toInteger());
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(tableId(to)),
                              {{u"force"_s, true}, {u"reason"_s, u"test over"_s}}, m_manager), 200);
}

void TestBill::mergeKeepsEverything()
{
    const int into = 1; // has the first test's visit (25,923 due)
    const int from = 7;
    // Table 7's earlier visit closed itself; a new one.
    const QJsonObject theirs = place(from, {{m_c, 2}});
    VERIFY_STATUS(pay(from, 1000), 201);
    VERIFY_STATUS(discount(from, u"amount"_s, 2), 201);
    const QJsonObject intoBefore = bill(into);
    const QJsonObject fromBefore = bill(from);

    SseClient fromTablet;
    fromTablet.open(m_edge.port(), {m_tables.value(from)});
    SseClient intoTablet;
    intoTablet.open(m_edge.port(), {m_tables.value(into)});
    QVERIFY(fromTablet.waitForOpen() && intoTablet.waitForOpen());

    VERIFY_ERROR(m_http.post(u"/api/v1/tables/%1/merge"_s.arg(tableId(into)), {{u"from_table"_s, tableId(12)}}, m_manager),
                 409, u"NO_OPEN_SESSION"_s);
    const HttpResult merged = m_http.post(u"/api/v1/tables/%1/merge"_s.arg(tableId(into)),
                                          {{u"from_table"_s, tableId(from)}}, m_manager);
    VERIFY_STATUS(merged, 200);
    QCOMPARE(merged.json().value(u"session_id"_s).toInteger(), intoBefore.value(u"session_id"_s).toInteger());
    QCOMPARE(merged.json().value(u"moved_session_id"_s).toInteger(), theirs.value(u"session_id"_s).toInteger());

    QVERIFY(fromTablet.waitForEvent([](const StreamEvent &e) { return e.type == u"table.visit_left"_s; }));
    QVERIFY(fromTablet.waitForClosed());
    const auto arrived = intoTablet.waitForEvent([](const StreamEvent &e) { return e.type == u"table.visit_arrived"_s; });
    QVERIFY(arrived);
    QCOMPARE(arrived->data().value(u"kind"_s).toString(), u"merge"_s);

    const QJsonObject after = bill(into);
    QVERIFY2(inconsistency(after).isEmpty(), qPrintable(inconsistency(after)));
    QCOMPARE(after.value(u"lines"_s).toArray().size(),
             intoBefore.value(u"lines"_s).toArray().size() + fromBefore.value(u"lines"_s).toArray().size());
    QCOMPARE(after.value(u"subtotal"_s).toInteger(),
             intoBefore.value(u"subtotal"_s).toInteger() + fromBefore.value(u"subtotal"_s).toInteger());
    QCOMPARE(after.value(u"paid"_s).toInteger(), 1000);
    QCOMPARE(after.value(u"discounts"_s).toArray().size(), 1);
    QCOMPARE(after.value(u"due"_s).toInteger(),
             intoBefore.value(u"due"_s).toInteger() + fromBefore.value(u"due"_s).toInteger());
    QVERIFY(bill(from).value(u"session_id"_s).isNull());
    QCOMPARE(m_http.get(u"/api/v1/orders"_s, m_tables.value(into)).json().value(u"orders"_s).toArray().size(), 2);
}

void TestBill::dayCloseAndReport()
{
    // A store of its own, so the day holds exactly what this test does.
    EdgeProcess edge(quiet());
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    const QString one = http.tableLogin(1);
    const QString two = http.tableLogin(2);
    const QList<QJsonObject> items = menuItems(http.get(u"/api/v1/menu"_s).json());
    const QJsonArray tables = http.get(u"/api/v1/tables"_s, manager).json().value(u"tables"_s).toArray();
    const qint64 t1 = tables.at(0).toObject().value(u"id"_s).toInteger();
    const qint64 t2 = tables.at(1).toObject().value(u"id"_s).toInteger();
    auto order = [&](const QString &token, const QList<std::pair<qint64, int>> &lines) {
        return http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines), token).json();
    };
    auto payment = [&](qint64 table, const QString &method, qint64 amount) {
        return http.post(u"/api/v1/tables/%1/payments"_s.arg(table),
                         {{u"client_payment_id"_s, newClientOrderId()}, {u"method"_s, method}, {u"amount"_s, amount}},
                         manager);
    };
    const qint64 x = items.at(0).value(u"id"_s).toInteger();
    const qint64 y = items.at(1).value(u"id"_s).toInteger();
    // Table 1: two orders, one line voided, a 10 % discount, paid by cash and card.
    const QJsonObject o1 = order(one, {{x, 2}, {y, 1}});
    const QJsonObject o2 = order(one, {{y, 1}});
    const QString date = o1.value(u"business_date"_s).toString();
    const QJsonObject b1 = http.get(u"/api/v1/tables/%1/bill"_s.arg(t1), manager).json();
    const qint64 voidedLine = b1.value(u"lines"_s).toArray().at(1).toObject().value(u"line_id"_s).toInteger();
    const qint64 voidedAmount = b1.value(u"lines"_s).toArray().at(1).toObject().value(u"line_total"_s).toInteger();
    VERIFY_STATUS(http.post(u"/api/v1/orders/%1/void"_s.arg(o1.value(u"id"_s).toInteger()),
                            {{u"line_ids"_s, QJsonArray{voidedLine}}, {u"reason"_s, u"spilled"_s}}, manager), 200);
    const HttpResult d = http.post(u"/api/v1/tables/%1/discounts"_s.arg(t1),
                                   {{u"kind"_s, u"percent"_s}, {u"value"_s, 10}, {u"reason"_s, u"regulars"_s}}, manager);
    VERIFY_STATUS(d, 201);
    const qint64 discountAmount = d.json().value(u"amount"_s).toInteger();
    const qint64 gross1 = o1.value(u"total"_s).toInteger() + o2.value(u"total"_s).toInteger();
    const qint64 total1 = gross1 - voidedAmount - discountAmount;
    VERIFY_STATUS(payment(t1, u"cash"_s, 10000), 201);
    VERIFY_STATUS(payment(t1, u"card"_s, total1 - 10000), 201);
    // Table 2: two calls for staff, an order, partly paid by transfer: still open.
    VERIFY_STATUS(http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}}, two), 201);
    VERIFY_STATUS(http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"cutlery"_s}}, two), 201);
    const QJsonObject o3 = order(two, {{x, 1}});
    const qint64 gross2 = o3.value(u"total"_s).toInteger();
    VERIFY_STATUS(payment(t2, u"transfer"_s, 1000), 201);

    // Refused while table 2 owes money; nothing changes.
    const QString closePath = u"/api/v1/business-days/%1/close"_s.arg(date);
    const QStringList state = databaseState(edge.databasePath());
    const HttpResult refused = http.post(closePath, {}, manager);
    VERIFY_ERROR(refused, 409, u"DAY_UNSETTLED"_s);
    const QJsonArray unpaid = refused.errorDetails().value(u"open_visits"_s).toArray();
    QCOMPARE(unpaid.size(), 1);
    QCOMPARE(unpaid.at(0).toObject().value(u"table_number"_s).toInt(), 2);
    QCOMPARE(unpaid.at(0).toObject().value(u"due"_s).toInteger(), gross2 - 1000);
    QCOMPARE(databaseState(edge.databasePath()), state);
    VERIFY_ERROR(http.post(closePath, {{u"force"_s, true}}, manager), 400, u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(http.post(closePath, {}, http.staffLogin(u"kitchen"_s, u"kitchen"_s)), 403, u"FORBIDDEN"_s);
    VERIFY_ERROR(http.post(u"/api/v1/business-days/2026-13-01/close"_s, {}, manager), 400, u"VALIDATION_FAILED"_s);
    VERIFY_ERROR(http.post(u"/api/v1/business-days/2999-01-01/close"_s, {}, manager), 400, u"VALIDATION_FAILED"_s);

    // The running report: the sum of the day's orders and payments.
    const HttpResult running = http.get(u"/api/v1/business-days/%1/report"_s.arg(date), manager);
    VERIFY_STATUS(running, 200);
    QJsonObject r = running.json();
    QCOMPARE(r.value(u"closed"_s).toBool(), false);
    QCOMPARE(r.value(u"date"_s).toString(), date);
    QCOMPARE(r.value(u"orders"_s).toInt(), 3);
    QCOMPARE(r.value(u"gross"_s).toInteger(), gross1 + gross2);
    QCOMPARE(r.value(u"voids"_s).toInteger(), voidedAmount);
    QCOMPARE(r.value(u"discounts"_s).toInteger(), discountAmount);
    QCOMPARE(r.value(u"net"_s).toInteger(), total1 + gross2);
    const QJsonObject methods = r.value(u"payments_by_method"_s).toObject();
    QCOMPARE(methods.value(u"cash"_s).toInteger(), 10000);
    QCOMPARE(methods.value(u"card"_s).toInteger(), total1 - 10000);
    QCOMPARE(methods.value(u"transfer"_s).toInteger(), 1000);
    QCOMPARE(methods.value(u"other"_s).toInteger(), 0);
    QCOMPARE(r.value(u"calls"_s).toInteger(), 2);
    QCOMPARE(r.value(u"open_visits"_s).toArray().size(), 1);
    qint64 itemsSum = 0;
    for (const QJsonValue &item : r.value(u"items"_s).toArray())
        itemsSum += item.toObject().value(u"amount"_s).toInteger();
    QCOMPARE(itemsSum, gross1 + gross2 - voidedAmount);

    // Forced, with a reason: the Z report, recorded with who closed it.
    const HttpResult closed = http.post(closePath, {{u"force"_s, true}, {u"reason"_s, u"table 2 pays tomorrow"_s}}, manager);
    VERIFY_STATUS(closed, 200);
    QJsonObject z = closed.json();
    QCOMPARE(z.value(u"closed"_s).toBool(), true);
    QCOMPARE(z.value(u"forced_reason"_s).toString(), u"table 2 pays tomorrow"_s);
    QCOMPARE(z.value(u"closed_by"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
    for (const QString &figure : {u"orders"_s, u"gross"_s, u"voids"_s, u"discounts"_s, u"net"_s,
                                  u"payments_by_method"_s, u"items"_s, u"calls"_s, u"open_visits"_s})
        QCOMPARE(z.value(figure), r.value(figure));
    // Closing twice answers the same report; the report endpoint keeps it.
    const QStringList closedState = databaseState(edge.databasePath());
    const HttpResult again = http.post(closePath, {}, manager);
    VERIFY_STATUS(again, 200);
    QCOMPARE(again.json(), z);
    QCOMPARE(databaseState(edge.databasePath()), closedState);
    QCOMPARE(http.get(u"/api/v1/business-days/%1/report"_s.arg(date), manager).json(), z);
}

QTEST_GUILESS_MAIN(TestBill)
#include "tst_bill.moc"
