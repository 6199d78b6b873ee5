#include "sseclient.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Calls for staff (직원 호출) against a real edge: a table's call reaches the staff screens
/// and only that table's stream, staff acknowledge and finish it and the table sees it, a
/// repeat returns the open call, bad input and the wrong roles change nothing, a call nobody
/// acknowledges goes overdue once, calls close with their visit, and calls have their own
/// per-table rate limit.
class TestCalls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void callReachesStaffAndAckReachesTable();
    void badInput_data();
    void badInput();
    void wrongRole_data();
    void wrongRole();
    void unknownCall();
    void closesWithTheVisit();
    void unansweredCallGoesOverdueOnce();
    void rateLimitedPerTable();

private:
    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table1;
    QString m_table2;
    QString m_staff;
    QString m_kitchen;
    QString m_manager;
};

namespace {

bool isCallEvent(const StreamEvent &e, const QString &type, qint64 id)
{
    return e.type == type && e.data().value(u"id"_s).toInteger() == id;
}

} // namespace

void TestCalls::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table1 = m_http.tableLogin(1);
    m_table2 = m_http.tableLogin(2);
    m_staff = m_http.staffLogin(u"staff"_s, u"staff"_s);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_table1.isEmpty() && !m_table2.isEmpty() && !m_staff.isEmpty() && !m_kitchen.isEmpty()
            && !m_manager.isEmpty());
}

void TestCalls::callReachesStaffAndAckReachesTable()
{
    SseClient staffStream;
    staffStream.open(m_edge.port(), {m_staff});
    SseClient tableStream;
    tableStream.open(m_edge.port(), {m_table1});
    SseClient otherTable;
    otherTable.open(m_edge.port(), {m_table2});
    QVERIFY(staffStream.waitForOpen() && tableStream.waitForOpen() && otherTable.waitForOpen());

    const HttpResult created = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}, {u"note"_s, u"  얼음물 두 잔  "_s}},
                                           m_table1);
    VERIFY_STATUS(created, 201);
    const QJsonObject call = created.json();
    const qint64 id = call.value(u"id"_s).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(call.value(u"table_number"_s).toInt(), 1);
    QCOMPARE(call.value(u"reason"_s).toString(), u"water"_s);
    QCOMPARE(call.value(u"note"_s).toString(), u"얼음물 두 잔"_s);
    QCOMPARE(call.value(u"status"_s).toString(), u"open"_s);
    QVERIFY(!call.value(u"created_at"_s).toString().isEmpty());

    // A second tap on the same reason is the same call.
    const HttpResult repeat = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}}, m_table1);
    VERIFY_STATUS(repeat, 200);
    QCOMPARE(repeat.json().value(u"id"_s).toInteger(), id);
    // Another reason is another call.
    const HttpResult cutlery = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"cutlery"_s}}, m_table1);
    VERIFY_STATUS(cutlery, 201);
    QVERIFY(cutlery.json().value(u"id"_s).toInteger() != id);

    const auto seen = staffStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.created"_s, id); });
    QVERIFY2(seen, qPrintable(describeEvents(staffStream.events())));
    QCOMPARE(seen->data().value(u"table_number"_s).toInt(), 1);
    QCOMPARE(seen->json.value(u"actor"_s).toObject().value(u"kind"_s).toString(), u"table"_s);
    QVERIFY(tableStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.created"_s, id); }));

    const QJsonArray open = m_http.get(u"/api/v1/calls?status=open"_s, m_staff).json().value(u"calls"_s).toArray();
    QVERIFY(std::any_of(open.begin(), open.end(), [&](const QJsonValue &v) { return v.toObject().value(u"id"_s).toInteger() == id; }));

    const HttpResult ack = m_http.post(u"/api/v1/calls/%1/ack"_s.arg(id), {}, m_staff);
    VERIFY_STATUS(ack, 200);
    QCOMPARE(ack.json().value(u"status"_s).toString(), u"acknowledged"_s);
    QCOMPARE(ack.json().value(u"acknowledged_by"_s).toObject().value(u"name"_s).toString(), u"staff"_s);
    QCOMPARE(ack.json().value(u"acknowledged_by"_s).toObject().value(u"role"_s).toString(), u"staff"_s);
    // A second tap (another staff member) does not take it over.
    const HttpResult again = m_http.post(u"/api/v1/calls/%1/ack"_s.arg(id), {}, m_manager);
    VERIFY_STATUS(again, 200);
    QCOMPARE(again.json().value(u"acknowledged_by"_s).toObject().value(u"name"_s).toString(), u"staff"_s);
    // Acknowledged is still open: a repeat from the table returns it as it is.
    const HttpResult afterAck = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}}, m_table1);
    VERIFY_STATUS(afterAck, 200);
    QCOMPARE(afterAck.json().value(u"status"_s).toString(), u"acknowledged"_s);

    const auto coming = tableStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.acknowledged"_s, id); });
    QVERIFY2(coming, qPrintable(describeEvents(tableStream.events())));
    QCOMPARE(coming->data().value(u"status"_s).toString(), u"acknowledged"_s);
    // The table's own list says so too (a tablet that restarts).
    const QJsonArray mine = m_http.get(u"/api/v1/calls"_s, m_table1).json().value(u"calls"_s).toArray();
    QCOMPARE(mine.size(), 2);

    const HttpResult done = m_http.post(u"/api/v1/calls/%1/done"_s.arg(id), {}, m_manager);
    VERIFY_STATUS(done, 200);
    QCOMPARE(done.json().value(u"status"_s).toString(), u"done"_s);
    QCOMPARE(done.json().value(u"done_by"_s).toObject().value(u"name"_s).toString(), u"manager"_s);
    QVERIFY(tableStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.done"_s, id); }));
    VERIFY_ERROR(m_http.post(u"/api/v1/calls/%1/ack"_s.arg(id), {}, m_staff), 409, u"INVALID_TRANSITION"_s);
    VERIFY_STATUS(m_http.post(u"/api/v1/calls/%1/done"_s.arg(id), {}, m_staff), 200);
    // Done: the next water is a new call.
    const HttpResult next = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}}, m_table1);
    VERIFY_STATUS(next, 201);
    QVERIFY(next.json().value(u"id"_s).toInteger() != id);
    const QJsonArray history = m_http.get(u"/api/v1/calls?status=done"_s, m_staff).json().value(u"calls"_s).toArray();
    QCOMPARE(history.first().toObject().value(u"id"_s).toInteger(), id);

    // Table 2's stream carried none of it.
    QVERIFY(staffStream.waitForEvent([&](const StreamEvent &e) {
        return isCallEvent(e, u"call.created"_s, next.json().value(u"id"_s).toInteger());
    }));
    for (const StreamEvent &e : otherTable.events())
        QVERIFY2(!e.type.startsWith(u"call."_s), qPrintable(e.describe()));
    QVERIFY(staffStream.protocolErrors().isEmpty() && tableStream.protocolErrors().isEmpty());
}

