#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Rate limits with the daemon's limits on: failed logins (the defaults: an account locked after
/// 5, a client address after 20; successes never count), orders per table and requests per
/// token (lowered here to 3 and 5 per minute). A limited request is 429 RATE_LIMITED with
/// Retry-After, and does nothing.
class TestRateLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void accountLockSparesOtherAccounts();
    void successesAreNotCounted();
    void clientLimitSpansAccounts();
    void ordersPerTable();
    void requestsPerToken();

private:
    HttpResult login(const QHostAddress &from, int table, const QString &password);
    void verifyRateLimited(const HttpResult &result, int maxRetryAfter = 60);

    EdgeProcess m_edge{{.rateLimits = true,
                        .environment = {{u"TABLEORDER_RATE_ORDERS_PER_MINUTE"_s, u"3"_s},
                                        {u"TABLEORDER_RATE_REQUESTS_PER_MINUTE"_s, u"5"_s}}}};
    HttpClient m_http;
    QString m_table3;
    QString m_table4;
    qint64 m_item = 0;
};

void TestRateLimits::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_item = menuItems(m_http.get(u"/api/v1/menu"_s).json()).value(0).value(u"id"_s).toInteger();
    QVERIFY(m_item > 0);
    // Other loopback addresses stand in for other tablets; Linux routes all of 127/8.
    QTcpSocket probe;
    if (!probe.bind(QHostAddress(u"127.0.0.2"_s)))
        QSKIP("cannot bind to 127.0.0.2 on this machine");
}

HttpResult TestRateLimits::login(const QHostAddress &from, int table, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"table_number"_s, table},
                                                      {u"password"_s, password}})
                                    .toJson(QJsonDocument::Compact);
    const QByteArray request = "POST /api/v1/auth/table-login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Content-Type: application/json\r\nConnection: close\r\n"
                               "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return HttpClient::raw(m_edge.port(), request, 15'000, from);
}

void TestRateLimits::verifyRateLimited(const HttpResult &result, int maxRetryAfter)
{
    VERIFY_ERROR(result, 429, u"RATE_LIMITED"_s);
    bool ok = false;
    const int retryAfter = result.header("retry-after").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= maxRetryAfter, result.header("retry-after").constData());
    QCOMPARE(result.errorDetails().value(u"retry_after"_s).toInt(), retryAfter);
}

void TestRateLimits::accountLockSparesOtherAccounts()
{
    const QHostAddress first(u"127.0.0.1"_s);
    const QHostAddress second(u"127.0.0.2"_s);
    const QHostAddress third(u"127.0.0.3"_s);

    // Bodies that fail validation are not login attempts and use up nothing.
    for (int attempt = 0; attempt < 8; ++attempt)
        VERIFY_ERROR(login(first, 0, u"0000"_s), 400, u"VALIDATION_FAILED"_s);
    // Someone guesses table 1's password from one address: five tries, then 429.
    for (int attempt = 0; attempt < 5; ++attempt)
        VERIFY_ERROR(login(first, 1, u"%1"_s.arg(1000 + attempt)), 401, u"INVALID_CREDENTIALS"_s);
    const HttpResult limited = login(first, 1, u"0000"_s);
    verifyRateLimited(limited, 30);
    QVERIFY2(!limited.body.contains("token"), limited.body.constData());
    if (QTest::currentTestFailed())
        return;
    // The account is locked from every address, even with the right password...
    verifyRateLimited(login(second, 1, u"0000"_s), 30);
    if (QTest::currentTestFailed())
        return;
    // ...and only the account: the guessing address still logs in to its own table.
    const HttpResult three = login(first, 3, u"0000"_s);
    VERIFY_STATUS(three, 200);
    m_table3 = three.json().value(u"token"_s).toString();
    const HttpResult four = login(third, 4, u"0000"_s);
    VERIFY_STATUS(four, 200);
    m_table4 = four.json().value(u"token"_s).toString();
}

void TestRateLimits::successesAreNotCounted()
{
    // A manager sets up twelve tablets from one laptop (tables 2 to 12, then 2 again), with a
    // typo on the way: every right password is accepted.
    const QHostAddress laptop(u"127.0.0.5"_s);
    VERIFY_ERROR(login(laptop, 5, u"000"_s), 401, u"INVALID_CREDENTIALS"_s);
    for (int i = 0; i < 12; ++i) {
        const int table = 2 + i % 11;
        const HttpResult result = login(laptop, table, u"0000"_s);
        VERIFY_STATUS(result, 200);
        QCOMPARE(result.json().value(u"table"_s).toObject().value(u"number"_s).toInt(), table);
    }
    // A success clears the account: four more typos do not lock table 5.
    for (int attempt = 0; attempt < 4; ++attempt)
        VERIFY_ERROR(login(laptop, 5, u"1111"_s), 401, u"INVALID_CREDENTIALS"_s);
    VERIFY_STATUS(login(laptop, 5, u"0000"_s), 200);
}

void TestRateLimits::clientLimitSpansAccounts()
{
    // One phone guesses four passwords at each of five tables: under every account's limit,
    // and the twentieth failure locks the phone for every account (its own table too).
    const QHostAddress phone(u"127.0.0.6"_s);
    for (int attempt = 0; attempt < 20; ++attempt)
        VERIFY_ERROR(login(phone, 6 + attempt / 4, u"%1"_s.arg(2000 + attempt)), 401, u"INVALID_CREDENTIALS"_s);
    verifyRateLimited(login(phone, 11, u"0000"_s), 60);
    if (QTest::currentTestFailed())
        return;
    // Those tables are not locked for anyone else.
    VERIFY_STATUS(login(QHostAddress(u"127.0.0.7"_s), 6, u"0000"_s), 200);
}

void TestRateLimits::ordersPerTable()
{
    QVERIFY(!m_table3.isEmpty() && !m_table4.isEmpty());
    for (int i = 0; i < 3; ++i)
        VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_item, 1}}),
                                  m_table3),
                      201);
    const QStringList before = databaseState(m_edge.databasePath());
    verifyRateLimited(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_item, 1}}),
                                  m_table3));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    // The limit is per table.
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{m_item, 1}}),
                              m_table4),
                  201);
}

void TestRateLimits::requestsPerToken()
{
    QVERIFY(!m_table4.isEmpty());
    // Refused requests (403) do not count.
    for (int i = 0; i < 3; ++i)
        VERIFY_ERROR(m_http.get(u"/api/v1/tables"_s, m_table4), 403, u"FORBIDDEN"_s);
    for (int i = 0; i < 5; ++i)
        VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, m_table4), 200);
    verifyRateLimited(m_http.get(u"/api/v1/orders"_s, m_table4));
    if (QTest::currentTestFailed())
        return;
    // Per token: table 3 has its own budget; the public menu has none.
    VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, m_table3), 200);
    VERIFY_STATUS(m_http.get(u"/api/v1/menu"_s), 200);
}

QTEST_GUILESS_MAIN(TestRateLimits)
#include "tst_ratelimits.moc"
