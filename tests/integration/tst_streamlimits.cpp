#include "eventstreamclient.h"
#include "prometheustext.h"
#include "sseclient.h"
#include "testsupport.h"
#include "wsclient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <memory>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

constexpr int eventWaitMs = 15'000;

/// VmRSS of a process in KiB (0 when unreadable).
qint64 residentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

std::unique_ptr<EventStreamClient> openStream(const QString &transport, quint16 port,
                                              const StreamRequest &request)
{
    if (transport == u"sse"_s) {
        auto client = std::make_unique<SseClient>();
        client->open(port, request);
        return client;
    }
    auto client = std::make_unique<WsClient>();
    client->open(port, request);
    return client;
}

QByteArray upgradeRequest(quint16 port, const QString &token)
{
    return "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              "Authorization: Bearer "
            + token.toLatin1() + "\r\n\r\n";
}

/// A client frame header (masked with the all-zero key, so the payload goes as is).
QByteArray frameHeader(bool fin, int opcode, quint64 length)
{
    QByteArray header;
    header.append(char((fin ? 0x80 : 0) | opcode));
    if (length < 126) {
        header.append(char(0x80 | length));
    } else if (length <= 0xffff) {
        header.append(char(0x80 | 126));
        header.append(char(length >> 8));
        header.append(char(length & 0xff));
    } else {
        header.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            header.append(char((length >> shift) & 0xff));
    }
    header.append(QByteArray(4, '\0'));
    return header;
}

/// What the attacker saw: the server's close frame (code, reason), whether the server ended
/// the TCP connection, how much was sent, and the daemon's largest RSS meanwhile.
struct FloodOutcome
{
    int closeCode = -1;
    QByteArray closeReason;
    bool connectionEnded = false;
    qint64 bytesSent = 0;
    qint64 peakRssKiB = 0;
    QString error;
};

/// Upgrades a raw socket to WebSocket, then writes `total` bytes of frames made by
/// `frames` (called with the offset, returns the next bytes to write) as fast as the
/// server reads, sampling the daemon's RSS, until everything is sent or the server ends
/// the connection; then waits up to 10 s for the end.
FloodOutcome flood(quint16 port, qint64 pid, const QString &token, qint64 total,
                   const std::function<QByteArray(qint64 offset)> &frames)
{
    FloodOutcome out;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        out.error = u"connect failed"_s;
        ::close(fd);
        return out;
    }
    const QByteArray hello = upgradeRequest(port, token);
    if (::write(fd, hello.constData(), size_t(hello.size())) != hello.size()) {
        out.error = u"handshake write failed"_s;
        ::close(fd);
        return out;
    }
    QByteArray in;
    const QDeadlineTimer handshakeDeadline(10'000);
    while (!in.contains("\r\n\r\n") && !handshakeDeadline.hasExpired()) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 200) > 0) {
            char buffer[4096];
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            in.append(buffer, n);
        }
    }
    if (!in.startsWith("HTTP/1.1 101")) {
        out.error = u"no upgrade: "_s + QString::fromLatin1(in.left(200));
        ::close(fd);
        return out;
    }
    in.remove(0, in.indexOf("\r\n\r\n") + 4);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

    // Server frames are unmasked; skip events, stop at the close frame.
    auto parse = [&out, &in] {
        while (in.size() >= 2 && out.closeCode < 0) {
            const int opcode = quint8(in[0]) & 0x0f;
            quint64 length = quint8(in[1]) & 0x7f;
            int offset = 2;
            if (length == 126) {
                if (in.size() < 4)
                    return;
                length = (quint64(quint8(in[2])) << 8) | quint8(in[3]);
                offset = 4;
            } else if (length == 127) {
                if (in.size() < 10)
                    return;
                length = 0;
                for (int i = 2; i < 10; ++i)
                    length = (length << 8) | quint8(in[i]);
                offset = 10;
            }
            if (quint64(in.size()) < offset + length)
                return;
            if (opcode == 0x8 && length >= 2) {
                out.closeCode = (quint8(in[offset]) << 8) | quint8(in[offset + 1]);
                out.closeReason = in.mid(offset + 2, qsizetype(length) - 2);
            }
            in.remove(0, offset + qsizetype(length));
        }
    };
    auto readSome = [&]() {
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n > 0) {
                in.append(buffer, n);
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
                out.connectionEnded = true;
            break;
        }
        parse();
    };

    QByteArray pending;
    qint64 produced = 0;
    int samples = 0;
    while (!out.connectionEnded && (out.bytesSent < total || !pending.isEmpty())) {
        if (pending.isEmpty() && produced < total) {
            pending = frames(produced);
            produced += pending.size();
        }
        pollfd p{fd, POLLIN | POLLOUT, 0};
        if (::poll(&p, 1, 1000) <= 0)
            continue;
        if (p.revents & (POLLIN | POLLHUP | POLLERR))
            readSome();
        if ((p.revents & POLLOUT) && !pending.isEmpty()) {
            const ssize_t n = ::send(fd, pending.constData(), size_t(pending.size()), MSG_NOSIGNAL);
            if (n > 0) {
                pending.remove(0, n);
                out.bytesSent += n;
            } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
                out.connectionEnded = true;
            }
        }
        if (++samples % 16 == 0)
            out.peakRssKiB = std::max(out.peakRssKiB, residentKiB(pid));
    }
    const QDeadlineTimer endDeadline(10'000);
    while (!out.connectionEnded && !endDeadline.hasExpired()) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 200) > 0)
            readSome();
    }
    out.peakRssKiB = std::max(out.peakRssKiB, residentKiB(pid));
    ::close(fd);
    return out;
}

} // namespace

