#include "ssestream.h"
#include "synckit.h"
#include "testsupport.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// HQ token revocation against the real central: the admin commands (another process)
/// change a user's password, role or disable them, and the running central turns the old
/// tokens away (401 TOKEN_REVOKED) and ends their live feeds; logout revokes one token;
/// HQ passwords shorter than 10 characters are refused outside --demo.
class TestHqRevocation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shortPasswordsRefused();
    void disableRevokesAndEnableLetsBackIn();
    void passwordChangeRevokes();
    void roleChangeRevokes();
    void logoutRevokesOnlyThatToken();
    void userList();

private:
    int admin(const QStringList &arguments, const QByteArray &input, QByteArray *output);
    QString addUser(const QString &username, const QString &password);

    CentralDatabase m_db;
    std::unique_ptr<CentralProcess> m_central;
    HttpClient m_http;
};

void TestHqRevocation::initTestCase()
{
    QVERIFY2(!m_db.url().isEmpty(), qPrintable(m_db.errorString()));
    m_central = std::make_unique<CentralProcess>(m_db.centralOptions());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
}

int TestHqRevocation::admin(const QStringList &arguments, const QByteArray &input, QByteArray *output)
{
    return CentralProcess::runAdmin(arguments + QStringList{u"--db"_s, m_db.url()}, input, output);
}

QString TestHqRevocation::addUser(const QString &username, const QString &password)
{
    QByteArray output;
    const int code = admin({u"user"_s, u"add"_s, u"--org"_s, u"demo"_s, u"--username"_s, username, u"--role"_s,
                            u"hq_admin"_s},
                           password.toUtf8() + '\n', &output);
    if (code != 0)
        qWarning("user add %s: %s", qPrintable(username), output.constData());
    return Hq::login(m_http, username, password);
}

// The old token is refused (once the running central has polled the change) and its feed ends.
#define VERIFY_REVOKED(token, feed)                                                               \
    do {                                                                                          \
        QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/stores"_s, token).status, 401, 10'000);   \
        VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, token), 401, u"TOKEN_REVOKED"_s);           \
        QVERIFY2((feed).waitForClosed(10'000), "the live feed stayed open");                     \
    } while (false)

void TestHqRevocation::shortPasswordsRefused()
{
    QByteArray output;
    QCOMPARE(admin({u"org"_s, u"add"_s, u"--name"_s, u"short group"_s, u"--admin-username"_s, u"s-admin"_s},
                   "123456789\n", &output),
             1);
    QVERIFY2(output.contains("VALIDATION_FAILED") && output.contains("10"), output.constData());
    QCOMPARE(admin({u"user"_s, u"add"_s, u"--org"_s, u"demo"_s, u"--username"_s, u"shorty"_s, u"--role"_s,
                    u"hq_admin"_s},
                   "short\n", &output),
             1);
    QVERIFY2(output.contains("VALIDATION_FAILED"), output.constData());
    QCOMPARE(admin({u"user"_s, u"passwd"_s, u"--username"_s, u"hq"_s}, "too-short\n", &output), 1);
    QVERIFY2(output.contains("VALIDATION_FAILED"), output.constData());
    // Nothing was created or changed: the demo's own login still works.
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/login"_s, {{u"username"_s, u"shorty"_s}, {u"password"_s, u"short"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    QVERIFY(!Hq::login(m_http, u"hq"_s, u"hq"_s).isEmpty());
    // Ten characters are enough.
    QCOMPARE(admin({u"org"_s, u"add"_s, u"--name"_s, u"ten group"_s, u"--admin-username"_s, u"t-admin"_s},
                   "1234567890\n", &output),
             0);
    QVERIFY(!Hq::login(m_http, u"t-admin"_s, u"1234567890"_s).isEmpty());
}

void TestHqRevocation::disableRevokesAndEnableLetsBackIn()
{
    const QString token = addUser(u"leaver"_s, u"leaver-password"_s);
    QVERIFY(!token.isEmpty());
    SseStream feed;
    QVERIFY2(feed.open(m_central->port(), u"/api/v1/feed"_s, token), qPrintable(feed.errorString()));

    QByteArray output;
    QVERIFY2(admin({u"user"_s, u"disable"_s, u"--username"_s, u"leaver"_s}, {}, &output) == 0, output.constData());
    VERIFY_REVOKED(token, feed);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/login"_s,
                             {{u"username"_s, u"leaver"_s}, {u"password"_s, u"leaver-password"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);

    QVERIFY2(admin({u"user"_s, u"enable"_s, u"--username"_s, u"leaver"_s}, {}, &output) == 0, output.constData());
    const QString back = Hq::login(m_http, u"leaver"_s, u"leaver-password"_s);
    QVERIFY(!back.isEmpty());
    VERIFY_STATUS(m_http.get(u"/api/v1/stores"_s, back), 200);
    VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, token), 401, u"TOKEN_REVOKED"_s);
}

