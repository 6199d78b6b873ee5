#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The staff's table overview, closing a table's session (which archives its orders and
/// frees the table), the paginated history, and managing tables, against the real daemon.
class TestTables : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void overviewOfAFreshStore();
    void overviewCountsTheOpenSession();
    void closeSession();
    void closeSessionRefused_data();
    void closeSessionRefused();
    void historyNewestFirstAndPaginated();
    void badHistoryQueries_data();
    void badHistoryQueries();
    void manageTables();

private:
    QJsonObject table(int number);
    QJsonObject place(int tableNumber, qint64 item, int quantity);
    qint64 tableId(int number) { return table(number).value(u"id"_s).toInteger(); }

    EdgeProcess m_edge;
    HttpClient m_http;
    QHash<int, QString> m_tables;
    QString m_kitchen;
    QString m_manager;
    QList<QJsonObject> m_items;
    QList<QJsonObject> m_closedOrders; // table 3's first session, in order of creation
};

void TestTables::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    for (int number : {3, 4, 6})
        m_tables.insert(number, m_http.tableLogin(number));
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_kitchen.isEmpty() && !m_manager.isEmpty());
    m_items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QCOMPARE(m_items.size(), 32);
}

QJsonObject TestTables::table(int number)
{
    const HttpResult result = m_http.get(u"/api/v1/tables"_s, m_manager);
    for (const QJsonValue &t : result.json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == number)
            return t.toObject();
    }
    qWarning("table %d not in %s", number, qPrintable(result.describe()));
    return {};
}

QJsonObject TestTables::place(int tableNumber, qint64 item, int quantity)
{
    const HttpResult result = m_http.post(
            u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{item, quantity}}),
            m_tables.value(tableNumber));
    if (result.status != 201)
        qWarning("placing an order: %s", qPrintable(result.describe()));
    return result.json();
}

void TestTables::overviewOfAFreshStore()
{
    for (const QString &token : {m_manager, m_kitchen}) {
        const HttpResult result = m_http.get(u"/api/v1/tables"_s, token);
        VERIFY_STATUS(result, 200);
        const QJsonArray tables = result.json().value(u"tables"_s).toArray();
        QCOMPARE(tables.size(), 12);
        for (int i = 0; i < tables.size(); ++i) {
            const QJsonObject t = tables.at(i).toObject();
            QCOMPARE(t.value(u"number"_s).toInt(), i + 1);
            QVERIFY(t.value(u"id"_s).toInteger() > 0);
            QVERIFY(t.value(u"session_id"_s).isNull());
            QCOMPARE(t.value(u"order_count"_s).toInt(), 0);
            QCOMPARE(t.value(u"total"_s).toInteger(), 0);
        }
    }
}

void TestTables::overviewCountsTheOpenSession()
{
    const QJsonObject a = place(3, m_items.at(0).value(u"id"_s).toInteger(), 2);
    const QJsonObject b = place(3, m_items.at(5).value(u"id"_s).toInteger(), 1);
    const QJsonObject canceled = place(3, m_items.at(9).value(u"id"_s).toInteger(), 4);
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(canceled.value(u"id"_s).toInteger()),
                               {{u"status"_s, u"canceled"_s}}, m_manager),
                  200);
    const QJsonObject other = place(4, m_items.at(2).value(u"id"_s).toInteger(), 1);
    m_closedOrders = {a, b, canceled};

    const QJsonObject three = table(3);
    QCOMPARE(three.value(u"session_id"_s).toInteger(), a.value(u"session_id"_s).toInteger());
    QCOMPARE(b.value(u"session_id"_s).toInteger(), a.value(u"session_id"_s).toInteger());
    QVERIFY(!three.value(u"session_opened_at"_s).toString().isEmpty());
    // Canceled orders are neither counted nor charged.
    QCOMPARE(three.value(u"order_count"_s).toInt(), 2);
    QCOMPARE(three.value(u"total"_s).toInteger(),
             a.value(u"total"_s).toInteger() + b.value(u"total"_s).toInteger());
    const QJsonObject four = table(4);
    QCOMPARE(four.value(u"order_count"_s).toInt(), 1);
    QCOMPARE(four.value(u"total"_s).toInteger(), other.value(u"total"_s).toInteger());
    QVERIFY(four.value(u"session_id"_s).toInteger() != three.value(u"session_id"_s).toInteger());
    QVERIFY(table(5).value(u"session_id"_s).isNull());
}

