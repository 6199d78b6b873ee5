#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {
const QByteArray uuid = "0b0e8f4e-6a55-4a57-9d3c-1f6a4c2e9b71";
} // namespace

/// Every malformed or hostile order body the issue lists, sent for real to POST /orders:
/// each gets the error envelope with the documented code and the field it is about, and the
/// store is byte for byte the same afterwards.
class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectedOrder_data();
    void rejectedOrder();
    void missingContentType();
    void boundaryValuesAccepted_data();
    void boundaryValuesAccepted();

private:
    /// {"client_order_id":uuid,"items":[{"menu_item_id":<item>,"quantity":<quantity>}]}
    QByteArray withQuantity(const QByteArray &quantity) const;
    QByteArray withLines(const QByteArray &lines) const;
    int orderCount();

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table;
    QString m_manager;
    QByteArray m_item; // an available menu item id, as JSON text
};

void TestBadInput::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(5);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_table.isEmpty() && !m_manager.isEmpty());
    const QList<QJsonObject> items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QVERIFY(!items.isEmpty());
    m_item = QByteArray::number(items.first().value(u"id"_s).toInteger());
    // One real order, so that "unchanged" is about a store with data in it.
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s,
                              orderBody(newClientOrderId(), {{m_item.toLongLong(), 1}}), m_table),
                  201);
}

QByteArray TestBadInput::withLines(const QByteArray &lines) const
{
    return R"({"client_order_id":")" + uuid + R"(","items":)" + lines + "}";
}

QByteArray TestBadInput::withQuantity(const QByteArray &quantity) const
{
    return withLines(R"([{"menu_item_id":)" + m_item + R"(,"quantity":)" + quantity + "}]");
}

int TestBadInput::orderCount()
{
    const HttpResult result = m_http.get(u"/api/v1/orders?limit=1000"_s, m_manager);
    return result.status == 200 ? int(result.json().value(u"orders"_s).toArray().size()) : -1;
}

void TestBadInput::rejectedOrder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // empty: the envelope names none to check

    const QByteArray json = "application/json";
    const QString invalid = u"VALIDATION_FAILED"_s;
    auto row = [&](const char *name, const QByteArray &body, const QString &field) {
        QTest::newRow(name) << body << json << 400 << invalid << field;
    };
    const QString quantity = u"items[0].quantity"_s;
    const QString itemId = u"items[0].menu_item_id"_s;

    row("malformed JSON", R"({"client_order_id":)", u"body"_s);
    row("form data sent as JSON", "client_order_id=1&items=2", u"body"_s);
    row("empty body", QByteArray(), u"body"_s);
    row("JSON array", "[" + withQuantity("1") + "]", u"body"_s);
    row("JSON string", R"("order")", u"body"_s);
    row("invalid UTF-8 in the note",
        R"({"client_order_id":")" + uuid + R"(","items":[],"note":")" + "\xff\xfe\xfd" + "\"}",
        u"body"_s);
    row("overlong UTF-8 slash", withQuantity("1").replace("}]}", "}],\"note\":\"\xc0\xaf\"}"),
        u"body"_s);
    row("absurd nesting", R"({"note":)" + QByteArray(20'000, '[') + QByteArray(20'000, ']') + "}",
        u"body"_s);
    row("17 levels of nesting", R"({"note":)" + QByteArray(16, '[') + QByteArray(16, ']') + "}",
        u"body"_s);

    row("quantity 1.5", withQuantity("1.5"), quantity);
    row("quantity \"1\"", withQuantity(R"("1")"), quantity);
    row("quantity null", withQuantity("null"), quantity);
    row("quantity true", withQuantity("true"), quantity);
    row("quantity [1]", withQuantity("[1]"), quantity);
    row("quantity 2^63", withQuantity("9223372036854775808"), quantity);
    row("quantity -2^63", withQuantity("-9223372036854775808"), quantity);
    row("quantity 2^53+2", withQuantity("9007199254740994"), quantity);
    row("quantity 0", withQuantity("0"), quantity);
    row("quantity 101", withQuantity("101"), quantity);
    row("quantity -1", withQuantity("-1"), quantity);
    row("quantity 1e300", withQuantity("1e300"), quantity);
    row("quantity missing", withLines(R"([{"menu_item_id":)" + m_item + "}]"), quantity);

    row("menu_item_id missing", withLines(R"([{"quantity":1}])"), itemId);
    row("menu_item_id as text", withLines(R"([{"menu_item_id":")" + m_item + R"(","quantity":1}])"),
        itemId);
    row("menu_item_id 0", withLines(R"([{"menu_item_id":0,"quantity":1}])"), itemId);
    row("menu_item_id 2^31", withLines(R"([{"menu_item_id":2147483648,"quantity":1}])"), itemId);
    row("menu_item_id 1.5", withLines(R"([{"menu_item_id":1.5,"quantity":1}])"), itemId);
    row("unknown menu item", withLines(R"([{"menu_item_id":999999,"quantity":1}])"), itemId);
    row("unknown menu item on the third line",
        withLines(R"([{"menu_item_id":)" + m_item + R"(,"quantity":1},{"menu_item_id":)" + m_item
                  + R"(,"quantity":2},{"menu_item_id":888888,"quantity":1}])"),
        u"items[2].menu_item_id"_s);
    row("line is a number", withLines("[1]"), u"items[0]"_s);
    row("line is null", withLines("[null]"), u"items[0]"_s);
    row("client sends a unit price",
        withLines(R"([{"menu_item_id":)" + m_item + R"(,"quantity":1,"unit_price":1}])"),
        u"items[0].unit_price"_s);

    row("no items", withLines("[]"), u"items"_s);
    row("items missing", R"({"client_order_id":")" + uuid + R"("})", u"items"_s);
    row("items null", withLines("null"), u"items"_s);
    row("items an object", withLines(R"({"menu_item_id":1,"quantity":1})"), u"items"_s);
    QByteArray lines51 = "[";
    for (int i = 0; i < 51; ++i)
        lines51 += QByteArray(i ? "," : "") + R"({"menu_item_id":)" + m_item + R"(,"quantity":1})";
    row("51 lines", withLines(lines51 + "]"), u"items"_s);

    QByteArray noId = withQuantity("1");
    noId.replace(QByteArray(R"("client_order_id":")" + uuid + R"(",)"), "");
    row("client_order_id missing", noId, u"client_order_id"_s);
    QByteArray notUuid = withQuantity("1");
    notUuid.replace(uuid, QByteArray(36, 'x'));
    row("client_order_id 36 characters, not a UUID", notUuid, u"client_order_id"_s);
    QByteArray shortId = withQuantity("1");
    shortId.replace(uuid, "order-1");
    row("client_order_id too short", shortId, u"client_order_id"_s);
    QByteArray numericId = withQuantity("1");
    numericId.replace(QByteArray("\"" + uuid + "\""), "12345");
    row("client_order_id a number", numericId, u"client_order_id"_s);

    QByteArray longNote = withQuantity("1");
    longNote.chop(1);
    row("note of 201 characters", longNote + R"(,"note":")" + QByteArray(201, 'n') + "\"}", u"note"_s);
    row("note a number", longNote + R"(,"note":5})", u"note"_s);
    row("client picks the total", longNote + R"(,"total":1})", u"total"_s);
    row("client picks another table", longNote + R"(,"table_number":7})", u"table_number"_s);
    row("64 KiB body is read, and its note refused",
        longNote + R"(,"note":")" + QByteArray(64 * 1024 - longNote.size() - 11, 'n') + "\"}",
        u"note"_s);

    QTest::newRow("text/plain") << withQuantity("1") << QByteArray("text/plain") << 415
                                << u"UNSUPPORTED_MEDIA_TYPE"_s << QString();
    QTest::newRow("form content type") << QByteArray("client_order_id=1")
                                       << QByteArray("application/x-www-form-urlencoded") << 415
                                       << u"UNSUPPORTED_MEDIA_TYPE"_s << QString();
    QTest::newRow("JSON body said to be a PNG") << withQuantity("1") << QByteArray("image/png")
                                                << 415 << u"UNSUPPORTED_MEDIA_TYPE"_s << QString();
}

