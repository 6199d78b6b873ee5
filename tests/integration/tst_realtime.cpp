#include "eventstreamclient.h"
#include "prometheustext.h"
#include "sseclient.h"
#include "testsupport.h"
#include "wsclient.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtTest/QTest>

#include <algorithm>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

// Generous waits: events normally arrive in a millisecond, but the machine is shared.
constexpr int eventWaitMs = 15'000;

bool isType(const StreamEvent &event, const QString &type)
{
    return event.type == type;
}

std::function<bool(const StreamEvent &)> ofType(const QString &type)
{
    return [type](const StreamEvent &event) { return isType(event, type); };
}

/// `type` about the order `orderId` (order events carry the order, alerts its id).
std::function<bool(const StreamEvent &)> aboutOrder(const QString &type, qint64 orderId)
{
    return [type, orderId](const StreamEvent &event) {
        if (event.type != type)
            return false;
        const QJsonObject data = event.data();
        const qint64 id = data.contains(u"order_id"_s) ? data.value(u"order_id"_s).toInteger()
                                                        : data.value(u"id"_s).toInteger();
        return id == orderId;
    };
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

/// The event JSON of each event, to compare two streams field by field.
QList<QJsonObject> jsonOf(const QList<StreamEvent> &events)
{
    QList<QJsonObject> out;
    for (const StreamEvent &event : events)
        out.append(event.json);
    return out;
}

QByteArray upgradeRequest(quint16 port, const QString &target, const QString &token)
{
    QByteArray request = "GET " + target.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + QByteArray::number(port)
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    return request + "\r\n";
}

QJsonObject tokenClaims(const QString &token)
{
    const QByteArray payload = token.toLatin1().split('.').value(1);
    return QJsonDocument::fromJson(QByteArray::fromBase64(
                                           payload, QByteArray::Base64UrlEncoding
                                                   | QByteArray::OmitTrailingEquals))
            .object();
}

const QJsonObject jwtHeader{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};

} // namespace

/// Waits for a client's stream to open and its first message; fails with the reason.
#define VERIFY_STREAM_OPEN(client)                                                               \
    do {                                                                                         \
        QVERIFY2((client).waitForOpen(), qPrintable((client).errorString()));                    \
    } while (false)

#define VERIFY_SNAPSHOT(client)                                                                  \
    do {                                                                                         \
        VERIFY_STREAM_OPEN(client);                                                              \
        QVERIFY2((client).waitForEvent(ofType(u"snapshot"_s), eventWaitMs),                     \
                 qPrintable(u"no snapshot: "_s + describeEvents((client).events())              \
                            + (client).errorString()));                                          \
        QCOMPARE((client).events().first().type, u"snapshot"_s);                                 \
    } while (false)

#define VERIFY_NO_PROTOCOL_ERRORS(client)                                                        \
    QVERIFY2((client).protocolErrors().isEmpty(),                                                \
             qPrintable((client).protocolErrors().join(u"\n"_s)))

/// The event streams (SSE and WebSocket) of the real daemon, over real sockets: who gets
/// which event, resuming with a cursor, both transports agreeing, refusals before the
/// upgrade, slow consumers, connection limits and kitchen delivery receipts.
class TestRealtime : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void kitchenReceivesOrderCreated_data();
    void kitchenReceivesOrderCreated();
    void tabletSeesOnlyItsOwnTable_data();
    void tabletSeesOnlyItsOwnTable();
    void resumeWithCursor_data();
    void resumeWithCursor();
    void sseAndWebSocketDeliverTheSameEvents_data();
    void sseAndWebSocketDeliverTheSameEvents();
    void menuAvailabilityReachesTablets_data();
    void menuAvailabilityReachesTablets();
    void rejectedChangeCreatesNoEvent_data();
    void rejectedChangeCreatesNoEvent();
    void invalidTokenRefusedBeforeUpgrade_data();
    void invalidTokenRefusedBeforeUpgrade();
    void connectionLimits();
    void slowConsumerIsCutOff_data();
    void slowConsumerIsCutOff();
    void replayIsNotASlowConsumer_data();
    void replayIsNotASlowConsumer();
    void deliveryReceipts();
    void unacknowledgedOrderAlertsOnce();

private:
    HttpResult place(const QString &who, const QList<std::pair<int, int>> &lines = {{0, 1}},
                     const QString &note = {});
    HttpResult setStatus(qint64 orderId, const QString &status, const QString &who = u"kitchen"_s);
    HttpResult setAvailable(int itemIndex, bool available);
    qint64 itemId(int index) const { return m_items.at(index).value(u"id"_s).toInteger(); }
    QString token(const QString &who) const { return m_tokens.value(who); }
    /// One series of /metrics of `edge`; 0 when it has not appeared yet.
    double metric(const EdgeProcess &edge, QByteArrayView series);
    /// A daemon of its own with other settings, with its HTTP client and tokens.
    struct SideStore
    {
        std::unique_ptr<EdgeProcess> edge;
        std::unique_ptr<HttpClient> http;
        QHash<QString, QString> tokens;
    };
    static bool startSideStore(SideStore &store,
                               const QList<std::pair<QString, QString>> &environment);

    EdgeProcess m_edge{EdgeProcess::Options{
            .environment = {// No alerts in the middle of other tests' event sequences.
                            {u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s},
                            {u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"100000"_s}}}};
    HttpClient m_http;
    QHash<QString, QString> m_tokens;
    QList<QJsonObject> m_items;

    SideStore m_limits;
    SideStore m_slow;
    SideStore m_acks;
};

void TestRealtime::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    for (int table = 1; table <= 8; ++table)
        m_tokens.insert(u"table%1"_s.arg(table), m_http.tableLogin(table));
    m_tokens.insert(u"kitchen"_s, m_http.staffLogin(u"kitchen"_s, u"kitchen"_s));
    m_tokens.insert(u"manager"_s, m_http.staffLogin(u"manager"_s, u"manager"_s));
    for (const QString &t : std::as_const(m_tokens))
        QVERIFY(!t.isEmpty());
    m_items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QCOMPARE(m_items.size(), 32);
}

void TestRealtime::cleanup()
{
    // A failure is easier to read next to what the daemon said, a crash in particular.
    if (QTest::currentTestFailed() && !m_edge.isRunning())
        qWarning("the daemon is gone (exit %d):\n%s", m_edge.exitCode(),
                 m_edge.log().right(3000).constData());
}

HttpResult TestRealtime::place(const QString &who, const QList<std::pair<int, int>> &lines,
                               const QString &note)
{
    QList<std::pair<qint64, int>> body;
    for (const auto &[index, quantity] : lines)
        body.append({itemId(index), quantity});
    return m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), body, note), token(who));
}

HttpResult TestRealtime::setStatus(qint64 orderId, const QString &status, const QString &who)
{
    return m_http.patch(u"/api/v1/orders/%1"_s.arg(orderId), {{u"status"_s, status}}, token(who));
}

HttpResult TestRealtime::setAvailable(int itemIndex, bool available)
{
    return m_http.patch(u"/api/v1/menu/items/%1/availability"_s.arg(itemId(itemIndex)),
                        {{u"available"_s, available}}, token(u"kitchen"_s));
}

