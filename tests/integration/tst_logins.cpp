#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest/QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Password checks run on a worker thread with a bounded queue: orders are answered while
/// logins are being hashed, and a login flood is refused at once (503) instead of queueing
/// without end. Rate limits are off here, so every login reaches the hashing.
class TestLogins : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ordersAreAnsweredWhileLoginsHash();
    void floodIsRefusedWhenTheQueueIsFull();
    void passwordChangedDuringCheckFails();

private:
    /// One request on its own connection; responses are collected as they arrive.
    struct Exchange
    {
        std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
        QByteArray buffer;
        std::optional<HttpResult> result;
    };
    std::unique_ptr<Exchange> start(const QByteArray &request);
    static void collect(Exchange &exchange);
    static QByteArray loginRequest(const QString &username, const QString &password);

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table;
    qint64 m_item = 0;
};

void TestLogins::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(1);
    QVERIFY(!m_table.isEmpty());
    m_item = menuItems(m_http.get(u"/api/v1/menu"_s).json()).value(0).value(u"id"_s).toInteger();
    QVERIFY(m_item > 0);
}

QByteArray TestLogins::loginRequest(const QString &username, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"username"_s, username}, {u"password"_s, password}})
                                    .toJson(QJsonDocument::Compact);
    return "POST /api/v1/auth/staff-login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

std::unique_ptr<TestLogins::Exchange> TestLogins::start(const QByteArray &request)
{
    auto exchange = std::make_unique<Exchange>();
    exchange->socket->connectToHost(QHostAddress::LocalHost, m_edge.port());
    if (!exchange->socket->waitForConnected(10'000))
        return nullptr;
    exchange->socket->write(request);
    exchange->socket->flush();
    return exchange;
}

void TestLogins::collect(Exchange &exchange)
{
    if (exchange.result)
        return;
    exchange.buffer += exchange.socket->readAll();
    exchange.result = takeResponse(exchange.buffer, exchange.socket->state() != QAbstractSocket::ConnectedState);
}

void TestLogins::ordersAreAnsweredWhileLoginsHash()
{
    // Ten wrong staff passwords at once (argon2id each), then an order once the first login
    // has been answered, so the other nine are certainly queued or being hashed.
    std::vector<std::unique_ptr<Exchange>> logins;
    for (int i = 0; i < 10; ++i) {
        logins.push_back(start(loginRequest(u"kitchen"_s, u"wrong-%1"_s.arg(i))));
        QVERIFY(logins.back());
    }
    auto answered = [&logins] {
        int count = 0;
        for (auto &login : logins) {
            collect(*login);
            count += login->result.has_value();
        }
        return count;
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered() >= 1, 30'000);

    auto order = start(rawOrderRequest(m_table, QJsonDocument(orderBody(newClientOrderId(), {{m_item, 2}}))
                                                        .toJson(QJsonDocument::Compact)));
    QVERIFY(order);
    QTRY_VERIFY_WITH_TIMEOUT((collect(*order), order->result.has_value()), 30'000);
    // The order came back while logins were still waiting for their hash: the event loop
    // did not sit behind them.
    const int loginsBeforeOrder = answered();
    VERIFY_STATUS(*order->result, 201);
    QCOMPARE(order->result->json().value(u"items"_s).toArray().first().toObject().value(u"quantity"_s).toInt(), 2);
    QVERIFY2(loginsBeforeOrder < 10, qPrintable(QString::number(loginsBeforeOrder)));

    // And every login got its own answer.
    QTRY_VERIFY_WITH_TIMEOUT(answered() == 10, 30'000);
    for (auto &login : logins)
        VERIFY_ERROR(*login->result, 401, u"INVALID_CREDENTIALS"_s);
}

void TestLogins::floodIsRefusedWhenTheQueueIsFull()
{
    // Forty at once: one being hashed and sixteen waiting are all the edge takes; the rest
    // are told to come back in a second, without waiting for a hash.
    std::vector<std::unique_ptr<Exchange>> logins;
    for (int i = 0; i < 40; ++i) {
        logins.push_back(start(loginRequest(u"nobody-%1"_s.arg(i), u"guess"_s)));
        QVERIFY(logins.back());
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(logins.begin(), logins.end(), [](auto &login) {
                                 collect(*login);
                                 return login->result.has_value();
                             }),
                             60'000);
    int refused = 0;
    int checked = 0;
    for (auto &login : logins) {
        if (login->result->status == 503) {
            VERIFY_ERROR(*login->result, 503, u"UNAVAILABLE"_s);
            QCOMPARE(login->result->header("retry-after"), QByteArray("1"));
            ++refused;
        } else {
            VERIFY_ERROR(*login->result, 401, u"INVALID_CREDENTIALS"_s);
            ++checked;
        }
    }
    QVERIFY2(refused > 0 && checked >= 17, qPrintable(u"%1 refused, %2 checked"_s.arg(refused).arg(checked)));
    // The flood is over: logins work again.
    QVERIFY(!m_http.staffLogin(u"manager"_s, u"manager"_s).isEmpty());
}

void TestLogins::passwordChangedDuringCheckFails()
{
    // A password that matched the hash read before the check, after the account's hash changed
    // meanwhile, gives no token. Changing a table's password is the manager's PUT; a login
    // queued behind ten others is still waiting for its check when the change lands.
    const QString manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!manager.isEmpty());
    std::vector<std::unique_ptr<Exchange>> queue;
    for (int i = 0; i < 10; ++i) {
        queue.push_back(start(loginRequest(u"kitchen"_s, u"wrong-%1"_s.arg(i))));
        QVERIFY(queue.back());
    }
    const QByteArray body = QJsonDocument(QJsonObject{{u"table_number"_s, 2}, {u"password"_s, u"0000"_s}})
                                    .toJson(QJsonDocument::Compact);
    auto login = start("POST /api/v1/auth/table-login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                       "application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(login);
    const HttpResult tables = m_http.get(u"/api/v1/tables"_s, manager);
    VERIFY_STATUS(tables, 200);
    qint64 table2 = 0;
    for (const QJsonValue &t : tables.json().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"number"_s).toInt() == 2)
            table2 = t.toObject().value(u"id"_s).toInteger();
    }
    QVERIFY(table2 > 0);
    VERIFY_STATUS(m_http.put(u"/api/v1/tables/%1"_s.arg(table2), QJsonObject{{u"password"_s, u"5678"_s}}, manager),
                  200);
    QTRY_VERIFY_WITH_TIMEOUT((collect(*login), login->result.has_value()), 30'000);
    if (login->result->status == 200)
        QSKIP("the login was checked before the password change landed (machine too fast to race)");
    VERIFY_ERROR(*login->result, 401, u"INVALID_CREDENTIALS"_s);
    QVERIFY(!login->result->body.contains("token"));
    QVERIFY(!m_http.tableLogin(2, u"5678"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestLogins)
#include "tst_logins.moc"