#define VERIFY_SNAPSHOT(client)                                                                  \
    do {                                                                                         \
        QVERIFY2((client).waitForOpen(), qPrintable((client).errorString()));                    \
        QVERIFY2((client).waitForEvent([](const StreamEvent &e) { return e.type == u"snapshot"_s; }, \
                                       eventWaitMs),                                             \
                 qPrintable(u"no snapshot: "_s + describeEvents((client).events())              \
                            + (client).errorString()));                                          \
    } while (false)

/// The limits of the event streams against what a guest on the store's Wi-Fi, a stolen
/// tablet token or the next party at a table could try, on the real daemon over real
/// sockets: oversized and too frequent WebSocket messages, one principal taking all stream
/// slots, and a table's stream showing an earlier (or later) party's orders.
class TestStreamLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void hugeMessageIsCutWithMemoryBounded_data();
    void hugeMessageIsCutWithMemoryBounded();
    void messageRateIsLimited();
    void oneTableCannotTakeEveryStreamSlot();
    void staffAccountHasItsOwnCap();
    void newPartySeesNothingOfThePreviousOne_data();
    void newPartySeesNothingOfThePreviousOne();
    void streamEndsWithItsParty_data();
    void streamEndsWithItsParty();

private:
    HttpResult place(const QString &who, const QString &note = {});
    QString token(const QString &who) const { return m_tokens.value(who); }
    double metric(QByteArrayView series);

    EdgeProcess m_edge{EdgeProcess::Options{
            .environment = {{u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s},
                            {u"TABLEORDER_REALTIME_MESSAGES_PER_SECOND"_s, u"1"_s},
                            {u"TABLEORDER_REALTIME_MESSAGE_BURST"_s, u"5"_s}}}};
    HttpClient m_http;
    QHash<QString, QString> m_tokens;
    QList<QJsonObject> m_items;
};

void TestStreamLimits::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    for (int table = 1; table <= 8; ++table)
        m_tokens.insert(u"table%1"_s.arg(table), m_http.tableLogin(table));
    m_tokens.insert(u"table1-second-login"_s, m_http.tableLogin(1));
    m_tokens.insert(u"kitchen"_s, m_http.staffLogin(u"kitchen"_s, u"kitchen"_s));
    m_tokens.insert(u"manager"_s, m_http.staffLogin(u"manager"_s, u"manager"_s));
    for (const QString &t : std::as_const(m_tokens))
        QVERIFY(!t.isEmpty());
    m_items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QVERIFY(!m_items.isEmpty());
}

void TestStreamLimits::cleanup()
{
    if (QTest::currentTestFailed() && !m_edge.isRunning())
        qWarning("the daemon is gone (exit %d):\n%s", m_edge.exitCode(),
                 m_edge.log().right(3000).constData());
}