double TestRealtime::metric(const EdgeProcess &edge, QByteArrayView series)
{
    HttpClient http(edge.port());
    const HttpResult result = http.get(u"/metrics"_s);
    if (result.status != 200) {
        qWarning("GET /metrics: %s", qPrintable(result.describe()));
        return -1;
    }
    return metricValue(result.body, series).value_or(0);
}

bool TestRealtime::startSideStore(SideStore &store,
                                  const QList<std::pair<QString, QString>> &environment)
{
    if (store.edge)
        return store.edge->isRunning();
    store.edge = std::make_unique<EdgeProcess>(EdgeProcess::Options{.requestLogs = false,
                                                                    .environment = environment});
    if (!store.edge->start()) {
        qWarning("%s\n%s", qPrintable(store.edge->errorString()),
                 store.edge->log().right(4000).constData());
        return false;
    }
    store.http = std::make_unique<HttpClient>(store.edge->port());
    for (int table = 1; table <= 4; ++table)
        store.tokens.insert(u"table%1"_s.arg(table), store.http->tableLogin(table));
    store.tokens.insert(u"kitchen"_s, store.http->staffLogin(u"kitchen"_s, u"kitchen"_s));
    store.tokens.insert(u"manager"_s, store.http->staffLogin(u"manager"_s, u"manager"_s));
    return std::none_of(store.tokens.cbegin(), store.tokens.cend(),
                        [](const QString &token) { return token.isEmpty(); });
}

void TestRealtime::kitchenReceivesOrderCreated_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("tokenInQuery");
    QTest::newRow("sse, Authorization header") << u"sse"_s << false;
    QTest::newRow("sse, access_token") << u"sse"_s << true;
    QTest::newRow("websocket, Authorization header") << u"websocket"_s << false;
    QTest::newRow("websocket, access_token") << u"websocket"_s << true;
}

void TestRealtime::kitchenReceivesOrderCreated()
{
    QFETCH(QString, transport);
    QFETCH(bool, tokenInQuery);
    const StreamRequest request{token(u"kitchen"_s), tokenInQuery};
    auto kitchen = openStream(transport, m_edge.port(), request);
    VERIFY_SNAPSHOT(*kitchen);
    const StreamEvent snapshot = kitchen->events().first();
    QVERIFY(snapshot.data().value(u"orders"_s).isArray());
    QVERIFY(snapshot.data().value(u"menu_version"_s).toInteger() > 0);

    const HttpResult created = place(u"table1"_s, {{0, 2}, {5, 1}}, u"no onions"_s);
    VERIFY_STATUS(created, 201);
    const qint64 orderId = created.json().value(u"id"_s).toInteger();
    const auto event = kitchen->waitForEvent(aboutOrder(u"order.created"_s, orderId), eventWaitMs);
    QVERIFY2(event, qPrintable(describeEvents(kitchen->events()) + kitchen->errorString()));
    // The whole order, exactly as the table got it: the screen needs no second request.
    QCOMPARE(event->data(), created.json());
    QVERIFY(event->seq > snapshot.seq);
    // Who placed it (the audit log's actor): the table.
    QCOMPARE(event->json.keys(), (QStringList{u"actor"_s, u"at"_s, u"data"_s, u"seq"_s, u"type"_s}));
    QCOMPARE(event->json.value(u"actor"_s).toObject().value(u"kind"_s).toString(), u"table"_s);
    QCOMPARE(event->json.value(u"actor"_s).toObject().value(u"table_number"_s).toInt(), 1);
    QVERIFY(QDateTime::fromString(event->json.value(u"at"_s).toString(), Qt::ISODateWithMs).isValid());
    VERIFY_NO_PROTOCOL_ERRORS(*kitchen);

    // A screen that connects now finds the order, still pending, in its snapshot.
    auto late = openStream(transport, m_edge.port(), request);
    VERIFY_SNAPSHOT(*late);
    const StreamEvent lateSnapshot = late->events().first();
    QVERIFY(lateSnapshot.seq >= event->seq);
    QVERIFY2(lateSnapshot.data().value(u"orders"_s).toArray().contains(created.json()),
             qPrintable(QString::fromUtf8(QJsonDocument(lateSnapshot.json).toJson())));
}

void TestRealtime::tabletSeesOnlyItsOwnTable_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("sse") << u"sse"_s;
    QTest::newRow("websocket") << u"websocket"_s;
}

void TestRealtime::tabletSeesOnlyItsOwnTable()
{
    QFETCH(QString, transport);
    auto tablet1 = openStream(transport, m_edge.port(), {token(u"table1"_s)});
    auto tablet2 = openStream(transport, m_edge.port(), {token(u"table2"_s)});
    SseClient kitchen;
    kitchen.open(m_edge.port(), {token(u"kitchen"_s)});
    VERIFY_SNAPSHOT(*tablet1);
    VERIFY_SNAPSHOT(*tablet2);
    VERIFY_SNAPSHOT(kitchen);
    const qint64 start = kitchen.lastSeq();

    const HttpResult a = place(u"table1"_s);
    VERIFY_STATUS(a, 201);
    const HttpResult b = place(u"table2"_s);
    VERIFY_STATUS(b, 201);
    const qint64 idA = a.json().value(u"id"_s).toInteger();
    const qint64 idB = b.json().value(u"id"_s).toInteger();
    const HttpResult aPreparing = setStatus(idA, u"preparing"_s);
    VERIFY_STATUS(aPreparing, 200);
    const HttpResult bPreparing = setStatus(idB, u"preparing"_s);
    VERIFY_STATUS(bPreparing, 200);
    const HttpResult aCompleted = setStatus(idA, u"completed"_s);
    VERIFY_STATUS(aCompleted, 200);
    // Menu events go to every tablet: once a tablet has this one, it has had every earlier
    // event meant for it (each stream is in seq order).
    VERIFY_STATUS(setAvailable(29, false), 200);
    const auto marker = kitchen.waitForEvent(ofType(u"menu.item_availability_changed"_s), eventWaitMs);
    QVERIFY2(marker, qPrintable(describeEvents(kitchen.events())));
    QVERIFY2(tablet1->waitForSeq(marker->seq, eventWaitMs), qPrintable(describeEvents(tablet1->events())));
    QVERIFY2(tablet2->waitForSeq(marker->seq, eventWaitMs), qPrintable(describeEvents(tablet2->events())));
    VERIFY_STATUS(setAvailable(29, true), 200);

    auto upToMarker = [&](const EventStreamClient &client) {
        QList<StreamEvent> out;
        for (const StreamEvent &event : client.eventsAfterSeq(start)) {
            if (event.seq <= marker->seq)
                out.append(event);
        }
        return out;
    };
    const QList<StreamEvent> seen1 = upToMarker(*tablet1);
    const QList<StreamEvent> seen2 = upToMarker(*tablet2);
    QCOMPARE(describeEvents(seen1),
             describeEvents({kitchen.eventsAfterSeq(start).at(0), kitchen.eventsAfterSeq(start).at(2),
                             kitchen.eventsAfterSeq(start).at(3), kitchen.eventsAfterSeq(start).at(7), *marker}));
    // 6 is A's order.lines_done (its completion marked every line done): staff screens only.
    QCOMPARE(kitchen.eventsAfterSeq(start).at(6).type, u"order.lines_done"_s);
    // The status changes carry the order as it is after the change, timestamps included.
    QCOMPARE(seen1.at(0).data(), a.json());
    QCOMPARE(seen1.at(1).data(), aPreparing.json());
    QVERIFY(!seen1.at(1).data().value(u"preparing_at"_s).isNull());
    // Moving it to preparing is the kitchen's receipt: the table learns of it.
    QCOMPARE(seen1.at(2).type, u"order.acknowledged"_s);
    QCOMPARE(seen1.at(2).data().value(u"order_id"_s).toInteger(), idA);
    QCOMPARE(seen1.at(3).data(), aCompleted.json());
    QVERIFY(!seen1.at(3).data().value(u"completed_at"_s).isNull());
    QCOMPARE(seen1.at(4).json, marker->json);

    QCOMPARE(seen2.size(), 4);
    QCOMPARE(seen2.at(0).data(), b.json());
    QCOMPARE(seen2.at(1).data(), bPreparing.json());
    QCOMPARE(seen2.at(2).type, u"order.acknowledged"_s);
    QCOMPARE(seen2.at(2).data().value(u"order_id"_s).toInteger(), idB);
    QCOMPARE(seen2.at(3).json, marker->json);
    VERIFY_NO_PROTOCOL_ERRORS(*tablet1);
    VERIFY_NO_PROTOCOL_ERRORS(*tablet2);
}

