#include "http/requestframer.h"

#include <QtTest/QTest>

using namespace tableorder::http;

namespace {

struct Outcome
{
    QList<QByteArray> heads; // "METHOD target length" per accepted head
    int rejectStatus = 0;
    QByteArray rejectMessage;
};

/// Feeds `bytes` in pieces of `chunk` bytes (0: all at once), as a socket would deliver them.
Outcome frame(const QByteArray &bytes, qsizetype chunk = 0)
{
    RequestFramer framer({16 * 1024, 8 * 1024, 100, {"/api/v1/ws"}});
    Outcome out;
    if (chunk <= 0)
        chunk = std::max<qsizetype>(1, bytes.size());
    for (qsizetype at = 0; at < bytes.size() && !out.rejectStatus; at += chunk) {
        QByteArrayView data = QByteArrayView(bytes).sliced(at, std::min(chunk, bytes.size() - at));
        while (!data.isEmpty()) {
            const RequestFramer::Step step = framer.feed(data);
            data = data.sliced(step.consumed);
            if (step.event == RequestFramer::Event::Head) {
                const RequestHead &head = framer.head();
                out.heads.append(head.method + ' ' + head.target + ' ' + QByteArray::number(head.contentLength)
                                 + (head.upgrade ? " upgrade" : ""));
            } else if (step.event == RequestFramer::Event::Reject) {
                out.rejectStatus = framer.error().status;
                out.rejectMessage = framer.error().message;
                break;
            }
        }
    }
    return out;
}

} // namespace

/// The framing the connection guard applies before Qt's parser: what is accepted, how it is
/// split, and each ambiguous form refused with its status, whatever the chunking.
class TestRequestFramer : public QObject
{
    Q_OBJECT

private slots:
    void framing_data();
    void framing();
    void pipelinedBodyIsNeverRescanned();
    void headerCountBoundary();
};

void TestRequestFramer::framing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<QByteArray>>("heads");
    QTest::addColumn<int>("status"); // 0: not refused

    const QByteArray get = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
    QTest::newRow("simple GET") << get << QList<QByteArray>{"GET /healthz 0"} << 0;
    QTest::newRow("POST with body, then GET")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello") + get
            << QList<QByteArray>{"POST /x 5", "GET /healthz 0"} << 0;
    QTest::newRow("empty lines before a request are skipped")
            << "\r\n\r\n" + get << QList<QByteArray>{"GET /healthz 0"} << 0;
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QList<QByteArray>{"GET / 0"} << 0;
    QTest::newRow("WebSocket handshake")
            << QByteArray("GET /api/v1/ws?since=1 HTTP/1.1\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n\r\n")
            << QList<QByteArray>{"GET /api/v1/ws?since=1 0 upgrade"} << 0;
    QTest::newRow("Connection: upgrade without Upgrade is a plain request")
            << QByteArray("GET /x HTTP/1.1\r\nConnection: upgrade\r\n\r\n") << QList<QByteArray>{"GET /x 0"} << 0;

    const QList<QByteArray> none;
    QTest::newRow("two Content-Length, different")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 1000000000\r\nContent-Length: 0\r\n\r\n") << none << 400;
    QTest::newRow("two Content-Length, equal")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\nhello") << none << 400;
    QTest::newRow("Content-Length list") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\n") << none << 400;
    QTest::newRow("Content-Length with sign") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: +5\r\n\r\n") << none << 400;
    QTest::newRow("Content-Length negative") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << none << 400;
    QTest::newRow("Content-Length with inner space") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 1 0\r\n\r\n") << none << 400;
    QTest::newRow("Content-Length hex") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 0x10\r\n\r\n") << none << 400;
    QTest::newRow("Content-Length empty") << QByteArray("POST /x HTTP/1.1\r\nContent-Length:\r\n\r\n") << none << 400;
    QTest::newRow("Content-Length overflow")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n") << none << 400;
    QTest::newRow("Transfer-Encoding chunked")
            << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << none << 411;
    QTest::newRow("Transfer-Encoding with Content-Length")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: gzip\r\n\r\n") << none << 411;
    QTest::newRow("space before the colon") << QByteArray("GET / HTTP/1.1\r\nContent-Length : 5\r\n\r\n") << none << 400;
    QTest::newRow("invalid name character") << QByteArray("GET / HTTP/1.1\r\nX(y): 1\r\n\r\n") << none << 400;
    QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\n: 1\r\n\r\n") << none << 400;
    QTest::newRow("line without colon") << QByteArray("GET / HTTP/1.1\r\nHost a\r\n\r\n") << none << 400;
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n 2\r\n\r\n") << none << 400;
    QTest::newRow("obs-fold with tab") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n\t2\r\n\r\n") << none << 400;
    QTest::newRow("control character in value") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\x01\r\n\r\n") << none << 400;
    QTest::newRow("bare LF head") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << none << 400;
    QTest::newRow("bare LF after headers") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\n") << none << 400;
    QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n") << none << 400;
    QTest::newRow("two spaces in request line") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << none << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << none << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << none << 400;
    QTest::newRow("absolute-form target") << QByteArray("GET http://a/ HTTP/1.1\r\n\r\n") << none << 400;
    QTest::newRow("leading space") << QByteArray(" GET / HTTP/1.1\r\n\r\n") << none << 400;
    QTest::newRow("two Host") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << none << 400;
    QTest::newRow("Upgrade without Connection: upgrade")
            << QByteArray("GET /api/v1/ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n") << none << 400;
    QTest::newRow("Upgrade with Connection: xupgradex")
            << QByteArray("GET /api/v1/ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: xupgradex\r\n\r\n") << none << 400;
    QTest::newRow("Upgrade on another path")
            << QByteArray("GET /api/v1/orders HTTP/1.1\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n") << none << 400;
    QTest::newRow("Upgrade to something else")
            << QByteArray("GET /api/v1/ws HTTP/1.1\r\nUpgrade: h2c\r\nConnection: upgrade\r\n\r\n") << none << 400;
    QTest::newRow("Upgrade with a body")
            << QByteArray("GET /api/v1/ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: upgrade\r\nContent-Length: 4\r\n\r\n")
            << none << 400;
    QByteArray many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("101 header fields") << many + "\r\n" << none << 431;
    QTest::newRow("one field over 8 KiB")
            << QByteArray("GET / HTTP/1.1\r\nX-A: " + QByteArray(8200, 'a') + "\r\n\r\n") << none << 431;
    QTest::newRow("head over 16 KiB")
            << QByteArray("GET / HTTP/1.1\r\nX-A: " + QByteArray(8000, 'a') + "\r\nX-B: " + QByteArray(8000, 'a')
                          + "\r\nX-C: " + QByteArray(1000, 'a') + "\r\n\r\n")
            << none << 431;
    QTest::newRow("second request malformed")
            << get + "GET / HTTP/1.1\nHost: a\n\n" << QList<QByteArray>{"GET /healthz 0"} << 400;
}

