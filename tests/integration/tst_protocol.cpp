#include "testsupport.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest/QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {
// Short deadlines, so that a slow or idle socket is cut within a test's patience.
constexpr int requestTimeoutMs = 1000;
constexpr int idleTimeoutMs = 1500;
// How long a test waits for the daemon to cut a connection: far above the deadlines.
constexpr int patienceMs = 20'000;
/// Writes `requests` at once on one connection and reads responses until `expected` came,
/// the server closed, or the patience ran out.
QList<HttpResult> pipelined(quint16 port, const QByteArray &requests, int expected)
{
    QList<HttpResult> responses;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return responses;
    socket.write(requests);
    QByteArray received;
    QDeadlineTimer deadline(patienceMs);
    while (responses.size() < expected && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        received += socket.readAll();
        const bool closed = socket.state() != QAbstractSocket::ConnectedState;
        while (auto response = takeResponse(received, closed))
            responses.append(*response);
        if (closed)
            break;
    }
    return responses;
}
} // namespace

/// What happens below the routes: oversized, malformed, slow and idle requests (answered
/// and closed at the socket), pipelining, unknown routes, and the health and metrics
/// endpoints.
class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void systemEndpoints();
    void unknownRoutes_data();
    void unknownRoutes();
    void refusedAtTheSocket_data();
    void refusedAtTheSocket();
    void bodyOverLimitSentInFull();
    void headersJustUnderTheLimit();
    void slowHeaders();
    void slowBody();
    void idleConnectionsAreClosed_data();
    void idleConnectionsAreClosed();
    void pipelinedRequests();
    void pipelinedBehindSlowRequest();
    void headHasNoBody();
    void metrics();

private:
    QByteArray orderRequest(const QByteArray &body) const;

    EdgeProcess m_edge{{.environment = {{u"TABLEORDER_HTTP_REQUEST_TIMEOUT_MS"_s,
                                         QString::number(requestTimeoutMs)},
                                        {u"TABLEORDER_HTTP_IDLE_TIMEOUT_MS"_s,
                                         QString::number(idleTimeoutMs)}}}};
    HttpClient m_http;
    QString m_table;
    qint64 m_item = 0;
};

void TestProtocol::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(2);
    QVERIFY(!m_table.isEmpty());
    m_item = menuItems(m_http.get(u"/api/v1/menu"_s).json()).value(0).value(u"id"_s).toInteger();
    QVERIFY(m_item > 0);
}

QByteArray TestProtocol::orderRequest(const QByteArray &body) const
{
    return rawOrderRequest(m_table, body);
}

void TestProtocol::systemEndpoints()
{
    const HttpResult health = m_http.get(u"/healthz"_s);
    VERIFY_STATUS(health, 200);
    QCOMPARE(health.json().value(u"status"_s).toString(), u"ok"_s);
    const HttpResult ready = m_http.get(u"/readyz"_s);
    VERIFY_STATUS(ready, 200);
    QCOMPARE(ready.json().value(u"status"_s).toString(), u"ready"_s);
}

void TestProtocol::unknownRoutes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown endpoint") << QByteArray("GET") << u"/api/v1/nothing"_s << 404
                                      << u"NOT_FOUND"_s;
    QTest::newRow("API root") << QByteArray("GET") << u"/api/v1"_s << 404 << u"NOT_FOUND"_s;
    QTest::newRow("trailing segment") << QByteArray("GET") << u"/api/v1/menu/extra"_s << 404
                                      << u"NOT_FOUND"_s;
    QTest::newRow("DELETE the order list") << QByteArray("DELETE") << u"/api/v1/orders"_s << 405
                                           << u"METHOD_NOT_ALLOWED"_s;
    QTest::newRow("PUT /healthz") << QByteArray("PUT") << u"/healthz"_s << 405
                                  << u"METHOD_NOT_ALLOWED"_s;
    QTest::newRow("GET a login") << QByteArray("GET") << u"/api/v1/auth/table-login"_s << 405
                                 << u"METHOD_NOT_ALLOWED"_s;
    QTest::newRow("OPTIONS") << QByteArray("OPTIONS") << u"/api/v1/menu"_s << 405
                             << u"METHOD_NOT_ALLOWED"_s;
}