void TestRealtime::resumeWithCursor_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("cursorInQuery");
    QTest::addColumn<QString>("who");
    QTest::newRow("sse Last-Event-ID, kitchen") << u"sse"_s << false << u"kitchen"_s;
    QTest::newRow("sse ?since=, kitchen") << u"sse"_s << true << u"kitchen"_s;
    QTest::newRow("websocket ?since=, kitchen") << u"websocket"_s << true << u"kitchen"_s;
    QTest::newRow("sse Last-Event-ID, tablet") << u"sse"_s << false << u"table3"_s;
    QTest::newRow("websocket ?since=, tablet") << u"websocket"_s << true << u"table3"_s;
}

void TestRealtime::resumeWithCursor()
{
    QFETCH(QString, transport);
    QFETCH(bool, cursorInQuery);
    QFETCH(QString, who);
    // Stays connected throughout: what the resumed client must end up with.
    SseClient reference;
    reference.open(m_edge.port(), {token(who)});
    auto client = openStream(transport, m_edge.port(), {token(who)});
    VERIFY_SNAPSHOT(reference);
    VERIFY_SNAPSHOT(*client);

    // Mid-stream: the client has seen some events.
    QList<qint64> orders;
    for (int i = 0; i < 2; ++i) {
        const HttpResult created = place(u"table3"_s, {{i, 1}});
        VERIFY_STATUS(created, 201);
        orders.append(created.json().value(u"id"_s).toInteger());
    }
    QVERIFY(client->waitForEvent(aboutOrder(u"order.created"_s, orders.last()), eventWaitMs));
    const qint64 cursor = client->lastSeq();
    client->close();
    client.reset();

    // Missed while away: orders (one of another table, which a tablet must not get), a
    // status change and a menu event.
    for (int i = 0; i < 3; ++i) {
        const HttpResult created = place(i == 1 ? u"table4"_s : u"table3"_s, {{i + 2, 1}});
        VERIFY_STATUS(created, 201);
        orders.append(created.json().value(u"id"_s).toInteger());
    }
    VERIFY_STATUS(setStatus(orders.first(), u"preparing"_s), 200);
    VERIFY_STATUS(setAvailable(28, false), 200);
    VERIFY_STATUS(setAvailable(28, true), 200);

    // Reconnect while more orders are being placed, so some commit during the replay and
    // some after it: the seam between replay and live must have no gap and no duplicate.
    auto resumed = openStream(transport, m_edge.port(),
                              {token(who), false, cursor, cursorInQuery});
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 4; ++i) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/api/v1/orders"_s.arg(m_edge.port())));
        request.setRawHeader("Authorization", "Bearer " + token(u"table3"_s).toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        replies.append(nam.post(request, QJsonDocument(orderBody(newClientOrderId(), {{itemId(6), 1}}))
                                                 .toJson(QJsonDocument::Compact)));
    }
    VERIFY_STREAM_OPEN(*resumed);
    QVERIFY(QTest::qWaitFor([&] { return std::all_of(replies.begin(), replies.end(),
                                                     [](QNetworkReply *r) { return r->isFinished(); }); },
                            30'000));
    for (QNetworkReply *reply : std::as_const(replies)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        orders.append(QJsonDocument::fromJson(reply->readAll()).object().value(u"id"_s).toInteger());
        reply->deleteLater();
    }
    QVERIFY(reference.waitForEvent(aboutOrder(u"order.created"_s, orders.last()), eventWaitMs));
    QVERIFY2(resumed->waitForSeq(reference.lastSeq(), eventWaitMs),
             qPrintable(describeEvents(resumed->events()) + resumed->errorString()));

    // Exactly the missed events, in order, no snapshot, nothing twice.
    const QList<StreamEvent> expected = reference.eventsAfterSeq(cursor);
    QVERIFY(expected.size() >= (who == u"kitchen"_s ? 10 : 9));
    QCOMPARE(describeEvents(resumed->events()), describeEvents(expected));
    QCOMPARE(jsonOf(resumed->events()), jsonOf(expected));
    if (who != u"kitchen"_s) {
        for (const StreamEvent &event : resumed->events())
            QVERIFY2(event.type.startsWith(u"menu."_s)
                             || event.data().value(u"table_number"_s).toInt() == 3,
                     qPrintable(QString::fromUtf8(QJsonDocument(event.json).toJson())));
    }

    // And then live, once.
    const HttpResult after = place(u"table3"_s, {{7, 1}});
    VERIFY_STATUS(after, 201);
    const auto live = resumed->waitForEvent(
            aboutOrder(u"order.created"_s, after.json().value(u"id"_s).toInteger()), eventWaitMs);
    QVERIFY(live);
    QVERIFY(reference.waitForSeq(live->seq, eventWaitMs));
    QCOMPARE(jsonOf(resumed->events()), jsonOf(reference.eventsAfterSeq(cursor)));
    VERIFY_NO_PROTOCOL_ERRORS(*resumed);
    VERIFY_NO_PROTOCOL_ERRORS(reference);
}

void TestRealtime::sseAndWebSocketDeliverTheSameEvents_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("kitchen") << u"kitchen"_s;
    QTest::newRow("tablet") << u"table5"_s;
}