void TestTables::closeSession()
{
    const QJsonObject before = table(3);
    const qint64 session = before.value(u"session_id"_s).toInteger();
    QVERIFY(session > 0);
    // Unpaid and cooking: refused, saying what is open, and nothing changes.
    const QStringList state = databaseState(m_edge.databasePath());
    const HttpResult refused =
            m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(before.value(u"id"_s).toInteger()),
                        {}, m_manager);
    VERIFY_ERROR(refused, 409, u"VISIT_UNSETTLED"_s);
    QCOMPARE(refused.errorDetails().value(u"due"_s).toInteger(), before.value(u"total"_s).toInteger());
    QCOMPARE(refused.errorDetails().value(u"cooking_orders"_s).toArray().size(), 2);
    QCOMPARE(databaseState(m_edge.databasePath()), state);
    // A manager closes it anyway, with a reason.
    const HttpResult closed =
            m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(before.value(u"id"_s).toInteger()),
                        {{u"force"_s, true}, {u"reason"_s, u"guests left without paying"_s}}, m_manager);
    VERIFY_STATUS(closed, 200);
    QCOMPARE(closed.json().value(u"close"_s).toString(), u"forced"_s);
    QCOMPARE(closed.json().value(u"reason"_s).toString(), u"guests left without paying"_s);
    QCOMPARE(closed.json().value(u"session_id"_s).toInteger(), session);
    QCOMPARE(closed.json().value(u"table_number"_s).toInt(), 3);
    QVERIFY(!closed.json().value(u"closed_at"_s).toString().isEmpty());

    // The table is free: no session, nothing to pay, and its tablet shows no orders.
    const QJsonObject after = table(3);
    QVERIFY(after.value(u"session_id"_s).isNull());
    QCOMPARE(after.value(u"order_count"_s).toInt(), 0);
    QCOMPARE(after.value(u"total"_s).toInteger(), 0);
    const HttpResult mine = m_http.get(u"/api/v1/orders"_s, m_tables.value(3));
    VERIFY_STATUS(mine, 200);
    QVERIFY(mine.json().value(u"orders"_s).toArray().isEmpty());
    // Other tables are untouched.
    QCOMPARE(table(4).value(u"order_count"_s).toInt(), 1);

    // The next order opens a new session; the tablet's token still works.
    const QJsonObject next = place(3, m_items.at(1).value(u"id"_s).toInteger(), 1);
    QVERIFY(next.value(u"session_id"_s).toInteger() > session);
    QCOMPARE(table(3).value(u"order_count"_s).toInt(), 1);
    const QJsonArray now = m_http.get(u"/api/v1/orders"_s, m_tables.value(3)).json()
                                   .value(u"orders"_s).toArray();
    QCOMPARE(now, QJsonArray{next});
}

void TestTables::closeSessionRefused_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("table"); // a number, or a literal path segment
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("table that never ordered") << u"manager"_s << u"#7"_s << 409
                                              << u"NO_OPEN_SESSION"_s;
    QTest::newRow("unknown table") << u"manager"_s << u"99999"_s << 404 << u"NOT_FOUND"_s;
    QTest::newRow("table id not a number") << u"manager"_s << u"seven"_s << 404 << u"NOT_FOUND"_s;
    QTest::newRow("kitchen") << u"kitchen"_s << u"#4"_s << 403 << u"FORBIDDEN"_s;
    QTest::newRow("a table closing itself") << u"table"_s << u"#4"_s << 403 << u"FORBIDDEN"_s;
}

void TestTables::closeSessionRefused()
{
    QFETCH(QString, who);
    QFETCH(QString, table);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QString id = table.startsWith(u'#') ? QString::number(tableId(table.sliced(1).toInt()))
                                              : table;
    const QString token = who == u"manager"_s ? m_manager
            : who == u"kitchen"_s             ? m_kitchen
                                              : m_tables.value(4);
    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(id), {}, token), status, code);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestTables::historyNewestFirstAndPaginated()
{
    QCOMPARE(m_closedOrders.size(), 3);
    const QString path = u"/api/v1/tables/%1/history"_s.arg(tableId(3));
    const HttpResult all = m_http.get(path, m_manager);
    VERIFY_STATUS(all, 200);
    QCOMPARE(all.json().value(u"total"_s).toInt(), 3);
    const QJsonArray orders = all.json().value(u"orders"_s).toArray();
    QCOMPARE(orders.size(), 3);
    // Newest first; everything the session had, canceled included, as it was.
    for (int i = 0; i < 3; ++i) {
        const QJsonObject archived = orders.at(i).toObject();
        const QJsonObject original = m_closedOrders.at(2 - i);
        QCOMPARE(archived.value(u"id"_s), original.value(u"id"_s));
        QCOMPARE(archived.value(u"number"_s), original.value(u"number"_s));
        QCOMPARE(archived.value(u"total"_s), original.value(u"total"_s));
        const QJsonArray lines = archived.value(u"items"_s).toArray();
        const QJsonArray originalLines = original.value(u"items"_s).toArray();
        QCOMPARE(lines.size(), originalLines.size());
        for (qsizetype l = 0; l < lines.size(); ++l) {
            for (const QString &key : {u"menu_item_id"_s, u"name"_s, u"unit_price"_s,
                                       u"quantity"_s, u"line_total"_s})
                QCOMPARE(lines.at(l).toObject().value(key), originalLines.at(l).toObject().value(key));
        }
        QCOMPARE(archived.value(u"created_at"_s), original.value(u"created_at"_s));
        QCOMPARE(archived.value(u"table_number"_s).toInt(), 3);
        QCOMPARE(archived.value(u"status"_s).toString(),
                 i == 0 ? u"canceled"_s : u"pending"_s);
    }

    QJsonArray paged;
    for (int offset = 0; offset < 4; offset += 2) {
        const HttpResult page = m_http.get(path + u"?limit=2&offset=%1"_s.arg(offset), m_manager);
        VERIFY_STATUS(page, 200);
        QCOMPARE(page.json().value(u"total"_s).toInt(), 3);
        QCOMPARE(page.json().value(u"limit"_s).toInt(), 2);
        QCOMPARE(page.json().value(u"offset"_s).toInt(), offset);
        for (const QJsonValue &order : page.json().value(u"orders"_s).toArray())
            paged.append(order);
    }
    QCOMPARE(paged, orders);
    QVERIFY(m_http.get(path + u"?offset=3"_s, m_manager).json().value(u"orders"_s).toArray().isEmpty());

    // The time window: all of it today, none of it in the future or long ago.
    const QJsonObject future = m_http.get(path + u"?from=2999-01-01"_s, m_manager).json();
    QCOMPARE(future.value(u"total"_s).toInt(), 0);
    QVERIFY(future.value(u"orders"_s).toArray().isEmpty());
    QCOMPARE(m_http.get(path + u"?to=2000-01-01"_s, m_manager).json().value(u"total"_s).toInt(), 0);
    QCOMPARE(m_http.get(path + u"?from=2000-01-01&to=2999-12-31"_s, m_manager)
                     .json().value(u"total"_s).toInt(),
             3);
    // Tables with an open session only have no history yet.
    QCOMPARE(m_http.get(u"/api/v1/tables/%1/history"_s.arg(tableId(4)), m_manager)
                     .json().value(u"total"_s).toInt(),
             0);
}

