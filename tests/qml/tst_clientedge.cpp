// The client library against the real tableorder-edge: REST calls, the WebSocket event
// stream (snapshot, live events, resume after a drop, offline state), and placing orders
// exactly once when responses are lost, the daemon is killed, or the app restarts.
#include "apireply.h"
#include "clientsettings.h"
#include "edgeapi.h"
#include "eventstream.h"
#include "faultproxy.h"
#include "ordersubmitter.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tableorder::client;
using namespace tableorder::test;

namespace {

struct Received
{
    QString type;
    QJsonObject data;
    qint64 seq = 0;
};

/// Collects what a stream delivers.
class Recorder : public QObject
{
public:
    explicit Recorder(EventStream &stream)
    {
        QObject::connect(&stream, &EventStream::eventReceived, this,
                         [this](const QString &type, const QJsonObject &data, qint64 seq) {
                             events.append({type, data, seq});
                         });
    }
    [[nodiscard]] int count(const QString &type) const
    {
        return int(std::count_if(events.begin(), events.end(), [&](const Received &e) { return e.type == type; }));
    }
    [[nodiscard]] QList<qint64> orderIds(const QString &type) const
    {
        QList<qint64> ids;
        for (const Received &e : events) {
            if (e.type == type)
                ids.append(e.data.value(u"id"_s).toInteger());
        }
        return ids;
    }
    QList<Received> events;
};

/// Synchronous wrapper for one EdgeApi call.
ApiReply wait(const std::function<void(EdgeApi::Callback)> &call)
{
    std::optional<ApiReply> result;
    call([&](const ApiReply &reply) { result = reply; });
    // No answer within the time is reported as such (status 0), which fails the caller.
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 15000);
    return result.value_or(ApiReply::fromTransportError(u"test timed out"_s));
}

} // namespace

class TestClientEdge : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_kitchen;
    QString m_table;
    QTemporaryDir m_dir;

    QUrl url(quint16 port) const { return QUrl(u"http://127.0.0.1:%1"_s.arg(port)); }

    /// How many orders the edge holds with this client_order_id (all orders when empty).
    int ordersWith(const QString &clientOrderId)
    {
        const HttpResult all = m_http.get(u"/api/v1/orders?limit=1000"_s, m_kitchen);
        int n = 0;
        for (const QJsonValue &o : all.json().value(u"orders"_s).toArray()) {
            if (clientOrderId.isEmpty() || o.toObject().value(u"client_order_id"_s).toString() == clientOrderId)
                ++n;
        }
        return n;
    }

    void restartEdge()
    {
        m_edge.kill();
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
    }