void TestRealtime::sseAndWebSocketDeliverTheSameEvents()
{
    QFETCH(QString, who);
    SseClient sse;
    WsClient ws;
    sse.open(m_edge.port(), {token(who)});
    ws.open(m_edge.port(), {token(who)});
    VERIFY_SNAPSHOT(sse);
    VERIFY_SNAPSHOT(ws);
    QCOMPARE(ws.events().first().seq, sse.events().first().seq);
    QCOMPARE(ws.events().first().data(), sse.events().first().data());
    const qint64 start = sse.lastSeq();

    // One of each kind of event.
    const HttpResult first = place(u"table5"_s);
    VERIFY_STATUS(first, 201);
    const qint64 firstId = first.json().value(u"id"_s).toInteger();
    VERIFY_STATUS(setStatus(firstId, u"preparing"_s), 200);
    VERIFY_STATUS(setStatus(firstId, u"completed"_s), 200);
    const HttpResult second = place(u"table5"_s, {{3, 2}});
    VERIFY_STATUS(second, 201);
    VERIFY_STATUS(setStatus(second.json().value(u"id"_s).toInteger(), u"canceled"_s, u"manager"_s), 200);
    VERIFY_STATUS(place(u"table6"_s), 201);
    const QJsonObject item = m_items.at(12);
    const QString itemPath = u"/api/v1/menu/items/%1"_s.arg(item.value(u"id"_s).toInteger());
    VERIFY_STATUS(m_http.put(itemPath, {{u"price"_s, item.value(u"price"_s).toInteger() + 100}},
                             token(u"manager"_s)), 200);
    VERIFY_STATUS(m_http.put(itemPath, {{u"price"_s, item.value(u"price"_s).toInteger()}},
                             token(u"manager"_s)), 200);
    VERIFY_STATUS(setAvailable(27, false), 200);
    VERIFY_STATUS(setAvailable(27, true), 200);
    // Last: a table's streams end with its session (the party left).
    VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(first.json().value(u"table_id"_s).toInteger()),
                              QJsonObject{{u"force"_s, true}, {u"reason"_s, u"test: guests left"_s}}, token(u"manager"_s)), 200);

    const auto last = sse.waitForEvent([](const StreamEvent &event) { return event.type == u"table.session_closed"_s; },
                                       eventWaitMs);
    QVERIFY2(last, qPrintable(describeEvents(sse.events())));
    QVERIFY2(ws.waitForSeq(last->seq, eventWaitMs), qPrintable(describeEvents(ws.events())));
    if (who != u"kitchen"_s) {
        QVERIFY(sse.waitForClosed(eventWaitMs));
        QVERIFY(ws.waitForClosed(eventWaitMs));
        QCOMPARE(int(ws.closeCode()), 1000);
    }

    const QList<StreamEvent> viaSse = sse.eventsAfterSeq(start);
    const QList<StreamEvent> viaWs = ws.eventsAfterSeq(start);
    QCOMPARE(describeEvents(viaWs), describeEvents(viaSse));
    QCOMPARE(jsonOf(viaWs), jsonOf(viaSse));
    QStringList types;
    for (const StreamEvent &event : viaSse) {
        if (!types.contains(event.type))
            types << event.type;
    }
    types.sort();
    // A completion marks the order's lines done: order.lines_done is for staff screens only.
    QStringList expected{u"menu.item_availability_changed"_s, u"menu.updated"_s, u"order.acknowledged"_s,
                         u"order.created"_s, u"order.updated"_s, u"table.session_closed"_s};
    if (who == u"kitchen"_s)
        expected.insert(4, u"order.lines_done"_s);
    QCOMPARE(types, expected);
    // The tablet of table 5 does not get table 6's order; the kitchen does.
    QCOMPARE(sse.eventsOfType(u"order.created"_s).size() - 2, who == u"kitchen"_s ? 1 : 0);
    VERIFY_NO_PROTOCOL_ERRORS(sse);
    VERIFY_NO_PROTOCOL_ERRORS(ws);
}

void TestRealtime::menuAvailabilityReachesTablets_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("sse") << u"sse"_s;
    QTest::newRow("websocket") << u"websocket"_s;
}

void TestRealtime::menuAvailabilityReachesTablets()
{
    QFETCH(QString, transport);
    auto tablet = openStream(transport, m_edge.port(), {token(u"table7"_s), true});
    VERIFY_SNAPSHOT(*tablet);

    for (const bool available : {false, true}) {
        const qsizetype from = tablet->events().size();
        const HttpResult changed = setAvailable(26, available);
        VERIFY_STATUS(changed, 200);
        const auto event = tablet->waitForEvent(ofType(u"menu.item_availability_changed"_s),
                                                eventWaitMs, from);
        QVERIFY2(event, qPrintable(describeEvents(tablet->events()) + tablet->errorString()));
        QCOMPARE(event->data().value(u"item"_s).toObject(), changed.json());
        QCOMPARE(event->data().value(u"item"_s).toObject().value(u"available"_s).toBool(), available);
        // The menu version the event names is the menu a refetch returns.
        QCOMPARE(event->data().value(u"menu_version"_s).toInteger(),
                 m_http.get(u"/api/v1/menu"_s).json().value(u"version"_s).toInteger());
    }
    VERIFY_NO_PROTOCOL_ERRORS(*tablet);
}

void TestRealtime::rejectedChangeCreatesNoEvent_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("order with a sold-out item") << u"sold-out"_s << 409 << u"ITEM_UNAVAILABLE"_s;
    QTest::newRow("order with an unknown item") << u"unknown-item"_s << 400 << u"VALIDATION_FAILED"_s;
    QTest::newRow("invalid status transition") << u"transition"_s << 409 << u"INVALID_TRANSITION"_s;
    QTest::newRow("kitchen cancels") << u"kitchen-cancel"_s << 403 << u"FORBIDDEN"_s;
    QTest::newRow("idempotent repeat of an order") << u"repeat"_s << 200 << QString();
    QTest::newRow("close a free table") << u"close-free"_s << 409 << u"NO_OPEN_SESSION"_s;
}