void TestTables::badHistoryQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("limit 0") << u"?limit=0"_s << u"limit"_s;
    QTest::newRow("limit 501") << u"?limit=501"_s << u"limit"_s;
    QTest::newRow("limit text") << u"?limit=ten"_s << u"limit"_s;
    QTest::newRow("negative offset") << u"?offset=-1"_s << u"offset"_s;
    QTest::newRow("from not a date") << u"?from=last-week"_s << u"from"_s;
    QTest::newRow("to not a date") << u"?to=2024-13-01"_s << u"to"_s;
    QTest::newRow("from after to") << u"?from=2024-02-01&to=2024-01-01"_s << u"from"_s;
}

void TestTables::badHistoryQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    VERIFY_ERROR_FIELD(m_http.get(u"/api/v1/tables/%1/history"_s.arg(tableId(3)) + query, m_manager),
                       400, u"VALIDATION_FAILED"_s, field);
}

void TestTables::manageTables()
{
    const HttpResult created = m_http.post(u"/api/v1/tables"_s,
                                           {{u"number"_s, 13}, {u"password"_s, u"1313"_s}}, m_manager);
    VERIFY_STATUS(created, 201);
    const qint64 id = created.json().value(u"id"_s).toInteger();
    QCOMPARE(created.json().value(u"number"_s).toInt(), 13);
    QVERIFY(!m_http.tableLogin(13, u"1313"_s).isEmpty());
    QCOMPARE(m_http.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray().size(), 13);

    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.post(u"/api/v1/tables"_s, {{u"number"_s, 13}, {u"password"_s, u"0000"_s}},
                             m_manager),
                 409, u"ALREADY_EXISTS"_s);
    VERIFY_ERROR_FIELD(m_http.post(u"/api/v1/tables"_s, {{u"number"_s, 14}, {u"password"_s, u"123"_s}},
                                   m_manager),
                       400, u"VALIDATION_FAILED"_s, u"password"_s);
    VERIFY_ERROR_FIELD(m_http.post(u"/api/v1/tables"_s, {{u"number"_s, 0}, {u"password"_s, u"0000"_s}},
                                   m_manager),
                       400, u"VALIDATION_FAILED"_s, u"number"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/tables/%1"_s.arg(id), {{u"number"_s, 12}}, m_manager), 409,
                 u"ALREADY_EXISTS"_s);
    VERIFY_ERROR(m_http.put(u"/api/v1/tables/99999"_s, {{u"number"_s, 99}}, m_manager), 404,
                 u"NOT_FOUND"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);

    const HttpResult changed = m_http.put(u"/api/v1/tables/%1"_s.arg(id),
                                          {{u"number"_s, 14}, {u"password"_s, u"1414"_s}}, m_manager);
    VERIFY_STATUS(changed, 200);
    QCOMPARE(changed.json().value(u"number"_s).toInt(), 14);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/table-login"_s,
                             {{u"table_number"_s, 14}, {u"password"_s, u"1313"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/table-login"_s,
                             {{u"table_number"_s, 13}, {u"password"_s, u"1414"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    QVERIFY(!m_http.tableLogin(14, u"1414"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestTables)
#include "tst_tables.moc"
