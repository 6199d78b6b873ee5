#include "sseclient.h"
#include "testsupport.h"
#include "wsclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tableorder;
using namespace tableorder::test;

namespace {

/// A principal's two ways in: a REST token with an SSE stream and a WebSocket open on it.
struct Session
{
    QString token;
    std::unique_ptr<SseClient> sse = std::make_unique<SseClient>();
    std::unique_ptr<WsClient> ws = std::make_unique<WsClient>();
};

struct Run
{
    int exitCode = -1;
    QString output;
};

} // namespace

/// Token revocation against the real daemon: each revoking change (table password change
/// or removal, staff password change, disable, role change, logout), made over the API or
/// by the CLI in another process, turns the old tokens away (401 TOKEN_REVOKED) and closes
/// the streams opened with them.
class TestRevocation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tablePasswordChangeRevokes();
    void tableRemovalByCliRevokes();
    void tableWithOpenSessionIsNotRemoved();
    void staffPasswordByCliRevokes();
    void staffDisableRevokesAndEnableLetsBackIn();
    void staffRoleChangeRevokes();
    void logoutRevokesOnlyThatToken();
    void logoutSurvivesRestart();
    void tokenWithoutGenerationIsRevoked();
    void userListAndBadCommands();

private:
    bool openStreams(Session &session);
    Run admin(const QStringList &arguments, const QByteArray &input = {});
    qint64 tableId(int number);

    EdgeProcess m_edge;
    HttpClient m_http;
    QString m_manager;
};

void TestRevocation::initTestCase()
{
    VERIFY_STARTED(m_edge);
    m_http.setPort(m_edge.port());
    m_manager = m_http.staffLogin(u"manager"_s, u"manager"_s);
    QVERIFY(!m_manager.isEmpty());
}

bool TestRevocation::openStreams(Session &session)
{
    session.sse->open(m_edge.port(), {session.token});
    session.ws->open(m_edge.port(), {session.token});
    return session.sse->waitForOpen() && session.ws->waitForOpen();
}

Run TestRevocation::admin(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(EdgeProcess::binaryPath(), arguments + QStringList{u"--data-dir"_s, m_edge.dataDir()});
    if (!process.waitForStarted(10'000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

qint64 TestRevocation::tableId(int number)
{
    const HttpResult result = m_http.get(u"/api/v1/tables"_s, m_manager);
    for (const QJsonValue &t : result.json().value(u"tables"_s).toArray())
        if (t.toObject().value(u"number"_s).toInt() == number)
            return t.toObject().value(u"id"_s).toInteger();
    return 0;
}

// The old token is refused at once, over REST and on both open streams.
#define VERIFY_REVOKED(session, path)                                                             \
    do {                                                                                          \
        VERIFY_ERROR(m_http.get(path, (session).token), 401, u"TOKEN_REVOKED"_s);                \
        QVERIFY2((session).sse->waitForClosed(), "the SSE stream stayed open");                  \
        QVERIFY2((session).ws->waitForClosed(), "the WebSocket stayed open");                    \
        QCOMPARE(int((session).ws->closeCode()), 4008);                                           \
    } while (false)

void TestRevocation::tablePasswordChangeRevokes()
{
    // Two tablets on the same table (one password), both streaming.
    Session first{m_http.tableLogin(5)};
    Session second{m_http.tableLogin(5)};
    QVERIFY(openStreams(first));
    QVERIFY(openStreams(second));
    VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, first.token), 200);

    VERIFY_STATUS(m_http.put(u"/api/v1/tables/%1"_s.arg(tableId(5)), {{u"password"_s, u"5555"_s}}, m_manager),
                  200);
    VERIFY_REVOKED(first, u"/api/v1/orders"_s);
    VERIFY_REVOKED(second, u"/api/v1/orders"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/table-login"_s, {{u"table_number"_s, 5}, {u"password"_s, u"0000"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    const QString fresh = m_http.tableLogin(5, u"5555"_s);
    QVERIFY(!fresh.isEmpty());
    VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, fresh), 200);

    // Changing only the number keeps the table's tokens.
    VERIFY_STATUS(m_http.put(u"/api/v1/tables/%1"_s.arg(tableId(5)), {{u"number"_s, 55}}, m_manager), 200);
    VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, fresh), 200);
}