void TestHqRevocation::passwordChangeRevokes()
{
    const QString token = addUser(u"rotating"_s, u"first-password"_s);
    QVERIFY(!token.isEmpty());
    SseStream feed;
    QVERIFY2(feed.open(m_central->port(), u"/api/v1/feed"_s, token), qPrintable(feed.errorString()));

    QByteArray output;
    QVERIFY2(admin({u"user"_s, u"passwd"_s, u"--username"_s, u"rotating"_s}, "second-password\n", &output) == 0,
             output.constData());
    VERIFY_REVOKED(token, feed);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/login"_s,
                             {{u"username"_s, u"rotating"_s}, {u"password"_s, u"first-password"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    QVERIFY(!Hq::login(m_http, u"rotating"_s, u"second-password"_s).isEmpty());
    QCOMPARE(admin({u"user"_s, u"passwd"_s, u"--username"_s, u"nobody"_s}, "long-enough-pw\n", &output), 1);
    QVERIFY2(output.contains("NOT_FOUND"), output.constData());
}

void TestHqRevocation::roleChangeRevokes()
{
    const QString token = addUser(u"demoted"_s, u"demoted-password"_s);
    QVERIFY(!token.isEmpty());
    SseStream feed;
    QVERIFY2(feed.open(m_central->port(), u"/api/v1/feed"_s, token), qPrintable(feed.errorString()));

    QByteArray output;
    QVERIFY2(admin({u"user"_s, u"role"_s, u"--username"_s, u"demoted"_s, u"--role"_s, u"store_viewer"_s,
                    u"--store-id"_s, u"1"_s},
                   {}, &output) == 0,
             output.constData());
    // The admin token must not keep an admin's rights after the demotion.
    VERIFY_REVOKED(token, feed);
    const HttpResult login = m_http.post(u"/api/v1/auth/login"_s,
                                         {{u"username"_s, u"demoted"_s}, {u"password"_s, u"demoted-password"_s}});
    VERIFY_STATUS(login, 200);
    QCOMPARE(login.json().value(u"role"_s).toString(), u"store_viewer"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/stores"_s, {{u"name"_s, u"mine"_s}}, login.json().value(u"token"_s).toString()),
                 403, u"FORBIDDEN"_s);

    QCOMPARE(admin({u"user"_s, u"role"_s, u"--username"_s, u"demoted"_s, u"--role"_s, u"store_viewer"_s}, {},
                   &output),
             1);
    QVERIFY2(output.contains("VALIDATION_FAILED"), output.constData());
}

void TestHqRevocation::logoutRevokesOnlyThatToken()
{
    const QString leaving = Hq::login(m_http, u"hq"_s, u"hq"_s);
    const QString staying = Hq::login(m_http, u"hq"_s, u"hq"_s);
    SseStream leavingFeed;
    SseStream stayingFeed;
    QVERIFY2(leavingFeed.open(m_central->port(), u"/api/v1/feed"_s, leaving), qPrintable(leavingFeed.errorString()));
    QVERIFY2(stayingFeed.open(m_central->port(), u"/api/v1/feed"_s, staying), qPrintable(stayingFeed.errorString()));

    VERIFY_STATUS(m_http.post(u"/api/v1/auth/logout"_s, {}, leaving), 204);
    VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, leaving), 401, u"TOKEN_REVOKED"_s);
    QVERIFY2(leavingFeed.waitForClosed(10'000), "the logged-out feed stayed open");
    VERIFY_STATUS(m_http.get(u"/api/v1/stores"_s, staying), 200);
    QVERIFY(!stayingFeed.waitForClosed(500));

    // A restart keeps the logout (persisted until the token would have expired).
    QVERIFY(m_central->terminate());
    VERIFY_CENTRAL_STARTED(*m_central);
    m_http.setPort(m_central->port());
    VERIFY_ERROR(m_http.get(u"/api/v1/stores"_s, leaving), 401, u"TOKEN_REVOKED"_s);
    VERIFY_STATUS(m_http.get(u"/api/v1/stores"_s, staying), 200);
}

void TestHqRevocation::userList()
{
    QByteArray output;
    QCOMPARE(admin({u"user"_s, u"list"_s}, {}, &output), 0);
    QVERIFY2(output.contains("hq\t"), output.constData());
    QVERIFY2(output.contains("demoted\t") && output.contains("store_viewer"), output.constData());
    QVERIFY2(!output.contains("$argon2"), "the list shows password hashes");
}

QTEST_GUILESS_MAIN(TestHqRevocation)
#include "tst_hqrevocation.moc"