void TestRealtime::rejectedChangeCreatesNoEvent()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QFETCH(QString, code);
    // Preconditions first, so that their events are out of the way.
    const QJsonObject repeatBody = orderBody(newClientOrderId(), {{itemId(8), 1}});
    HttpResult completed;
    qint64 freeTableId = 0;
    if (change == u"sold-out"_s) {
        VERIFY_STATUS(setAvailable(25, false), 200);
    } else if (change == u"transition"_s || change == u"kitchen-cancel"_s) {
        completed = place(u"table8"_s);
        VERIFY_STATUS(completed, 201);
        VERIFY_STATUS(setStatus(completed.json().value(u"id"_s).toInteger(), u"preparing"_s), 200);
        if (change == u"transition"_s)
            VERIFY_STATUS(setStatus(completed.json().value(u"id"_s).toInteger(), u"completed"_s), 200);
    } else if (change == u"repeat"_s) {
        VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, repeatBody, token(u"table8"_s)), 201);
    } else if (change == u"close-free"_s) {
        const HttpResult placed = place(u"table8"_s);
        VERIFY_STATUS(placed, 201);
        freeTableId = placed.json().value(u"table_id"_s).toInteger();
        VERIFY_STATUS(m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(freeTableId),
                                  QJsonObject{{u"force"_s, true}, {u"reason"_s, u"test: guests left"_s}}, token(u"manager"_s)), 200);
    }
    SseClient kitchen;
    kitchen.open(m_edge.port(), {token(u"kitchen"_s)});
    VERIFY_SNAPSHOT(kitchen);
    const qint64 before = kitchen.lastSeq();
    const QStringList stateBefore = databaseState(m_edge.databasePath());

    HttpResult rejected;
    if (change == u"sold-out"_s)
        rejected = place(u"table8"_s, {{25, 1}});
    else if (change == u"unknown-item"_s)
        rejected = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{999'999, 1}}),
                               token(u"table8"_s));
    else if (change == u"transition"_s)
        rejected = setStatus(completed.json().value(u"id"_s).toInteger(), u"preparing"_s);
    else if (change == u"kitchen-cancel"_s)
        rejected = setStatus(completed.json().value(u"id"_s).toInteger(), u"canceled"_s);
    else if (change == u"repeat"_s)
        rejected = m_http.post(u"/api/v1/orders"_s, repeatBody, token(u"table8"_s));
    else if (change == u"close-free"_s)
        rejected = m_http.post(u"/api/v1/tables/%1/close-session"_s.arg(freeTableId), {},
                               token(u"manager"_s));
    if (code.isEmpty())
        VERIFY_STATUS(rejected, status);
    else
        VERIFY_ERROR(rejected, status, code);

    // Nothing committed, so nothing logged: a new stream starts at the same seq, and the
    // store is byte for byte what it was.
    SseClient fresh;
    fresh.open(m_edge.port(), {token(u"kitchen"_s)});
    VERIFY_SNAPSHOT(fresh);
    QCOMPARE(fresh.events().first().seq, before);
    QCOMPARE(databaseState(m_edge.databasePath()), stateBefore);

    // The next committed change is the very next seq, and the only event the open stream
    // got since.
    if (change == u"sold-out"_s)
        VERIFY_STATUS(setAvailable(25, true), 200);
    else
        VERIFY_STATUS(place(u"table8"_s), 201);
    QVERIFY(kitchen.waitForSeq(before + 1, eventWaitMs));
    QVERIFY2(kitchen.eventsAfterSeq(before).size() == 1,
             qPrintable(describeEvents(kitchen.eventsAfterSeq(before))));
    QCOMPARE(kitchen.lastSeq(), before + 1);
    VERIFY_NO_PROTOCOL_ERRORS(kitchen);
}

void TestRealtime::invalidTokenRefusedBeforeUpgrade_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("inQuery");
    QTest::addColumn<QString>("code");

    const QByteArray secret = m_edge.jwtSecret();
    QVERIFY(!secret.isEmpty());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject expiredStaff = tokenClaims(token(u"kitchen"_s));
    QVERIFY(expiredStaff.contains(u"exp"_s));
    expiredStaff.insert(u"iat"_s, now - 7200);
    expiredStaff.insert(u"exp"_s, now - 60);
    QJsonObject expiredTable = tokenClaims(token(u"table1"_s));
    expiredTable.insert(u"iat"_s, now - 7200);
    expiredTable.insert(u"exp"_s, now - 60);
    const QString forged = handmadeToken(jwtHeader, tokenClaims(token(u"kitchen"_s)),
                                         "not the store's secret");

    for (const bool inQuery : {false, true}) {
        const char *where = inQuery ? "access_token" : "header";
        if (!inQuery)
            QTest::addRow("no token") << QString() << false << u"UNAUTHENTICATED"_s;
        QTest::addRow("malformed, %s", where) << u"xyz"_s << inQuery << u"INVALID_TOKEN"_s;
        QTest::addRow("wrong signature, %s", where) << forged << inQuery << u"INVALID_TOKEN"_s;
        QTest::addRow("expired staff token, %s", where)
                << handmadeToken(jwtHeader, expiredStaff, secret) << inQuery << u"TOKEN_EXPIRED"_s;
        QTest::addRow("expired table token, %s", where)
                << handmadeToken(jwtHeader, expiredTable, secret) << inQuery << u"TOKEN_EXPIRED"_s;
    }
}

void TestRealtime::invalidTokenRefusedBeforeUpgrade()
{
    QFETCH(QString, token);
    QFETCH(bool, inQuery);
    QFETCH(QString, code);
    const StreamRequest request{token, inQuery};

    // A raw upgrade request gets an ordinary HTTP answer, never 101.
    const HttpResult refused = HttpClient::raw(
            m_edge.port(), upgradeRequest(m_edge.port(), request.target(u"/api/v1/ws"_s),
                                          inQuery ? QString() : token));
    VERIFY_ERROR(refused, 401, code);
    QVERIFY(refused.header("upgrade").isEmpty());
    QVERIFY2(refused.closed, "the refused connection stays open");

    // The same request with the store's real token is upgraded: the refusal was the token.
    const StreamRequest good{this->token(u"kitchen"_s), inQuery};
    const HttpResult upgraded = HttpClient::raw(
            m_edge.port(), upgradeRequest(m_edge.port(), good.target(u"/api/v1/ws"_s),
                                          inQuery ? QString() : good.token));
    QCOMPARE(upgraded.status, 101);
    QCOMPARE(upgraded.header("upgrade").toLower(), QByteArray("websocket"));

    WsClient ws;
    ws.open(m_edge.port(), request);
    QVERIFY(!ws.waitForOpen());
    QVERIFY(ws.events().isEmpty());

    SseClient sse;
    sse.open(m_edge.port(), request);
    QVERIFY(sse.waitForClosed());
    VERIFY_ERROR(sse.response(), 401, code);
    QVERIFY(sse.events().isEmpty());
}

