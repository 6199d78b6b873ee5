#include "centralprocess.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest/QTest>

#include <memory>
#include <optional>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

constexpr int patienceMs = 20'000;
constexpr qint64 streamBytes = 50 * 1024 * 1024;
constexpr qint64 rssBudgetKiB = 5 * 1024;

/// VmRSS of a process in KiB, or -1.
qint64 residentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.sliced(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Exchange
{
    QList<HttpResult> responses;
    bool closed = false;
    qint64 sent = 0;
};

/// Writes `head`, then `filler` bytes behind it as fast as the daemon takes them, reading
/// all the while. Plain POSIX sockets: a QTcpSocket would stop writing at the daemon's FIN,
/// and an attacker does not. Ends when everything is sent (or the daemon reset the
/// connection) and the daemon closed, or when the patience ran out.
Exchange stream(quint16 port, const QByteArray &head, qint64 filler)
{
    Exchange out;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return out;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return out;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const QByteArray block(64 * 1024, 'A');
    QByteArray pending = head;
    qint64 fillerLeft = filler;
    QByteArray received;
    bool writing = true;
    bool reading = true;
    const auto transient = [] { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR; };
    QDeadlineTimer deadline(patienceMs);
    while ((writing || reading) && !deadline.hasExpired()) {
        if (pending.isEmpty() && fillerLeft > 0) {
            pending = block.first(std::min<qint64>(block.size(), fillerLeft));
            fillerLeft -= pending.size();
        }
        if (pending.isEmpty())
            writing = false;
        pollfd poll{fd, short((reading ? POLLIN : 0) | (writing ? POLLOUT : 0)), 0};
        if (::poll(&poll, 1, 100) < 0 && errno != EINTR)
            break;
        if (reading && (poll.revents & (POLLIN | POLLHUP | POLLERR))) {
            char buffer[64 * 1024];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                received.append(buffer, n);
            } else if (n == 0 || !transient()) {
                reading = false;
                out.closed = true;
            }
        }
        if (writing && (poll.revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t n = ::send(fd, pending.constData(), size_t(pending.size()), MSG_NOSIGNAL);
            if (n > 0) {
                out.sent += n;
                pending.remove(0, n);
            } else if (n < 0 && !transient()) {
                writing = false; // reset by the daemon; what it answered is still to be read
            }
        }
    }
    ::close(fd);
    while (auto response = takeResponse(received, out.closed))
        out.responses.append(*response);
    return out;
}

QByteArray post(const QByteArray &path, const QByteArray &extraHeaders)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders
            + "\r\n";
}

} // namespace

/// HTTP framing has one reading: every request the connection guard lets through is framed
/// by Qt's parser exactly as the guard framed it, and everything ambiguous is refused at the
/// socket, with memory bounded and the daemon serving on. Plus the cap on open connections.
class TestFraming : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refused_data();
    void refused();
    void refusedWithFiftyMegabytesBehind_data();
    void refusedWithFiftyMegabytesBehind();
    void pipelinedRequestsEachChecked();
    void leftoversAreNeverReadTwice();
    void bodyIsNotReadAsRequests();
    void webSocketHandshakeStillWorks();
    void connectionCap();
    void central();

private:
    // Under AddressSanitizer, freed memory waits in a quarantine (256 MB by default) instead
    // of being reused, so the 64 KiB reads of discarded bytes would show as RSS growth that a
    // normal build does not have; the quarantine is turned off for this daemon (the option
    // means nothing to a build without the sanitizer).
    EdgeProcess m_edge{{.environment = {{u"ASAN_OPTIONS"_s,
                                         qEnvironmentVariable("ASAN_OPTIONS") + u":quarantine_size_mb=0"_s}}}};
    HttpClient m_http;
    QString m_table;
};

void TestFraming::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(2);
    QVERIFY(!m_table.isEmpty());
}