void TestRevocation::tableRemovalByCliRevokes()
{
    Session tablet{m_http.tableLogin(7)};
    QVERIFY(openStreams(tablet));
    // The CLI is another process: the running daemon learns of the change by itself.
    Run run = admin({u"table"_s, u"remove"_s, u"--number"_s, u"7"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/orders"_s, tablet.token).status, 401, 10'000);
    VERIFY_REVOKED(tablet, u"/api/v1/orders"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/table-login"_s, {{u"table_number"_s, 7}, {u"password"_s, u"0000"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    QCOMPARE(tableId(7), 0);

    // A removed table keeps its number (and history): renumbering another table onto it is refused.
    const QStringList before = databaseState(m_edge.databasePath());
    VERIFY_ERROR(m_http.put(u"/api/v1/tables/%1"_s.arg(tableId(8)), {{u"number"_s, 7}}, m_manager), 409,
                 u"ALREADY_EXISTS"_s);
    QCOMPARE(databaseState(m_edge.databasePath()), before);

    run = admin({u"table"_s, u"remove"_s, u"--number"_s, u"7"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(u"NOT_FOUND"_s), qPrintable(run.output));

    // Added again, the table is back with its new password only.
    run = admin({u"table"_s, u"add"_s, u"--number"_s, u"7"_s}, "7777\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    VERIFY_ERROR(m_http.get(u"/api/v1/orders"_s, tablet.token), 401, u"TOKEN_REVOKED"_s);
    QVERIFY(!m_http.tableLogin(7, u"7777"_s).isEmpty());
    QVERIFY(tableId(7) > 0);
}

void TestRevocation::tableWithOpenSessionIsNotRemoved()
{
    const QString tablet = m_http.tableLogin(10);
    const QList<QJsonObject> items = menuItems(m_http.get(u"/api/v1/menu"_s).json());
    QVERIFY(!items.isEmpty());
    VERIFY_STATUS(m_http.post(u"/api/v1/orders"_s,
                              orderBody(newClientOrderId(), {{items.first().value(u"id"_s).toInteger(), 1}}), tablet),
                  201);
    const QStringList before = databaseState(m_edge.databasePath());
    const Run run = admin({u"table"_s, u"remove"_s, u"--number"_s, u"10"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(u"CONFLICT"_s), qPrintable(run.output));
    QCOMPARE(databaseState(m_edge.databasePath()), before);
    VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, tablet), 200);
}

void TestRevocation::staffPasswordByCliRevokes()
{
    Run run = admin({u"user"_s, u"add"_s, u"--role"_s, u"kitchen"_s, u"--username"_s, u"cook"_s}, "cook-one\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    Session cook{m_http.staffLogin(u"cook"_s, u"cook-one"_s)};
    QVERIFY(!cook.token.isEmpty());
    QVERIFY(openStreams(cook));

    run = admin({u"user"_s, u"passwd"_s, u"--username"_s, u"cook"_s}, "cook-two\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/tables"_s, cook.token).status, 401, 10'000);
    VERIFY_REVOKED(cook, u"/api/v1/tables"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/staff-login"_s, {{u"username"_s, u"cook"_s}, {u"password"_s, u"cook-one"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    QVERIFY(!m_http.staffLogin(u"cook"_s, u"cook-two"_s).isEmpty());

    run = admin({u"user"_s, u"passwd"_s, u"--username"_s, u"cook"_s}, "abc\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(u"VALIDATION_FAILED"_s), qPrintable(run.output));
    run = admin({u"user"_s, u"passwd"_s, u"--username"_s, u"nobody"_s}, "long enough\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(u"NOT_FOUND"_s), qPrintable(run.output));
}

void TestRevocation::staffDisableRevokesAndEnableLetsBackIn()
{
    Run run = admin({u"user"_s, u"add"_s, u"--role"_s, u"manager"_s, u"--username"_s, u"leaver"_s}, "leaver-pw\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    Session leaver{m_http.staffLogin(u"leaver"_s, u"leaver-pw"_s)};
    QVERIFY(openStreams(leaver));

    run = admin({u"user"_s, u"disable"_s, u"--username"_s, u"leaver"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/tables"_s, leaver.token).status, 401, 10'000);
    VERIFY_REVOKED(leaver, u"/api/v1/tables"_s);
    // The right password of a disabled account gets the answer of a wrong one.
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/staff-login"_s,
                             {{u"username"_s, u"leaver"_s}, {u"password"_s, u"leaver-pw"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);

    run = admin({u"user"_s, u"enable"_s, u"--username"_s, u"leaver"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    const QString back = m_http.staffLogin(u"leaver"_s, u"leaver-pw"_s);
    QVERIFY(!back.isEmpty());
    VERIFY_STATUS(m_http.get(u"/api/v1/tables"_s, back), 200);
    VERIFY_ERROR(m_http.get(u"/api/v1/tables"_s, leaver.token), 401, u"TOKEN_REVOKED"_s);
}

void TestRevocation::staffRoleChangeRevokes()
{
    Run run = admin({u"user"_s, u"add"_s, u"--role"_s, u"manager"_s, u"--username"_s, u"shift"_s}, "shift-pw\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    Session shift{m_http.staffLogin(u"shift"_s, u"shift-pw"_s)};
    QVERIFY(openStreams(shift));
    VERIFY_STATUS(m_http.get(u"/api/v1/tables/1/history"_s, shift.token), 200);

    run = admin({u"user"_s, u"role"_s, u"--username"_s, u"shift"_s, u"--role"_s, u"kitchen"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    // The manager token must not keep a manager's rights after the demotion.
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/api/v1/tables/1/history"_s, shift.token).status, 401, 10'000);
    VERIFY_REVOKED(shift, u"/api/v1/tables"_s);
    const HttpResult login = m_http.post(u"/api/v1/auth/staff-login"_s,
                                         {{u"username"_s, u"shift"_s}, {u"password"_s, u"shift-pw"_s}});
    VERIFY_STATUS(login, 200);
    QCOMPARE(login.json().value(u"role"_s).toString(), u"kitchen"_s);
    VERIFY_ERROR(m_http.get(u"/api/v1/tables/1/history"_s, login.json().value(u"token"_s).toString()), 403,
                 u"FORBIDDEN"_s);

    run = admin({u"user"_s, u"role"_s, u"--username"_s, u"shift"_s, u"--role"_s, u"table"_s});
    QCOMPARE(run.exitCode, 2);
}

void TestRevocation::logoutRevokesOnlyThatToken()
{
    // A table's two tablets share its password: one logging out leaves the other in.
    Session leaving{m_http.tableLogin(9)};
    Session staying{m_http.tableLogin(9)};
    QVERIFY(openStreams(leaving));
    QVERIFY(openStreams(staying));

    VERIFY_STATUS(m_http.post(u"/api/v1/auth/logout"_s, {}, leaving.token), 204);
    VERIFY_REVOKED(leaving, u"/api/v1/orders"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/logout"_s, {}, leaving.token), 401, u"TOKEN_REVOKED"_s);
    VERIFY_STATUS(m_http.get(u"/api/v1/orders"_s, staying.token), 200);
    QVERIFY(staying.sse->isOpen());
    QVERIFY(staying.ws->isOpen());

    const QString kitchen = m_http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    VERIFY_STATUS(m_http.post(u"/api/v1/auth/logout"_s, {}, kitchen), 204);
    VERIFY_ERROR(m_http.get(u"/api/v1/tables"_s, kitchen), 401, u"TOKEN_REVOKED"_s);
    VERIFY_ERROR(m_http.post(u"/api/v1/auth/logout"_s, {}), 401, u"UNAUTHENTICATED"_s);
}

void TestRevocation::logoutSurvivesRestart()
{
    EdgeProcess edge;
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString out = http.tableLogin(3);
    const QString in = http.tableLogin(3);
    VERIFY_STATUS(http.post(u"/api/v1/auth/logout"_s, {}, out), 204);
    QVERIFY(edge.terminate());
    VERIFY_STARTED(edge);
    http.setPort(edge.port());
    VERIFY_ERROR(http.get(u"/api/v1/orders"_s, out), 401, u"TOKEN_REVOKED"_s);
    VERIFY_STATUS(http.get(u"/api/v1/orders"_s, in), 200);
}

void TestRevocation::tokenWithoutGenerationIsRevoked()
{
    // A token as the release before revocation issued it (no gen, no jti), validly signed.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString old = handmadeToken({{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}},
                                      {{u"role"_s, u"manager"_s}, {u"sub"_s, u"staff:1"_s}, {u"uid"_s, 1},
                                       {u"iat"_s, now}, {u"exp"_s, now + 3600}},
                                      m_edge.jwtSecret());
    VERIFY_ERROR(m_http.get(u"/api/v1/tables"_s, old), 401, u"TOKEN_REVOKED"_s);
    SseClient sse;
    sse.open(m_edge.port(), {old});
    QVERIFY(sse.waitForClosed());
    QCOMPARE(sse.response().status, 401);
    WsClient ws;
    ws.open(m_edge.port(), {old});
    QVERIFY(!ws.waitForOpen());
}

void TestRevocation::userListAndBadCommands()
{
    const Run run = admin({u"user"_s, u"list"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.output.contains(u"manager\tmanager\tenabled"_s), qPrintable(run.output));
    QVERIFY2(run.output.contains(u"kitchen\tkitchen\tenabled"_s), qPrintable(run.output));
    QVERIFY2(!run.output.contains(u"$argon2"_s), "the list shows password hashes");
    QCOMPARE(admin({u"user"_s, u"disable"_s, u"--username"_s, u"nobody"_s}).exitCode, 1);
    QCOMPARE(admin({u"table"_s, u"remove"_s, u"--number"_s, u"x"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestRevocation)
#include "tst_revocation.moc"
