#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

namespace {

constexpr int tables = 4;          // one keep-alive connection each, so 4 requests in flight
constexpr int maxAttemptsPerRound = 600;
constexpr int roundTimeoutMs = 60'000;

/// One order request as the tablet made it; `acknowledged` once a 201 or 200 came back.
struct Attempt
{
    QString clientOrderId;
    QByteArray body;
    int table = 0;
    bool acknowledged = false;
    QJsonObject order; // the acknowledged order
};

/// A tablet: one connection, one order at a time, a fresh client_order_id for each.
struct Tablet
{
    int table = 0;
    QString token;
    std::unique_ptr<QTcpSocket> socket;
    QByteArray buffer;
    qsizetype inFlight = -1; // index into the attempts, or -1
};

} // namespace

/// The crash test: tablets stream orders over real sockets, the daemon is killed with
/// SIGKILL at a random moment, and after a restart on the same data directory every order
/// that was acknowledged is there exactly once, and retrying the unacknowledged ones with
/// their client_order_id never creates anything twice.
class TestCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killWhileStreaming_data();
    void killWhileStreaming();

private:
    QByteArray request(const Attempt &attempt, const QString &token) const;
    QMap<QString, QList<QJsonObject>> ordersByClientId(bool &ok);
    void verifyStore();

    EdgeProcess m_edge{{.requestLogs = false,
                        .environment = {{u"TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS"_s, u"100000"_s}}}};
    HttpClient m_http;
    QList<QString> m_tokens; // table i + 1
    QString m_manager;
    QList<qint64> m_items;
    QList<Attempt> m_attempts; // over all rounds
};

void TestCrash::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    for (int table = 1; table <= tables; ++table)
        m_tokens.append(m_http.tableLogin(table));
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    for (const QString &token : std::as_const(m_tokens))
        QVERIFY(!token.isEmpty());
    QVERIFY(!m_manager.isEmpty());
    for (const QJsonObject &item : menuItems(m_http.get(u"/api/v1/menu"_s).json()))
        m_items.append(item.value(u"id"_s).toInteger());
    QCOMPARE(m_items.size(), 32);
}

QByteArray TestCrash::request(const Attempt &attempt, const QString &token) const
{
    return "POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(attempt.body.size()) + "\r\n\r\n" + attempt.body;
}

QMap<QString, QList<QJsonObject>> TestCrash::ordersByClientId(bool &ok)
{
    QMap<QString, QList<QJsonObject>> out;
    const HttpResult result = m_http.get(u"/api/v1/orders?limit=1000"_s, m_manager);
    ok = result.status == 200;
    if (!ok)
        qWarning("GET /orders: %s", qPrintable(result.describe()));
    for (const QJsonValue &value : result.json().value(u"orders"_s).toArray()) {
        const QJsonObject order = value.toObject();
        out[order.value(u"client_order_id"_s).toString()].append(order);
    }
    return out;
}

void TestCrash::killWhileStreaming_data()
{
    QTest::addColumn<int>("killAfter");
    QTest::addColumn<int>("extraDelayMs");
    QRandomGenerator *random = QRandomGenerator::global();
    for (int round = 1; round <= 3; ++round) {
        const int killAfter = int(random->bounded(20, 220));
        const int delay = int(random->bounded(0, 8));
        const QByteArray name = "round " + QByteArray::number(round) + ": kill -9 after "
                + QByteArray::number(killAfter) + " acknowledged orders + "
                + QByteArray::number(delay) + " ms";
        QTest::newRow(name.constData()) << killAfter << delay;
    }
}