void TestFraming::refused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QString bad = u"VALIDATION_FAILED"_s;
    QTest::newRow("two Content-Length") << post("/api/v1/orders", "Content-Length: 1000000000\r\nContent-Length: 0\r\n")
                                        << 400 << bad;
    QTest::newRow("two equal Content-Length") << post("/api/v1/orders", "Content-Length: 2\r\nContent-Length: 2\r\n") + "{}"
                                              << 400 << bad;
    QTest::newRow("Content-Length with sign") << post("/api/v1/orders", "Content-Length: +2\r\n") + "{}" << 400 << bad;
    QTest::newRow("Content-Length with inner space") << post("/api/v1/orders", "Content-Length: 1 2\r\n") << 400 << bad;
    QTest::newRow("Content-Length overflowing")
            << post("/api/v1/orders", "Content-Length: 184467440737095516160\r\n") << 400 << bad;
    QTest::newRow("Content-Length list") << post("/api/v1/orders", "Content-Length: 2, 2\r\n") + "{}" << 400 << bad;
    QTest::newRow("chunked") << post("/api/v1/orders", "Transfer-Encoding: chunked\r\n") + "2\r\n{}\r\n0\r\n\r\n"
                             << 411 << bad;
    QByteArray many = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 100; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("101 header fields") << many + "\r\n" << 431 << u"HEADERS_TOO_LARGE"_s;
    QTest::newRow("space before the colon") << QByteArray("GET /healthz HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n") << 400 << bad;
    QTest::newRow("invalid header name") << QByteArray("GET /healthz HTTP/1.1\r\nX@Y: 1\r\n\r\n") << 400 << bad;
    QTest::newRow("obs-fold") << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: 1\r\n 2\r\n\r\n") << 400 << bad;
    QTest::newRow("bare LF") << QByteArray("GET /healthz HTTP/1.1\nHost: 127.0.0.1\n\n") << 400 << bad;
    QTest::newRow("bare LF ending the head") << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\n") << 400 << bad;
    QTest::newRow("malformed request line") << QByteArray("GET  /healthz  HTTP/1.1\r\n\r\n") << 400 << bad;
    QTest::newRow("no HTTP version") << QByteArray("GET /healthz\r\n\r\n") << 400 << bad;
    QTest::newRow("absolute-form") << QByteArray("GET http://127.0.0.1/healthz HTTP/1.1\r\n\r\n") << 400 << bad;
    QTest::newRow("Upgrade without Connection: upgrade")
            << QByteArray("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n\r\n") << 400 << bad;
    QTest::newRow("Upgrade off the WebSocket route")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n")
            << 400 << bad;
    QTest::newRow("Upgrade to h2c")
            << QByteArray("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: h2c\r\nConnection: upgrade\r\n\r\n")
            << 400 << bad;
}

void TestFraming::refused()
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

void TestFraming::refusedWithFiftyMegabytesBehind_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    const QByteArray auth = "Authorization: Bearer " + m_table.toLatin1() + "\r\n";
    QTest::newRow("Content-Length 1000000000 then 0")
            << post("/api/v1/orders", auth + "Content-Length: 1000000000\r\nContent-Length: 0\r\n") << 400;
    QTest::newRow("Content-Length 0 then 1000000000")
            << post("/api/v1/orders", auth + "Content-Length: 0\r\nContent-Length: 1000000000\r\n") << 400;
    QTest::newRow("bare-LF head") << QByteArray("POST /api/v1/orders HTTP/1.1\nContent-Length: 1000000000\n\n") << 400;
    QByteArray many = "POST /api/v1/orders HTTP/1.1\r\nContent-Length: 1000000000\r\n";
    for (int i = 0; i < 150; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("150 header fields") << many + "\r\n" << 431;
    QTest::newRow("invalid name hiding Content-Length")
            << post("/api/v1/orders", auth + "Content-Length : 1000000000\r\n") << 400;
    // Without Connection: upgrade, Qt would not switch protocols: the guard must not switch
    // off either, so the oversized request behind it is still framed (and the whole
    // connection refused at the Upgrade).
    QTest::newRow("Upgrade without Connection: upgrade, then a huge body")
            << "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n" + auth + "\r\n"
                    + post("/api/v1/orders", auth + "Content-Length: 1000000000\r\n")
            << 400;
}