void TestCalls::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown reason") << QByteArray(R"({"reason":"beer"})") << u"reason"_s;
    QTest::newRow("no reason") << QByteArray(R"({"note":"hello"})") << u"reason"_s;
    QTest::newRow("reason not a string") << QByteArray(R"({"reason":1})") << u"reason"_s;
    QTest::newRow("note of 141 characters")
            << QJsonDocument(QJsonObject{{u"reason"_s, u"other"_s}, {u"note"_s, QString(141, u'가')}}).toJson()
            << u"note"_s;
    QTest::newRow("note not a string") << QByteArray(R"({"reason":"other","note":5})") << u"note"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"reason":"other","table":3})") << u"table"_s;
}

void TestCalls::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QString table = m_http.tableLogin(5);
    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR_FIELD(m_http.send("POST", u"/api/v1/calls"_s, body, table, {{"Content-Type", "application/json"}}),
                       400, u"VALIDATION_FAILED"_s, field);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestCalls::wrongRole_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("post");
    QTest::newRow("kitchen lists calls") << u"kitchen"_s << u"/api/v1/calls"_s << false;
    QTest::newRow("kitchen acknowledges") << u"kitchen"_s << u"/api/v1/calls/1/ack"_s << true;
    QTest::newRow("kitchen finishes") << u"kitchen"_s << u"/api/v1/calls/1/done"_s << true;
    QTest::newRow("table acknowledges") << u"table"_s << u"/api/v1/calls/1/ack"_s << true;
    QTest::newRow("table finishes") << u"table"_s << u"/api/v1/calls/1/done"_s << true;
    QTest::newRow("staff calls staff") << u"staff"_s << u"/api/v1/calls"_s << true;
    QTest::newRow("manager calls staff") << u"manager"_s << u"/api/v1/calls"_s << true;
}

void TestCalls::wrongRole()
{
    QFETCH(QString, who);
    QFETCH(QString, path);
    QFETCH(bool, post);
    const QString token = who == u"table"_s ? m_table1 : who == u"kitchen"_s ? m_kitchen
                        : who == u"staff"_s ? m_staff : m_manager;
    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult result = post ? m_http.post(path, {{u"reason"_s, u"water"_s}}, token) : m_http.get(path, token);
    VERIFY_ERROR(result, 403, u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    VERIFY_ERROR(m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}}), 401, u"UNAUTHENTICATED"_s);
}

void TestCalls::unknownCall()
{
    VERIFY_ERROR(m_http.post(u"/api/v1/calls/999999/ack"_s, {}, m_staff), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/calls/999999/done"_s, {}, m_staff), 404, u"NOT_FOUND"_s);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/calls?status=lost"_s, m_staff), 400, u"VALIDATION_FAILED"_s, u"status"_s);
}