void TestCrash::killWhileStreaming()
{
    QFETCH(int, killAfter);
    QFETCH(int, extraDelayMs);
    if (!m_edge.isRunning()) {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
    }

    QRandomGenerator *random = QRandomGenerator::global();
    QList<std::shared_ptr<Tablet>> tablets;
    int acknowledged = 0;
    int attempts = 0;
    int unexpected = 0;
    QString unexpectedText;
    bool killScheduled = false;
    bool killed = false;
    QEventLoop loop;

    auto kill = [&] {
        if (killed)
            return;
        int inFlight = 0;
        for (const auto &tablet : std::as_const(tablets))
            inFlight += tablet->inFlight >= 0 ? 1 : 0;
        qInfo("kill -9 with %d acknowledged this round, %d requests in flight", acknowledged,
              inFlight);
        m_edge.kill();
        killed = true;
    };
    auto allClosed = [&] {
        for (const auto &tablet : std::as_const(tablets)) {
            if (tablet->socket->state() != QAbstractSocket::UnconnectedState)
                return false;
        }
        return true;
    };
    auto sendNext = [&](Tablet &tablet) {
        if (killed || attempts >= maxAttemptsPerRound)
            return;
        QList<std::pair<qint64, int>> lines;
        const int lineCount = int(random->bounded(1, 4));
        for (int i = 0; i < lineCount; ++i)
            lines.append({m_items.at(int(random->bounded(qsizetype(m_items.size())))),
                          int(random->bounded(1, 6))});
        Attempt attempt;
        attempt.clientOrderId = newClientOrderId();
        attempt.body = QJsonDocument(orderBody(attempt.clientOrderId, lines))
                               .toJson(QJsonDocument::Compact);
        attempt.table = tablet.table;
        tablet.inFlight = m_attempts.size();
        m_attempts.append(attempt);
        ++attempts;
        tablet.socket->write(request(attempt, tablet.token));
    };

    for (int i = 0; i < tables; ++i) {
        auto tablet = std::make_shared<Tablet>();
        tablet->table = i + 1;
        tablet->token = m_tokens.at(i);
        tablet->socket = std::make_unique<QTcpSocket>();
        QTcpSocket *socket = tablet->socket.get();
        Tablet *t = tablet.get();
        connect(socket, &QTcpSocket::readyRead, &loop, [&, t] {
            t->buffer += t->socket->readAll();
            while (auto response = takeResponse(t->buffer, false)) {
                if (t->inFlight < 0) {
                    ++unexpected;
                    unexpectedText = u"an answer to no request: "_s + response->describe();
                    continue;
                }
                Attempt &attempt = m_attempts[t->inFlight];
                t->inFlight = -1;
                if (response->status == 201) {
                    attempt.acknowledged = true;
                    attempt.order = response->json();
                    ++acknowledged;
                } else {
                    ++unexpected;
                    unexpectedText = response->describe();
                }
                if (acknowledged >= killAfter && !killScheduled) {
                    killScheduled = true;
                    QTimer::singleShot(extraDelayMs, &loop, kill);
                }
                if (attempts >= maxAttemptsPerRound && !killScheduled) {
                    killScheduled = true;
                    QTimer::singleShot(0, &loop, kill);
                }
                sendNext(*t);
            }
        });
        connect(socket, &QTcpSocket::disconnected, &loop, [&] {
            if (killed && allClosed())
                loop.quit();
        });
        connect(socket, &QTcpSocket::errorOccurred, &loop, [&] {
            if (killed && allClosed())
                loop.quit();
        });
        socket->connectToHost(QHostAddress::LocalHost, m_edge.port());
        QVERIFY(socket->waitForConnected(5000));
        tablets.append(tablet);
    }
    for (const auto &tablet : std::as_const(tablets))
        sendNext(*tablet);

    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(roundTimeoutMs);
    QTimer poll; // a socket may have closed before `killed` was set
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (killed && allClosed())
            loop.quit();
    });
    poll.start(50);
    loop.exec();

    QVERIFY2(killed, "the daemon was not killed within the round's time limit");
    QVERIFY2(unexpected == 0,
             qPrintable(u"%1 unexpected answers, e.g. %2"_s.arg(unexpected).arg(unexpectedText)));
    QVERIFY(acknowledged >= killAfter);
    for (const auto &tablet : std::as_const(tablets))
        tablet->socket->abort();
    QVERIFY(!m_edge.isRunning());
    QCOMPARE(m_edge.exitStatus(), QProcess::CrashExit);

    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    verifyStore();
}

void TestCrash::verifyStore()
{
    bool ok = false;
    QMap<QString, QList<QJsonObject>> stored = ordersByClientId(ok);
    QVERIFY(ok);
    QSet<QString> sent;
    for (const Attempt &attempt : std::as_const(m_attempts))
        sent.insert(attempt.clientOrderId);

    // Every acknowledged order survived, exactly once and exactly as acknowledged.
    int unacknowledged = 0;
    for (const Attempt &attempt : std::as_const(m_attempts)) {
        const QList<QJsonObject> found = stored.value(attempt.clientOrderId);
        if (!attempt.acknowledged) {
            ++unacknowledged;
            QVERIFY2(found.size() <= 1, qPrintable(attempt.clientOrderId));
            continue;
        }
        QVERIFY2(found.size() == 1, qPrintable(u"acknowledged order %1 stored %2 times"_s.arg(
                                                       attempt.clientOrderId).arg(found.size())));
        QCOMPARE(found.first(), attempt.order);
    }
    // Nothing appeared that no tablet sent, and nothing twice.
    QSet<qint64> ids;
    QSet<QString> numbers;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        QVERIFY2(sent.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(it.value().size(), 1);
        const QJsonObject &order = it.value().first();
        QVERIFY(!ids.contains(order.value(u"id"_s).toInteger()));
        ids.insert(order.value(u"id"_s).toInteger());
        const QString number = order.value(u"business_date"_s).toString() + u'#'
                + QString::number(order.value(u"number"_s).toInt());
        QVERIFY2(!numbers.contains(number), qPrintable(number));
        numbers.insert(number);
    }
    QVERIFY(unacknowledged <= tables);
    qInfo("%lld orders stored, %d requests were never answered", qlonglong(stored.size()),
          unacknowledged);

    // The tablets retry what was never answered, with the same client_order_id and body.
    for (Attempt &attempt : m_attempts) {
        if (attempt.acknowledged)
            continue;
        const bool committed = stored.contains(attempt.clientOrderId);
        const HttpResult retry = m_http.send("POST", u"/api/v1/orders"_s, attempt.body,
                                             m_tokens.at(attempt.table - 1),
                                             {{"Content-Type", "application/json"}});
        VERIFY_STATUS(retry, committed ? 200 : 201);
        if (committed)
            QCOMPARE(retry.json(), stored.value(attempt.clientOrderId).first());
        attempt.acknowledged = true;
        attempt.order = retry.json();
    }
    // And a few acknowledged ones too, as a tablet that missed the answer would.
    for (qsizetype i = 0; i < m_attempts.size(); i += 37) {
        const Attempt &attempt = m_attempts.at(i);
        const HttpResult retry = m_http.send("POST", u"/api/v1/orders"_s, attempt.body,
                                             m_tokens.at(attempt.table - 1),
                                             {{"Content-Type", "application/json"}});
        VERIFY_STATUS(retry, 200);
        QCOMPARE(retry.json(), attempt.order);
    }

    stored = ordersByClientId(ok);
    QVERIFY(ok);
    QCOMPARE(stored.size(), m_attempts.size());
    for (const Attempt &attempt : std::as_const(m_attempts)) {
        QCOMPARE(stored.value(attempt.clientOrderId).size(), 1);
        QCOMPARE(stored.value(attempt.clientOrderId).first(), attempt.order);
    }
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
