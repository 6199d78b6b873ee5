// The edge's orders are flushed to disk on a thread of their own (db::WalFlusher), so the
// event loop keeps reading and answering while the disk works. Tested against the real daemon
// with its flushes slowed to seconds by an LD_PRELOAD shim (tests/support/slowflush.cpp):
// while an order's flush runs, other requests are answered; the order's 201, its events and
// its place in replays all come after the flush; an event committed meanwhile by another
// change still follows it in seq order; responses on one connection keep request order; an
// order whose flush was cut by kill -9 is taken exactly once when the tablet retries.

#include "edgeprocess.h"
#include "httpclient.h"
#include "sseclient.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

namespace {
constexpr int kFlushMs = 3000; // how long each slowed flush takes: far above any request's time
}

class TestWalFlusher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void answersAndEventsWhileTheDiskFlushes();
    void responsesKeepRequestOrder();
    void retryAfterKillDuringFlushTakesTheOrderOnce();

private:
    [[nodiscard]] bool slowFlushes(bool on);
    [[nodiscard]] int flushesStarted() const;
    [[nodiscard]] bool waitForFlushStart(int before);
    [[nodiscard]] qint64 itemId(int index) const { return m_items.at(index).value(u"id"_s).toInteger(); }
    QNetworkReply *postOrder(QNetworkAccessManager &nam, const QJsonObject &body);

    QTemporaryDir m_scratch;
    std::unique_ptr<EdgeProcess> m_edge;
    HttpClient m_http;
    QString m_table;
    QString m_kitchen;
    QList<QJsonObject> m_items;
};

void TestWalFlusher::init()
{
    QVERIFY(m_scratch.isValid());
    QFile::remove(m_scratch.filePath(u"slow"_s));
    QFile::remove(m_scratch.filePath(u"flushes.log"_s));
    EdgeProcess::Options options;
    options.environment = {{u"LD_PRELOAD"_s, QStringLiteral(TABLEORDER_SLOWFLUSH)},
                           {u"SLOWFLUSH_SWITCH"_s, m_scratch.filePath(u"slow"_s)},
                           {u"SLOWFLUSH_LOG"_s, m_scratch.filePath(u"flushes.log"_s)},
                           {u"SLOWFLUSH_MS"_s, QString::number(kFlushMs)}};
    m_edge = std::make_unique<EdgeProcess>(options);
    VERIFY_STARTED(*m_edge);
    m_http.setPort(m_edge->port());
    m_table = m_http.tableLogin(1);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty());
    m_items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QVERIFY(m_items.size() >= 2);
}

void TestWalFlusher::cleanup()
{
    m_edge.reset();
}

bool TestWalFlusher::slowFlushes(bool on)
{
    QFile toggle(m_scratch.filePath(u"slow"_s));
    return on ? toggle.open(QIODevice::WriteOnly) : (!toggle.exists() || toggle.remove());
}

int TestWalFlusher::flushesStarted() const
{
    QFile log(m_scratch.filePath(u"flushes.log"_s));
    return log.open(QIODevice::ReadOnly) ? int(log.readAll().count("flush\n")) : 0;
}