HttpResult TestStreamLimits::place(const QString &who, const QString &note)
{
    return m_http.post(u"/api/v1/orders"_s,
                       orderBody(newClientOrderId(), {{m_items.first().value(u"id"_s).toInteger(), 1}}, note),
                       token(who));
}

double TestStreamLimits::metric(QByteArrayView series)
{
    const HttpResult result = m_http.get(u"/metrics"_s);
    return metricValue(result.body, series).value_or(0);
}

void TestStreamLimits::hugeMessageIsCutWithMemoryBounded_data()
{
    QTest::addColumn<bool>("fragmented");
    QTest::newRow("one 200 MB frame") << false;
    QTest::newRow("200 MB in 32 KiB fragments") << true;
}

void TestStreamLimits::hugeMessageIsCutWithMemoryBounded()
{
    QFETCH(bool, fragmented);
    constexpr qint64 total = 200LL * 1024 * 1024;
    constexpr qint64 chunk = 1024 * 1024;
    const QByteArray payload(chunk, 'a');
    const qint64 before = residentKiB(m_edge.processId());
    QVERIFY(before > 0);

    std::function<QByteArray(qint64)> frames;
    if (!fragmented) {
        // One text frame that announces 200 MB, then its payload a megabyte at a time.
        frames = [&](qint64 offset) {
            return offset == 0 ? frameHeader(true, 0x1, quint64(total)) + payload : payload;
        };
    } else {
        // One text message in 32 KiB frames (each under the limit), never finished.
        const QByteArray piece(32 * 1024, 'a');
        frames = [&, piece](qint64 offset) {
            QByteArray out;
            for (qint64 at = offset; out.size() < chunk; at += piece.size())
                out += frameHeader(false, at == 0 ? 0x1 : 0x0, quint64(piece.size())) + piece;
            return out;
        };
    }
    const FloodOutcome outcome = flood(m_edge.port(), m_edge.processId(), token(u"table2"_s), total, frames);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(outcome.closeCode, 1009); // message too big
    QVERIFY2(outcome.connectionEnded, "the server kept the connection");
    const qint64 growthKiB = outcome.peakRssKiB - before;
    qInfo("sent %lld MB before the cut; RSS %lld KiB before, peak %lld KiB (+%lld KiB)",
          outcome.bytesSent / (1024 * 1024), before, outcome.peakRssKiB, growthKiB);
    QVERIFY2(growthKiB < 16 * 1024, qPrintable(u"RSS grew by %1 KiB"_s.arg(growthKiB)));

    // Still serving, and a normal stream of the same table still works.
    VERIFY_STATUS(m_http.get(u"/healthz"_s), 200);
    WsClient ws;
    ws.open(m_edge.port(), {token(u"table2"_s)});
    VERIFY_SNAPSHOT(ws);
}

void TestStreamLimits::messageRateIsLimited()
{
    // This daemon allows a burst of 5 messages, then 1 per second.
    WsClient ws;
    ws.open(m_edge.port(), {token(u"table3"_s)});
    VERIFY_SNAPSHOT(ws);
    for (int i = 0; i < 5; ++i)
        ws.sendJson({{u"type"_s, u"ping"_s}});
    QTRY_COMPARE_WITH_TIMEOUT(ws.messages().size(), 5, eventWaitMs);
    QVERIFY(ws.isOpen());
    const double before = metric("tableorder_websocket_rate_limited_total");
    for (int i = 0; i < 30; ++i)
        ws.sendJson({{u"type"_s, u"ping"_s}});
    QVERIFY2(ws.waitForClosed(eventWaitMs), "the flood was not cut off");
    QCOMPARE(int(ws.closeCode()), 1008); // policy violation
    QCOMPARE(ws.closeReason(), u"too many messages: at most 1 per second (burst 5)"_s);
    QVERIFY2(ws.messages().size() < 35, "every ping was answered");
    QCOMPARE(metric("tableorder_websocket_rate_limited_total"), before + 1);
}