void TestRequestFramer::framing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<QByteArray>, heads);
    QFETCH(int, status);
    for (qsizetype chunk : {qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(7), qsizetype(1000)}) {
        const Outcome out = frame(bytes, chunk);
        QCOMPARE(out.heads, heads);
        QCOMPARE(out.rejectStatus, status);
    }
}

void TestRequestFramer::pipelinedBodyIsNeverRescanned()
{
    // A body that looks like a malformed request and one that looks like a valid one: the
    // framer skips both by length, and reads the next head where the body ended.
    const QByteArray body1 = "GET /evil HTTP/1.1\nX: y\n\n";
    const QByteArray body2 = "GET /hidden HTTP/1.1\r\n\r\n";
    const QByteArray bytes = "POST /a HTTP/1.1\r\nContent-Length: " + QByteArray::number(body1.size()) + "\r\n\r\n" + body1
            + "POST /b HTTP/1.1\r\nContent-Length: " + QByteArray::number(body2.size()) + "\r\n\r\n" + body2
            + "GET /c HTTP/1.1\r\n\r\n";
    for (qsizetype chunk : {qsizetype(0), qsizetype(1), qsizetype(3)}) {
        const Outcome out = frame(bytes, chunk);
        QCOMPARE(out.rejectStatus, 0);
        QCOMPARE(out.heads, (QList<QByteArray>{"POST /a " + QByteArray::number(body1.size()),
                                               "POST /b " + QByteArray::number(body2.size()), "GET /c 0"}));
    }
}

void TestRequestFramer::headerCountBoundary()
{
    // Qt 6.4 parses up to 100 fields: exactly 100 pass.
    QByteArray head = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 100; ++i)
        head += "X-" + QByteArray::number(i) + ": v\r\n";
    const Outcome out = frame(head + "\r\n");
    QCOMPARE(out.rejectStatus, 0);
    QCOMPARE(out.heads.size(), 1);
}

QTEST_APPLESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