void TestFraming::refusedWithFiftyMegabytesBehind()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    // Settle the daemon's memory first: a few ordinary requests.
    for (int i = 0; i < 3; ++i)
        VERIFY_STATUS(m_http.get(u"/healthz"_s), 200);
    const qint64 before = residentKiB(m_edge.processId());
    QVERIFY(before > 0);
    const Exchange exchange = stream(m_edge.port(), head, streamBytes);
    const qint64 after = residentKiB(m_edge.processId());
    QVERIFY2(exchange.closed, "the daemon kept the connection");
    QCOMPARE(exchange.responses.size(), 1);
    QCOMPARE(exchange.responses.first().status, status);
    qInfo("sent %lld bytes behind the head; RSS %lld -> %lld KiB", exchange.sent, before, after);
    QVERIFY2(after - before < rssBudgetKiB,
             qPrintable(u"RSS grew by %1 KiB (%2 bytes sent)"_s.arg(after - before).arg(exchange.sent)));
    VERIFY_STATUS(m_http.get(u"/healthz"_s), 200);
}

void TestFraming::pipelinedRequestsEachChecked()
{
    const QByteArray ok = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    // A bad request behind good ones in the same write is caught; the connection ends with
    // the refusal (the good ones before it, not yet answered, are dropped with it).
    const Exchange bareLf = stream(m_edge.port(), ok + ok + "GET /healthz HTTP/1.1\nHost: x\n\n" + ok, 0);
    QVERIFY(bareLf.closed);
    QCOMPARE(bareLf.responses.size(), 1);
    VERIFY_ERROR(bareLf.responses.last(), 400, u"VALIDATION_FAILED"_s);

    const Exchange oversized = stream(
            m_edge.port(), ok + post("/api/v1/orders", "Content-Length: 1000000000\r\n"), 4 * 1024 * 1024);
    QVERIFY(oversized.closed);
    QCOMPARE(oversized.responses.size(), 1);
    VERIFY_ERROR(oversized.responses.last(), 413, u"PAYLOAD_TOO_LARGE"_s);

    // On a keep-alive connection: a good request with a body, answered, then a bad head
    // checked from the byte where that body ended.
    const QByteArray body = QJsonDocument(QJsonObject{{u"table_number"_s, 2}, {u"password"_s, u"0000"_s}}).toJson();
    const QByteArray login = post("/api/v1/auth/table-login", "Content-Length: " + QByteArray::number(body.size()) + "\r\n")
            + body;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_edge.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(login);
    QByteArray received;
    std::optional<HttpResult> first;
    QDeadlineTimer deadline(patienceMs);
    while (!first && !deadline.hasExpired() && socket.waitForReadyRead(1000)) {
        received += socket.readAll();
        first = takeResponse(received, false);
    }
    QVERIFY(first);
    VERIFY_STATUS(*first, 200);
    socket.write("GET /healthz HTTP/1.1\r\nX(: y\r\n\r\n");
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        received += socket.readAll();
    }
    received += socket.readAll();
    QVERIFY2(socket.state() != QAbstractSocket::ConnectedState, "the daemon kept the connection");
    const auto second = takeResponse(received, true);
    QVERIFY(second);
    VERIFY_ERROR(*second, 400, u"VALIDATION_FAILED"_s);
}

void TestFraming::leftoversAreNeverReadTwice()
{
    // A request answered while the next one is half in the daemon's buffer, and the rest of
    // that one (body end, then another request) in a later write: each byte framed once.
    const QByteArray ok = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const QByteArray body = QJsonDocument(QJsonObject{{u"table_number"_s, 2}, {u"password"_s, u"0000"_s}}).toJson();
    const QByteArray login = post("/api/v1/auth/table-login", "Content-Length: " + QByteArray::number(body.size()) + "\r\n")
            + body;
    const qsizetype cut = login.size() - body.size() / 2;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_edge.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(ok + login.first(cut));
    QByteArray received;
    QDeadlineTimer deadline(patienceMs);
    while (!received.contains("\"ok\"") && !deadline.hasExpired() && socket.waitForReadyRead(1000))
        received += socket.readAll();
    socket.write(login.sliced(cut) + ok + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        received += socket.readAll();
    }
    received += socket.readAll();
    QList<int> statuses;
    while (auto response = takeResponse(received, true))
        statuses.append(response->status);
    QCOMPARE(statuses, (QList<int>{200, 200, 200, 200}));
}

