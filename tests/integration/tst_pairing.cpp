#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// Tablet pairing codes against the real edge, as the manager, a tablet and an attacker with a
/// photo of an old QR see them: a manager's code pairs exactly its table, once, for its
/// lifetime; a used, replaced, expired or other table's code is refused with a clear error and
/// pairs nothing; failures are limited like logins.
class TestPairing : public QObject
{
    Q_OBJECT

    EdgeProcess m_edge{{.rateLimits = true}};
    HttpClient m_http;
    QString m_manager;
    QHash<int, qint64> m_tableIds; // number -> id

    HttpResult issue(int number, const QString &token)
    {
        return m_http.post(u"/api/v1/tables/%1/pairing-code"_s.arg(m_tableIds.value(number)), {}, token);
    }
    QString issueCode(int number)
    {
        const HttpResult r = issue(number, m_manager);
        return r.status == 201 ? r.json().value(u"code"_s).toString() : QString();
    }
    HttpResult pair(int number, const QString &code)
    {
        return m_http.post(u"/api/v1/auth/table-pair"_s, {{u"table_number"_s, number}, {u"code"_s, code}});
    }
    /// The table an order placed with `token` lands on (0 when it is refused).
    int orderTable(const QString &token)
    {
        const qint64 item = menuItems(m_http.get(u"/api/v1/menu"_s).json()).value(0).value(u"id"_s).toInteger();
        const HttpResult r = m_http.post(u"/api/v1/orders"_s, orderBody(newClientOrderId(), {{item, 1}}), token);
        return r.status == 201 ? r.json().value(u"table_number"_s).toInt() : 0;
    }

private slots:
    void initTestCase()
    {
        VERIFY_STARTED(m_edge);
        m_http.setPort(m_edge.port());
        m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
        QVERIFY(!m_manager.isEmpty());
        for (const QJsonValue &t : m_http.get(u"/api/v1/tables"_s, m_manager).json().value(u"tables"_s).toArray())
            m_tableIds.insert(t[u"number"_s].toInt(), t[u"id"_s].toInteger());
        QVERIFY(m_tableIds.size() >= 12);
    }

    void onlyAManagerIssuesCodes()
    {
        VERIFY_ERROR(issue(1, {}), 401, u"UNAUTHENTICATED"_s);
        VERIFY_ERROR(issue(1, m_http.staffLogin(u"kitchen"_s, u"kitchen"_s)), 403, u"FORBIDDEN"_s);
        VERIFY_ERROR(issue(1, m_http.tableLogin(1)), 403, u"FORBIDDEN"_s);
        VERIFY_ERROR(m_http.post(u"/api/v1/tables/999999/pairing-code"_s, {}, m_manager), 404, u"NOT_FOUND"_s);
    }

    void aCodePairsItsTableOnce()
    {
        const HttpResult issued = issue(3, m_manager);
        VERIFY_STATUS(issued, 201);
        const QJsonObject body = issued.json();
        const QString code = body[u"code"_s].toString();
        QCOMPARE(code.size(), 12);
        QCOMPARE(body[u"code_display"_s].toString(), code.left(4) + u'-' + code.mid(4, 4) + u'-' + code.mid(8));
        QCOMPARE(body[u"table"_s][u"number"_s].toInt(), 3);
        QCOMPARE(body[u"table"_s][u"id"_s].toInteger(), m_tableIds.value(3));
        QCOMPARE(body[u"expires_in"_s].toInt(), 600);
        QVERIFY(body[u"fingerprint_sha256"_s].isNull()); // this edge serves plain HTTP
        QVERIFY(body[u"edge_urls"_s].isArray());
        const QDateTime expires = QDateTime::fromString(body[u"expires_at"_s].toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 600) < 60);

        // Typed by hand: lower case, the dashes of the display form.
        const HttpResult paired = pair(3, body[u"code_display"_s].toString().toLower());
        VERIFY_STATUS(paired, 200);
        const QString token = paired.json()[u"token"_s].toString();
        QCOMPARE(paired.json()[u"table"_s][u"number"_s].toInt(), 3);
        QCOMPARE(orderTable(token), 3);

