#include "jwt.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

/// Logins, and what the real daemon does with every kind of bad token and the wrong role.
class TestAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableLogin_data();
    void tableLogin();
    void staffLogin_data();
    void staffLogin();
    void badToken_data();
    void badToken();
    void wrongRole_data();
    void wrongRole();
    void tokenInQueryString();

private:
    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_table;
    QString m_kitchen;
    QString m_manager;
};

void TestAuth::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_table = m_http.tableLogin(1);
    m_kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_table.isEmpty() && !m_kitchen.isEmpty() && !m_manager.isEmpty());
}

void TestAuth::tableLogin_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("table 1") << QJsonObject{{u"table_number"_s, 1}, {u"password"_s, u"0000"_s}}
                             << 200 << QString() << QString();
    QTest::newRow("table 12") << QJsonObject{{u"table_number"_s, 12}, {u"password"_s, u"0000"_s}}
                              << 200 << QString() << QString();
    QTest::newRow("wrong password")
            << QJsonObject{{u"table_number"_s, 1}, {u"password"_s, u"1234"_s}} << 401
            << u"INVALID_CREDENTIALS"_s << QString();
    QTest::newRow("unknown table")
            << QJsonObject{{u"table_number"_s, 99}, {u"password"_s, u"0000"_s}} << 401
            << u"INVALID_CREDENTIALS"_s << QString();
    QTest::newRow("table 0") << QJsonObject{{u"table_number"_s, 0}, {u"password"_s, u"0000"_s}}
                             << 400 << u"VALIDATION_FAILED"_s << u"table_number"_s;
    QTest::newRow("table number as text")
            << QJsonObject{{u"table_number"_s, u"1"_s}, {u"password"_s, u"0000"_s}} << 400
            << u"VALIDATION_FAILED"_s << u"table_number"_s;
    QTest::newRow("no password") << QJsonObject{{u"table_number"_s, 1}} << 400
                                 << u"VALIDATION_FAILED"_s << u"password"_s;
    QTest::newRow("password as number")
            << QJsonObject{{u"table_number"_s, 1}, {u"password"_s, 0}} << 400
            << u"VALIDATION_FAILED"_s << u"password"_s;
}

void TestAuth::tableLogin()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const HttpResult result = m_http.post(u"/api/v1/auth/table-login"_s, body);
    if (status != 200) {
        VERIFY_ERROR_FIELD(result, status, code, field);
        return;
    }
    VERIFY_STATUS(result, 200);
    const QJsonObject json = result.json();
    const QString token = json.value(u"token"_s).toString();
    QCOMPARE(token.count(u'.'), 2);
    const QJsonObject table = json.value(u"table"_s).toObject();
    QCOMPARE(table.value(u"number"_s).toInt(), body.value(u"table_number"_s).toInt());
    QVERIFY(table.value(u"id"_s).toInteger() > 0);
    // Tables get a long-lived token (365 days by default).
    const QDateTime expires =
            QDateTime::fromString(json.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addDays(364));
    VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, token), 200);
}

void TestAuth::staffLogin_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("role");
    QTest::newRow("manager") << u"manager"_s << u"manager"_s << 200 << u"manager"_s;
    QTest::newRow("kitchen") << u"kitchen"_s << u"kitchen"_s << 200 << u"kitchen"_s;
    QTest::newRow("wrong password") << u"manager"_s << u"kitchen"_s << 401 << QString();
    QTest::newRow("unknown user") << u"owner"_s << u"manager"_s << 401 << QString();
    QTest::newRow("user name is case sensitive") << u"Manager"_s << u"manager"_s << 401 << QString();
    QTest::newRow("empty user name") << QString() << u"manager"_s << 400 << QString();
}

void TestAuth::staffLogin()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(int, status);
    QFETCH(QString, role);
    const HttpResult result = m_http.post(u"/api/v1/auth/staff-login"_s,
                                          {{u"username"_s, username}, {u"password"_s, password}});
    if (status == 401) {
        VERIFY_ERROR(result, 401, u"INVALID_CREDENTIALS"_s);
        return;
    }
    if (status == 400) {
        VERIFY_ERROR_FIELD(result, 400, u"VALIDATION_FAILED"_s, u"username"_s);
        return;
    }
    VERIFY_STATUS(result, 200);
    const QJsonObject json = result.json();
    QCOMPARE(json.value(u"role"_s).toString(), role);
    const QDateTime expires =
            QDateTime::fromString(json.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
    // Staff tokens last a shift (12 hours by default), not a year.
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(11 * 3600));
    QVERIFY(expires < QDateTime::currentDateTimeUtc().addSecs(13 * 3600));
    VERIFY_STATUS(m_http.get(u"/api/v1/tables"_s, json.value(u"token"_s).toString()), 200);
}

