#include "edgeprocess.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest/QTest>

#include <zlib.h>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The web conventions of the edge's HTTP API, seen on the wire of a real edge: gzip for
/// compressible responses of 1 KiB or more with `Vary: Accept-Encoding`, CORS for the
/// origins on the allow-list only (none by default), `X-Request-Id` echoed or generated and
/// written with the route, status, duration and principal in the JSON access log,
/// `Server-Timing`, and no silently ignored query parameter (`offset` works).
class TestWebConventions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void gzipRoundTrip();
    void smallAndUnacceptedResponsesStayPlain();
    void corsAllowList();
    void corsNoneByDefault();
    void corsOriginMustBeAnOrigin();
    void requestIdsEchoedAndLogged();
    void unknownQueryParametersRefused_data();
    void unknownQueryParametersRefused();
    void offsetPagesOrders();

private:
    /// One request on its own connection: `GET path` with these extra header lines.
    HttpResult get(quint16 port, const QByteArray &path, const QByteArray &headers = {}) const;

    EdgeProcess m_edge{{.arguments = {u"--cors-origin"_s, u"https://pos.example.com, http://10.0.0.5:8080"_s,
                                      u"--log-json"_s}}};
    HttpClient m_http;
    QString m_table;
    QString m_manager;
    QList<qint64> m_orders;
};

