#include "http/ratelimiter.h"

#include <QDeadlineTimer>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using tableorder::http::RateLimiter;

/// Token buckets: a full bucket allows `limit` requests at once, then answers with the
/// whole seconds until the next token; keys do not share buckets.
class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void burstThenRetryAfter_data();
    void burstThenRetryAfter();
    void keysAreIndependent();
    void disabledAllowsEverything();
    void noLimitMeansUnlimited();
    void refillsOverTime();
};

void TestRateLimiter::burstThenRetryAfter_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("maxRetry");
    QTest::newRow("logins, 5 per minute") << 5 << 60 << 12;
    QTest::newRow("orders, 30 per minute") << 30 << 60 << 2;
    QTest::newRow("requests, 600 per minute") << 600 << 60 << 1;
    QTest::newRow("one per hour") << 1 << 3600 << 3600;
}

void TestRateLimiter::burstThenRetryAfter()
{
    QFETCH(int, limit);
    QFETCH(int, window);
    QFETCH(int, maxRetry);
    RateLimiter limiter;
    for (int i = 0; i < limit; ++i)
        QVERIFY2(!limiter.take(u"key"_s, limit, window).has_value(), qPrintable(QString::number(i)));
    const auto retry = limiter.take(u"key"_s, limit, window);
    QVERIFY(retry.has_value());
    QVERIFY2(*retry >= 1 && *retry <= maxRetry, qPrintable(QString::number(*retry)));
    // Refused requests take nothing: the answer does not grow with each retry.
    const auto again = limiter.take(u"key"_s, limit, window);
    QVERIFY(again.has_value());
    QVERIFY(*again <= *retry);
}

void TestRateLimiter::keysAreIndependent()
{
    RateLimiter limiter;
    for (int i = 0; i < 5; ++i)
        QVERIFY(!limiter.take(u"login-ip:127.0.0.1"_s, 5, 60).has_value());
    QVERIFY(limiter.take(u"login-ip:127.0.0.1"_s, 5, 60).has_value());
    QVERIFY(!limiter.take(u"login-ip:127.0.0.2"_s, 5, 60).has_value());
    QVERIFY(!limiter.take(u"login-account:table:1"_s, 5, 60).has_value());
}

void TestRateLimiter::disabledAllowsEverything()
{
    RateLimiter limiter;
    QVERIFY(limiter.isEnabled());
    limiter.setEnabled(false);
    QVERIFY(!limiter.isEnabled());
    for (int i = 0; i < 1000; ++i)
        QVERIFY(!limiter.take(u"key"_s, 5, 60).has_value());
}

void TestRateLimiter::noLimitMeansUnlimited()
{
    RateLimiter limiter;
    for (int i = 0; i < 100; ++i)
        QVERIFY(!limiter.take(u"key"_s, 0, 60).has_value());
}

void TestRateLimiter::refillsOverTime()
{
    RateLimiter limiter;
    QVERIFY(!limiter.take(u"key"_s, 2, 1).has_value());
    QVERIFY(!limiter.take(u"key"_s, 2, 1).has_value());
    const auto retry = limiter.take(u"key"_s, 2, 1);
    QVERIFY(retry.has_value());
    QCOMPARE(*retry, 1);
    // Two tokens per second: one is back within about half a second.
    QDeadlineTimer deadline(5000);
    bool allowed = false;
    while (!allowed && !deadline.hasExpired()) {
        QTest::qWait(20);
        allowed = !limiter.take(u"key"_s, 2, 1).has_value();
    }
    QVERIFY(allowed);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