void TestStreamLimits::oneTableCannotTakeEveryStreamSlot()
{
    // Table 1's token (as a thief would hold it) opens streams until refused.
    std::vector<std::unique_ptr<EventStreamClient>> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(openStream(i % 2 ? u"websocket"_s : u"sse"_s, m_edge.port(), {token(u"table1"_s)}));
        VERIFY_SNAPSHOT(*held.back());
    }
    const QString message = u"this table already has 4 event streams open, its limit; close one first"_s;
    for (const QString &who : {u"table1"_s, u"table1-second-login"_s}) {
        SseClient sse;
        sse.open(m_edge.port(), {token(who)});
        QVERIFY(sse.waitForClosed());
        VERIFY_ERROR(sse.response(), 429, u"TOO_MANY_STREAMS"_s);
        QCOMPARE(sse.response().json().value(u"error"_s).toObject().value(u"message"_s).toString(), message);
        // WebSocket: refused before the upgrade, with the same envelope.
        const HttpResult raw = HttpClient::raw(m_edge.port(), upgradeRequest(m_edge.port(), token(who)));
        VERIFY_ERROR(raw, 429, u"TOO_MANY_STREAMS"_s);
        WsClient ws;
        ws.open(m_edge.port(), {token(who), true});
        QVERIFY(!ws.waitForOpen());
    }

    // Another table is still served, on both transports.
    SseClient other;
    other.open(m_edge.port(), {token(u"table4"_s)});
    WsClient otherWs;
    otherWs.open(m_edge.port(), {token(u"table4"_s)});
    VERIFY_SNAPSHOT(other);
    VERIFY_SNAPSHOT(otherWs);

    // Closing one of table 1's streams frees its slot (once the daemon saw it go).
    const double open = metric("tableorder_realtime_connections{transport=\"sse\",role=\"table\"}");
    held.front()->close();
    QTRY_COMPARE_WITH_TIMEOUT(metric("tableorder_realtime_connections{transport=\"sse\",role=\"table\"}"),
                              open - 1, eventWaitMs);
    SseClient again;
    again.open(m_edge.port(), {token(u"table1"_s)});
    VERIFY_SNAPSHOT(again);
}

void TestStreamLimits::staffAccountHasItsOwnCap()
{
    std::vector<std::unique_ptr<EventStreamClient>> held;
    for (int i = 0; i < 8; ++i) {
        held.push_back(openStream(i % 2 ? u"websocket"_s : u"sse"_s, m_edge.port(), {token(u"kitchen"_s)}));
        VERIFY_SNAPSHOT(*held.back());
    }
    SseClient ninth;
    ninth.open(m_edge.port(), {token(u"kitchen"_s)});
    QVERIFY(ninth.waitForClosed());
    VERIFY_ERROR(ninth.response(), 429, u"TOO_MANY_STREAMS"_s);
    QCOMPARE(ninth.response().json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"this staff account already has 8 event streams open, its limit; close one first"_s);
    WsClient manager;
    manager.open(m_edge.port(), {token(u"manager"_s)});
    VERIFY_SNAPSHOT(manager);
}

void TestStreamLimits::newPartySeesNothingOfThePreviousOne_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("table");
    QTest::newRow("sse, Last-Event-ID: 0") << u"sse"_s << u"table5"_s;
    QTest::newRow("websocket, ?since=0") << u"websocket"_s << u"table6"_s;
}