void TestProtocol::unknownRoutes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, code);
    VERIFY_ERROR(m_http.send(method, path, {}, m_table), status, code);
}

void TestProtocol::refusedAtTheSocket_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    // Bodies are announced but not sent: the daemon must answer from the headers alone.
    auto announce = [this](const QByteArray &path, const QByteArray &length) -> QByteArray {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + m_table.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + length + "\r\n\r\n";
    };
    QTest::newRow("JSON body of 64 KiB + 1") << announce("/api/v1/orders", "65537") << 413
                                             << u"PAYLOAD_TOO_LARGE"_s;
    QTest::newRow("JSON body of 1 GiB") << announce("/api/v1/orders", "1073741824") << 413
                                        << u"PAYLOAD_TOO_LARGE"_s;
    QTest::newRow("login body of 100 KiB") << announce("/api/v1/auth/table-login", "102400") << 413
                                           << u"PAYLOAD_TOO_LARGE"_s;
    QTest::newRow("unparsable Content-Length") << announce("/api/v1/orders", "12abc") << 400
                                               << u"VALIDATION_FAILED"_s;
    QTest::newRow("negative Content-Length") << announce("/api/v1/orders", "-5") << 400
                                             << u"VALIDATION_FAILED"_s;
    QTest::newRow("chunked body") << QByteArray("POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                "Content-Type: application/json\r\n"
                                                "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n")
                                  << 411 << u"VALIDATION_FAILED"_s;
    QTest::newRow("one header of 17 KiB")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
                          + QByteArray(17 * 1024, 'a') + "\r\n\r\n")
            << 431 << u"HEADERS_TOO_LARGE"_s;
    QByteArray many = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 1000; ++i)
        many += "X-Header-" + QByteArray::number(i) + ": value\r\n";
    QTest::newRow("a thousand headers") << many + "\r\n" << 431 << u"HEADERS_TOO_LARGE"_s;
    QTest::newRow("header that never ends")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
                          + QByteArray(64 * 1024, 'b'))
            << 431 << u"HEADERS_TOO_LARGE"_s;
}

void TestProtocol::refusedAtTheSocket()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QStringList before = databaseState(m_edge.databasePath());
    const HttpResult result = HttpClient::raw(m_edge.port(), request);
    VERIFY_ERROR(result, status, code);
    QCOMPARE(result.header("connection"), QByteArray("close"));
    QVERIFY2(result.closed, "the daemon kept the connection open");
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    VERIFY_STATUS(m_http.get(u"/healthz"_s), 200);
}

void TestProtocol::bodyOverLimitSentInFull()
{
    // What curl does: headers and the whole 70 KB body at once. The 413 must still arrive.
    const QByteArray body = R"({"note":")" + QByteArray(70'000, 'x') + "\"}";
    const QStringList before = databaseState(m_edge.databasePath());
    for (int attempt = 0; attempt < 5; ++attempt) {
        const HttpResult result = HttpClient::raw(m_edge.port(), orderRequest(body));
        VERIFY_ERROR(result, 413, u"PAYLOAD_TOO_LARGE"_s);
    }
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestProtocol::headersJustUnderTheLimit()
{
    // Two fields of 7.5 KiB: one line may have at most 8 KiB (Qt's parser drops every header
    // of a request with a longer one, so the guard refuses it: 431).
    const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
            + QByteArray(7680, 'a') + "\r\nX-Filler-2: " + QByteArray(7680, 'a')
            + "\r\nConnection: close\r\n\r\n";
    const HttpResult result = HttpClient::raw(m_edge.port(), request);
    VERIFY_STATUS(result, 200);
    QCOMPARE(result.json().value(u"status"_s).toString(), u"ok"_s);
}

namespace {

/// Sends `start`, then `piece` every 200 ms until the daemon answers or closes.
struct Dripped
{
    QByteArray received;
    bool closed = false;
};

Dripped drip(quint16 port, const QByteArray &start, const QByteArray &piece,
             const std::function<void()> &meanwhile)
{
    Dripped out;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return out;
    socket.write(start);
    socket.waitForBytesWritten(1000);
    bool calledMeanwhile = false;
    QDeadlineTimer deadline(patienceMs);
    while (!deadline.hasExpired()) {
        // Stop writing once the daemon has said something: a write after its close would
        // reset the connection and could discard the answer.
        if (out.received.isEmpty()) {
            socket.write(piece);
            socket.waitForBytesWritten(1000);
        }
        if (!calledMeanwhile && meanwhile) {
            meanwhile();
            calledMeanwhile = true;
        }
        socket.waitForReadyRead(200);
        out.received += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState) {
            out.received += socket.readAll();
            out.closed = true;
            break;
        }
    }
    return out;
}

} // namespace