void TestBadInput::rejectedOrder()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QVERIFY(body.size() <= 64 * 1024);

    const QStringList before = databaseState(m_edge.databasePath());
    const QByteArray ordersBefore = m_http.get(u"/api/v1/orders?limit=1000"_s, m_manager).body;
    const QByteArray menuBefore = m_http.get(u"/api/v1/menu"_s).body;
    const QByteArray tablesBefore = m_http.get(u"/api/v1/tables"_s, m_manager).body;

    const HttpResult result = m_http.send("POST", u"/api/v1/orders"_s, body, m_table,
                                          {{"Content-Type", contentType}});
    VERIFY_ERROR_FIELD(result, status, code, field);

    QCOMPARE(databaseState(m_edge.databasePath()), before);
    QCOMPARE(m_http.get(u"/api/v1/orders?limit=1000"_s, m_manager).body, ordersBefore);
    QCOMPARE(m_http.get(u"/api/v1/menu"_s).body, menuBefore);
    QCOMPARE(m_http.get(u"/api/v1/tables"_s, m_manager).body, tablesBefore);
}

void TestBadInput::missingContentType()
{
    const QStringList before = databaseState(m_edge.databasePath());
    const QByteArray body = withQuantity("1");
    const QByteArray request = "POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_table.toLatin1() + "\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n\r\n" + body;
    VERIFY_ERROR(HttpClient::raw(m_edge.port(), request), 415, u"UNSUPPORTED_MEDIA_TYPE"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestBadInput::boundaryValuesAccepted_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("noteLength");
    QTest::newRow("quantity 1") << 1 << 1 << 0;
    QTest::newRow("quantity 100") << 1 << 100 << 0;
    QTest::newRow("50 lines") << 50 << 1 << 0;
    QTest::newRow("note of 200 characters") << 1 << 1 << 200;
}

void TestBadInput::boundaryValuesAccepted()
{
    QFETCH(int, lines);
    QFETCH(int, quantity);
    QFETCH(int, noteLength);
    QList<std::pair<qint64, int>> items;
    for (int i = 0; i < lines; ++i)
        items.append({m_item.toLongLong(), quantity});
    const int countBefore = orderCount();
    const HttpResult result = m_http.post(
            u"/api/v1/orders"_s, orderBody(newClientOrderId(), items, QString(noteLength, u'가')),
            m_table);
    VERIFY_STATUS(result, 201);
    QCOMPARE(result.json().value(u"items"_s).toArray().size(), lines);
    QCOMPARE(orderCount(), countBefore + 1);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