void TestStreamLimits::newPartySeesNothingOfThePreviousOne()
{
    QFETCH(QString, transport);
    QFETCH(QString, table);
    // The first party orders (with a note), the kitchen works on it, the manager closes.
    const HttpResult first = place(table, u"first party: birthday surprise for Kim"_s);
    VERIFY_STATUS(first, 201);
    const qint64 firstId = first.json().value(u"id"_s).toInteger();
    const qint64 tableId = first.json().value(u"table_id"_s).toInteger();
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(firstId), {{u"status"_s, u"preparing"_s}},
                               token(u"kitchen"_s)), 200);
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(tableId),
                              QJsonObject{{u"force"_s, true}, {u"reason"_s, u"test: guests left"_s}}, token(u"manager"_s)), 200);

    // The next party's tablet connects from the start of the log, and fresh.
    auto replay = openStream(transport, m_edge.port(), {token(table), false, 0});
    auto fresh = openStream(transport, m_edge.port(), {token(table)});
    VERIFY_SNAPSHOT(*fresh);
    QVERIFY2(fresh->events().first().data().value(u"orders"_s).toArray().isEmpty(),
             qPrintable(describeEvents(fresh->events())));
    QVERIFY2(replay->waitForOpen(), qPrintable(replay->errorString()));

    // The kitchen finishes the first party's order after it left: not the new party's news.
    VERIFY_STATUS(m_http.patch(u"/api/v1/orders/%1"_s.arg(firstId), {{u"status"_s, u"completed"_s}},
                               token(u"kitchen"_s)), 200);
    // The new party orders: both streams get it live (its first order binds them).
    const HttpResult second = place(table, u"second party"_s);
    VERIFY_STATUS(second, 201);
    const qint64 secondId = second.json().value(u"id"_s).toInteger();
    for (EventStreamClient *client : {replay.get(), fresh.get()}) {
        QVERIFY2(client->waitForEvent([secondId](const StreamEvent &e) {
            return e.type == u"order.created"_s && e.data().value(u"id"_s).toInteger() == secondId;
        }, eventWaitMs), qPrintable(describeEvents(client->events())));
        // Nothing of the first party: no order, note, status or session event of it.
        for (const StreamEvent &event : client->events()) {
            const QByteArray json = QJsonDocument(event.json).toJson(QJsonDocument::Compact);
            QVERIFY2(!json.contains("first party"), json.constData());
            QVERIFY2(event.data().value(u"id"_s).toInteger() != firstId || !event.type.startsWith(u"order."_s),
                     json.constData());
            QVERIFY2(event.type != u"table.session_closed"_s, json.constData());
        }
        QVERIFY(client->isOpen());
    }
    // REST agrees: the new party's orders only.
    const QJsonArray orders = m_http.get(u"/api/v1/orders"_s, token(table)).json().value(u"orders"_s).toArray();
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().toObject().value(u"id"_s).toInteger(), secondId);
}

void TestStreamLimits::streamEndsWithItsParty_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("sse") << u"sse"_s;
    QTest::newRow("websocket") << u"websocket"_s;
}

void TestStreamLimits::streamEndsWithItsParty()
{
    QFETCH(QString, transport);
    const QString table = transport == u"sse"_s ? u"table7"_s : u"table8"_s;
    const HttpResult first = place(table);
    VERIFY_STATUS(first, 201);
    const qint64 tableId = first.json().value(u"table_id"_s).toInteger();
    auto stream = openStream(transport, m_edge.port(), {token(table)});
    VERIFY_SNAPSHOT(*stream);
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(tableId),
                              QJsonObject{{u"force"_s, true}, {u"reason"_s, u"test: guests left"_s}}, token(u"manager"_s)), 200);
    QVERIFY2(stream->waitForEvent([](const StreamEvent &e) { return e.type == u"table.session_closed"_s; },
                                  eventWaitMs),
             qPrintable(describeEvents(stream->events())));
    // The party left: its stream ends, so nothing of the next party can reach it.
    QVERIFY2(stream->waitForClosed(eventWaitMs), "the stream outlived its party");
    if (auto *ws = qobject_cast<WsClient *>(stream.get())) {
        QCOMPARE(int(ws->closeCode()), 1000);
        QCOMPARE(ws->closeReason(), u"table session closed"_s);
    }
    QCOMPARE(stream->events().last().type, u"table.session_closed"_s);

    // The tablet reconnects with its cursor: the next party's order, nothing else.
    auto next = openStream(transport, m_edge.port(), {token(table), false, stream->lastSeq()});
    QVERIFY2(next->waitForOpen(), qPrintable(next->errorString()));
    const HttpResult second = place(table);
    VERIFY_STATUS(second, 201);
    const auto created = next->waitForEvent([](const StreamEvent &e) { return e.type == u"order.created"_s; },
                                            eventWaitMs);
    QVERIFY2(created, qPrintable(describeEvents(next->events())));
    QCOMPARE(created->data().value(u"id"_s).toInteger(), second.json().value(u"id"_s).toInteger());
}

QTEST_GUILESS_MAIN(TestStreamLimits)
#include "tst_streamlimits.moc"