void TestFraming::bodyIsNotReadAsRequests()
{
    // A body that holds a request (valid or not) is a body to both readers: one answer for it,
    // then the request after it.
    const QByteArray hidden = "GET /healthz HTTP/1.1\nHost: x\n\n";
    const QByteArray request = post("/api/v1/auth/table-login", "Content-Length: " + QByteArray::number(hidden.size()) + "\r\n")
            + hidden + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    const Exchange exchange = stream(m_edge.port(), request, 0);
    QCOMPARE(exchange.responses.size(), 2);
    QCOMPARE(exchange.responses.at(0).status, 400); // the login's body is not JSON
    QCOMPARE(exchange.responses.at(1).status, 200);
    QCOMPARE(exchange.responses.at(1).json().value(u"status"_s).toString(), u"ok"_s);
}

void TestFraming::webSocketHandshakeStillWorks()
{
    const QByteArray handshake = "GET /api/v1/ws?access_token=" + m_table.toLatin1()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_edge.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(handshake);
    QByteArray received;
    QDeadlineTimer deadline(patienceMs);
    while (!received.contains("\r\n\r\n") && !deadline.hasExpired() && socket.waitForReadyRead(1000))
        received += socket.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
}

void TestFraming::connectionCap()
{
    EdgeProcess edge({.arguments = {u"--max-connections"_s, u"3"_s}});
    VERIFY_STARTED(edge);
    // Three keep-alive connections, each known to be open at the daemon (it answered).
    std::vector<std::unique_ptr<QTcpSocket>> held;
    const QByteArray ok = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    for (int i = 0; i < 3; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, edge.port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write(ok);
        QByteArray received;
        while (!received.contains("\"ok\"") && socket->waitForReadyRead(5000))
            received += socket->readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
        held.push_back(std::move(socket));
    }
    const HttpResult refused = HttpClient::raw(edge.port(), ok);
    VERIFY_ERROR(refused, 503, u"TOO_MANY_CONNECTIONS"_s);
    QVERIFY(refused.closed);

    // One closes: the next connection is served again.
    held.back()->disconnectFromHost();
    held.pop_back();
    // Probed with qWaitFor, which stops at the first 200: QTRY_COMPARE evaluates its
    // expression once more after success, and that second probe found the slot still held by
    // the first one (a keep-alive connection whose close the daemon had not seen yet), so it
    // saw 503, and the probes took the slot from each other for up to 20 s or failed.
    QVERIFY(QTest::qWaitFor([&] { return HttpClient::raw(edge.port(), ok).status == 200; }, 10'000));
}

void TestFraming::central()
{
    CentralProcess central({.arguments = {u"--max-connections"_s, u"2"_s}});
    VERIFY_CENTRAL_STARTED(central);
    const HttpResult duplicate = HttpClient::raw(
            central.port(), "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            "Content-Length: 1000000000\r\nContent-Length: 0\r\n\r\n");
    VERIFY_ERROR(duplicate, 400, u"VALIDATION_FAILED"_s);
    QVERIFY(duplicate.closed);
    const HttpResult upgrade = HttpClient::raw(
            central.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n");
    VERIFY_ERROR(upgrade, 400, u"VALIDATION_FAILED"_s);

    const QByteArray ok = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 2; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, central.port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write(ok);
        QByteArray received;
        while (!received.contains("\r\n\r\n") && socket->waitForReadyRead(5000))
            received += socket->readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
        held.push_back(std::move(socket));
    }
    VERIFY_ERROR(HttpClient::raw(central.port(), ok), 503, u"TOO_MANY_CONNECTIONS"_s);
}

QTEST_GUILESS_MAIN(TestFraming)
#include "tst_framing.moc"
