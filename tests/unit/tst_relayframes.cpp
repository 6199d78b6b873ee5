// Issue 16: the relay's pure parts. The frames (common/sync/relayframe): round trips, and what
// the edge refuses from central (unknown types, short frames, targets outside the guest API,
// headers the contract does not relay, line breaks that would split the replayed request).
// The edge's ResponseReader: every framing (Content-Length, chunked, until close) gives the
// same body whatever the packet boundaries, and malformed answers fail instead of hanging.
// The phone's relay address: 100::/64 plus the client id, nothing for a malformed id.

#include "http/httpserver.h"
#include "sync/relayframe.h"
#include "sync/responsereader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace tableorder;

namespace {

QByteArray requestPayload(const QJsonObject &head, const QByteArray &body = {})
{
    const QByteArray json = QJsonDocument(head).toJson(QJsonDocument::Compact);
    QByteArray payload(4, Qt::Uninitialized);
    qToBigEndian(quint32(json.size()), payload.data());
    return payload + json + body;
}

QJsonObject headOf(const QString &method, const QString &target, const QJsonArray &headers = {})
{
    return {{u"method"_s, method}, {u"target"_s, target}, {u"client"_s, u"00112233445566ff"_s}, {u"headers"_s, headers}};
}

struct Read
{
    int status = 0;
    QByteArray body;
    edge::ResponseReader::State state = edge::ResponseReader::State::Head;
};

/// Feeds `wire` in pieces of `step` bytes (then the close, when `close`).
Read readInPieces(const QByteArray &wire, int step, bool close)
{
    edge::ResponseReader reader;
    Read out;
    reader.onHead = [&out](const edge::ResponseReader::Head &head) { out.status = head.status; };
    reader.onBody = [&out](QByteArray bytes) { out.body += bytes; };
    for (qsizetype at = 0; at < wire.size(); at += step)
        reader.feed(QByteArrayView(wire).sliced(at, std::min<qsizetype>(step, wire.size() - at)));
    if (close)
        reader.closed();
    out.state = reader.state();
    return out;
}

} // namespace

class TestRelayFrames : public QObject
{
    Q_OBJECT

private slots:
    void requestRoundTrip();
    void refusedRequests_data();
    void refusedRequests();
    void badFrames_data();
    void badFrames();
    void responseHeadKeepsOnlyRelayedHeaders();
    void responseFraming_data();
    void responseFraming();
    void relayClientAddress_data();
    void relayClientAddress();
};

void TestRelayFrames::requestRoundTrip()
{
    relay::RelayRequest request;
    request.method = "POST";
    request.target = "/api/v1/guest/orders?x=1";
    request.headers = {{"authorization", "Bearer abc"}, {"content-type", "application/json"}};
    request.clientId = "0123456789abcdef";
    request.body = R"({"client_order_id":"7c0e…","items":[]})";
    const QByteArray wire = relay::encodeRequest(42, request);
    auto frame = relay::decode(wire);
    QVERIFY(frame);
    QCOMPARE(frame->type, relay::FrameType::Request);
    QCOMPARE(frame->stream, 42u);
    auto back = relay::decodeRequest(frame->payload);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(back->method, request.method);
    QCOMPARE(back->target, request.target);
    QCOMPARE(back->headers, request.headers);
    QCOMPARE(back->clientId, request.clientId);
    QCOMPARE(back->body, request.body); // byte for byte: idempotency keys pass untouched
}

void TestRelayFrames::refusedRequests_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("staff route") << requestPayload(headOf(u"GET"_s, u"/api/v1/orders"_s));
    QTest::newRow("guest-tables is not the guest API") << requestPayload(headOf(u"GET"_s, u"/api/v1/guest-tables"_s));
    QTest::newRow("dot-dot out of the prefix") << requestPayload(headOf(u"GET"_s, u"/api/v1/guest/../orders"_s));
    QTest::newRow("space splits the request line") << requestPayload(headOf(u"GET"_s, u"/api/v1/guest/menu HTTP/1.1\r\nX: y"_s));
    QTest::newRow("unknown method") << requestPayload(headOf(u"TRACE"_s, u"/api/v1/guest/menu"_s));
    QTest::newRow("header not relayed") << requestPayload(headOf(u"GET"_s, u"/api/v1/guest/menu"_s, {QJsonArray{u"X-Tableorder-Relay"_s, u"s:00"_s}}));
    QTest::newRow("header value with a line break") << requestPayload(headOf(u"GET"_s, u"/api/v1/guest/menu"_s, {QJsonArray{u"accept"_s, u"a\r\nHost: evil"_s}}));
    QTest::newRow("header not a pair") << requestPayload(headOf(u"GET"_s, u"/api/v1/guest/menu"_s, {QJsonArray{u"accept"_s}}));
    QByteArray longer = requestPayload(headOf(u"GET"_s, u"/api/v1/guest/menu"_s));
    qToBigEndian(quint32(100000), longer.data());
    QTest::newRow("head longer than the frame") << longer;
    QTest::newRow("no head length") << QByteArray("ab");
    QTest::newRow("head not JSON") << QByteArray("\0\0\0\3abc", 7);
}