bool TestWalFlusher::waitForFlushStart(int before)
{
    QElapsedTimer timer;
    timer.start();
    while (flushesStarted() <= before && timer.elapsed() < 20'000)
        QTest::qWait(5);
    return flushesStarted() > before;
}

QNetworkReply *TestWalFlusher::postOrder(QNetworkAccessManager &nam, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/api/v1/orders"_s.arg(m_edge->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + m_table.toUtf8());
    return nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

/// The heart of the change: a slow disk no longer stops the store.
void TestWalFlusher::answersAndEventsWhileTheDiskFlushes()
{
    SseClient kitchen;
    kitchen.open(m_edge->port(), {m_kitchen});
    QVERIFY(kitchen.waitForOpen());
    QVERIFY(kitchen.waitForEvent([](const StreamEvent &e) { return e.type == u"snapshot"_s; }));
    const qint64 before = kitchen.lastSeq();

    QVERIFY(slowFlushes(true));
    const int flushes = flushesStarted();
    QNetworkAccessManager nam;
    const QJsonObject body = orderBody(newClientOrderId(), {{itemId(0), 1}});
    std::unique_ptr<QNetworkReply> reply(postOrder(nam, body));
    QVERIFY2(waitForFlushStart(flushes), "the order's commit never reached the flusher thread");

    // The order is committed and its flush is under way (seconds). Meanwhile the daemon reads
    // and answers other requests...
    VERIFY_STATUS(m_http.get(u"/api/v1/menu"_s), 200);
    VERIFY_STATUS(m_http.get(u"/healthz"_s), 200);
    // ...and writes other changes, durable on their own (synchronous=FULL, not slowed).
    VERIFY_STATUS(m_http.patch(u"/api/v1/menu/items/%1/availability"_s.arg(itemId(1)),
                               {{u"available"_s, false}}, m_kitchen),
                  200);
    // A stream opened now from the kitchen's cursor replays nothing of the unflushed order.
    SseClient late;
    late.open(m_edge->port(), {m_kitchen, false, before});
    QVERIFY(late.waitForOpen());
    QTest::qWait(200);
    QCoreApplication::processEvents();

    // Nobody has heard of the order yet: no 201, no event, no replay, and the availability
    // change committed after it waits behind it.
    QVERIFY2(!reply->isFinished(), "the 201 came before the order's flush returned");
    QVERIFY(kitchen.eventsAfterSeq(before).isEmpty());
    QVERIFY(late.eventsAfterSeq(before).isEmpty());
    QCOMPARE(flushesStarted(), flushes + 1); // still the same flush

    // After the flush: the 201, then both events, in seq order, on both streams.
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    const qint64 orderId = QJsonDocument::fromJson(reply->readAll()).object().value(u"id"_s).toInteger();
    QVERIFY(orderId > 0);
    for (SseClient *stream : {&kitchen, &late}) {
        QVERIFY(stream->waitForEvent([](const StreamEvent &e) {
            return e.type == u"menu.item_availability_changed"_s;
        }, 15'000));
        const QList<StreamEvent> after = stream->eventsAfterSeq(before);
        QStringList types;
        for (const StreamEvent &e : after)
            types.append(e.type);
        QVERIFY2(types.indexOf(u"order.created"_s) >= 0
                         && types.indexOf(u"order.created"_s) < types.indexOf(u"menu.item_availability_changed"_s),
                 qPrintable(types.join(u", "_s)));
        QCOMPARE(after.first().data().value(u"id"_s).toInteger(), orderId);
        QVERIFY2(stream->protocolErrors().isEmpty(), qPrintable(stream->protocolErrors().join(u"; "_s)));
    }
}

/// A request answered during another's flush still waits for it on its connection.
void TestWalFlusher::responsesKeepRequestOrder()
{
    QVERIFY(slowFlushes(true));
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_edge->port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray order = rawOrderRequest(
            m_table, QJsonDocument(orderBody(newClientOrderId(), {{itemId(0), 1}})).toJson(QJsonDocument::Compact));
    socket.write(order + "GET /api/v1/menu HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (received.count("HTTP/1.1 ") < 2 && timer.elapsed() < 30'000) {
        if (socket.waitForReadyRead(100))
            received += socket.readAll();
    }
    const qsizetype first = received.indexOf("HTTP/1.1 ");
    const qsizetype second = received.indexOf("HTTP/1.1 ", first + 1);
    QVERIFY2(first >= 0 && second > first, received.left(300).constData());
    QCOMPARE(received.mid(first, 12), QByteArray("HTTP/1.1 201"));
    QCOMPARE(received.mid(second, 12), QByteArray("HTTP/1.1 200"));
}

/// The tablet never heard back (the daemon died during the flush); its retry with the same
/// client_order_id gets one order, whatever survived.
void TestWalFlusher::retryAfterKillDuringFlushTakesTheOrderOnce()
{
    QVERIFY(slowFlushes(true));
    const int flushes = flushesStarted();
    const QJsonObject body = orderBody(newClientOrderId(), {{itemId(0), 2}});
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> reply(postOrder(nam, body));
    QVERIFY(waitForFlushStart(flushes));
    m_edge->kill();
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    QVERIFY(reply->error() != QNetworkReply::NoError); // no answer: the tablet will retry

    QVERIFY(slowFlushes(false));
    VERIFY_STARTED(*m_edge);
    m_http.setPort(m_edge->port());
    const HttpResult retried = m_http.post(u"/api/v1/orders"_s, body, m_table);
    QVERIFY2(retried.status == 201 || retried.status == 200, qPrintable(retried.describe()));
    const HttpResult again = m_http.post(u"/api/v1/orders"_s, body, m_table);
    QVERIFY2(again.status == 200 || again.status == 201, qPrintable(again.describe()));
    QCOMPARE(again.json().value(u"id"_s), retried.json().value(u"id"_s));
    const QJsonArray orders = m_http.get(u"/api/v1/orders"_s, m_kitchen).json().value(u"orders"_s).toArray();
    int matching = 0;
    for (const QJsonValue &order : orders)
        matching += order.toObject().value(u"client_order_id"_s) == body.value(u"client_order_id"_s) ? 1 : 0;
    QCOMPARE(matching, 1);
}

QTEST_MAIN(TestWalFlusher)
#include "tst_walflusher.moc"
