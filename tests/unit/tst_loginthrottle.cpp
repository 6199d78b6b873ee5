#include "http/loginthrottle.h"
#include "http/trustedproxies.h"

#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using tableorder::http::LoginThrottle;
using tableorder::http::TrustedProxies;

/// Failed-login limits (per account and per client, exponential lock, successes free) and
/// the client address behind trusted proxies.
class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void accountLockDoubles();
    void successesAreFree();
    void clientLimitSpansAccounts();
    void abandonedCountsForNothing();
    void forgottenAfterQuietPeriod();
    void disabledAllowsEverything();
    void keyTableIsBounded();
    void parallelAttemptsWait();
    void clientAddress_data();
    void clientAddress();
    void badProxyList_data();
    void badProxyList();
};

namespace {
/// One failed login: begin() lets it through, then the password was wrong.
bool fail(LoginThrottle &throttle, const QString &account, const QString &client)
{
    if (throttle.begin(account, client).has_value())
        return false;
    throttle.failed(account, client);
    return true;
}
} // namespace

void TestLoginThrottle::accountLockDoubles()
{
    LoginThrottle throttle;
    for (int i = 0; i < 5; ++i)
        QVERIFY2(fail(throttle, u"table:1"_s, u"10.0.0.%1"_s.arg(i)), qPrintable(QString::number(i)));
    // Locked for 30 s from every address, whatever the password would have been.
    QCOMPARE(throttle.begin(u"table:1"_s, u"10.0.0.9"_s).value_or(0), 30);
    QCOMPARE(throttle.begin(u"table:1"_s, u"10.0.0.9"_s).value_or(0), 30); // refusals count nothing
    QVERIFY(!throttle.begin(u"table:2"_s, u"10.0.0.1"_s).has_value());
    throttle.abandoned(u"table:2"_s, u"10.0.0.1"_s);
    // Each failure after the lock doubles it: 30, 60, 120 ... up to 900 s.
    const int expected[] = {60, 120, 240, 480, 900, 900};
    for (int lock : expected) {
        throttle.advance(qint64(*throttle.begin(u"table:1"_s, u"10.0.0.9"_s)) * 1000);
        QVERIFY(fail(throttle, u"table:1"_s, u"10.0.1.%1"_s.arg(lock)));
        QCOMPARE(throttle.begin(u"table:1"_s, u"10.0.0.9"_s).value_or(0), lock);
    }
}

void TestLoginThrottle::successesAreFree()
{
    LoginThrottle throttle;
    // A manager pairing twelve tablets from one laptop, with two typos on the way.
    for (int table = 1; table <= 12; ++table) {
        if (table % 5 == 0)
            QVERIFY(fail(throttle, u"table:%1"_s.arg(table), u"laptop"_s));
        QVERIFY(!throttle.begin(u"table:%1"_s.arg(table), u"laptop"_s).has_value());
        throttle.succeeded(u"table:%1"_s.arg(table), u"laptop"_s);
    }
    // A success clears the account: four more failures do not lock it.
    for (int i = 0; i < 4; ++i)
        QVERIFY(fail(throttle, u"table:1"_s, u"laptop"_s));
    QVERIFY(!throttle.begin(u"table:1"_s, u"laptop"_s).has_value());
}

