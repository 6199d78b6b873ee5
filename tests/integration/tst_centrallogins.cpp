#include "centralprocess.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Central's HQ login limits behind nginx (`--trusted-proxy 127.0.0.1`): failures counted per
/// account and per real client, the client taken from X-Forwarded-For only when the connection
/// comes from the trusted proxy (the right-most address that is not a proxy), never from
/// anyone else; successes never count.
class TestCentralLogins : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void behindProxyLimitsPerRealClient();
    void headerIgnoredFromUntrustedPeer();
    void accountLockSparesOtherAccounts();
    void successesAreNotCounted();
    void accessLogNamesTheRealClient();

private:
    /// POST /api/v1/auth/login from `from`, with X-Forwarded-For when `forwardedFor` is set.
    HttpResult login(const QHostAddress &from, const QByteArray &forwardedFor, const QString &username,
                     const QString &password);
    static void verifyRateLimited(const HttpResult &result);

    CentralProcess m_central{{.rateLimits = true,
                              .requestLogs = true,
                              .arguments = {u"--trusted-proxy"_s, u"127.0.0.1"_s, u"--log-json"_s}}};
    const QHostAddress m_nginx{u"127.0.0.1"_s};
};

void TestCentralLogins::initTestCase()
{
    VERIFY_CENTRAL_STARTED(m_central);
    QTcpSocket probe;
    if (!probe.bind(QHostAddress(u"127.0.0.2"_s)))
        QSKIP("cannot bind to 127.0.0.2 on this machine");
    QByteArray output;
    const int code = CentralProcess::runAdmin({u"user"_s, u"add"_s, u"--db"_s, m_central.databaseUrl(), u"--org"_s,
                                               u"demo"_s, u"--username"_s, u"second"_s, u"--role"_s, u"hq_admin"_s},
                                              "second-password\n", &output);
    QVERIFY2(code == 0, output.constData());
}

HttpResult TestCentralLogins::login(const QHostAddress &from, const QByteArray &forwardedFor,
                                    const QString &username, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"username"_s, username}, {u"password"_s, password}})
                                    .toJson(QJsonDocument::Compact);
    QByteArray request = "POST /api/v1/auth/login HTTP/1.1\r\nHost: hq.example.com\r\n"
                         "Content-Type: application/json\r\nConnection: close\r\n";
    if (!forwardedFor.isNull())
        request += "X-Forwarded-For: " + forwardedFor + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return HttpClient::raw(m_central.port(), request, 15'000, from);
}

void TestCentralLogins::verifyRateLimited(const HttpResult &result)
{
    VERIFY_ERROR(result, 429, u"RATE_LIMITED"_s);
    bool ok = false;
    const int retryAfter = result.header("retry-after").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 60, result.header("retry-after").constData());
    QCOMPARE(result.errorDetails().value(u"retry_after"_s).toInt(), retryAfter);
    QVERIFY(!result.body.contains("token"));
}

void TestCentralLogins::behindProxyLimitsPerRealClient()
{
    // Someone on the internet tries four passwords at each of five accounts through nginx...
    for (int attempt = 0; attempt < 20; ++attempt)
        VERIFY_ERROR(login(m_nginx, "203.0.113.7", u"ghost-%1"_s.arg(attempt / 4), u"guess"_s), 401,
                     u"INVALID_CREDENTIALS"_s);
    // ...and is locked out, even with a real password, and however they dress the header up
    // (nginx appends the address it saw to whatever the client sent).
    verifyRateLimited(login(m_nginx, "203.0.113.7", u"hq"_s, u"hq"_s));
    verifyRateLimited(login(m_nginx, "10.9.9.9, 203.0.113.7", u"hq"_s, u"hq"_s));
    if (QTest::currentTestFailed())
        return;
    // Everybody else behind the same nginx is not.
    VERIFY_STATUS(login(m_nginx, "198.51.100.20", u"hq"_s, u"hq"_s), 200);
    VERIFY_STATUS(login(m_nginx, "203.0.113.7, 198.51.100.21", u"hq"_s, u"hq"_s), 200);
}

void TestCentralLogins::headerIgnoredFromUntrustedPeer()
{
    // A client that connects directly (not through the proxy) cannot pick its address.
    const QHostAddress direct(u"127.0.0.2"_s);
    for (int attempt = 0; attempt < 20; ++attempt)
        VERIFY_ERROR(login(direct, u"192.0.2.%1"_s.arg(attempt).toLatin1(), u"ghost-%1"_s.arg(10 + attempt / 4),
                           u"guess"_s),
                     401, u"INVALID_CREDENTIALS"_s);
    verifyRateLimited(login(direct, "192.0.2.200", u"hq"_s, u"hq"_s));
    if (QTest::currentTestFailed())
        return;
    // Those addresses were never counted: behind the proxy they are fine.
    VERIFY_STATUS(login(m_nginx, "192.0.2.1", u"hq"_s, u"hq"_s), 200);
}

void TestCentralLogins::accountLockSparesOtherAccounts()
{
    for (int attempt = 0; attempt < 5; ++attempt)
        VERIFY_ERROR(login(m_nginx, "198.51.100.30", u"second"_s, u"guess-%1"_s.arg(attempt)), 401,
                     u"INVALID_CREDENTIALS"_s);
    // The account is locked from every client, right password or not...
    verifyRateLimited(login(m_nginx, "198.51.100.31", u"second"_s, u"second-password"_s));
    if (QTest::currentTestFailed())
        return;
    // ...and every other HQ user still logs in, from the guessing client too.
    VERIFY_STATUS(login(m_nginx, "198.51.100.30", u"hq"_s, u"hq"_s), 200);
}

void TestCentralLogins::successesAreNotCounted()
{
    // One office laptop, twelve logins in a row.
    for (int i = 0; i < 12; ++i)
        VERIFY_STATUS(login(m_nginx, "198.51.100.40", u"hq"_s, u"hq"_s), 200);
}

void TestCentralLogins::accessLogNamesTheRealClient()
{
    VERIFY_STATUS(login(m_nginx, "198.51.100.77", u"hq"_s, u"hq"_s), 200);
    QTRY_VERIFY2(m_central.log().contains("\"peer\":\"198.51.100.77\""), m_central.log().right(2000).constData());
    // What an untrusted peer claims never reaches the log.
    VERIFY_STATUS(login(QHostAddress(u"127.0.0.3"_s), "198.51.100.78", u"hq"_s, u"hq"_s), 200);
    QTRY_VERIFY2(m_central.log().contains("\"peer\":\"127.0.0.3\""), m_central.log().right(2000).constData());
    QVERIFY(!m_central.log().contains("198.51.100.78"));
}

QTEST_GUILESS_MAIN(TestCentralLogins)
#include "tst_centrallogins.moc"