        // The same code again (a photo of the QR, a second tablet): refused, nothing issued.
        const HttpResult again = pair(3, code);
        VERIFY_ERROR(again, 410, u"PAIRING_CODE_USED"_s);
        QVERIFY(again.json()[u"error"_s][u"message"_s].toString().contains(u"already used"_s));
        QVERIFY(!again.json().contains(u"token"_s));
    }

    void aCodeCannotPairAnotherTable()
    {
        const QString code = issueCode(5);
        QVERIFY(!code.isEmpty());
        const HttpResult other = pair(6, code);
        VERIFY_ERROR(other, 401, u"INVALID_CREDENTIALS"_s);
        QVERIFY(!other.json().contains(u"token"_s));
        // Still good for its own table: a wrong table number does not burn it.
        const HttpResult own = pair(5, code);
        VERIFY_STATUS(own, 200);
        QCOMPARE(orderTable(own.json()[u"token"_s].toString()), 5);
    }

    void aNewCodeReplacesTheTablesPreviousOne()
    {
        const QString first = issueCode(7);
        const QString second = issueCode(7);
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const HttpResult old = pair(7, first);
        VERIFY_ERROR(old, 410, u"PAIRING_CODE_EXPIRED"_s);
        QVERIFY(old.json()[u"error"_s][u"message"_s].toString().contains(u"replaced"_s));
        VERIFY_STATUS(pair(7, second), 200);
    }

    void aCancelledCodePairsNothing()
    {
        const QString code = issueCode(8);
        // A late cancel of an older code leaves the live one alone.
        const QString path = u"/api/v1/tables/%1/pairing-code"_s.arg(m_tableIds.value(8));
        const Headers json{{"Content-Type", "application/json"}};
        VERIFY_STATUS(m_http.send("DELETE", path, R"({"code":"0000-0000-0000"})", m_manager, json), 204);
        const HttpResult stillGood = pair(8, code);
        VERIFY_STATUS(stillGood, 200);
        const QString next = issueCode(8);
        VERIFY_STATUS(m_http.send("DELETE", path, QJsonDocument(QJsonObject{{u"code"_s, next}}).toJson(), m_manager, json), 204);
        const HttpResult late = pair(8, next);
        VERIFY_ERROR(late, 410, u"PAIRING_CODE_EXPIRED"_s);
        QVERIFY(late.json()[u"error"_s][u"message"_s].toString().contains(u"cancelled"_s));
        // Nothing live is fine too; only a manager may cancel.
        VERIFY_STATUS(m_http.del(u"/api/v1/tables/%1/pairing-code"_s.arg(m_tableIds.value(8)), m_manager), 204);
        VERIFY_ERROR(m_http.del(u"/api/v1/tables/%1/pairing-code"_s.arg(m_tableIds.value(8)), m_http.tableLogin(8)), 403, u"FORBIDDEN"_s);
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown code") << QJsonObject{{u"table_number"_s, 8}, {u"code"_s, u"0000-0000-0000"_s}} << 401 << u"INVALID_CREDENTIALS"_s;
        QTest::newRow("not a code") << QJsonObject{{u"table_number"_s, 8}, {u"code"_s, u"<script>"_s}} << 401 << u"INVALID_CREDENTIALS"_s;
        QTest::newRow("no code") << QJsonObject{{u"table_number"_s, 8}} << 400 << u"VALIDATION_FAILED"_s;
        QTest::newRow("no table") << QJsonObject{{u"code"_s, u"0000-0000-0000"_s}} << 400 << u"VALIDATION_FAILED"_s;
        QTest::newRow("table 0") << QJsonObject{{u"table_number"_s, 0}, {u"code"_s, u"0000-0000-0000"_s}} << 400 << u"VALIDATION_FAILED"_s;
    }
    void badRequestsAreRefused()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        VERIFY_ERROR(m_http.post(u"/api/v1/auth/table-pair"_s, body), status, code);
    }

    void failuresAreLimitedLikeLogins()
    {
        const QString code = issueCode(9);
        for (int i = 0; i < 5; ++i)
            VERIFY_ERROR(pair(9, u"0000-0000-000%1"_s.arg(i)), 401, u"INVALID_CREDENTIALS"_s);
        // Locked: even the right code waits, and says how long.
        const HttpResult locked = pair(9, code);
        VERIFY_ERROR(locked, 429, u"RATE_LIMITED"_s);
        QVERIFY(locked.header("Retry-After").toInt() > 0);
        // Other tables pair on.
        VERIFY_STATUS(pair(10, issueCode(10)), 200);
    }

    void aPasswordChangeRevokesPairedTablets()
    {
        const HttpResult paired = pair(11, issueCode(11));
        VERIFY_STATUS(paired, 200);
        const QString token = paired.json()[u"token"_s].toString();
        VERIFY_STATUS(m_http.put(u"/api/v1/tables/%1"_s.arg(m_tableIds.value(11)), {{u"password"_s, u"9876"_s}}, m_manager), 200);
        VERIFY_ERROR(m_http.get(u"/api/v1/orders"_s, token), 401, u"TOKEN_REVOKED"_s);
    }

    void anExpiredCodeIsRefused()
    {
        EdgeProcess edge{{.environment = {{u"TABLEORDER_AUTH_PAIRING_CODE_SECONDS"_s, u"1"_s}}}};
        VERIFY_STARTED(edge);
        HttpClient http(edge.port());
        const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
        const qint64 table = http.get(u"/api/v1/tables"_s, manager).json()[u"tables"_s][0][u"id"_s].toInteger();
        const HttpResult issued = http.post(u"/api/v1/tables/%1/pairing-code"_s.arg(table), {}, manager);
        VERIFY_STATUS(issued, 201);
        QCOMPARE(issued.json()[u"expires_in"_s].toInt(), 1);
        // Past its one second for certain (the edge's clock is monotonic).
        QTest::qWait(1500);
        const HttpResult late = http.post(u"/api/v1/auth/table-pair"_s,
                                          {{u"table_number"_s, issued.json()[u"table"_s][u"number"_s].toInt()},
                                           {u"code"_s, issued.json()[u"code"_s].toString()}});
        VERIFY_ERROR(late, 410, u"PAIRING_CODE_EXPIRED"_s);
        QVERIFY(late.json()[u"error"_s][u"message"_s].toString().contains(u"expired"_s));
    }

    void theEdgeSaysWhereTabletsReachIt()
    {
        const QJsonObject tls = m_http.get(u"/api/v1/system/tls"_s, m_manager).json();
        QVERIFY(tls[u"urls"_s].isArray());
        // The test edge listens on loopback only: nothing a tablet could reach.
        for (const QJsonValue &url : tls[u"urls"_s].toArray())
            QVERIFY2(!url.toString().contains(u"127.0.0.1"_s), qPrintable(url.toString()));
    }
};

QTEST_GUILESS_MAIN(TestPairing)
#include "tst_pairing.moc"