namespace {

QByteArray gunzip(const QByteArray &data)
{
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return status == Z_STREAM_END ? out : QByteArray();
}

bool varyHas(const HttpResult &result, QByteArrayView token)
{
    for (const QByteArray &part : result.header("vary").split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

void TestWebConventions::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(3);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_table.isEmpty() && !m_manager.isEmpty());
    // Enough orders that the manager's order list is well above 1 KiB.
    // A dish without required options, as a tablet would order it.
    qint64 item = 0;
    for (const QJsonObject &entry : menuItems(m_http.get(u"/api/v1/menu"_s).json())) {
        if (entry.value(u"option_groups"_s).toArray().isEmpty() && entry.value(u"available"_s).toBool(true)) {
            item = entry.value(u"id"_s).toInteger();
            break;
        }
    }
    QVERIFY(item > 0);
    for (int i = 0; i < 12; ++i) {
        const HttpResult placed = m_http.post(
                u"/api/v1/orders"_s,
                {{u"client_order_id"_s, newClientOrderId()},
                 {u"items"_s, QJsonArray{QJsonObject{{u"menu_item_id"_s, item}, {u"quantity"_s, 1 + i % 3}}}},
                 {u"note"_s, u"주문 %1: 덜 맵게, 물 많이"_s.arg(i)}},
                m_table);
        VERIFY_STATUS(placed, 201);
        m_orders.append(placed.json().value(u"id"_s).toInteger());
    }
}

HttpResult TestWebConventions::get(quint16 port, const QByteArray &path, const QByteArray &headers) const
{
    return HttpClient::raw(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                         + m_manager.toLatin1() + "\r\n" + headers + "Connection: close\r\n\r\n");
}

void TestWebConventions::gzipRoundTrip()
{
    const HttpResult plain = get(m_edge.port(), "/api/v1/orders");
    VERIFY_STATUS(plain, 200);
    QVERIFY2(plain.body.size() >= 1024, qPrintable(u"%1 bytes"_s.arg(plain.body.size())));
    QVERIFY(plain.header("content-encoding").isEmpty());
    QVERIFY(varyHas(plain, "Accept-Encoding")); // a cache must not hand this to a gzip client

    const HttpResult packed = get(m_edge.port(), "/api/v1/orders", "Accept-Encoding: gzip, deflate\r\n");
    VERIFY_STATUS(packed, 200);
    QCOMPARE(packed.header("content-encoding"), "gzip");
    QVERIFY(varyHas(packed, "Accept-Encoding"));
    QCOMPARE(packed.header("content-length").toLongLong(), packed.body.size());
    QVERIFY(packed.body.size() < plain.body.size() / 2);
    const QByteArray unpacked = gunzip(packed.body);
    QVERIFY(!unpacked.isEmpty());
    // The same orders, notes in Korean included.
    QCOMPARE(QJsonDocument::fromJson(unpacked), QJsonDocument::fromJson(plain.body));
    QCOMPARE(QJsonDocument::fromJson(unpacked)["orders"].toArray().size(), m_orders.size());

    // HEAD: the headers GET would send, no body.
    const HttpResult head = HttpClient::raw(m_edge.port(), "HEAD /api/v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                                                   + m_manager.toLatin1()
                                                                   + "\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n",
                                            15'000);
    if (head.status != 405) { // HEAD is answered only where a route allows it
        QCOMPARE(head.header("content-encoding"), "gzip");
        QVERIFY(head.body.isEmpty());
    }
}

void TestWebConventions::smallAndUnacceptedResponsesStayPlain()
{
    // Under 1 KiB: not worth a gzip header.
    const HttpResult small = get(m_edge.port(), "/api/v1/orders/" + QByteArray::number(m_orders.first()),
                                 "Accept-Encoding: gzip\r\n");
    VERIFY_STATUS(small, 200);
    QVERIFY(small.body.size() < 1024);
    QVERIFY(small.header("content-encoding").isEmpty());
    QVERIFY(small.json().contains(u"id"_s));
    // gzip;q=0 is a refusal.
    const HttpResult refused = get(m_edge.port(), "/api/v1/orders", "Accept-Encoding: gzip;q=0, identity\r\n");
    VERIFY_STATUS(refused, 200);
    QVERIFY(refused.header("content-encoding").isEmpty());
    QVERIFY(!refused.json().isEmpty());
}

void TestWebConventions::corsAllowList()
{
    // The preflight a browser on an allowed origin sends before a POST with a token.
    const QByteArray preflight = "OPTIONS /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "Origin: https://pos.example.com\r\nAccess-Control-Request-Method: POST\r\n"
                                 "Access-Control-Request-Headers: authorization, content-type\r\n"
                                 "Connection: close\r\n\r\n";
    const HttpResult allowed = HttpClient::raw(m_edge.port(), preflight);
    QCOMPARE(allowed.status, 204);
    QCOMPARE(allowed.header("access-control-allow-origin"), "https://pos.example.com");
    QCOMPARE(allowed.header("access-control-allow-methods"), "POST");
    const QByteArray headers = allowed.header("access-control-allow-headers").toLower();
    QVERIFY(headers.contains("authorization") && headers.contains("content-type"));
    QVERIFY(varyHas(allowed, "Origin"));

    // Another origin: refused, and nothing in the answer lets the browser go on.
    QByteArray evil = preflight;
    evil.replace("https://pos.example.com", "https://evil.example.net");
    const HttpResult refused = HttpClient::raw(m_edge.port(), evil);
    VERIFY_ERROR(refused, 403, u"ORIGIN_NOT_ALLOWED"_s);
    QVERIFY(refused.header("access-control-allow-origin").isEmpty());
    // A preflight for a route that does not exist is a 404, even from an allowed origin.
    QByteArray nowhere = preflight;
    nowhere.replace("/api/v1/orders", "/api/v1/nowhere");
    VERIFY_ERROR(HttpClient::raw(m_edge.port(), nowhere), 404, u"NOT_FOUND"_s);

    // The request itself: allowed origin gets the header (the second entry of the list too),
    // others do not (the browser then withholds the response from the page).
    const HttpResult fromPos = get(m_edge.port(), "/api/v1/orders", "Origin: http://10.0.0.5:8080\r\n");
    VERIFY_STATUS(fromPos, 200);
    QCOMPARE(fromPos.header("access-control-allow-origin"), "http://10.0.0.5:8080");
    QVERIFY(fromPos.header("access-control-expose-headers").contains("X-Request-Id"));
    const HttpResult fromEvil = get(m_edge.port(), "/api/v1/orders", "Origin: http://10.0.0.5:8081\r\n");
    VERIFY_STATUS(fromEvil, 200);
    QVERIFY(fromEvil.header("access-control-allow-origin").isEmpty());
    QVERIFY(varyHas(fromEvil, "Origin"));
}

void TestWebConventions::corsNoneByDefault()
{
    EdgeProcess plain;
    VERIFY_STARTED(plain);
    const HttpResult refused = HttpClient::raw(plain.port(),
                                               "OPTIONS /api/v1/menu HTTP/1.1\r\nHost: x\r\nOrigin: https://pos.example.com\r\n"
                                               "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
    VERIFY_ERROR(refused, 403, u"ORIGIN_NOT_ALLOWED"_s);
    const HttpResult menu = HttpClient::raw(plain.port(), "GET /api/v1/menu HTTP/1.1\r\nHost: x\r\n"
                                                          "Origin: https://pos.example.com\r\nConnection: close\r\n\r\n");
    VERIFY_STATUS(menu, 200);
    QVERIFY(menu.header("access-control-allow-origin").isEmpty());
}

void TestWebConventions::corsOriginMustBeAnOrigin()
{
    for (const QString &bad : {u"*"_s, u"https://pos.example.com/app"_s, u"pos.example.com"_s, u"ftp://x.example"_s}) {
        EdgeProcess edge{{.arguments = {u"--cors-origin"_s, bad}}};
        QVERIFY2(!edge.start(), qPrintable(bad));
        QVERIFY2(edge.log().contains("cors-origin"), edge.log().constData());
    }
}

void TestWebConventions::requestIdsEchoedAndLogged()
{
    // The client's id comes back and names the log line, with the principal and never the token.
    const HttpResult mine = HttpClient::raw(m_edge.port(), "GET /api/v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                                                  + m_table.toLatin1()
                                                                  + "\r\nX-Request-Id: tablet-7f3a.42\r\nConnection: close\r\n\r\n");
    VERIFY_STATUS(mine, 200);
    QCOMPARE(mine.header("x-request-id"), "tablet-7f3a.42");
    static const QRegularExpression timing(u"^app;dur=[0-9]+\\.[0-9]{3}$"_s);
    QVERIFY2(timing.match(QString::fromLatin1(mine.header("server-timing"))).hasMatch(), mine.header("server-timing").constData());

    // None, or one a log line cannot carry as it is: a new one.
    const HttpResult none = get(m_edge.port(), "/api/v1/orders");
    static const QRegularExpression generated(u"^[0-9a-f]{16}$"_s);
    QVERIFY2(generated.match(QString::fromLatin1(none.header("x-request-id"))).hasMatch(), none.header("x-request-id").constData());
    const HttpResult spaced = get(m_edge.port(), "/api/v1/orders", "X-Request-Id: a b\"c\r\n");
    QVERIFY(generated.match(QString::fromLatin1(spaced.header("x-request-id"))).hasMatch());
    const HttpResult tooLong = get(m_edge.port(), "/api/v1/orders", "X-Request-Id: " + QByteArray(129, 'a') + "\r\n");
    QVERIFY(generated.match(QString::fromLatin1(tooLong.header("x-request-id"))).hasMatch());
    // Error answers carry one too.
    const HttpResult missing = get(m_edge.port(), "/api/v1/nowhere", "X-Request-Id: lost-1\r\n");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.header("x-request-id"), "lost-1");

    auto logLine = [this](const QByteArray &id) {
        for (const QByteArray &line : m_edge.log().split('\n')) {
            const qsizetype brace = line.indexOf('{');
            if (brace < 0)
                continue;
            const QJsonObject json = QJsonDocument::fromJson(line.sliced(brace)).object();
            if (json.value(u"request_id"_s).toString() == QString::fromLatin1(id))
                return json;
        }
        return QJsonObject();
    };
    QJsonObject line;
    QTRY_VERIFY_WITH_TIMEOUT(!(line = logLine("tablet-7f3a.42")).isEmpty(), 5000);
    QCOMPARE(line.value(u"route"_s).toString(), u"/api/v1/orders"_s);
    QCOMPARE(line.value(u"status"_s).toInt(), 200);
    QCOMPARE(line.value(u"level"_s).toString(), u"info"_s);
    QCOMPARE(line.value(u"principal"_s).toString(), u"table 3"_s);
    QVERIFY(line.value(u"duration_ms"_s).isDouble());
    QTRY_VERIFY_WITH_TIMEOUT(!(line = logLine(none.header("x-request-id"))).isEmpty(), 5000);
    QCOMPARE(line.value(u"principal"_s).toString(), u"manager"_s);
    QVERIFY(!logLine("lost-1").isEmpty());
    QVERIFY(!m_edge.log().contains(m_table.toLatin1()));
    QVERIFY(!m_edge.log().contains(m_manager.toLatin1()));
}

void TestWebConventions::unknownQueryParametersRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown on orders") << u"/api/v1/orders?colour=red"_s << u"colour"_s;
    QTest::newRow("given twice") << u"/api/v1/orders?limit=1&limit=2"_s << u"limit"_s;
    QTest::newRow("none read by the menu") << u"/api/v1/menu?lang=en"_s << u"lang"_s;
    QTest::newRow("a typo of offset") << u"/api/v1/orders?ofset=2"_s << u"ofset"_s;
    QTest::newRow("ways without split") << u"/api/v1/tables/3/bill?ways=2"_s << u"ways"_s;
    QTest::newRow("page of the audit log") << u"/api/v1/audit?page=2"_s << u"page"_s;
}

void TestWebConventions::unknownQueryParametersRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    const HttpResult refused = m_http.get(path, m_manager);
    VERIFY_ERROR(refused, 400, u"VALIDATION_FAILED"_s);
    QCOMPARE(refused.errorDetails().value(u"field"_s).toString(), field);
    // The token in the query stays readable on the edge (EventSource cannot set headers).
    VERIFY_STATUS(m_http.get(u"/api/v1/orders?access_token="_s + m_manager), 200);
}

void TestWebConventions::offsetPagesOrders()
{
    auto ids = [this](const QString &query) {
        QList<qint64> out;
        const HttpResult page = m_http.get(u"/api/v1/orders?"_s + query, m_manager);
        for (const QJsonValue &order : page.json().value(u"orders"_s).toArray())
            out.append(order.toObject().value(u"id"_s).toInteger());
        return out;
    };
    const QList<qint64> all = ids(u"limit=1000"_s);
    QCOMPARE(all.size(), m_orders.size());
    const QList<qint64> first = ids(u"limit=5&offset=0"_s);
    const QList<qint64> second = ids(u"limit=5&offset=5"_s);
    const QList<qint64> last = ids(u"limit=5&offset=10"_s);
    QCOMPARE(first, all.mid(0, 5));
    QCOMPARE(second, all.mid(5, 5));
    QCOMPARE(last, all.mid(10));
    QVERIFY(ids(u"offset=100"_s).isEmpty());
    VERIFY_ERROR(m_http.get(u"/api/v1/orders?offset=-1"_s, m_manager), 400, u"VALIDATION_FAILED"_s);
}

QTEST_GUILESS_MAIN(TestWebConventions)
#include "tst_webconventions.moc"