void TestRealtime::connectionLimits()
{
    QVERIFY(startSideStore(m_limits, {{u"TABLEORDER_REALTIME_MAX_STAFF_CONNECTIONS"_s, u"2"_s},
                                         {u"TABLEORDER_REALTIME_MAX_TABLE_CONNECTIONS"_s, u"2"_s}}));
    const quint16 port = m_limits.edge->port();
    auto staff1 = std::make_unique<SseClient>();
    staff1->open(port, {m_limits.tokens.value(u"kitchen"_s)});
    WsClient staff2;
    staff2.open(port, {m_limits.tokens.value(u"manager"_s)});
    VERIFY_SNAPSHOT(*staff1);
    VERIFY_SNAPSHOT(staff2);

    auto expectRefused = [&](const QString &who, const QString &message) {
        SseClient sse;
        sse.open(port, {m_limits.tokens.value(who)});
        QVERIFY(sse.waitForClosed());
        VERIFY_ERROR(sse.response(), 503, u"TOO_MANY_CONNECTIONS"_s);
        QCOMPARE(sse.response().json().value(u"error"_s).toObject().value(u"message"_s).toString(), message);
        const HttpResult raw = HttpClient::raw(
                port, upgradeRequest(port, u"/api/v1/ws"_s, m_limits.tokens.value(who)));
        VERIFY_ERROR(raw, 503, u"TOO_MANY_CONNECTIONS"_s);
        QCOMPARE(raw.json().value(u"error"_s).toObject().value(u"message"_s).toString(), message);
        WsClient ws;
        ws.open(port, {m_limits.tokens.value(who), true});
        QVERIFY(!ws.waitForOpen());
    };
    expectRefused(u"kitchen"_s, u"too many staff screen connections are open (limit 2)"_s);
    if (QTest::currentTestFailed())
        return;

    // Per role: full staff screens do not keep tablets out, and tablets have their own limit.
    SseClient table1;
    table1.open(port, {m_limits.tokens.value(u"table1"_s)});
    WsClient table2;
    table2.open(port, {m_limits.tokens.value(u"table2"_s)});
    VERIFY_SNAPSHOT(table1);
    VERIFY_SNAPSHOT(table2);
    expectRefused(u"table3"_s, u"too many tablet connections are open (limit 2)"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(metric(*m_limits.edge, "tableorder_realtime_connections{transport=\"sse\",role=\"staff\"}"), 1.0);
    QCOMPARE(metric(*m_limits.edge, "tableorder_realtime_connections{transport=\"websocket\",role=\"staff\"}"), 1.0);
    QCOMPARE(metric(*m_limits.edge, "tableorder_realtime_connections{transport=\"sse\",role=\"table\"}"), 1.0);
    QCOMPARE(metric(*m_limits.edge, "tableorder_realtime_connections{transport=\"websocket\",role=\"table\"}"), 1.0);

    // A screen that leaves frees its place.
    staff1.reset();
    QTRY_COMPARE_WITH_TIMEOUT(
            metric(*m_limits.edge, "tableorder_realtime_connections{transport=\"sse\",role=\"staff\"}"),
            0.0, eventWaitMs);
    WsClient again;
    again.open(port, {m_limits.tokens.value(u"kitchen"_s)});
    VERIFY_SNAPSHOT(again);
}

namespace {

/// A stream on a plain socket with a tiny receive buffer that reads the response head and
/// then stops reading: the server's send queue for it can only grow.
class StalledStream
{
public:
    ~StalledStream()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    /// Sends `request` and reads up to the end of the response head; the status, or 0.
    int open(quint16 port, const QByteArray &request)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return 0;
        const int small = 2048;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return 0;
        if (::send(m_fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size())
            return 0;
        QByteArray head;
        QDeadlineTimer deadline(15'000);
        // One byte at a time, so that nothing after the head is taken off the socket.
        while (!head.endsWith("\r\n\r\n") && head.size() < 16'384 && !deadline.hasExpired()) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            char c = 0;
            if (::recv(m_fd, &c, 1, 0) != 1)
                return 0;
            head += c;
        }
        return head.split(' ').value(1).toInt();
    }

    /// Reads whatever is queued until the server has closed the connection (end of stream
    /// or reset); false if it is still open after timeoutMs.
    bool drainUntilClosed(int timeoutMs, qint64 *bytes)
    {
        QDeadlineTimer deadline(timeoutMs);
        char buffer[65'536];
        while (!deadline.hasExpired()) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                return true;
            *bytes += n;
        }
        return false;
    }

private:
    int m_fd = -1;
};

} // namespace

void TestRealtime::slowConsumerIsCutOff_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("sse") << u"sse"_s;
    QTest::newRow("websocket") << u"websocket"_s;
}

void TestRealtime::slowConsumerIsCutOff()
{
    QFETCH(QString, transport);
    // No heartbeats: a stalled WebSocket must be cut for its queue, not for a missing pong.
    // No "order not acknowledged" events either: hundreds of pending orders would all raise
    // one after the ack timeout, in the middle of a later test on this store.
    QVERIFY(startSideStore(m_slow, {{u"TABLEORDER_REALTIME_MAX_QUEUE_BYTES"_s, u"16384"_s},
                                       {u"TABLEORDER_REALTIME_HEARTBEAT_MS"_s, u"3600000"_s},
                                       {u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s},
                                       {u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"1000000"_s}}));
    const quint16 port = m_slow.edge->port();
    const QString kitchenToken = m_slow.tokens.value(u"kitchen"_s);
    const QByteArray series = "tableorder_realtime_connections{transport=\"" + transport.toLatin1()
            + "\",role=\"staff\"}";

    SseClient goodSse;
    goodSse.open(port, {kitchenToken});
    WsClient goodWs;
    goodWs.open(port, {kitchenToken});
    VERIFY_SNAPSHOT(goodSse);
    VERIFY_SNAPSHOT(goodWs);
    const double connectionsBefore = metric(*m_slow.edge, series);
    const double cutBefore = metric(*m_slow.edge, "tableorder_slow_consumer_disconnects_total");

    StalledStream slow;
    const QByteArray request = transport == u"sse"_s
            ? "GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + kitchenToken.toLatin1() + "\r\n\r\n"
            : upgradeRequest(port, u"/api/v1/ws"_s, kitchenToken);
    QCOMPARE(slow.open(port, request), transport == u"sse"_s ? 200 : 101);
    QTRY_COMPARE_WITH_TIMEOUT(metric(*m_slow.edge, series), connectionsBefore + 1, eventWaitMs);

    // Big orders (50 lines, a long note) until the stalled stream's queue overflows; the
    // kernel's socket buffers take a few hundred KB first.
    QList<std::pair<qint64, int>> lines;
    for (int i = 0; i < 50; ++i)
        lines.append({m_items.at(i % 30).value(u"id"_s).toInteger(), 1 + i % 3});
    const QString note = QString(200, u'x');
    QList<qint64> placed;
    bool cut = false;
    for (int i = 0; i < 3000 && !cut; ++i) {
        const HttpResult created = m_slow.http->post(u"/api/v1/orders"_s,
                                                   orderBody(newClientOrderId(), lines, note),
                                                   m_slow.tokens.value(u"table1"_s));
        VERIFY_STATUS(created, 201);
        placed.append(created.json().value(u"id"_s).toInteger());
        if (i % 10 == 9)
            cut = metric(*m_slow.edge, "tableorder_slow_consumer_disconnects_total") > cutBefore;
    }
    QVERIFY2(cut, "the stalled stream was never cut off");
    qInfo("cut off after %lld orders", qlonglong(placed.size()));

    // Exactly that one connection was cut; the server closed it.
    QCOMPARE(metric(*m_slow.edge, "tableorder_slow_consumer_disconnects_total"), cutBefore + 1);
    QTRY_COMPARE_WITH_TIMEOUT(metric(*m_slow.edge, series), connectionsBefore, eventWaitMs);
    qint64 drained = 0;
    QVERIFY(slow.drainUntilClosed(eventWaitMs, &drained));

    // The others kept receiving, every order, and still do.
    const HttpResult after = m_slow.http->post(u"/api/v1/orders"_s,
                                             orderBody(newClientOrderId(), {{itemId(0), 1}}),
                                             m_slow.tokens.value(u"table1"_s));
    VERIFY_STATUS(after, 201);
    placed.append(after.json().value(u"id"_s).toInteger());
    for (EventStreamClient *good : {static_cast<EventStreamClient *>(&goodSse),
                                    static_cast<EventStreamClient *>(&goodWs)}) {
        QVERIFY2(good->waitForEvent(aboutOrder(u"order.created"_s, placed.last()), eventWaitMs),
                 qPrintable(good->errorString()));
        QVERIFY(good->isOpen());
        QList<qint64> received;
        for (const StreamEvent &event : good->eventsOfType(u"order.created"_s)) {
            if (placed.contains(event.data().value(u"id"_s).toInteger()))
                received.append(event.data().value(u"id"_s).toInteger());
        }
        QCOMPARE(received, placed);
        VERIFY_NO_PROTOCOL_ERRORS(*good);
    }
}

void TestRealtime::replayIsNotASlowConsumer_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("sse") << u"sse"_s;
    QTest::newRow("websocket") << u"websocket"_s;
}

