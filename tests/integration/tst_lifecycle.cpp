#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest/QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace tableorder::test;

/// The daemon's life: the admin sub-commands that set up a store without --demo, a clean
/// stop on SIGTERM/SIGINT that a restart on the same data directory continues from, and
/// /readyz with a 500 that tells nothing when the database breaks underneath.
class TestLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void adminCommands();
    void stopAndRestart_data();
    void stopAndRestart();
    void brokenDatabase();

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
    };
    static Run admin(const QStringList &arguments, const QByteArray &input);
};

TestLifecycle::Run TestLifecycle::admin(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(EdgeProcess::binaryPath(), arguments);
    if (!process.waitForStarted(10'000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

void TestLifecycle::adminCommands()
{
    EdgeProcess edge({.demo = false});
    const QString dir = edge.dataDir();

    Run run = admin({u"user"_s, u"add"_s, u"--data-dir"_s, dir, u"--role"_s, u"manager"_s,
                     u"--username"_s, u"boss"_s},
                    "correct horse\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    run = admin({u"user"_s, u"add"_s, u"--data-dir"_s, dir, u"--role"_s, u"kitchen"_s,
                 u"--username"_s, u"cook"_s},
                "battery staple\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    run = admin({u"table"_s, u"add"_s, u"--data-dir"_s, dir, u"--number"_s, u"7"_s}, "7777\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));

    run = admin({u"user"_s, u"add"_s, u"--data-dir"_s, dir, u"--role"_s, u"manager"_s,
                 u"--username"_s, u"boss"_s},
                "another one\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(u"ALREADY_EXISTS"_s), qPrintable(run.output));
    run = admin({u"table"_s, u"add"_s, u"--data-dir"_s, dir, u"--number"_s, u"7"_s}, "0000\n");
    QCOMPARE(run.exitCode, 1);
    run = admin({u"user"_s, u"add"_s, u"--data-dir"_s, dir, u"--role"_s, u"table"_s,
                 u"--username"_s, u"t"_s},
                "password\n");
    QCOMPARE(run.exitCode, 2);
    run = admin({u"user"_s, u"add"_s, u"--data-dir"_s, dir, u"--role"_s, u"kitchen"_s,
                 u"--username"_s, u"shorty"_s},
                "abc\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(u"VALIDATION_FAILED"_s), qPrintable(run.output));
    run = admin({u"table"_s, u"add"_s, u"--number"_s, u"8"_s}, "0000\n");
    QCOMPARE(run.exitCode, 2);

    // The store the commands made is what the daemon serves; nothing else is in it.
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const HttpResult boss = http.post(u"/api/v1/auth/staff-login"_s,
                                      {{u"username"_s, u"boss"_s}, {u"password"_s, u"correct horse"_s}});
    VERIFY_STATUS(boss, 200);
    QCOMPARE(boss.json().value(u"role"_s).toString(), u"manager"_s);
    const QString manager = boss.json().value(u"token"_s).toString();
    QCOMPARE(http.post(u"/api/v1/auth/staff-login"_s,
                       {{u"username"_s, u"cook"_s}, {u"password"_s, u"battery staple"_s}})
                     .json().value(u"role"_s).toString(),
             u"kitchen"_s);
    QVERIFY(!http.tableLogin(7, u"7777"_s).isEmpty());
    VERIFY_ERROR(http.post(u"/api/v1/auth/staff-login"_s,
                           {{u"username"_s, u"manager"_s}, {u"password"_s, u"manager"_s}}),
                 401, u"INVALID_CREDENTIALS"_s);
    const QJsonArray tables = http.get(u"/api/v1/tables"_s, manager).json().value(u"tables"_s).toArray();
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables.first().toObject().value(u"number"_s).toInt(), 7);
    QVERIFY(http.get(u"/api/v1/menu"_s).json().value(u"categories"_s).toArray().isEmpty());
}

void TestLifecycle::stopAndRestart_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestLifecycle::stopAndRestart()
{
    QFETCH(int, signal);
    EdgeProcess edge;
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    const QString table1 = http.tableLogin(1);
    const QString table2 = http.tableLogin(2);
    const QString kitchen = http.staffLogin(u"kitchen"_s, u"kitchen"_s);
    const QString manager = http.staffLogin(u"manager"_s, u"manager"_s);
    const QList<QJsonObject> items = menuItems(http.get(u"/api/v1/menu"_s).json());
    QCOMPARE(items.size(), 32);

    QList<QJsonObject> bodies;
    for (int i = 0; i < 6; ++i) {
        bodies.append(orderBody(newClientOrderId(), {{items.at(i).value(u"id"_s).toInteger(), i + 1}}));
        VERIFY_STATUS(http.post(u"/api/v1/orders"_s, bodies.last(), i % 2 ? table2 : table1), 201);
    }
    const QJsonArray placed =
            http.get(u"/api/v1/orders"_s, manager).json().value(u"orders"_s).toArray();
    QCOMPARE(placed.size(), 6);
    VERIFY_STATUS(http.patch(u"/api/v1/orders/%1"_s.arg(placed.at(0).toObject().value(u"id"_s).toInteger()),
                             {{u"status"_s, u"preparing"_s}}, kitchen),
                  200);
    VERIFY_STATUS(http.patch(u"/api/v1/menu/items/%1/availability"_s.arg(items.at(29).value(u"id"_s).toInteger()),
                             {{u"available"_s, false}}, kitchen),
                  200);
    const QByteArray ordersBefore = http.get(u"/api/v1/orders"_s, manager).body;
    const QByteArray menuBefore = http.get(u"/api/v1/menu"_s).body;
    const QByteArray tablesBefore = http.get(u"/api/v1/tables"_s, manager).body;

    QVERIFY(edge.isRunning());
    QVERIFY(edge.sendSignal(signal));
    QVERIFY2(edge.waitForExit(20'000), "the daemon did not stop");
    QCOMPARE(edge.exitStatus(), QProcess::NormalExit);
    QCOMPARE(edge.exitCode(), 0);
    QVERIFY2(edge.log().contains("database closed"), edge.log().right(2000).constData());

    // Same data directory: same orders, menu and tables, and the same secret, so the
    // tokens handed out before still work.
    VERIFY_STARTED(edge);
    http.setPort(edge.port());
    QVERIFY2(edge.log().contains("demo data not added"), edge.log().constData());
    QCOMPARE(http.get(u"/api/v1/orders"_s, manager).body, ordersBefore);
    QCOMPARE(http.get(u"/api/v1/menu"_s).body, menuBefore);
    QCOMPARE(http.get(u"/api/v1/tables"_s, manager).body, tablesBefore);
    // A tablet retrying across the restart gets its order back, not a second one.
    const HttpResult retry = http.post(u"/api/v1/orders"_s, bodies.at(3), table2);
    VERIFY_STATUS(retry, 200);
    QCOMPARE(http.get(u"/api/v1/orders"_s, manager).body, ordersBefore);
    VERIFY_STATUS(http.post(u"/api/v1/orders"_s,
                            orderBody(newClientOrderId(), {{items.at(0).value(u"id"_s).toInteger(), 1}}),
                            table1),
                  201);
    QVERIFY(edge.terminate());
    QCOMPARE(edge.exitCode(), 0);
}

void TestLifecycle::brokenDatabase()
{
    EdgeProcess edge({.demo = false});
    VERIFY_STARTED(edge);
    HttpClient http(edge.port());
    VERIFY_STATUS(http.get(u"/readyz"_s), 200);

    // Someone breaks the store's database under the running daemon.
    const QString connection = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(edge.databasePath());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"DROP TABLE store"_s));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    const HttpResult ready = http.get(u"/readyz"_s);
    VERIFY_ERROR(ready, 503, u"UNAVAILABLE"_s);
    VERIFY_STATUS(http.get(u"/healthz"_s), 200);

    // A request that needs the broken table fails with a 500 that gives nothing away.
    const HttpResult menu = http.get(u"/api/v1/menu"_s);
    VERIFY_ERROR(menu, 500, u"INTERNAL"_s);
    QCOMPARE(menu.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"internal error"_s);
    for (const char *secret : {"store", "SQL", "sqlite", "no such table", "SELECT"})
        QVERIFY2(!menu.body.contains(secret), menu.body.constData());
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