private slots:
    void cleanup()
    {
        // A test that failed half-way may leave the edge down; the next one needs it.
        if (!m_edge.isRunning())
            restartEdge();
    }

    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
        m_table = m_http.tableLogin(3);
        QVERIFY(!m_kitchen.isEmpty() && !m_table.isEmpty());
    }

    void loginAndMenuWithEtag()
    {
        EdgeApi api;
        api.setBaseUrl(url(m_edge.port()));
        const ApiReply login = wait([&](auto done) { api.tableLogin(4, u"0000"_s, done); });
        QCOMPARE(login.status, 200);
        QVERIFY(!login.json.value(u"token"_s).toString().isEmpty());
        const ApiReply wrong = wait([&](auto done) { api.staffLogin(u"kitchen"_s, u"nope"_s, done); });
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), u"INVALID_CREDENTIALS"_s);

        const ApiReply menu = wait([&](auto done) { api.fetchMenu({}, done); });
        QCOMPARE(menu.status, 200);
        QVERIFY(menu.etag.startsWith("\"menu-"));
        QCOMPARE(menu.json.value(u"currency"_s).toString(), u"KRW"_s);
        const QJsonArray categories = menu.json.value(u"categories"_s).toArray();
        QCOMPARE(categories.size(), 6); // the demo: meals, noodles, sides, drinks, desserts, today
        QCOMPARE(categories.at(0).toObject().value(u"station"_s).toString(), u"kitchen"_s);
        QCOMPARE(categories.at(3).toObject().value(u"station"_s).toString(), u"bar"_s);
        const ApiReply same = wait([&](auto done) { api.fetchMenu(menu.etag, done); });
        QCOMPARE(same.status, 304);
    }

    void noAnswerWhenTheEdgeIsDown()
    {
        FaultProxy proxy(m_edge.port());
        proxy.setRefusing(true);
        EdgeApi api;
        api.setBaseUrl(url(proxy.port()));
        const ApiReply reply = wait([&](auto done) { api.fetchMenu({}, done); });
        QVERIFY(reply.noAnswer());
        QVERIFY(!reply.isDefinitive());
    }

    void streamStartsWithSnapshotThenLiveEvents()
    {
        EventStream stream;
        Recorder recorder(stream);
        stream.start(url(m_edge.port()), m_kitchen);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.count(u"snapshot"_s), 1, 10000);
        QVERIFY(stream.isOnline());
        QCOMPARE(recorder.events.first().type, u"snapshot"_s);

        QElapsedTimer timer;
        timer.start();
        const HttpResult placed = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), m_table);
        VERIFY_STATUS(placed, 201);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.orderIds(u"order.created"_s).contains(placed.json().value(u"id"_s).toInteger()), 1000);
        qInfo("order.created reached the stream %lld ms after the POST started", timer.elapsed());
        // Seqs only go up.
        for (qsizetype i = 1; i < recorder.events.size(); ++i)
            QVERIFY(recorder.events[i].seq >= recorder.events[i - 1].seq);
    }

    void streamResumesAfterADropWithoutGapOrRepeat()
    {
        FaultProxy proxy(m_edge.port());
        EventStream stream;
        stream.setBackoff({100, 400, 2.0, 0.0});
        Recorder recorder(stream);
        stream.start(url(proxy.port()), m_kitchen);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.count(u"snapshot"_s), 1, 10000);

        proxy.setRefusing(true);
        proxy.cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(!stream.isOnline(), 5000);
        QList<qint64> missed;
        for (int i = 0; i < 3; ++i) {
            const HttpResult placed = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{2, 1}}), m_table);
            VERIFY_STATUS(placed, 201);
            missed.append(placed.json().value(u"id"_s).toInteger());
        }
        proxy.setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isOnline(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.orderIds(u"order.created"_s), missed, 5000);
        QCOMPARE(recorder.count(u"snapshot"_s), 1); // resumed from its seq, not restarted
        QCOMPARE(recorder.count(u"reset"_s), 0);
    }

    void offlineStateAndReconnectWithBackoff()
    {
        FaultProxy proxy(m_edge.port());
        EventStream stream;
        stream.setBackoff({200, 1000, 2.0, 0.0});
        QSignalSpy failures(&stream, &EventStream::connectFailed);
        stream.start(url(proxy.port()), m_kitchen);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isOnline(), 10000);
        proxy.setRefusing(true);
        proxy.cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(stream.state(), EventStream::State::Waiting, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(failures.size() >= 3, 10000);
        QVERIFY2(stream.attempt() >= 3, "each failed attempt backs off further");
        proxy.setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isOnline(), 5000);
    }

    void silentConnectionIsDetected()
    {
        // The connection stays open but nothing comes through (wifi gone without a FIN): the
        // client's own pings notice it and it reconnects once traffic flows again.
        FaultProxy proxy(m_edge.port());
        EventStream stream;
        stream.setHeartbeat(200, 700);
        stream.setBackoff({100, 300, 2.0, 0.0});
        stream.start(url(proxy.port()), m_kitchen);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isOnline(), 10000);
        proxy.setBlackhole(true);
        QTRY_VERIFY_WITH_TIMEOUT(!stream.isOnline(), 5000);
        proxy.setBlackhole(false);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isOnline(), 10000);
    }

    void acknowledgementsReachTheEdge()
    {
        EventStream stream;
        Recorder recorder(stream);
        stream.start(url(m_edge.port()), m_kitchen);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isOnline(), 10000);
        const HttpResult placed = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{5, 1}}), m_table);
        const qint64 id = placed.json().value(u"id"_s).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(recorder.orderIds(u"order.created"_s).contains(id), 2000);
        stream.acknowledge(id);
        // The REST ack says whether a screen had acknowledged it first.
        QTRY_VERIFY_WITH_TIMEOUT(
                m_http.post(u"/api/v1/orders/%1/ack"_s.arg(id), {}, m_kitchen).json().value(u"first"_s) == false, 3000);
    }

    void lostResponseIsRetriedIntoTheSameOrder()
    {
        FaultProxy proxy(m_edge.port());
        proxy.loseOrderResponses(1);
        EdgeApi api;
        api.setBaseUrl(url(proxy.port()));
        api.setToken(m_table);
        ClientSettings settings(m_dir.filePath(u"lost.ini"_s));
        OrderSubmitter submitter(api, settings);
        submitter.setBackoff({100, 500, 2.0, 0.0});
        QSignalSpy accepted(&submitter, &OrderSubmitter::accepted);
        QVERIFY(submitter.submit(QJsonArray{QJsonObject{{u"menu_item_id"_s, 1}, {u"quantity"_s, 2}}}, u"덜 맵게"_s));
        const QString id = submitter.pendingClientOrderId();
        QCOMPARE(settings.pendingOrder().value(u"client_order_id"_s).toString(), id);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 10000);
        QCOMPARE(proxy.responsesLost(), 1);
        // The same body went out twice: QNetworkAccessManager itself resends a request whose
        // connection closed before any answer, and the submitter retries on "no answer".
        // Either way the second copy is the same order.
        QVERIFY(proxy.orderRequestsSeen() >= 2);
        QCOMPARE(ordersWith(id.toLower()), 1);
        QVERIFY(settings.pendingOrder().isEmpty());
    }

    void killedDaemonDoesNotDoubleTheOrder()
    {
        // The order reaches the edge, the answer is lost, the edge is killed -9 and comes back:
        // the retries meet a dead edge, then a live one that already has the order.
        FaultProxy proxy(m_edge.port());
        proxy.loseOrderResponses(1);
        EdgeApi api;
        api.setBaseUrl(url(proxy.port()));
        api.setToken(m_table);
        ClientSettings settings(m_dir.filePath(u"killed.ini"_s));
        OrderSubmitter submitter(api, settings);
        submitter.setBackoff({300, 600, 2.0, 0.0});
        QSignalSpy accepted(&submitter, &OrderSubmitter::accepted);
        const int before = ordersWith({});
        // The edge dies the moment it has made the order, before its answer gets out.
        connect(&proxy, &FaultProxy::orderResponseLost, this, [this] { m_edge.kill(); });
        QVERIFY(submitter.submit(QJsonArray{QJsonObject{{u"menu_item_id"_s, 9}, {u"quantity"_s, 1}}}));
        const QString id = submitter.pendingClientOrderId().toLower();
        QTRY_COMPARE_WITH_TIMEOUT(proxy.responsesLost(), 1, 5000);
        QVERIFY(!m_edge.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(submitter.attempt() >= 3, 10000); // refused while down
        // Between attempts it waits to retry (an attempt may be in flight at this very moment).
        QTRY_COMPARE_WITH_TIMEOUT(submitter.state(), OrderSubmitter::State::Retrying, 5000);
        restartEdge();
        proxy.setUpstreamPort(m_edge.port());
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 10000);
        QCOMPARE(ordersWith(id), 1);
        QCOMPARE(ordersWith({}), before + 1);
    }

    void orderInFlightSurvivesAnAppRestart()
    {
        FaultProxy proxy(m_edge.port());
        proxy.setRefusing(true);
        const QString file = m_dir.filePath(u"restart.ini"_s);
        QString id;
        {
            EdgeApi api;
            api.setBaseUrl(url(proxy.port()));
            api.setToken(m_table);
            ClientSettings settings(file);
            OrderSubmitter submitter(api, settings);
            QVERIFY(submitter.submit(QJsonArray{QJsonObject{{u"menu_item_id"_s, 3}, {u"quantity"_s, 1}}}));
            id = submitter.pendingClientOrderId().toLower();
            QTRY_COMPARE_WITH_TIMEOUT(submitter.state(), OrderSubmitter::State::Retrying, 5000);
        } // the app dies here
        proxy.setRefusing(false);
        EdgeApi api;
        api.setBaseUrl(url(proxy.port()));
        api.setToken(m_table);
        ClientSettings settings(file);
        OrderSubmitter submitter(api, settings);
        QSignalSpy accepted(&submitter, &OrderSubmitter::accepted);
        submitter.resumePending();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 10000);
        QCOMPARE(accepted.first().first().toJsonObject().value(u"client_order_id"_s).toString(), id);
        QCOMPARE(ordersWith(id), 1);
    }

    void refusedOrderIsNotRetried()
    {
        VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/7/availability"_s, {{u"available"_s, false}}, m_kitchen), 200);
        EdgeApi api;
        api.setBaseUrl(url(m_edge.port()));
        api.setToken(m_table);
        ClientSettings settings(m_dir.filePath(u"refused.ini"_s));
        OrderSubmitter submitter(api, settings);
        QSignalSpy rejected(&submitter, &OrderSubmitter::rejected);
        QVERIFY(submitter.submit(QJsonArray{QJsonObject{{u"menu_item_id"_s, 7}, {u"quantity"_s, 1}}}));
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 10000);
        QCOMPARE(submitter.errorCode(), u"ITEM_UNAVAILABLE"_s);
        QCOMPARE(submitter.unavailableItemIds(), (QVariantList{7}));
        QCOMPARE(submitter.attempt(), 1);
        QVERIFY(settings.pendingOrder().isEmpty());
        VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/7/availability"_s, {{u"available"_s, true}}, m_kitchen), 200);
    }

    void stationStreamShowsOnlyItsOrders()
    {
        EventStream bar;
        Recorder recorder(bar);
        bar.start(url(m_edge.port()), m_kitchen, {u"bar"_s});
        QTRY_VERIFY_WITH_TIMEOUT(bar.isOnline(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.count(u"snapshot"_s), 1, 5000);
        for (const QJsonValue &o : recorder.events.first().data.value(u"orders"_s).toArray()) {
            bool hasBar = false;
            for (const QJsonValue &line : o.toObject().value(u"items"_s).toArray())
                hasBar = hasBar || line.toObject().value(u"station"_s).toString() == u"bar"_s;
            QVERIFY2(hasBar, "the bar's snapshot holds only orders with a bar line");
        }
        const qint64 food = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}}), m_table)
                                    .json().value(u"id"_s).toInteger();
        const qint64 drinks = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{1, 1}, {22, 2}}), m_table)
                                      .json().value(u"id"_s).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(recorder.orderIds(u"order.created"_s).contains(drinks), 2000);
        QVERIFY(!recorder.orderIds(u"order.created"_s).contains(food));
    }
};

QTEST_GUILESS_MAIN(TestClientEdge)
#include "tst_clientedge.moc"