void TestProtocol::slowHeaders()
{
    // Slowloris: a header line now and then, never the blank line that ends the headers.
    bool servedMeanwhile = false;
    const Dripped result = drip(m_edge.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                                "X-Slow: a\r\n", [&] {
                                    // The daemon is not pinned by the slow socket.
                                    servedMeanwhile = m_http.get(u"/healthz"_s).status == 200;
                                });
    QVERIFY(servedMeanwhile);
    QVERIFY2(result.closed, "the slow connection was never cut");
    QByteArray buffer = result.received;
    const auto response = takeResponse(buffer, true);
    QVERIFY2(response.has_value(), result.received.constData());
    VERIFY_ERROR(*response, 408, u"REQUEST_TIMEOUT"_s);
}

void TestProtocol::slowBody()
{
    const QStringList before = databaseState(m_edge.databasePath());
    const QByteArray body = QJsonDocument(orderBody(newClientOrderId(), {{m_item, 1}})).toJson();
    const QByteArray request = orderRequest(body);
    // Everything but the body's last bytes at once, then one byte at a time, too slowly.
    const qsizetype headerEnd = request.indexOf("\r\n\r\n") + 4;
    const Dripped result = drip(m_edge.port(), request.first(headerEnd + 10), " ", {});
    QVERIFY2(result.closed, "the slow connection was never cut");
    QByteArray buffer = result.received;
    const auto response = takeResponse(buffer, true);
    QVERIFY2(response.has_value(), result.received.constData());
    VERIFY_ERROR(*response, 408, u"REQUEST_TIMEOUT"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestProtocol::idleConnectionsAreClosed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("responses");
    QTest::newRow("connected, never sent a byte") << QByteArray() << 0;
    QTest::newRow("idle after a keep-alive request")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") << 1;
}

void TestProtocol::idleConnectionsAreClosed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, responses);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_edge.port());
    QVERIFY(socket.waitForConnected(5000));
    if (!request.isEmpty())
        socket.write(request);
    QByteArray received;
    QDeadlineTimer deadline(patienceMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        received += socket.readAll();
    }
    received += socket.readAll();
    QVERIFY2(socket.state() != QAbstractSocket::ConnectedState, "the idle connection was kept");
    int count = 0;
    while (auto response = takeResponse(received, true)) {
        VERIFY_STATUS(*response, 200);
        ++count;
    }
    QCOMPARE(count, responses);
    QVERIFY2(received.isEmpty(), received.constData());
}

void TestProtocol::pipelinedRequests()
{
    const QByteArray body = QJsonDocument(orderBody(newClientOrderId(), {{m_item, 2}})).toJson();
    const QByteArray requests = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + orderRequest(body)
            + "GET /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_table.toLatin1() + "\r\n\r\n"
            + "GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    const QList<HttpResult> responses = pipelined(m_edge.port(), requests, 4);
    QCOMPARE(responses.size(), 4);
    VERIFY_STATUS(responses.at(0), 200);
    QCOMPARE(responses.at(0).json().value(u"status"_s).toString(), u"ok"_s);
    VERIFY_STATUS(responses.at(1), 201);
    const qint64 id = responses.at(1).json().value(u"id"_s).toInteger();
    VERIFY_STATUS(responses.at(2), 200);
    bool listed = false;
    for (const QJsonValue &order : responses.at(2).json().value(u"orders"_s).toArray())
        listed = listed || order.toObject().value(u"id"_s).toInteger() == id;
    QVERIFY2(listed, "the order placed by the previous pipelined request is not listed");
    VERIFY_STATUS(responses.at(3), 200);
    QCOMPARE(responses.at(3).json().value(u"status"_s).toString(), u"ready"_s);
}