void TestRealtime::replayIsNotASlowConsumer()
{
    // A screen that was away while many big orders came in resumes from its cursor: the
    // replay is far larger than the send-queue limit, and the screen reads as fast as it
    // can, so it must get every missed event rather than be cut off as a slow consumer.
    QFETCH(QString, transport);
    QVERIFY(startSideStore(m_slow, {{u"TABLEORDER_REALTIME_MAX_QUEUE_BYTES"_s, u"16384"_s},
                                    {u"TABLEORDER_REALTIME_HEARTBEAT_MS"_s, u"3600000"_s},
                                    {u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"3600000"_s},
                                    {u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"1000000"_s}}));
    const quint16 port = m_slow.edge->port();
    const QString kitchenToken = m_slow.tokens.value(u"kitchen"_s);
    SseClient reference;
    reference.open(port, {kitchenToken});
    VERIFY_SNAPSHOT(reference);
    const qint64 cursor = reference.lastSeq();
    const double cutBefore = metric(*m_slow.edge, "tableorder_slow_consumer_disconnects_total");

    QList<std::pair<qint64, int>> lines;
    for (int i = 0; i < 50; ++i)
        lines.append({m_items.at(i % 30).value(u"id"_s).toInteger(), 1});
    const QString note = QString(200, u'y');
    for (int i = 0; i < 40; ++i) {
        VERIFY_STATUS(m_slow.http->post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), lines, note),
                                        m_slow.tokens.value(u"table2"_s)),
                      201);
    }
    const qint64 end = cursor + 40;
    QVERIFY(reference.waitForSeq(end, eventWaitMs));
    QCOMPARE(metric(*m_slow.edge, "tableorder_slow_consumer_disconnects_total"), cutBefore);

    auto resumed = openStream(transport, port, {kitchenToken, false, cursor, false});
    VERIFY_STREAM_OPEN(*resumed);
    QVERIFY2(resumed->waitForSeq(end, eventWaitMs),
             qPrintable(u"got %1 of 40 events; %2"_s.arg(resumed->events().size())
                                .arg(resumed->errorString())));
    QCOMPARE(jsonOf(resumed->events()), jsonOf(reference.eventsAfterSeq(cursor)));
    QVERIFY(resumed->isOpen());
    QCOMPARE(metric(*m_slow.edge, "tableorder_slow_consumer_disconnects_total"), cutBefore);
    VERIFY_NO_PROTOCOL_ERRORS(*resumed);
}