void TestAuth::badToken_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("code");

    const QByteArray secret = m_edge.jwtSecret();
    QVERIFY(secret.size() >= 32);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject tableClaims{{u"role"_s, u"table"_s}, {u"sub"_s, u"table:1"_s}, {u"tid"_s, 1},
                                  {u"iat"_s, now}, {u"exp"_s, now + 3600}};
    const QJsonObject hs256{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
    auto bearer = [](const QString &token) -> QByteArray { return "Bearer " + token.toLatin1(); };

    QTest::newRow("no Authorization header") << QByteArray() << u"UNAUTHENTICATED"_s;
    QTest::newRow("Basic scheme") << QByteArray("Basic bWFuYWdlcjptYW5hZ2Vy")
                                  << u"UNAUTHENTICATED"_s;
    QTest::newRow("garbage") << bearer(u"not-a-token"_s) << u"INVALID_TOKEN"_s;
    QTest::newRow("forged: another secret")
            << bearer(JwtSigner(QByteArray(32, 'f')).sign(tableClaims, 3600, now))
            << u"INVALID_TOKEN"_s;
    QTest::newRow("forged: claims edited to manager")
            << [&]() -> QByteArray {
                   QStringList parts = m_table.split(u'.');
                   QJsonObject claims = tableClaims;
                   claims.insert(u"role"_s, u"manager"_s);
                   parts[1] = QString::fromLatin1(
                           QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
                   return "Bearer " + parts.join(u'.').toLatin1();
               }()
            << u"INVALID_TOKEN"_s;
    const QString none = handmadeToken({{u"alg"_s, u"none"_s}, {u"typ"_s, u"JWT"_s}}, tableClaims,
                                       secret);
    QTest::newRow("alg none, no signature") << bearer(none.first(none.lastIndexOf(u'.') + 1))
                                            << u"INVALID_TOKEN"_s;
    QTest::newRow("alg none, signed") << bearer(none) << u"INVALID_TOKEN"_s;
    QTest::newRow("alg HS512 with the store's secret")
            << bearer(handmadeToken({{u"alg"_s, u"HS512"_s}, {u"typ"_s, u"JWT"_s}}, tableClaims,
                                    secret, true))
            << u"INVALID_TOKEN"_s;
    QTest::newRow("expired, signed with the store's secret")
            << bearer(JwtSigner(secret).sign({{u"role"_s, u"table"_s}, {u"sub"_s, u"table:1"_s},
                                              {u"tid"_s, 1}},
                                             60, now - 3600))
            << u"TOKEN_EXPIRED"_s;
    QTest::newRow("unknown role, signed with the store's secret")
            << bearer(JwtSigner(secret).sign({{u"role"_s, u"admin"_s}, {u"sub"_s, u"staff:1"_s}},
                                             3600, now))
            << u"INVALID_TOKEN"_s;
    QTest::newRow("no role, signed with the store's secret")
            << bearer(JwtSigner(secret).sign({{u"sub"_s, u"staff:1"_s}}, 3600, now))
            << u"INVALID_TOKEN"_s;
}

void TestAuth::badToken()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, code);
    const QStringList before = databaseState(m_edge.databasePath());
    Headers headers;
    if (!authorization.isEmpty())
        headers.emplaceBack("Authorization", authorization);
    VERIFY_ERROR(m_http.get(u"/api/v1/orders"_s, {}, headers), 401, code);
    VERIFY_ERROR(m_http.send("POST", u"/api/v1/orders"_s,
                             QJsonDocument(orderBody(newClientOrderId(), {{1, 1}}))
                                     .toJson(QJsonDocument::Compact),
                             {}, headers + Headers{{"Content-Type", "application/json"}}),
                 401, code);
    VERIFY_ERROR(m_http.send("PATCH", u"/api/v1/menu/items/1/availability"_s,
                             R"({"available":false})", {},
                             headers + Headers{{"Content-Type", "application/json"}}),
                 401, code);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestAuth::wrongRole_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    const QByteArray order = QJsonDocument(orderBody(newClientOrderId(), {{1, 1}})).toJson();
    QTest::newRow("table lists tables") << u"table"_s << QByteArray("GET") << u"/api/v1/tables"_s
                                        << QByteArray();
    QTest::newRow("table marks an item sold out")
            << u"table"_s << QByteArray("PATCH") << u"/api/v1/menu/items/1/availability"_s
            << QByteArray(R"({"available":false})");
    QTest::newRow("table changes an order's status")
            << u"table"_s << QByteArray("PATCH") << u"/api/v1/orders/1"_s
            << QByteArray(R"({"status":"completed"})");
    QTest::newRow("kitchen adds a table") << u"kitchen"_s << QByteArray("POST") << u"/api/v1/tables"_s
                                          << QByteArray(R"({"number":50,"password":"0000"})");
    QTest::newRow("kitchen closes a session")
            << u"kitchen"_s << QByteArray("POST") << u"/api/v1/tables/1/close-session"_s
            << QByteArray();
    QTest::newRow("kitchen reads history") << u"kitchen"_s << QByteArray("GET")
                                           << u"/api/v1/tables/1/history"_s << QByteArray();
    QTest::newRow("kitchen places an order") << u"kitchen"_s << QByteArray("POST")
                                             << u"/api/v1/orders"_s << order;
    QTest::newRow("manager places an order") << u"manager"_s << QByteArray("POST")
                                             << u"/api/v1/orders"_s << order;
}

void TestAuth::wrongRole()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const QString token = who == u"table"_s ? m_table : who == u"kitchen"_s ? m_kitchen : m_manager;
    const QStringList before = databaseState(m_edge.databasePath());
    Headers headers;
    if (!body.isEmpty())
        headers.emplaceBack("Content-Type", "application/json");
    VERIFY_ERROR(m_http.send(method, path, body, token, headers), 403, u"FORBIDDEN"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);
}

void TestAuth::tokenInQueryString()
{
    // For clients that cannot set headers (EventSource, browser WebSocket).
    VERIFY_STATUS(m_http.get(u"/api/v1/tables?access_token="_s + m_manager), 200);
    VERIFY_ERROR(m_http.get(u"/api/v1/tables?access_token=forged"_s), 401, u"INVALID_TOKEN"_s);
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