void TestCalls::closesWithTheVisit()
{
    // A call before any order opens the visit; closing the visit ends its calls.
    SseClient staffStream;
    staffStream.open(m_edge.port(), {m_staff});
    QVERIFY(staffStream.waitForOpen());
    const QString table = m_http.tableLogin(7);
    const HttpResult bill = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"bill"_s}}, table);
    VERIFY_STATUS(bill, 201);
    const qint64 id = bill.json().value(u"id"_s).toInteger();
    const qint64 tableId = bill.json().value(u"table_id"_s).toInteger();
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(tableId), {}, m_manager), 200);
    const auto closed = staffStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.done"_s, id); });
    QVERIFY2(closed, qPrintable(describeEvents(staffStream.events())));
    QCOMPARE(closed->data().value(u"closed_with_visit"_s).toBool(), true);
    QVERIFY(closed->json.value(u"actor"_s).isNull() || closed->json.value(u"actor"_s).isUndefined());
    const QJsonArray active = m_http.get(u"/api/v1/calls"_s, m_staff).json().value(u"calls"_s).toArray();
    QVERIFY(std::none_of(active.begin(), active.end(), [&](const QJsonValue &v) { return v.toObject().value(u"id"_s).toInteger() == id; }));
    QVERIFY(m_http.get(u"/api/v1/calls"_s, table).json().value(u"calls"_s).toArray().isEmpty());
    // The next party's bill call is a new call.
    const HttpResult next = m_http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"bill"_s}}, table);
    VERIFY_STATUS(next, 201);
    QVERIFY(next.json().value(u"session_id"_s).toInteger() > bill.json().value(u"session_id"_s).toInteger());
}

void TestCalls::unansweredCallGoesOverdueOnce()
{
    EdgeProcess edge({.environment = {{u"TABLEORDER_CALLS_OVERDUE_SECONDS"_s, u"1"_s}}});
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString staff = http.staffLogin(u"staff"_s, u"staff"_s);
    const QString table = http.tableLogin(3);
    SseClient staffStream;
    staffStream.open(edge.port(), {staff});
    SseClient tableStream;
    tableStream.open(edge.port(), {table});
    QVERIFY(staffStream.waitForOpen() && tableStream.waitForOpen());

    const HttpResult first = http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"water"_s}}, table);
    VERIFY_STATUS(first, 201);
    const qint64 id = first.json().value(u"id"_s).toInteger();
    const auto overdue = staffStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.overdue"_s, id); });
    QVERIFY2(overdue, qPrintable(describeEvents(staffStream.events())));
    QCOMPARE(overdue->data().value(u"status"_s).toString(), u"open"_s);
    QCOMPARE(overdue->data().value(u"overdue"_s).toBool(), true);
    QCOMPARE(http.get(u"/api/v1/calls?status=open"_s, staff).json().value(u"calls"_s).toArray().first()
                     .toObject().value(u"overdue"_s).toBool(),
             true);

    // A second call going overdue later shows the monitor ran again: the first was not raised twice.
    const HttpResult second = http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"cutlery"_s}}, table);
    VERIFY_STATUS(second, 201);
    const qint64 secondId = second.json().value(u"id"_s).toInteger();
    QVERIFY(staffStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.overdue"_s, secondId); }));
    const auto overdueOfFirst = std::count_if(staffStream.events().begin(), staffStream.events().end(),
                                              [&](const StreamEvent &e) { return isCallEvent(e, u"call.overdue"_s, id); });
    QCOMPARE(overdueOfFirst, 1);
    // Overdue is the staff's business: the guests' stream does not carry it.
    QVERIFY(tableStream.waitForEvent([&](const StreamEvent &e) { return isCallEvent(e, u"call.created"_s, secondId); }));
    for (const StreamEvent &e : tableStream.events())
        QVERIFY2(e.type != u"call.overdue"_s, qPrintable(e.describe()));
    // An acknowledged call is not overdue any more.
    VERIFY_STATUS(http.post(u"/api/v1/calls/%1/ack"_s.arg(id), {}, staff), 200);
}

void TestCalls::rateLimitedPerTable()
{
    EdgeProcess edge({.rateLimits = true, .environment = {{u"TABLEORDER_RATE_CALLS_PER_MINUTE"_s, u"3"_s}}});
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString table = http.tableLogin(4);
    const QString other = http.tableLogin(6);
    for (const QString &reason : {u"water"_s, u"water"_s, u"bill"_s})
        QVERIFY(http.post(u"/api/v1/calls"_s, {{u"reason"_s, reason}}, table).status / 100 == 2);
    const QStringList before = databaseState(edge.databasePath());
    const HttpResult limited = http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"other"_s}}, table);
    VERIFY_ERROR(limited, 429, u"RATE_LIMITED"_s);
    QVERIFY(limited.header("retry-after").toInt() > 0);
    QCOMPARE(databaseState(edge.databasePath()), before);
    // The table's orders and the other tables are not held back by it.
    VERIFY_STATUS(http.post(u"/api/v1/calls"_s, {{u"reason"_s, u"other"_s}}, other), 201);
    VERIFY_STATUS(http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), table), 201);
}

QTEST_GUILESS_MAIN(TestCalls)
#include "tst_calls.moc"