void TestRealtime::deliveryReceipts()
{
    QVERIFY(startSideStore(m_acks, {{u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, u"2000"_s}}));
    const quint16 port = m_acks.edge->port();
    WsClient wsKitchen;
    wsKitchen.open(port, {m_acks.tokens.value(u"kitchen"_s)});
    SseClient sseKitchen;
    sseKitchen.open(port, {m_acks.tokens.value(u"kitchen"_s)});
    VERIFY_SNAPSHOT(wsKitchen);
    VERIFY_SNAPSHOT(sseKitchen);
    const double acksBefore = metric(*m_acks.edge, "tableorder_order_ack_seconds_count");
    auto placeOrder = [&] {
        return m_acks.http->post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{itemId(1), 1}}),
                               m_acks.tokens.value(u"table2"_s))
                .json().value(u"id"_s).toInteger();
    };
    auto ack = [&](qint64 id) {
        return m_acks.http->post(u"/api/v1/orders/%1/ack"_s.arg(id), {}, m_acks.tokens.value(u"kitchen"_s));
    };

    // Over the WebSocket: the screen acknowledges what it put on screen.
    const qint64 viaWs = placeOrder();
    QVERIFY(viaWs > 0);
    QVERIFY(wsKitchen.waitForEvent(aboutOrder(u"order.created"_s, viaWs), eventWaitMs));
    wsKitchen.sendJson({{u"type"_s, u"ack"_s}, {u"order_id"_s, viaWs}});
    QTRY_COMPARE_WITH_TIMEOUT(metric(*m_acks.edge, "tableorder_order_ack_seconds_count"),
                              acksBefore + 1, eventWaitMs);
    const HttpResult repeat = ack(viaWs);
    VERIFY_STATUS(repeat, 200);
    QCOMPARE(repeat.json().value(u"first"_s).toBool(), false);

    // Over HTTP, for SSE screens.
    const qint64 viaPost = placeOrder();
    QVERIFY(viaPost > 0);
    QVERIFY(sseKitchen.waitForEvent(aboutOrder(u"order.created"_s, viaPost), eventWaitMs));
    const HttpResult first = ack(viaPost);
    VERIFY_STATUS(first, 200);
    QCOMPARE(first.json().value(u"order_id"_s).toInteger(), viaPost);
    QCOMPARE(first.json().value(u"first"_s).toBool(), true);
    QCOMPARE(metric(*m_acks.edge, "tableorder_order_ack_seconds_count"), acksBefore + 2);
    const HttpResult second = ack(viaPost);
    VERIFY_STATUS(second, 200);
    QCOMPARE(second.json().value(u"first"_s).toBool(), false);
    // Only the first receipt is a measurement.
    QCOMPARE(metric(*m_acks.edge, "tableorder_order_ack_seconds_count"), acksBefore + 2);
    // A receipt for an order that does not exist is refused and counts nothing.
    VERIFY_ERROR(ack(999'999), 404, u"NOT_FOUND"_s);
    QCOMPARE(metric(*m_acks.edge, "tableorder_order_ack_seconds_count"), acksBefore + 2);

    // Acknowledged orders never raise an alert.
    QTest::qWait(3 * 2000);
    for (EventStreamClient *screen : {static_cast<EventStreamClient *>(&wsKitchen),
                                      static_cast<EventStreamClient *>(&sseKitchen)}) {
        QVERIFY2(screen->eventsOfType(u"order.unacknowledged"_s).isEmpty(),
                 qPrintable(describeEvents(screen->events())));
    }
    QCOMPARE(metric(*m_acks.edge, "tableorder_orders_unacknowledged"), 0.0);
}

void TestRealtime::unacknowledgedOrderAlertsOnce()
{
    constexpr int timeoutMs = 2000;
    QVERIFY(startSideStore(m_acks, {{u"TABLEORDER_REALTIME_ACK_TIMEOUT_MS"_s, QString::number(timeoutMs)}}));
    const quint16 port = m_acks.edge->port();
    WsClient wsKitchen;
    wsKitchen.open(port, {m_acks.tokens.value(u"kitchen"_s)});
    SseClient sseManager;
    sseManager.open(port, {m_acks.tokens.value(u"manager"_s)});
    SseClient tablet;
    tablet.open(port, {m_acks.tokens.value(u"table3"_s)});
    VERIFY_SNAPSHOT(wsKitchen);
    VERIFY_SNAPSHOT(sseManager);
    VERIFY_SNAPSHOT(tablet);
    const double alertsBefore = metric(*m_acks.edge, "tableorder_orders_unacknowledged_total");
    const double pendingBefore = metric(*m_acks.edge, "tableorder_orders_unacknowledged");
    const double acksBefore = metric(*m_acks.edge, "tableorder_order_ack_seconds_count");

    const HttpResult created = m_acks.http->post(u"/api/v1/orders"_s,
                                               orderBody(newClientOrderId(), {{itemId(2), 1}}),
                                               m_acks.tokens.value(u"table3"_s));
    VERIFY_STATUS(created, 201);
    const qint64 orderId = created.json().value(u"id"_s).toInteger();
    QVERIFY(tablet.waitForEvent(aboutOrder(u"order.created"_s, orderId), eventWaitMs));

    // Nobody acknowledges it: both staff screens are alerted, the tablet is not.
    for (EventStreamClient *screen : {static_cast<EventStreamClient *>(&wsKitchen),
                                      static_cast<EventStreamClient *>(&sseManager)}) {
        const auto alert = screen->waitForEvent(aboutOrder(u"order.unacknowledged"_s, orderId),
                                                timeoutMs + eventWaitMs);
        QVERIFY2(alert, qPrintable(describeEvents(screen->events())));
        const QJsonObject data = alert->data();
        QCOMPARE(data.value(u"number"_s).toInteger(), created.json().value(u"number"_s).toInteger());
        QCOMPARE(data.value(u"table_number"_s).toInt(), 3);
        QVERIFY(data.value(u"age_ms"_s).toInteger() >= timeoutMs);
        QCOMPARE(data.value(u"order"_s).toObject().value(u"id"_s).toInteger(), orderId);
        QCOMPARE(data.value(u"order"_s).toObject().value(u"status"_s).toString(), u"pending"_s);
    }
    QCOMPARE(metric(*m_acks.edge, "tableorder_orders_unacknowledged"), pendingBefore + 1);
    QCOMPARE(metric(*m_acks.edge, "tableorder_orders_unacknowledged_total"), alertsBefore + 1);

    // Once: several timeouts later there is still exactly one alert.
    QTest::qWait(3 * timeoutMs);
    QCOMPARE(wsKitchen.eventsOfType(u"order.unacknowledged"_s).size(), 1);
    QCOMPARE(sseManager.eventsOfType(u"order.unacknowledged"_s).size(), 1);
    QCOMPARE(wsKitchen.eventsOfType(u"order.unacknowledged"_s).first().json,
             sseManager.eventsOfType(u"order.unacknowledged"_s).first().json);
    QCOMPARE(metric(*m_acks.edge, "tableorder_orders_unacknowledged_total"), alertsBefore + 1);
    QVERIFY2(tablet.eventsOfType(u"order.unacknowledged"_s).isEmpty(),
             qPrintable(describeEvents(tablet.events())));

    // A late receipt still counts and clears the gauge.
    SseClient otherTable;
    otherTable.open(port, {m_acks.tokens.value(u"table4"_s)});
    VERIFY_SNAPSHOT(otherTable);
    wsKitchen.sendJson({{u"type"_s, u"ack"_s}, {u"order_id"_s, orderId}});
    QTRY_COMPARE_WITH_TIMEOUT(metric(*m_acks.edge, "tableorder_orders_unacknowledged"), pendingBefore,
                              eventWaitMs);
    QCOMPARE(metric(*m_acks.edge, "tableorder_order_ack_seconds_count"), acksBefore + 1);
    // The order's table learns that the kitchen has it (the tablet's "kitchen confirmed");
    // another table does not; a second receipt records nothing more.
    const auto receipt = tablet.waitForEvent(aboutOrder(u"order.acknowledged"_s, orderId), eventWaitMs);
    QVERIFY2(receipt, qPrintable(describeEvents(tablet.events())));
    QCOMPARE(receipt->data().value(u"number"_s).toInteger(), created.json().value(u"number"_s).toInteger());
    QCOMPARE(receipt->data().value(u"table_number"_s).toInt(), 3);
    QVERIFY(QDateTime::fromString(receipt->data().value(u"acknowledged_at"_s).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(sseManager.waitForEvent(aboutOrder(u"order.acknowledged"_s, orderId), eventWaitMs));
    VERIFY_STATUS(m_acks.http->post(u"/api/v1/orders/%1/ack"_s.arg(orderId), {}, m_acks.tokens.value(u"kitchen"_s)), 200);
    const HttpResult marker = m_acks.http->post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{itemId(2), 1}}),
                                                m_acks.tokens.value(u"table3"_s));
    VERIFY_STATUS(marker, 201);
    QVERIFY(tablet.waitForEvent(aboutOrder(u"order.created"_s, marker.json().value(u"id"_s).toInteger()), eventWaitMs));
    QCOMPARE(tablet.eventsOfType(u"order.acknowledged"_s).size(), 1);
    QVERIFY2(otherTable.eventsOfType(u"order.acknowledged"_s).isEmpty(), qPrintable(describeEvents(otherTable.events())));

    // A tablet that connects again without its cursor (restarted, or too far behind) gets a
    // snapshot, not the receipt: the orders in it say which ones a kitchen screen has.
    const QString ackedAt = receipt->data().value(u"acknowledged_at"_s).toString();
    const qint64 markerId = marker.json().value(u"id"_s).toInteger();
    SseClient reconnected;
    reconnected.open(port, {m_acks.tokens.value(u"table3"_s)});
    VERIFY_SNAPSHOT(reconnected);
    QHash<qint64, QJsonValue> ackedIn;
    for (const QJsonValue &o : reconnected.events().first().data().value(u"orders"_s).toArray())
        ackedIn.insert(o.toObject().value(u"id"_s).toInteger(), o.toObject().value(u"kitchen_acked_at"_s));
    QCOMPARE(ackedIn.value(orderId).toString(), ackedAt);
    QVERIFY2(ackedIn.contains(markerId) && ackedIn.value(markerId).isNull(), "no screen has the second order yet");
    // So does the order as the table reads it.
    const QJsonObject read = m_acks.http->get(u"/api/v1/orders/%1"_s.arg(orderId), m_acks.tokens.value(u"table3"_s)).json();
    QCOMPARE(read.value(u"kitchen_acked_at"_s).toString(), ackedAt);
    VERIFY_NO_PROTOCOL_ERRORS(reconnected);
    VERIFY_NO_PROTOCOL_ERRORS(otherTable);
    VERIFY_NO_PROTOCOL_ERRORS(wsKitchen);
    VERIFY_NO_PROTOCOL_ERRORS(sseManager);
    VERIFY_NO_PROTOCOL_ERRORS(tablet);
}

QTEST_GUILESS_MAIN(TestRealtime)
#include "tst_realtime.moc"