void TestRelayFrames::refusedRequests()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!relay::decodeRequest(payload));
}

void TestRelayFrames::badFrames_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("shorter than its header") << QByteArray("\x02\0\0", 3);
    QTest::newRow("type 0") << QByteArray("\0\0\0\0\1", 5);
    QTest::newRow("type 8") << QByteArray("\x08\0\0\0\1", 5);
    QTest::newRow("over 256 KiB") << (QByteArray("\x04\0\0\0\1", 5) + QByteArray(relay::kMaxFrameBytes, 'x'));
}

void TestRelayFrames::badFrames()
{
    QFETCH(QByteArray, message);
    QVERIFY(!relay::decode(message));
}

void TestRelayFrames::responseHeadKeepsOnlyRelayedHeaders()
{
    const QByteArray wire = relay::encodeHead(7, {201, {{"Content-Type", "application/json"}, {"Set-Cookie", "a=b"},
                                                        {"ETag", "\"x\""}, {"Server-Timing", "app;dur=1"}}});
    auto frame = relay::decode(wire);
    QVERIFY(frame);
    auto head = relay::decodeHead(frame->payload);
    QVERIFY(head);
    QCOMPARE(head->status, 201);
    const QList<std::pair<QByteArray, QByteArray>> expected{{"Content-Type", "application/json"}, {"ETag", "\"x\""}};
    QCOMPARE(head->headers, expected);
    QVERIFY(!relay::decodeHead(R"({"status":99,"headers":[]})"));
}

void TestRelayFrames::responseFraming_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("close");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    const QByteArray json = R"({"id":1,"status":"pending"})";
    QTest::newRow("content-length") << QByteArray("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
                                                  + QByteArray::number(json.size()) + "\r\n\r\n" + json)
                                    << false << 201 << json << true;
    QTest::newRow("chunked with extension and trailer")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\n{\"id\"\r\n16\r\n:1,\"status\":\"pending\"}\r\n0\r\nX-T: 1\r\n\r\n")
            << false << 200 << json << true;
    QTest::newRow("until close (SSE)") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nretry: 1000\n\ndata: 1\n\n")
                                       << true << 200 << QByteArray("retry: 1000\n\ndata: 1\n\n") << true;
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << 204 << QByteArray() << true;
    QTest::newRow("cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << true << 200 << QByteArray("abc") << false;
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false << 200 << QByteArray() << false;
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << true << 0 << QByteArray() << false;
}

void TestRelayFrames::responseFraming()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, close);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    // One byte at a time, a few bytes, all at once: the same answer.
    for (int step : {1, 3, 7, int(wire.size())}) {
        const Read read = readInPieces(wire, step, close);
        QCOMPARE(read.status, status);
        QCOMPARE(read.body, body);
        QCOMPARE(read.state == edge::ResponseReader::State::Done, ok);
    }
}

void TestRelayFrames::relayClientAddress_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QString>("address");
    QTest::newRow("an id") << QByteArray("0123456789abcdef") << u"100::123:4567:89ab:cdef"_s;
    QTest::newRow("too short") << QByteArray("0123") << QString();
    QTest::newRow("not hex") << QByteArray("0123456789abcdeg") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestRelayFrames::relayClientAddress()
{
    QFETCH(QByteArray, id);
    QFETCH(QString, address);
    const QHostAddress got = http::relayClientAddress(id);
    QCOMPARE(got.isNull() ? QString() : got.toString(), address);
}

QTEST_GUILESS_MAIN(TestRelayFrames)
#include "tst_relayframes.moc"