void TestProtocol::pipelinedBehindSlowRequest()
{
    // A picture upload is encoded off the event loop and answered tens of milliseconds
    // later; the quick request pipelined behind it must still be answered after it, or the
    // client would read each response as the other's.
    HttpClient http;
    http.setPort(m_edge.port());
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!manager.isEmpty());
    const QByteArray png = pngImage(1600, 1200);
    const QByteArray requests = "POST /api/v1/menu/items/" + QByteArray::number(m_item)
            + "/image HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + manager.toLatin1()
            + "\r\nContent-Type: image/png\r\nContent-Length: " + QByteArray::number(png.size())
            + "\r\n\r\n" + png + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    const QList<HttpResult> responses = pipelined(m_edge.port(), requests, 2);
    QCOMPARE(responses.size(), 2);
    VERIFY_STATUS(responses.at(0), 200);
    QVERIFY2(responses.at(0).json().value(u"image_url"_s).toString().startsWith(u"/images/"_s),
             qPrintable(responses.at(0).describe()));
    VERIFY_STATUS(responses.at(1), 200);
    QCOMPARE(responses.at(1).json().value(u"status"_s).toString(), u"ok"_s);
}

void TestProtocol::headHasNoBody()
{
    // HEAD is not served (405), and its answer must not carry the body: on a keep-alive
    // connection those bytes would be taken for the start of the next response.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_edge.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("HEAD /api/v1/menu HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                 "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray received;
    QDeadlineTimer deadline(patienceMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        received += socket.readAll();
    }
    received += socket.readAll();
    const auto head = takeResponse(received, true, true);
    QVERIFY2(head.has_value(), received.constData());
    QCOMPARE(head->status, 405);
    const auto get = takeResponse(received, true);
    QVERIFY2(get.has_value(), received.constData());
    VERIFY_STATUS(*get, 200);
    QCOMPARE(get->json().value(u"status"_s).toString(), u"ok"_s);
    QVERIFY2(received.isEmpty(), received.constData());
}

void TestProtocol::metrics()
{
    // Two new orders and one idempotent repeat.
    const QJsonObject first = orderBody(newClientOrderId(), {{m_item, 1}});
    auto scrape = [this] {
        const HttpResult result = m_http.get(u"/metrics"_s);
        if (result.status != 200 || !result.header("content-type").startsWith("text/plain"))
            qWarning("/metrics: %s", qPrintable(result.describe()));
        return result.body;
    };
    auto sample = [](const QByteArray &text, const QByteArray &series) {
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith(QByteArray(series + ' ')))
                return line.sliced(series.size() + 1).toDouble();
        }
        return -1.0;
    };
    const QByteArray before = scrape();
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, first, m_table), 201);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, first, m_table), 200);
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_item, 1}}),
                              m_table),
                  201);
    const QByteArray after = scrape();

    QVERIFY(after.contains("# TYPE http_requests_total counter\n"));
    QVERIFY(after.contains("# TYPE http_request_duration_seconds histogram\n"));
    QVERIFY(after.contains("# TYPE tableorder_orders_created_total counter\n"));
    // A series appears with its first sample; until then it counts as 0.
    const QByteArray created = "tableorder_orders_created_total";
    QCOMPARE(sample(after, created), std::max(0.0, sample(before, created)) + 2);
    const QByteArray posts = R"(http_requests_total{method="POST",route="/api/v1/orders",status="201"})";
    QCOMPARE(sample(after, posts), std::max(0.0, sample(before, posts)) + 2);
    const QByteArray repeats =
            R"(http_requests_total{method="POST",route="/api/v1/orders",status="200"})";
    QCOMPARE(sample(after, repeats), std::max(0.0, sample(before, repeats)) + 1);
    QVERIFY(sample(after, R"(http_requests_total{method="GET",route="/metrics",status="200"})") >= 1);
    bool histogram = false;
    for (const QByteArray &line : after.split('\n')) {
        histogram = histogram
                || (line.startsWith(R"(http_request_duration_seconds_bucket{route="/api/v1/orders")")
                    && line.contains(R"(le="+Inf"})"));
    }
    QVERIFY2(histogram, "no latency histogram for POST /api/v1/orders");
    QVERIFY(sample(after, "http_open_connections") >= 1);
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