void TestLoginThrottle::clientLimitSpansAccounts()
{
    LoginThrottle throttle;
    // Four guesses at each of five tables stay under the account limit and reach the client's.
    for (int i = 0; i < 20; ++i)
        QVERIFY(fail(throttle, u"table:%1"_s.arg(100 + i / 4), u"phone"_s));
    QCOMPARE(throttle.begin(u"table:200"_s, u"phone"_s).value_or(0), 60);
    QVERIFY(!throttle.begin(u"table:200"_s, u"tablet"_s).has_value());
    // The guest's own table's right password does not wipe the client's failures.
    throttle.advance(60'000);
    QVERIFY(!throttle.begin(u"table:7"_s, u"phone"_s).has_value());
    throttle.succeeded(u"table:7"_s, u"phone"_s);
    QVERIFY(fail(throttle, u"table:300"_s, u"phone"_s));
    QCOMPARE(throttle.begin(u"table:301"_s, u"phone"_s).value_or(0), 120);
}

void TestLoginThrottle::abandonedCountsForNothing()
{
    LoginThrottle throttle;
    for (int i = 0; i < 50; ++i) {
        QVERIFY(!throttle.begin(u"staff:kitchen"_s, u"10.0.0.1"_s).has_value());
        throttle.abandoned(u"staff:kitchen"_s, u"10.0.0.1"_s);
    }
    QVERIFY(!throttle.begin(u"staff:kitchen"_s, u"10.0.0.1"_s).has_value());
}

void TestLoginThrottle::forgottenAfterQuietPeriod()
{
    LoginThrottle throttle;
    for (int i = 0; i < 4; ++i)
        QVERIFY(fail(throttle, u"hq:admin"_s, u"10.0.0.1"_s));
    throttle.advance(qint64(86'400 + 1) * 1000);
    for (int i = 0; i < 4; ++i)
        QVERIFY(fail(throttle, u"hq:admin"_s, u"10.0.0.2"_s));
    QVERIFY(!throttle.begin(u"hq:admin"_s, u"10.0.0.3"_s).has_value());
}

void TestLoginThrottle::disabledAllowsEverything()
{
    LoginThrottle throttle;
    throttle.setEnabled(false);
    for (int i = 0; i < 100; ++i)
        QVERIFY(fail(throttle, u"table:1"_s, u"10.0.0.1"_s));
}

void TestLoginThrottle::keyTableIsBounded()
{
    LoginThrottle::Settings settings;
    settings.maxKeys = 100;
    settings.client.lockAfterFailures = 1'000'000;
    LoginThrottle throttle(settings);
    QVERIFY(fail(throttle, u"table:1"_s, u"10.0.0.1"_s));
    for (int i = 0; i < 4; ++i)
        QVERIFY(fail(throttle, u"table:1"_s, u"10.0.0.1"_s));
    QVERIFY(throttle.begin(u"table:1"_s, u"10.0.0.1"_s).has_value());
    // A flood of made-up names pushes out the oldest keys and never grows the table past 100.
    throttle.advance(1000);
    for (int i = 0; i < 1000; ++i) {
        throttle.advance(1);
        QVERIFY(fail(throttle, u"made-up:%1"_s.arg(i), u"10.0.0.2"_s));
    }
    // The price of the bound: table 1's lock was the oldest key and is gone.
    QVERIFY(!throttle.begin(u"table:1"_s, u"10.0.0.3"_s).has_value());
}

void TestLoginThrottle::parallelAttemptsWait()
{
    LoginThrottle throttle;
    for (int i = 0; i < 4; ++i)
        QVERIFY(fail(throttle, u"table:1"_s, u"10.0.0.1"_s));
    // The fifth guess is being checked: a sixth at the same time waits for its answer.
    QVERIFY(!throttle.begin(u"table:1"_s, u"10.0.0.1"_s).has_value());
    QCOMPARE(throttle.begin(u"table:1"_s, u"10.0.0.2"_s).value_or(0), 1);
    throttle.failed(u"table:1"_s, u"10.0.0.1"_s);
    QCOMPARE(throttle.begin(u"table:1"_s, u"10.0.0.2"_s).value_or(0), 30);
    // Below the limit, attempts run side by side.
    for (int i = 0; i < 5; ++i)
        QVERIFY(!throttle.begin(u"table:2"_s, u"10.0.0.3"_s).has_value());
}

void TestLoginThrottle::clientAddress_data()
{
    QTest::addColumn<QString>("trusted");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("forwardedFor");
    QTest::addColumn<QString>("client");
    QTest::newRow("no proxy trusted: header ignored") << QString() << u"127.0.0.1"_s
                                                      << QByteArray("203.0.113.7") << u"127.0.0.1"_s;
    QTest::newRow("untrusted peer: header ignored") << u"127.0.0.1"_s << u"10.1.2.3"_s
                                                    << QByteArray("203.0.113.7") << u"10.1.2.3"_s;
    QTest::newRow("nginx $proxy_add_x_forwarded_for") << u"127.0.0.1"_s << u"127.0.0.1"_s
                                                      << QByteArray("203.0.113.7") << u"203.0.113.7"_s;
    QTest::newRow("client's own claim on the left is skipped")
            << u"127.0.0.1"_s << u"127.0.0.1"_s << QByteArray("1.2.3.4, 203.0.113.7") << u"203.0.113.7"_s;
    QTest::newRow("chain of trusted proxies") << u"127.0.0.1, 10.0.0.0/8"_s << u"127.0.0.1"_s
                                              << QByteArray("198.51.100.9,10.0.0.5 , 10.2.0.1")
                                              << u"198.51.100.9"_s;
    QTest::newRow("garbage stops at the last trusted hop")
            << u"127.0.0.1 10.0.0.0/8"_s << u"127.0.0.1"_s << QByteArray("<script>, 10.0.0.5") << u"10.0.0.5"_s;
    QTest::newRow("trusted peer without header") << u"127.0.0.1"_s << u"127.0.0.1"_s << QByteArray()
                                                 << u"127.0.0.1"_s;
    QTest::newRow("IPv6 with brackets and port") << u"::1"_s << u"::1"_s << QByteArray("[2001:db8::7]:443")
                                                 << u"2001:db8::7"_s;
    QTest::newRow("IPv4 with port") << u"::1"_s << u"::1"_s << QByteArray("203.0.113.7:5555") << u"203.0.113.7"_s;
    QTest::newRow("IPv4-mapped peer") << u"127.0.0.1"_s << u"::ffff:127.0.0.1"_s << QByteArray("203.0.113.7")
                                      << u"203.0.113.7"_s;
}

void TestLoginThrottle::clientAddress()
{
    QFETCH(QString, trusted);
    QFETCH(QString, peer);
    QFETCH(QByteArray, forwardedFor);
    QFETCH(QString, client);
    auto proxies = TrustedProxies::parse(trusted);
    QVERIFY(proxies.has_value());
    QCOMPARE(proxies->clientAddress(QHostAddress(peer), forwardedFor), QHostAddress(client));
}

void TestLoginThrottle::badProxyList_data()
{
    QTest::addColumn<QString>("list");
    QTest::newRow("host name") << u"proxy.local"_s;
    QTest::newRow("bad prefix") << u"10.0.0.0/33"_s;
    QTest::newRow("one bad among good") << u"127.0.0.1, 300.1.1.1"_s;
}

void TestLoginThrottle::badProxyList()
{
    QFETCH(QString, list);
    const auto parsed = TrustedProxies::parse(list);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().details.toObject().value(u"field"_s).toString(), u"trusted-proxy"_s);
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
